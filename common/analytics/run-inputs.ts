// The columns a run's model reads, in the order it reads them, from what the lab keeps with the run. Gates
// are named from this: a constant column left out of a forecast must not turn every channel into
// "channel i" (or shift the names). A run's trainer names them itself (RunDataSummary.inputs, sent with
// 'ready'); runs stored before that are read the old way: the column snapshot (config.data.columns) gives
// the binding the trainer started from (common/models/binding.ts defaultBinding, the trainer's own rule),
// and the data line names the columns it then left out (common/models/usable-columns.ts: constant or
// empty channels, id-like fields).
import { defaultBinding, type ColumnDescription, type DataColumns } from '../models/binding';
import type { ModelInputs } from '../trainer-protocol';

/** The model's inputs by column name: forecasting channels, or CTR inputs (fields, then numeric inputs). */
export interface RunInputs {
  channels?: string[];
  /** Categorical fields then numeric inputs: one embedding each, the rows of FinalMLP's per-field gates. */
  fields?: string[];
}

const NOTE = 'left out: ';

/**
 * Which of `candidates` the data line names as left out: "…; left out: site_flag (constant), empty (all
 * missing); …" (the note usableColumns writes: each item is a column's name, then why in brackets, the
 * reason without brackets of its own). Items are read in turn, each as the longest candidate followed by
 * " (", so a name holding ", " or brackets ("a, b", "Verbrauch (kWh)") is read whole and never as another.
 */
export function leftOutColumns(line: string | undefined, candidates: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!line) return out;
  const byLength = [...candidates].sort((a, b) => b.length - a.length);
  for (let start = line.indexOf(NOTE); start >= 0; start = line.indexOf(NOTE, start + 1)) {
    if (start > 0 && !line.startsWith('; ', start - 2)) continue; // a note starts the line or follows '; '
    let p = start + NOTE.length;
    for (;;) {
      const name = byLength.find((c) => line.startsWith(`${c} (`, p));
      // not a candidate (an all-missing text column, a modality): skip its name as far as its reason
      const open = name !== undefined ? p + name.length + 1 : line.indexOf(' (', p) + 1;
      const close = open > 0 ? line.indexOf(')', open) : -1;
      if (close < 0) break;
      if (name !== undefined) out.add(name);
      if (!line.startsWith(', ', close + 1)) break; // the note ends ('; ' or the line's end)
      p = close + 3;
    }
  }
  return out;
}

/** The binding's columns less those the data line says the trainer left out. */
export function usedColumns(c: DataColumns, line: string | undefined): DataColumns {
  if (c.family === 'forecasting') {
    const gone = leftOutColumns(line, c.channels);
    return { ...c, channels: c.channels.filter((n) => !gone.has(n)) };
  }
  if (c.family === 'recsys') {
    const gone = leftOutColumns(line, c.fields);
    return { ...c, fields: c.fields.filter((n) => !gone.has(n)) };
  }
  return c;
}

/**
 * The model's inputs in model order, when they add up to the model's width (`model.channels`, or
 * `model.fields` + `model.numeric`); else the field is absent, so a caller numbers them instead of naming
 * them wrongly. A multi-hot (its buckets are numeric inputs without a column each) leaves CTR inputs unnamed.
 */
export function inputsOf(c: DataColumns, model: Record<string, unknown>): RunInputs {
  if (c.family === 'forecasting') return model.channels === c.channels.length ? { channels: c.channels.slice() } : {};
  if (c.family !== 'recsys' || !Array.isArray(model.fields)) return {};
  const numeric = c.numeric ?? [];
  const fits = model.fields.length === c.fields.length && Number(model.numeric ?? 0) === numeric.length;
  return fits ? { fields: [...c.fields, ...numeric] } : {};
}

type Snapshot = { name: string; role: string; type?: string; modality?: string | null };
const isColumn = (x: unknown): x is Snapshot =>
  !!x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' && typeof (x as { role?: unknown }).role === 'string';
/** A snapshot column without a type (a config written by hand) is typed by its role, as names were once read. */
const TYPE_OF_ROLE: Record<string, string> = { categorical: 'categorical', time: 'datetime', feature: 'float', target: 'float' };
const described = (c: Snapshot) => ({ ...c, type: c.type ?? TYPE_OF_ROLE[c.role] ?? 'text', modality: c.modality ?? null }) as ColumnDescription;

/** What runInputs reads of a run's data summary (RunDataSummary): the trainer's inputs, else its data line. */
export interface InputsSource {
  line?: string | null;
  inputs?: ModelInputs;
}

/** The trainer's own list, when it fits the model's width (anything else is numbered, never named wrongly). */
function fittingInputs(given: ModelInputs, model: Record<string, unknown>): RunInputs {
  if (given.channels && model.channels === given.channels.length) return { channels: given.channels.slice() };
  const width = Array.isArray(model.fields) ? model.fields.length + Number(model.numeric ?? 0) : -1;
  if (given.fields && given.fields.length === width) return { fields: given.fields.slice() };
  return {};
}

/**
 * A run's inputs from its stored config and data summary. The trainer's list (`data.inputs`) when it has
 * one; else, for runs stored before, the binding of the column snapshot less what the data line says was
 * left out. The family is read off the model's data-shaped fields (channels: forecasting; fields: CTR). A
 * run trained before columns were left out has a model as wide as all of them: when the data line's list
 * does not fit the model, the whole binding is tried.
 */
export function runInputs(config: Record<string, unknown> | null | undefined, data?: InputsSource | null): RunInputs {
  const model = (config?.model ?? {}) as Record<string, unknown>;
  if (data?.inputs) {
    const given = fittingInputs(data.inputs, model);
    if (given.channels || given.fields) return given;
  }
  const dataLine = data?.line;
  const raw = (config?.data as { columns?: unknown } | undefined)?.columns;
  const columns = Array.isArray(raw) ? raw.filter(isColumn).map(described) : [];
  const family = typeof model.channels === 'number' ? 'forecasting' as const : Array.isArray(model.fields) ? 'recsys' as const : undefined;
  if (!family || !columns.length) return {};
  let bound: DataColumns;
  try {
    const positiveAtLeast = typeof model.positiveAtLeast === 'number' ? model.positiveAtLeast : undefined;
    bound = defaultBinding(family, columns, { positiveAtLeast }).columns as DataColumns;
  } catch {
    return {}; // the snapshot does not bind (a config from before roles said enough): number the inputs
  }
  const used = inputsOf(usedColumns(bound, dataLine ?? undefined), model);
  return used.channels || used.fields ? used : inputsOf(bound, model);
}
