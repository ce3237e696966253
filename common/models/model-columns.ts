// Which columns re-derive a dataset run's inputs, decided in one place for the trainer (workers/data/
// run-data.ts: a run started, resumed or analysed) and the lab (main/lab/runs/run-pipeline.ts: export, Try
// it, split rows). The rules that leave columns out changed over time (usable-columns.ts ColumnRules), and a
// run's checkpoint loads only into a model as wide as the columns its own rule kept: so for a built model the
// rules are tried in order, each fitted on the training rows, and the first whose shape is the run's model
// wins; a new run takes today's rule. One shape comparison (shapeMismatch) decides, for both callers, what
// "the same model" means.
import { fitPipeline, isWordRule, type ColumnSource, type FittedPipeline, type SplitResult } from '../data';
import { dataShape, pipelineFor, type DataColumns } from './binding';
import { checkNumericInputs, usableColumns, type ColumnRules } from './usable-columns';
import { MAX_CATEGORIES } from './base';

/**
 * The rules the lab tries for a run it re-derives after training: its model config is the one the trainer
 * built, so whatever rule the run was created under gives that shape.
 */
export const BUILT_MODEL_RULES: readonly ColumnRules[] = ['current', 'ids-only', 'none'];

/**
 * The rule for a new run: today's. Its config may already carry data-shaped fields (the Models form's
 * estimate, renderer/lib/data-shape.ts, or a CLI --set), and those can equal what an older rule gives (the
 * binding's own shape matches 'none' and 'ids-only'), so a new run never tries an older rule: it would keep
 * the constant channel or field that today's rule leaves out. Which one a run is, the caller knows
 * (workers/run/data-for.ts: a resume, analytics and Try it re-derive a built model).
 */
export const NEW_MODEL_RULES: readonly ColumnRules[] = ['current'];

export interface ModelColumns {
  /** The binding the inputs are derived from, less the columns the chosen rule leaves out. */
  columns: DataColumns;
  /** For the run's data line: "left out: const (constant), …" (usable-columns.ts). */
  notes: string[];
  fitted: FittedPipeline;
  /** The data-shaped model fields these columns give (binding.ts dataShape). */
  shape: Record<string, unknown>;
  /** The first difference between `shape` and the model ("model.channels is 5 but the dataset now gives 2"), or null. */
  mismatch: string | null;
}

export interface ModelColumnsInput {
  data: ColumnSource;
  /** The binding after bindTarget (the target coded, rows without one left out of `split`). */
  columns: DataColumns;
  split: SplitResult;
  typeOf: (column: string) => string | undefined;
  /** The run's model config: its data-shaped fields (when it has them) choose the rule; lookback and horizon size the windows. */
  model: Record<string, unknown>;
  /** Columns the binding never took, named in the "left out" note with the rest. */
  alsoLeftOut?: readonly string[];
  /** The columns the run's trainer log-scaled (a resume or an export forces the same); absent: decided on the training rows. */
  logScaled?: readonly string[];
}

/**
 * The usable columns whose shape matches the run's model: `rules` tried in order, the first that gives the
 * model's shape wins; when none does (a new run, or a dataset changed since), the first rule's, with the
 * difference in `mismatch`. A CTR binding wider than a model takes is refused, naming its column.
 */
export function modelColumns(input: ModelColumnsInput, rules: readonly ColumnRules[]): ModelColumns {
  const { data, split, typeOf, model, alsoLeftOut = [], logScaled } = input;
  const window = model as { lookback?: number; horizon?: number };
  const columns = withEncoding(input.columns, model);
  let chosen: ModelColumns | undefined;
  const tried = new Set<string>();
  for (const rule of rules) {
    // a config without maxCategories is a run from before the field: it was built with MAX_CATEGORIES (base.ts)
    const usable = usableColumns(data, columns, split, typeOf, alsoLeftOut, window, rule, wholeNumber(model.maxCategories) ?? MAX_CATEGORIES);
    const key = JSON.stringify(usable.columns);
    if (tried.has(key)) continue; // 'ids-only' outside CTR keeps what 'current' keeps: no second fit
    tried.add(key);
    const fitted = fitPipeline(pipelineFor(typeOf, usable.columns, { logScaled }), data, split.assignment);
    const shape = dataShape(data, fitted, usable.columns, window);
    const candidate = { ...usable, fitted, shape, mismatch: shapeMismatch(shape, model) };
    chosen ??= candidate;
    if (!candidate.mismatch) { chosen = candidate; break; }
    // A model without the data-shaped fields (a new run from the CLI) matches no rule: the first one stands
    if (!hasShapeFields(shape, model)) break;
  }
  if (!chosen) throw new Error('modelColumns: no column rule to try');
  checkNumericInputs(chosen.columns, chosen.fitted);
  return chosen;
}

const wholeNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/**
 * The fusion binding with the run's text encoding: model.textBuckets (a template field, so `--set
 * textBuckets=8192` is checked where the run is created) sets the hashed n-gram width; a config without it
 * (runs from before the field) keeps the binding's TEXT_BUCKETS (base.ts), the width those runs were built with. The one-hot
 * cap (model.maxCategories) belongs to today's column rule: usableColumns applies it.
 */
function withEncoding(c: DataColumns, model: Record<string, unknown>): DataColumns {
  const textBuckets = wholeNumber(model.textBuckets);
  // model.textWords: the word rule the run was created with (dataset-defaults.ts); absent in older runs, which keep 'letters-v1'
  const textWords = isWordRule(model.textWords) ? model.textWords : undefined;
  if (c.family !== 'fusion') return c;
  return { ...c, ...(textBuckets !== undefined ? { textBuckets } : {}), ...(textWords ? { textWords } : {}) };
}

/** Whether a data shape and a model config differ: a description of the first difference, or null. Windows are the user's, not the data's. */
export function shapeMismatch(shape: Record<string, unknown>, model: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(shape)) {
    if (key === 'lookback' || key === 'horizon') continue;
    const a = canonical(value), b = canonical(model[key]);
    if (a !== b) return `model.${key} is ${b} but the dataset now gives ${a}`;
  }
  return null;
}

const hasShapeFields = (shape: Record<string, unknown>, model: Record<string, unknown>) =>
  Object.keys(shape).every((key) => key === 'lookback' || key === 'horizon' || model[key] !== undefined);

/** JSON with object keys sorted, so the same value compares equal whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
