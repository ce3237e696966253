// What the whole table looks like, once every column is known: an event log (recommendation: ids, a label,
// no measurements) needs no time order, so the forecasting-only time warnings become notes; a long-format
// series file (k rows per time, one per value of a k-valued column) is said to be one, and recorded as data
// (the report's longFormat): a forecasting run pivots it.
import type { CachedColumn } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import type { Validation } from './validation';
import { pyString } from '../../common/text/python-string';
import { everyTimeK, repeatsWords, type RepeatsPerTime } from './repeats-per-time';
import { IRREGULAR_ADVICE } from './time-steps';
import { eventLogLabel } from '../../common/models/event-log';

/** Column names that say "what the user did or thought": labels of recommendation and CTR logs. */
const LABEL_NAME = /^(label|labels|target|y|rating|ratings|score|click|clicks|clicked|is_click|liked|like|likes|purchase|purchased|bought|watched|converted|conversion|interaction)$/i;

/** Ratings in a small range written as floats (half stars 0.5..5.0, 1..10 in halves): few distinct values, not measurements. */
const RATING_VALUES = 21, RATING_RANGE = 10;
const ratingLike = (c: CachedColumn, distinct: number | null | undefined) =>
  distinct != null && distinct <= RATING_VALUES && c.stats.min !== null && c.stats.max !== null && c.stats.max - c.stats.min <= RATING_RANGE;

/**
 * A recommendation-style log: no float measurement columns (floats of a few values in a small range are
 * ratings, not measurements), and two or more id/category columns (user, item), or one and a label-like
 * column. Forecasting needs float series, so such a file is not one. Nor is a log whose floats are side
 * features (a product's price) beside many user and item ids and a label-named column: the rule `gatelab
 * import`'s Next line reads too (common/models/event-log.ts). `distinct[i]`: how many distinct values number
 * column i has when few (NumberColumn.distinctValues), else null. Returns what makes it one, as the note
 * words it, or null when the table is no event log.
 */
function eventLogShape(columns: readonly CachedColumn[], plans: readonly ColumnPlan[], distinct: ReadonlyArray<number | null>): string | null {
  if (!columns.some((c) => c.type === 'datetime')) return null;
  if (columns.some((c) => c.type === 'vector' || c.type === 'text')) return null;
  if (columns.some((c, i) => c.type === 'float' && !ratingLike(c, distinct[i]))) {
    const label = eventLogLabel(columns.map((c) => ({ name: c.name, type: c.type, cardinality: c.stats.cardinality })));
    return label ? `many user and item ids and a label, '${label.name}'; its numbers are side features, not measurements over time` : null;
  }
  const ids = plans.filter((p, i) => (p.identifier || columns[i].type === 'categorical') && columns[i].stats.count > 0).length;
  const label = columns.some((c) => LABEL_NAME.test(c.name.trim()));
  // an implicit-feedback log (user, item, time) has no label: saying it has one sends the user looking for it
  return ids >= 2 || (ids >= 1 && label) ? `${label ? 'ids and a label' : 'ids'}, no measurements` : null;
}

/**
 * Time order, repeated times and uneven steps matter only to forecasting: in an event log they are notes, not
 * warnings, and an irregular spacing is not told to be resampled (events happen when they happen).
 */
export function softenTimeWarnings(columns: readonly CachedColumn[], plans: readonly ColumnPlan[], validation: Validation, distinct: ReadonlyArray<number | null> = []): void {
  const shape = eventLogShape(columns, plans, distinct);
  if (!shape) return;
  const log = `This file looks like an event log for recommendation (${shape}), where rows need no time order`;
  for (const c of columns) {
    if (c.type !== 'datetime') continue;
    validation.soften('unsorted_time', c.name, `. ${log}: a note, not a warning`);
    validation.soften('duplicate_time', c.name, `. ${log}: a note, not a warning`);
    const irregular = validation.issue('note', c.name, 'steps');
    if (irregular?.message.endsWith(IRREGULAR_ADVICE)) {
      irregular.message = irregular.message.slice(0, -IRREGULAR_ADVICE.length) + `${log} or fixed step: nothing to resample (only forecasting needs equally spaced rows)`;
    }
  }
}

/**
 * About k rows per time and a column with k values: several series stacked in long format. The times need
 * not repeat exactly k times (repeats-per-time.ts): the run pivots a file whose series miss some times too.
 */
export function noteLongFormat(columns: readonly CachedColumn[], time: string, repeats: RepeatsPerTime, validation: Validation): void {
  const k = repeats.k;
  const candidates = columns.filter((c) => c.type === 'categorical' && c.stats.cardinality === k && c.name !== time);
  const series = candidates[0];
  if (!series) return;
  const numbers = columns.filter((c) => (c.type === 'float' || c.type === 'int') && c !== series).length;
  if (timeOfDay(series)) {
    // '2016-07-01' and '00:00:00' in two columns: one timestamp split in two, not k series
    const example = series.stats.topValues?.[0]?.value ?? '00:00';
    validation.addCounted('note', time, k, `column '${time}' holds dates and column '${series.name}' the time of day (e.g. '${example}'): together they are one timestamp, so ${everyTimeK(repeats) ? `every date repeats ${k} times` : repeatsWords(repeats, 'date')}. `
      + `This is not long format: combine them into one datetime column and import again, e.g. pandas \`df.insert(0, 'datetime', df[${pyString(time)}] + ' ' + df[${pyString(series.name)}]); df = df.drop(columns=[${pyString(time)}, ${pyString(series.name)}])\`. `
      + `Until then a forecast reads '${time}' as a time index with ${k} rows per time`, 'long-format');
    return;
  }
  // uneven repeats: say what the run does with the times a series lacks (common/data/forecasting-long.ts fills them);
  // a series that starts late has no value before its first row, so those times are its first value carried back
  const gaps = everyTimeK(repeats) ? '' : `; a time without a row of some series is a gap in that channel, filled with the series' value before it (before a series' first row: its first value)`;
  // a forecasting run pivots it itself (common/data/forecasting-long.ts): say so, and how to name the column if the guess is wrong
  validation.addCounted('note', time, k, `column '${time}': ${repeatsWords(repeats)} and column '${series.name}' has ${k} values: this looks like long format (one row per series and time). ` +
    `A forecasting run pivots it: each value of '${series.name}' becomes a channel${numbers > 1 ? ' per number column' : ''}${gaps}. ` +
    // both faces show this note: the app's way and the command line's (main/lab/datasets/current-issues.ts puts the dataset's id in)
    `If another column tells the series apart, give that one the role series-id (in the app: Datasets → Schema → that column's Role → series-id; ` +
    `on the command line: gatelab datasets roles ID <column>=series-id)`, 'long-format');
  // the layout as data, for runs and the app (the note above is for people and may be reworded); the other
  // k-valued columns are kept too: while one of them is in use, the run asks which column is the series
  const alike = candidates.slice(1).filter((c) => !timeOfDay(c)).map((c) => c.name);
  validation.recordLongFormat({ time, series: series.name, ...(alike.length ? { alike } : {}), times: repeats.times });
  // one such column: the run pivots by it (common/data/forecasting-rows.ts longLayout), sorting the times itself,
  // so the unsorted-times warning's advice to sort the file is moot (two leave the run asking which: it stays)
  if (candidates.filter((c) => !timeOfDay(c)).length === 1) {
    unsortedButPivoted(time, series.name, validation);
    repeatedButPivoted(time, series.name, validation);
  }
}

/**
 * The repeated-times warning of a file the run pivots: a time repeats once per series by design, which the bare
 * "the same time appears more than once" leaves the user to square with the note. It stays a warning until a
 * column has the role series-id (main/lab/datasets/current-issues.ts then makes it information).
 */
function repeatedButPivoted(time: string, series: string, validation: Validation): void {
  const repeated = validation.issue('duplicate_time', time);
  if (!repeated || repeated.severity !== 'warning') return;
  repeated.message += `; long format (see the note): a forecasting run pivots the file by '${series}' into one row per time, so each time repeats once per series by design`;
}

/**
 * The out-of-order warning of a file the run pivots, without its advice to sort the file. It stays a warning
 * until a column has the role series-id (main/lab/datasets/current-issues.ts then makes it information).
 */
function unsortedButPivoted(time: string, series: string, validation: Validation): void {
  const unsorted = validation.issue('unsorted_time', time);
  if (!unsorted || unsorted.severity !== 'warning') return;
  // the head up to the advice: "column 'date': times are not in increasing order (first at line …)"
  const head = unsorted.message.replace(/\. This matters only for forecasting[^]*$/, '');
  unsorted.message = `${head}; long format (see the note): a forecasting run pivots the file by '${series}' into one row per time, sorted by time, so the file needs no sorting`;
}

/** Times of day ('00:00', '13:30:00', '7:05:00.5'): a column of them beside a date column completes its timestamps. */
const TIME_OF_DAY = /^\s*(([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?|24:00(:00)?)\s*$/; // '24:00': the day's end, as meter exports write it
function timeOfDay(column: CachedColumn): boolean {
  const top = column.stats.topValues ?? [];
  return top.length > 0 && top.every((t) => TIME_OF_DAY.test(t.value));
}
