// The template fields the dataset decides (forecasting channels, recsys field vocabularies and numeric
// count, fusion modalities and their widths), worked out in the renderer from the dataset's column roles
// and statistics with the trainer's own rules (common/models/binding: defaultBinding picks the columns,
// DataColumns fills the defaults), so the diagram and the size follow the chosen dataset. The trainer
// recomputes them exactly at run time and overwrites these fields; the form therefore shows them
// read-only. Estimates: a vocabulary is counted here on the whole column (distinct values, or an
// integer column's range), there on the training split, so the two agree whenever every value occurs
// in training. A multi-hot column of '|'-separated lists is the exception: its token count is not in the
// column statistics (they count whole lists), so the numeric input count is left to the run there; nor is
// a vector column's dimension, which counts as 1 (its modality is named in widthsAtRunTime).
// A fusion modality's width depends on the form's own fields too (textBuckets, maxCategories): the caller
// passes the template config, so the estimate follows them as the trainer's encoding does. What a template
// needs beyond its family (MMoE: a rating) is the lab's own rule (common/models/template-needs.ts).
import { DataColumns, defaultBinding, pipelineFor, type ColumnDescription } from '../../common/models/binding';
import { MAX_CATEGORIES, MAX_NUMERIC_INPUTS, TEXT_BUCKETS } from '../../common/models/base';
import { MAX_CLASSES } from '../../common/models/target';
import { DATA_SHAPED_FIELDS } from '../../common/runs/new-run-config';
import { templateDataProblem, type TargetFacts } from '../../common/models/template-needs';
import { readingIsGuess, regressesByStats } from '../../common/models/regression-reading';
import type { ColumnInfo, DatasetDetail, Family } from '../../common/lab-api';
import { uiHint } from './ui-hints';
import { notASeries } from './not-a-series';
import { fusionModalitiesByCounts, recsysFieldsByCounts } from '../../common/models/usable-columns';
import { longLayout, type LongLayout } from '../../common/data/forecasting-rows';
import { byCodePoint } from '../../common/data/forecasting-long';
import type { DatasetCacheMeta } from '../../common/dataset-cache';

/**
 * Said after a number target's reading when the dataset predates the importer's count of its values: the
 * form estimated it from the range and histogram, and the trainer, counting every value, may read it the
 * other way. Importing the same file again finds the dataset already there; a type change parses the file
 * again (main/lab/datasets/retype.ts) and records the count.
 */
export const GUESS_NOTE = "(a guess from its range and histogram: this dataset predates GateLab's count of a number's values; the run counts them, and any type change records the count)";

/** Config fields of each family that the trainer takes from the dataset (workers/data/run-data.ts). */
export const DATA_FIELDS: Readonly<Record<Family, readonly string[]>> = DATA_SHAPED_FIELDS;

export interface DataShape {
  /** The config values that could be derived (a field missing here keeps the template's value). */
  values: Record<string, unknown>;
  /** What the form shows for each data field, e.g. modalities: "sensor (8), camera (8), context (4)". */
  shown: Record<string, string>;
  /** Why the dataset cannot feed this family as its roles stand (what to set), or null. */
  problem: string | null;
  /** Why this template cannot train on it although the family can (MMoE without a rating), or null. */
  templateProblem?: string | null;
  /**
   * Fusion modalities whose width is read when the run starts (a vector column's dimension is in the cache,
   * not in the column statistics): their `values` width counts such a column as 1, so a size measured with
   * them is a lower bound.
   */
  widthsAtRunTime?: string[];
}

/** Rows of an embedding table for a categorical column: its values plus the out-of-vocabulary id. */
export function vocabularyEstimate(c: ColumnInfo | undefined): number | null {
  if (!c) return null;
  if (c.distinct !== null && c.distinct > 0) return c.distinct + 1;
  if (c.type === 'boolean') return 3;
  // Integer codes used as categories (e.g. an hour 0..23) report a range, not a distinct count.
  if (c.type === 'int' && typeof c.min === 'number' && typeof c.max === 'number') return c.max - c.min + 2;
  return null;
}

const wholeNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/**
 * The width of each fusion column after encoding (as common/models/binding's encodedWidth), null where
 * unknown here. The encoding is the trainer's: binding.ts pipelineFor turns each column into its step, with
 * the run's text buckets (model.textBuckets, as model-columns.ts gives the binding) and categorical cap
 * (model.maxCategories, as usable-columns.ts's rule for new runs does): a capped categorical is its most
 * frequent `maxCategories` values plus one "other".
 */
function fusionWidths(binding: Extract<DataColumns, { family: 'fusion' }>, info: Map<string, ColumnInfo>, model: Record<string, unknown>): Map<string, number | null> {
  const encoding = { ...binding, textBuckets: wholeNumber(model.textBuckets) ?? TEXT_BUCKETS, maxCategories: wholeNumber(model.maxCategories) ?? MAX_CATEGORIES };
  const steps = pipelineFor((name) => info.get(name)?.type, encoding).steps ?? [];
  const widths = new Map<string, number | null>();
  for (const column of binding.modalities.flatMap((m) => m.columns)) {
    const step = steps.find((s) => 'column' in s && s.column === column);
    const c = info.get(column);
    let width: number | null;
    if (!c) width = null;
    else if (!step) width = null; // a vector: its dimension is in the cache, not in the column statistics
    else if (step.transform === 'hashed-ngrams') width = step.buckets ?? TEXT_BUCKETS;
    else if (step.transform === 'vocabulary') {
      const values = vocabularyEstimate(c);
      width = values !== null && step.maxSize !== undefined ? Math.min(values, step.maxSize + 1) : values;
    } else width = 1;
    widths.set(column, width);
  }
  return widths;
}

/**
 * Classes a fusion target gives when it is classified (the trainer's rule, common/models/target.ts): a label
 * rule or two values → 1 (binary); k ≥ 3 categories, or an integer column with 3..100 values (its range
 * here) → k. Whether it is classified at all is regressesByStats' question (dataShapeOf asks it first).
 */
export function classesEstimate(c: ColumnInfo | undefined, positiveAtLeast: number | undefined, task?: unknown): number {
  if (!c || positiveAtLeast !== undefined) return 1;
  if ((c.type === 'categorical' || c.type === 'text') && c.distinct !== null && c.distinct >= 3) return c.distinct;
  // a number whose values the importer counted: each distinct value is a class, as the trainer codes them
  // (more than MAX_CLASSES it refuses, in its words; the template's value stands until then)
  if ((c.type === 'int' || c.type === 'float') && c.numberValues) {
    const k = c.numberValues.distinct;
    return k >= 3 && k <= MAX_CLASSES ? k : 1;
  }
  if (c.type === 'int' && typeof c.min === 'number' && typeof c.max === 'number') {
    const k = c.max - c.min + 1;
    if (k >= 3 && k <= 100) return k;
  }
  // task=classification: every distinct value of a number is a class (fractions, many integers too); the
  // lab counts no distinct values of a number, so whole numbers count by their range (at most that many)
  if (task === 'classification' && c.type === 'int' && typeof c.min === 'number' && typeof c.max === 'number') {
    const k = c.max - c.min + 1;
    if (k >= 3 && k <= MAX_CLASSES) return k;
  }
  return 1;
}

/** task=classification over fractions: classes the statistics cannot count (the trainer counts them when the run starts). */
const uncountedClasses = (c: ColumnInfo | undefined, task: unknown): boolean =>
  task === 'classification' && c?.type === 'float' && c.inferredType !== 'int' && !c.numberValues;

/**
 * Numeric inputs one multi-hot gives a CTR model, as the trainer counts them (common/models/usable-columns.ts
 * checkNumericInputs): one per token of the training rows, plus one for unseen tokens. Indicator columns
 * (MovieLens' genres, 0/1) are a token each, unless their statistics show no value above 0 (never on);
 * a column of '|'-separated lists gives null: its statistics count distinct lists, not tokens.
 */
function multiHotWidth(m: { columns: string[] }, info: Map<string, ColumnInfo>): number | null {
  const separated = m.columns.length === 1 && ['categorical', 'text'].includes(info.get(m.columns[0])?.type ?? ''); // binding.ts pipelineFor's rule
  if (separated) return null;
  const on = m.columns.filter((c) => { const max = info.get(c)?.max; return typeof max !== 'number' || max > 0; });
  return on.length + 1;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Why the numeric inputs (numeric columns plus multi-hot tokens) exceed what a CTR model takes, naming the
 * widest multi-hot, or null. `known`: the inputs counted here; a separated list's tokens only add to them.
 */
function numericInputsProblem(known: number, numeric: string[], multi: { name: string; columns: string[]; width: number | null }[]): string | null {
  if (known <= MAX_NUMERIC_INPUTS) return null;
  const counted = multi.filter((m): m is typeof m & { width: number } => m.width !== null && m.width > 1).sort((a, b) => b.width - a.width);
  const parts = [
    // (width - 1: the indicator columns that are ever on, as multiHotWidth counts them)
    ...counted.map((m) => `the multi-hot '${m.name}' with ${fmt(m.width - 1)} indicator column${m.width === 2 ? '' : 's'} in use (an input each, plus one for unseen tokens)`),
    ...(numeric.length ? [`${fmt(numeric.length)} numeric column${numeric.length === 1 ? '' : 's'}`] : []),
  ];
  const uncounted = multi.some((m) => m.width === null) ? ' or more' : '';
  return `its roles give ${fmt(known)}${uncounted} numeric inputs, more than the ${fmt(MAX_NUMERIC_INPUTS)} a recommendation (CTR) model takes (each becomes an embedding the model reads): ` +
    `${parts.join('; ')}. Give fewer columns the multi-hot or feature role: leave columns out with gatelab datasets roles ID <column>=ignore`;
}

const list = (names: string[], max = 6) => (names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', '));

/**
 * How the app gives a target the label rule MMoE's rating needs: the words around the lab's rule
 * (common/models/template-needs.ts templateDataProblem, which the lab refuses such a run by) are the
 * lab's, so the form and the lab can never disagree on which datasets MMoE trains on; only this part,
 * what to click, is the app's (the lab's own hint names --set and the CLI).
 */
export const appRuleHint = (column: string): string => `Give '${column}' a rule in Datasets (Target: "binary label: value ≥ t", e.g. ≥ 4)`;

/** Why `template` cannot train on `d` although its family can (MMoE without a rating), or null: the lab's rule, in the app's words. */
function templateProblem(template: string | undefined, d: DatasetDetail, binding: DataColumns): string | null {
  const column = binding.family === 'recsys' ? binding.label.column : null;
  const c = column === null ? undefined : d.columnInfo.find((x) => x.name === column);
  const target: TargetFacts | undefined = c && { type: c.type, distinct: c.distinct, min: c.min, max: c.max };
  return templateDataProblem(template, binding, { name: d.name, target }, appRuleHint);
}

/** A family as the Models page names it ("cannot feed a recommendation model"). */
export const FAMILY_WORDS: Record<Family, string> = { forecasting: 'forecasting', recsys: 'recommendation', fusion: 'fusion' };

/**
 * Why `d` cannot feed `family`, in the app's words: the binding's message names the CLI command that sets a
 * role ("gatelab datasets roles ID <column>=target"), which in the app is the dataset's Schema tab (uiHint).
 * "a recommendation (CTR) model needs …" after "cannot feed a recommendation model" would say the family twice.
 */
export function feedProblem(family: Family, d: Pick<DatasetDetail, 'name'>, message: string): string {
  const why = uiHint(message).replace(/^an? [^:]*?\bmodel needs /, 'it needs ').replace(/Datasets → Schema/g, `Datasets → ${d.name} → Schema`).replace(/\.$/, '');
  return `${d.name} cannot feed a ${FAMILY_WORDS[family]} model yet: ${why}`;
}

/** "5: price, genres (4)", or "1 + the tokens of 'tags' (counted when the run starts): price, tags". */
function numericShown(numeric: string[], multi: { name: string; width: number | null }[], uncounted: string[]): string {
  const names = [...numeric, ...multi.map((m) => (m.width === null ? m.name : `${m.name} (${fmt(m.width)})`))];
  if (!names.length) return '0';
  const counted = multi.reduce((n, m) => n + (m.width ?? 0), numeric.length);
  const count = uncounted.length ? `${fmt(counted)} + the tokens of ${uncounted.map((n) => `'${n}'`).join(', ')} (counted when the run starts)` : fmt(counted);
  return `${count}: ${list(names)}`;
}

/** What the long-format rule reads of a dataset's detail. */
export type LongFormatFacts = Pick<DatasetDetail, 'rows' | 'columnInfo' | 'issues' | 'longFormat'>;

/**
 * The parts of the dataset cache's description that the lab's long-format rule (common/data/forecasting-rows.ts
 * longLayout) reads, rebuilt from the dataset payload: column types and distinct counts, the top values the
 * importer kept (a categorical's histogram labels), the import's long-format reading and, for a dataset
 * imported before it was recorded, the validation issues' counts (repeated times) the rule reads instead.
 */
function cacheMetaOf(d: LongFormatFacts): DatasetCacheMeta {
  const columns = d.columnInfo.map((c) => ({
    name: c.name, type: c.type,
    stats: {
      cardinality: c.distinct, min: c.min, max: c.max,
      topValues: c.histogram?.labels ? c.histogram.labels.map((value, i) => ({ value, count: c.histogram!.counts[i] ?? 0 })) : null,
    },
  }));
  const issues = d.issues.map((i) => ({ kind: i.kind, column: i.column, count: i.count, severity: i.severity, message: i.message, examples: [] }));
  return { rows: d.rows, columns, validation: { issues, ...(d.longFormat ? { longFormat: d.longFormat } : {}) } } as unknown as DatasetCacheMeta;
}

/**
 * The times a forecasting run on `d` lines a long-format file's series up on (its distinct times), or null
 * when the run reads the rows as they are (or the layout is refused, which the data-shape problem says). A
 * run then counts its windows and split parts in times, not rows.
 */
export function pivotTimes(d: LongFormatFacts): number | null {
  const columns = d.columnInfo.map((c) => ({ name: c.name, role: c.role }));
  let layout: LongLayout | null;
  try {
    layout = longLayout(cacheMetaOf(d), columns);
  } catch {
    return null;
  }
  if (!layout) return null;
  // the importer counted the time column's distinct times with its reading: the pivot's own count
  const recorded = d.longFormat?.find((r) => r.time === layout.time);
  if (recorded) return recorded.times;
  // no reading of this column (imported before readings were recorded, or a series-id role on a file the
  // import did not read as long): the rows less those repeating an earlier time and those without a time
  const repeats = d.issues.find((i) => i.kind === 'duplicate_time' && i.column === layout.time)?.count ?? 0;
  const untimed = d.columnInfo.find((c) => c.name === layout.time)?.missing ?? 0;
  return d.rows - repeats - untimed;
}

/**
 * A long-format file's channels as the run pivots it (common/data/forecasting-long.ts pivotLong): one per
 * series and value column, named `<series>` (one value column) or `<series>/<column>`, series in pandas'
 * order (text by code point). The series' names are known when the importer kept every value of the
 * series-id column (its top values cover its distinct count); otherwise the count alone, as the lab's size
 * check counts them (pivotChannelCount: distinct series × value columns).
 */
function longShape(layout: LongLayout, values: readonly string[], info: Map<string, ColumnInfo>): DataShape {
  const id = info.get(layout.series);
  const V = values.length;
  const labels = id?.histogram?.labels;
  // a number column's count is exact up to 1,000 (1,001 means more): past that the run counts them
  const numbers = id?.numberValues && id.numberValues.distinct <= 1000 ? id.numberValues.distinct : null;
  const count = id?.distinct ?? numbers;
  const by = `${count === null ? 'the' : fmt(count)} series by '${layout.series}'${V > 1 ? ` × ${V} columns (${values.join(', ')})` : ` × ${values[0]}`}`;
  if (count === null) return { values: {}, shown: { channels: `counted when the run starts: ${by}` }, problem: null };
  const n = count * V;
  const series = labels && labels.length === count ? [...labels].sort(byCodePoint) : null;
  const names = series ? series.flatMap((s) => (V === 1 ? [s] : values.map((v) => `${s}/${v}`))) : null;
  return { values: { channels: n }, shown: { channels: `${fmt(n)} (${by})${names ? `: ${list(names)}` : ''}` }, problem: null };
}

/**
 * The data shape of `family` on `d`; `template` adds what that template needs beyond its family (MMoE: a
 * rating); `model`, the form's template config, gives a fusion run's encoding (textBuckets, maxCategories).
 */
export function dataShapeOf(family: Family, d: DatasetDetail, template?: string, model: Record<string, unknown> = {}): DataShape {
  const columns: ColumnDescription[] = d.columnInfo.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }));
  const info = new Map(d.columnInfo.map((c) => [c.name, c]));
  let binding: DataColumns;
  try {
    binding = DataColumns.parse(defaultBinding(family, columns, { positiveAtLeast: d.label?.positiveAtLeast ?? undefined }).columns);
  } catch (e) {
    return { values: {}, shown: {}, problem: feedProblem(family, d, (e as Error).message) };
  }
  if (binding.family === 'forecasting') {
    const label = notASeries(columns, d.name);
    if (label) return { values: {}, shown: {}, problem: feedProblem(family, d, label) };
    let layout: LongLayout | null;
    try {
      layout = longLayout(cacheMetaOf(d), columns);
    } catch (e) {
      return { values: {}, shown: {}, problem: feedProblem(family, d, (e as Error).message) };
    }
    if (layout) return longShape(layout, binding.channels, info);
    const n = binding.channels.length;
    return { values: { channels: n }, shown: { channels: `${n}: ${list(binding.channels)}` }, problem: null };
  }
  // a column's counts from the import, as the trainer's rules read them (usable-columns.ts)
  const countsOf = (name: string) => {
    const c = info.get(name);
    return c ? { type: c.type, present: Math.max(0, d.rows - c.missing), distinct: c.distinct } : undefined;
  };
  if (binding.family === 'recsys') {
    // the fields the trainer keeps: an id unique per row (review_id) is left out, said as fusion says it
    const keptFields = recsysFieldsByCounts(binding.fields, countsOf);
    if (keptFields.fields.length) binding = { ...binding, fields: keptFields.fields };
    const fieldsLeft = keptFields.fields.length && keptFields.left.length ? `; left out: ${keptFields.left.join(', ')}` : '';
    const sizes = binding.fields.map((f) => vocabularyEstimate(info.get(f)));
    const known = sizes.every((n): n is number => n !== null);
    // numeric columns one input each, a multi-hot one per token (plus one for unseen tokens)
    const multi = binding.multiHot.map((m) => ({ ...m, width: multiHotWidth(m, info) }));
    const counted = multi.reduce((n, m) => n + (m.width ?? 0), binding.numeric.length);
    const uncounted = multi.filter((m) => m.width === null).map((m) => m.name);
    const values: Record<string, unknown> = {};
    if (!uncounted.length) values.numeric = counted;
    if (known) values.fields = sizes;
    const tooMany = numericInputsProblem(counted, binding.numeric, multi);
    return {
      values,
      shown: {
        fields: binding.fields.map((f, i) => `${f} (${sizes[i] ?? '?'})`).join(', ') + fieldsLeft,
        numeric: numericShown(binding.numeric, multi, uncounted),
      },
      problem: tooMany ? feedProblem(family, d, tooMany) : null,
      templateProblem: templateProblem(template, d, binding),
    };
  }
  // the modalities the trainer keeps (usable-columns.ts): an id-like column (site_id) takes no modality, so
  // MoE fusion's experts are the count the run trains with
  const kept = fusionModalitiesByCounts(binding, countsOf);
  if (!kept.modalities.length) {
    return { values: {}, shown: {}, problem: feedProblem(family, d, `no modality left to fuse: ${kept.left.join(', ')}. Give the model columns whose values repeat (in the app: Datasets → Schema → those columns' Role → feature, and a name in their Modality; on the command line: gatelab datasets roles ID <column>=feature:<modality>)`) };
  }
  binding = { ...binding, modalities: kept.modalities };
  const leftOut = kept.left.length ? `; left out: ${kept.left.join(', ')}` : '';
  const width = fusionWidths(binding, info, model);
  const modalities = binding.modalities.map((m) => {
    const widths = m.columns.map((c) => width.get(c) ?? null);
    // a width unknown here (a vector's dimension) counts as 1: the modality is still there, so its count,
    // which decides MoE fusion's experts and whether a gated fusion has two modalities, is right
    return { name: m.name, dim: widths.reduce((a: number, w) => a + (w ?? 1), 0), known: widths.every((w) => w !== null) };
  });
  // a regressed target (the trainer's rule, common/models/regression-reading.ts) has one output and no classes
  const target = info.get(binding.label);
  const regressed = regressesByStats(target, { task: typeof model.task === 'string' ? model.task : undefined, positiveAtLeast: binding.positiveAtLeast });
  const classes = regressed ? 1 : classesEstimate(target, binding.positiveAtLeast, model.task);
  const uncounted = !regressed && binding.positiveAtLeast === undefined && uncountedClasses(target, model.task);
  const atRunTime = modalities.filter((m) => !m.known).map((m) => m.name);
  // an auto reading of a number the importer did not count (an older dataset) is an estimate: said so, with the way to an exact one
  const guessNote = (model.task ?? 'auto') === 'auto' && binding.positiveAtLeast === undefined && readingIsGuess(target) ? ` ${GUESS_NOTE}` : '';
  return {
    // classes the statistics cannot count are left out: the template's value stands until the trainer counts them
    values: { ...(uncounted ? {} : { classes }), modalities: modalities.map(({ name, dim }) => ({ name, dim })) },
    shown: {
      modalities: modalities.map((m) => `${m.name} (${m.known ? m.dim : 'width at run time'})`).join(', ') + leftOut,
      classes: (regressed ? `a number to regress: ${binding.label}`
        : uncounted ? `the values of ${binding.label} (counted when the run starts)`
        : classes === 1 ? `1 (binary: ${binding.label})` : `${classes} (the values of ${binding.label})`) + guessNote,
    },
    problem: null,
    ...(atRunTime.length ? { widthsAtRunTime: atRunTime } : {}),
  };
}
