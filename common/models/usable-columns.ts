// The binding checked against the values it will read, after the split and before anything is fitted:
// columns that cannot teach the model anything are left out, and the run's data line names them, so a
// score is never flattered (or a one-hot never blown up) by a column nobody chose on purpose.
//   forecasting: a channel constant on the training rows would be "predicted" perfectly and deflate MSE by
//     its share of the channels; one without a value there cannot even be scaled;
//   fusion: a categorical column with (nearly) one value per row is an id (review_id): one-hot it and the
//     model learns the training rows by heart, and every test row is out of vocabulary; a column without a
//     value in the training rows has nothing to teach; a categorical with more values than the one-hot cap
//     keeps its most frequent ones (base.ts MAX_CATEGORIES says why), named in the data line;
//   recsys: user and item ids are the point, so a field goes only when it is unique per row (no value seen twice),
//     or when the training rows give its vocabulary nothing to learn: no value there, or one value in every row.
// Pure: the trainer (workers/data/run-data.ts) and the export's re-derivation (main/lab/runs/run-pipeline.ts)
// both call it after bindTarget, through model-columns.ts, so their channels, fields and modality widths agree.
import { TRAIN, vocabularySize, type ColumnSource, type DataColumn, type FittedPipeline, type SplitResult } from '../data';
import { MAX_CATEGORIES, MAX_NUMERIC_INPUTS } from './base';
import { stateFor, type DataColumns } from './binding';

/** A fusion categorical column whose distinct values reach this share of its rows is an id. */
export const ID_SHARE = 0.9;
/** A recsys field must be nearly unique per row to be left out (ids repeat in any usable interaction log). */
export const FIELD_ID_SHARE = 0.98;
/** Below this many values a column is not judged an id (a tiny table has few repeats of anything). */
const ID_MIN_ROWS = 20;

export interface UsableColumns {
  columns: DataColumns;
  /** For the run's data line: "left out: const (constant), empty (all missing)". */
  notes: string[];
}

const ID_NOTE = 'an id: one value per row';

/**
 * The rules columns were left out by, newest first. 'current': forecasting's constant and empty channels,
 * fusion's id-like categoricals, columns without a value in the training rows and categoricals capped at the
 * run's maxCategories, CTR ids and fields (numeric inputs) without a value in the training rows or constant
 * there. 'ids-only': ids alone (CTR's id fields, fusion's id-like categoricals, uncapped), the rule before
 * 2026-11-30 (forecasting: as 'current'). 'none': the binding as it is, the rule before any column was left out. A run holds a model as wide as the
 * columns its rule kept, so resuming, analysing or exporting it must re-derive the same inputs: model-columns.ts
 * picks the rule whose shape matches the run's model.
 */
export type ColumnRules = 'current' | 'ids-only' | 'none';

/**
 * The binding less the columns the data makes useless, with a note naming each; throws when nothing is left.
 * `alsoLeftOut`: columns the binding never took that the note should name with them ("empty (all missing)").
 * `window`: a forecasting model's lookback and horizon, named in the message for a split without training rows.
 * `maxCategories`: a fusion categorical's one-hot cap under today's rule (the run's model.maxCategories).
 */
export function usableColumns(data: ColumnSource, c: DataColumns, split: SplitResult, typeOf: (column: string) => string | undefined,
  alsoLeftOut: readonly string[] = [], window: { lookback?: number; horizon?: number } = {}, rules: ColumnRules = 'current',
  maxCategories = MAX_CATEGORIES): UsableColumns {
  const left: string[] = [];
  const noted = (items: string[]) => { const all = [...items, ...alsoLeftOut]; return all.length ? [`left out: ${all.join(', ')}`] : []; };
  if (rules === 'none') return { columns: c, notes: noted(left) };
  if (c.family === 'forecasting') {
    // No training row: every channel would be "without a value in the training rows", which blames the
    // columns for what is the file's length (a 1-row file: 70% of 1 row is 0 rows)
    if (split.counts.train === 0) throw new Error(emptyTrainingPart(split, data.rows, window));
    const channels = c.channels.filter((name) => {
      const why = uselessChannel(data.column(name), split.assignment);
      if (why) left.push(`${name} (${why})`);
      return !why;
    });
    if (!channels.length) throw new Error(`no channel left to forecast: ${left.join(', ')}. Forecast columns whose values change over the training rows`);
    return { columns: { ...c, channels }, notes: noted(left) };
  }
  if (c.family === 'recsys') {
    const fields = c.fields.filter((name) => {
      const col = data.column(name);
      const why = (rules === 'current' ? uselessField(col, split.assignment) : null) ?? (isId(col, FIELD_ID_SHARE) ? ID_NOTE : null);
      if (why) left.push(`${name} (${why})`);
      return !why;
    });
    if (!fields.length) {
      throw new Error(`a recommendation (CTR) model needs categorical fields whose values repeat and vary over the training rows; none is left: ${left.join(', ')}. ` +
        'Mark a column such as a user or item id categorical (gatelab datasets roles ID <column>=categorical)');
    }
    // A numeric feature without a value in the training rows has no z-score to fit (a constant one scales to 0: harmless)
    const numeric = rules === 'ids-only' ? c.numeric : c.numeric.filter((name) => {
      const why = uselessChannel(data.column(name), split.assignment);
      const empty = why === 'all missing' || why === 'no value in the training rows';
      if (empty) left.push(`${name} (${why})`);
      return !empty;
    });
    return { columns: { ...c, fields, numeric }, notes: noted(left) };
  }
  const current = rules === 'current';
  const modalities = c.modalities.map((m) => ({
    ...m,
    columns: m.columns.filter((name) => {
      const col = data.column(name);
      // CTR and forecasting leave such a column out too: a one-hot of the "other" bucket alone, or a number never seen
      const why = (current ? emptyInTraining(col, split.assignment) : null) ?? (typeOf(name) === 'categorical' && isId(col, ID_SHARE) ? ID_NOTE : null);
      if (why) left.push(`${name} (${why})`);
      return !why;
    }),
  })).filter((m) => {
    if (!m.columns.length) left.push(`modality '${m.name}' (no column left)`);
    return m.columns.length > 0;
  });
  if (!modalities.length) throw new Error(`no modality left to fuse: ${left.join(', ')}. Give the model columns whose values repeat (gatelab datasets roles ID <column>=feature:<modality>)`);
  if (!current) return { columns: { ...c, modalities }, notes: noted(left) };
  const fmt = (n: number) => n.toLocaleString('en-US');
  const capped = modalities.flatMap((m) => m.columns).filter((name) => typeOf(name) === 'categorical')
    .map((name) => ({ name, values: valuesInTraining(data.column(name), split.assignment) })).filter((x) => x.values > maxCategories)
    .map((x) => `${x.name}: ${fmt(x.values)} categories → top ${fmt(maxCategories)} + other`);
  const cap = capped.length ? [`${capped.join(', ')} (one-hot of the most frequent values in the training rows; --set maxCategories=N changes the cap)`] : [];
  return { columns: { ...c, modalities, maxCategories }, notes: [...noted(left), ...cap] };
}

/** Why a fusion column has nothing to teach (no value at all, or none in the training rows), or null. */
function emptyInTraining(col: DataColumn, assignment: Uint8Array): string | null {
  const dim = col.dim ?? 1, v = col.values;
  const present = (r: number) => {
    if (col.dictionary) return v[r] >= 0;
    for (let j = 0; j < dim; j++) if (!Number.isNaN(v[r * dim + j])) return true; // an embedding: any element
    return false;
  };
  let any = false;
  for (let r = 0; r < assignment.length; r++) {
    if (!present(r)) continue;
    if (assignment[r] === TRAIN) return null;
    any = true;
  }
  return any ? 'no value in the training rows' : 'all missing';
}

/** Distinct present values of a column in the training rows (what its vocabulary is fitted on). */
function valuesInTraining(col: DataColumn, assignment: Uint8Array): number {
  const v = col.values;
  const seen = col.dictionary ? new Uint8Array(col.dictionary.length) : null;
  const set = seen ? null : new Set<number>();
  let distinct = 0;
  for (let r = 0; r < v.length; r++) {
    if (assignment[r] !== TRAIN) continue;
    const x = v[r];
    if (seen ? x < 0 : Number.isNaN(x)) continue;
    if (seen) { if (!seen[x]) { seen[x] = 1; distinct++; } } else if (!set!.has(x)) { set!.add(x); distinct++; }
  }
  return distinct;
}

/**
 * Throws, naming the columns behind them, when a CTR binding gives its model more numeric inputs than it
 * takes (base.ts MAX_NUMERIC_INPUTS): a numeric column is one input, a multi-hot one per token of the
 * training rows plus one for unseen tokens. Known only once the pipeline is fitted (the tokens are counted
 * there); left to the template, the error named its field `numeric`, a count the user never set.
 */
export function checkNumericInputs(c: DataColumns, fitted: FittedPipeline): void {
  if (c.family !== 'recsys') return;
  const multi = c.multiHot.map((m) => ({ ...m, width: vocabularySize(stateFor(fitted, m.name, ['multi-hot'])) }));
  const total = multi.reduce((n, m) => n + m.width, c.numeric.length);
  if (total <= MAX_NUMERIC_INPUTS) return;
  const fmt = (n: number) => n.toLocaleString('en-US');
  // one column of '|'-separated lists is named by its column; indicator columns by their group and count
  const named = (m: (typeof multi)[number]) => (m.columns.length === 1 ? `the multi-hot column '${m.columns[0]}'` : `the multi-hot '${m.name}' (${fmt(m.columns.length)} indicator columns)`);
  const parts = [
    ...multi.filter((m) => m.width > 1).sort((a, b) => b.width - a.width)
      .map((m) => `${named(m)} with ${fmt(m.width - 1)} distinct token${m.width === 2 ? '' : 's'} in the training rows (an input each, plus one for unseen tokens)`),
    ...(c.numeric.length ? [`${fmt(c.numeric.length)} numeric column${c.numeric.length === 1 ? '' : 's'}`] : []),
  ];
  const widest = multi.reduce<(typeof multi)[number] | null>((w, m) => (!w || m.width > w.width ? m : w), null);
  const advice = widest && widest.width > c.numeric.length
    ? (widest.columns.length === 1
      ? `Keep the frequent tokens of '${widest.columns[0]}' (in the file, replace the rare ones by one token such as 'other', then import it again), or leave the column out (gatelab datasets roles ID '${widest.columns[0]}'=ignore)`
      : `Leave indicator columns out (gatelab datasets roles ID <column>=ignore)`)
    : 'Leave numeric columns out (gatelab datasets roles ID <column>=ignore)';
  throw new Error(`a recommendation (CTR) model takes at most ${fmt(MAX_NUMERIC_INPUTS)} numeric inputs (each becomes an embedding the model reads, as a field does), ` +
    `and this data gives ${fmt(total)}: ${parts.join('; ')}. ${advice}`);
}

/**
 * The trainer's window-fit message (windowMisfit: "the training part (rows 1-350, 350 rows) is shorter than
 * lookback + horizon") for a training part with no row at all: it says the part is empty and where the
 * split put the dataset's rows instead, in the same "rows 1-350, 350 rows" words (a 1-row file: 70% of 1 row
 * is 0 rows, and the row is the test part).
 */
function emptyTrainingPart(split: SplitResult, rows: number, { lookback, horizon }: { lookback?: number; horizon?: number }): string {
  const window = lookback !== undefined && horizon !== undefined ? `lookback ${lookback} + horizon ${horizon}` : 'lookback + horizon';
  const fmt = (n: number) => n.toLocaleString('en-US');
  const count = (n: number) => (n <= 0 ? 'no rows' : `${fmt(n)} row${n === 1 ? '' : 's'}`);
  const span = ([s, e]: [number, number]) => (e - s <= 0 ? 'no rows' : `rows ${fmt(s + 1)}-${fmt(e)}, ${count(e - s)}`);
  const elsewhere = split.ranges ? `validation ${span(split.ranges.val)}; test ${span(split.ranges.test)}` : `validation ${count(split.counts.val)}; test ${count(split.counts.test)}`;
  return `the training part is empty: this split gives it none of the dataset's ${count(rows)} (${elsewhere}), and a training window (${window} rows) must lie inside it. ` +
    `Use a longer file (the training part needs at least ${window} rows, plus rows for the validation and test parts) or a larger training part`;
}

/** Why a forecasting channel cannot be one (all missing, no value in the training rows, constant there), or null. */
function uselessChannel(col: DataColumn, assignment: Uint8Array): string | null {
  const v = col.values;
  let any = false, n = 0, first = NaN, varies = false;
  for (let r = 0; r < v.length; r++) {
    if (!Number.isFinite(v[r])) continue;
    any = true;
    if (assignment[r] !== TRAIN) continue;
    if (n++ === 0) first = v[r]; else if (v[r] !== first) { varies = true; break; }
  }
  if (!any) return 'all missing';
  if (n === 0) return 'no value in the training rows';
  return varies ? null : constantOverAll(v, first) ? 'constant' : 'constant in the training rows';
}

/**
 * Why a recsys field cannot be one, or null. Its vocabulary is fitted on the training rows (index 0 is
 * unseen or missing), so without a value there it is a vocabulary of the OOV bucket alone (the templates
 * need 2 or more); with one value in every training row it is a second bias, and a test row with another
 * value (or none) reads an OOV embedding that training never moved. One value beside missing cells stays:
 * present or not is a signal.
 */
function uselessField(col: DataColumn, assignment: Uint8Array): string | null {
  const v = col.values;
  const coded = !!col.dictionary;
  const missing = (x: number) => (coded ? x < 0 : Number.isNaN(x));
  let any = false, n = 0, first = NaN, varies = false;
  for (let r = 0; r < v.length; r++) {
    if (missing(v[r])) continue;
    any = true;
    if (assignment[r] !== TRAIN) continue;
    if (n++ === 0) first = v[r]; else if (v[r] !== first) { varies = true; break; }
  }
  if (!any) return 'all missing';
  if (n === 0) return 'no value in the training rows';
  if (varies || n < trainingRows(assignment)) return null;
  return constantOverAll(v, first, missing) ? 'constant' : 'constant in the training rows';
}

function trainingRows(assignment: Uint8Array): number {
  let n = 0;
  for (const p of assignment) if (p === TRAIN) n++;
  return n;
}

/** True when every present value is `value` (present: finite, or as `missing` says for a coded column). */
function constantOverAll(v: ArrayLike<number>, value: number, missing: (x: number) => boolean = (x) => !Number.isFinite(x)): boolean {
  for (let r = 0; r < v.length; r++) if (!missing(v[r]) && v[r] !== value) return false;
  return true;
}

/** What a column's import statistics count over the whole column: its present values and how many distinct (null: not counted, a number). */
export interface ColumnCounts {
  type: string | undefined;
  present: number;
  distinct: number | null;
}

/**
 * The fusion modalities today's rule will keep, judged before any split exists from the import statistics
 * (exact counts over the whole column, as isId counts): the id-like categoricals and the all-missing columns
 * usableColumns leaves out. The lab sizes MoE fusion's experts with it before queueing a run
 * (main/lab/runs/dataset-defaults.ts) and the Models form its modality count (renderer/lib/data-shape.ts),
 * so neither counts a modality the trainer then drops. What depends on the split (a column without a value
 * in the training rows) is left to the trainer. Modalities without a column left are dropped; `left` names
 * what went, in usableColumns' words.
 */
export function fusionModalitiesByCounts<M extends { name: string; columns: string[] }>(c: { modalities: readonly M[] },
  countsOf: (column: string) => ColumnCounts | undefined): { modalities: M[]; left: string[] } {
  const left: string[] = [];
  const modalities = c.modalities.map((m) => ({
    ...m,
    columns: m.columns.filter((name) => {
      const counts = countsOf(name);
      if (!counts) return true; // not known here: the trainer decides
      const why = counts.present === 0 ? 'all missing'
        : counts.type === 'categorical' && counts.distinct !== null && idByCounts(counts.present, counts.distinct, ID_SHARE) ? ID_NOTE : null;
      if (why) left.push(`${name} (${why})`);
      return !why;
    }),
  })).filter((m) => {
    if (!m.columns.length) left.push(`modality '${m.name}' (no column left)`);
    return m.columns.length > 0;
  });
  return { modalities, left };
}

/**
 * The CTR fields usableColumns keeps, judged on a column's import counts (the Models form's preview, before
 * any split): a field unique per row (FIELD_ID_SHARE: review_id) or without a value goes, with the same note.
 * The form listed review_id (1,501) as a field, and its parameter count an embedding the run never trains.
 * A constant field is the training rows' call (constant there is not constant in the file): kept here.
 */
export function recsysFieldsByCounts(fields: readonly string[], countsOf: (column: string) => ColumnCounts | undefined): { fields: string[]; left: string[] } {
  const left: string[] = [];
  const kept = fields.filter((name) => {
    const counts = countsOf(name);
    if (!counts) return true; // not known here: the trainer decides
    const why = counts.present === 0 ? 'all missing' : counts.distinct !== null && idByCounts(counts.present, counts.distinct, FIELD_ID_SHARE) ? ID_NOTE : null;
    if (why) left.push(`${name} (${why})`);
    return !why;
  });
  return { fields: kept, left };
}

/** The id rule on counts: enough values to judge, and distinct ones reaching `share` of them. */
function idByCounts(present: number, distinct: number, share: number): boolean {
  return present >= ID_MIN_ROWS && distinct >= share * present;
}

/** True when the column's distinct values reach `share` of its present values (codes < 0 / NaN: missing). */
export function isId(col: DataColumn, share: number): boolean {
  if ((col.dim ?? 1) > 1) return false;
  const v = col.values;
  const seen = col.dictionary ? new Uint8Array(col.dictionary.length) : null;
  const set = seen ? null : new Set<number>();
  let present = 0, distinct = 0;
  for (let r = 0; r < v.length; r++) {
    const x = v[r];
    if (seen ? x < 0 : Number.isNaN(x)) continue;
    present++;
    if (seen) { if (!seen[x]) { seen[x] = 1; distinct++; } } else if (!set!.has(x)) { set!.add(x); distinct++; }
  }
  return idByCounts(present, distinct, share);
}
