// Columns a new dataset starts with the role ignore (registry.ts defaultRoles), because read as inputs they
// are noise or a leak, and a forecast would forecast them as channels (a forecasting run takes every numeric
// column not ignored, common/models/binding.ts):
//   a row counter: an integer column holding 0..n-1 or 1..n, each once. Named like one (`No`, `index`,
//     `Unnamed: 0`, an unnamed `column_1`…) its statistics say so; under any other name (UCI Bike Sharing's
//     `instant`) only when its values are the row numbers in row order (common/data/row-counter.ts) and its name
//     does not say it is data: an id (a recommendation key, common/data/id-names.ts) or a time index (`t`,
//     `week`, `day`). As a channel a counter is "forecast" perfectly and flatters the headline error;
//   the parts a time column was composed of at import (year, month, day, hour: workers/import/time-parts.ts):
//     the time index says when; as channels they are calendar counters, not measurements.
// The role is only where a dataset starts: a user sets it back to feature like any other. Roles are stored
// with the dataset at import, so datasets imported before keep theirs (a run's data line still names a
// forecasting channel that counts the rows: workers/data/row-counter.ts).
import type { ImportResult, ValidationIssue } from '../../../common/dataset-cache';
import { readCacheMeta, readCachedColumn, type DatasetCacheMeta } from '../../../common/dataset-cache';
import { looksLikeIdName } from '../../../common/data/id-names';
import { MIN_COUNTED_ROWS, numbersTheRows } from '../../../common/data/row-counter';
import { shellWord } from '../../../common/text/shell-word';
import { cacheFolderFiles } from '../import/cache-io';

type ImportedColumn = ImportResult['columns'][number] & { timeParts?: readonly string[] };
/** One column's stored values, by name: read only for the few columns whose statistics could be a counter's. */
export type ColumnValuesOf = (name: string) => ArrayLike<number>;

/** Names of saved row numbers: pandas' index (written unnamed, or `Unnamed: 0` read back), `No`, `#`, `row`… */
const ROW_COUNTER_NAME = /^(column_\d+|index|idx|unnamed: ?0|no\.?|nr\.?|#|id|row|rownum|row_?(id|no|num|number|index))$/i;
/**
 * Under another name a counter needs this many rows: 1, 2, 3… in a short file (a top-5 list's ranks, five
 * sizes) is more often data that happens to count than a saved row number.
 */
export const UNNAMED_COUNTER_MIN_ROWS = 10;
/** Words that make a column a time index (`t`, `time_idx`, `week`, `dayOfYear`): data a user may read as the time or a trend. */
const TIME_INDEX_WORDS = new Set(['t', 'time', 'timestep', 'step', 'period', 'tick', 'frame', 'epoch', 'iteration', 'iter',
  'year', 'yr', 'quarter', 'month', 'mnth', 'week', 'day', 'date', 'hour', 'hr', 'minute', 'second']);

/** Whether a name says the column is data a counter's values would not make it: an id (a key) or a time index. */
function namesKeyOrTime(name: string): boolean {
  const words = name.trim().replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return looksLikeIdName(name) || words.some((w) => TIME_INDEX_WORDS.has(w) || (w.endsWith('s') && TIME_INDEX_WORDS.has(w.slice(0, -1))));
}

/** Whether an int column's statistics are those of n distinct consecutive integers from 0 or 1 (whatever their order). */
function holdsEachRowNumberOnce(c: ImportResult['columns'][number], rows: number): boolean {
  if (c.type !== 'int' || rows < MIN_COUNTED_ROWS) return false;
  const { count, missing, min, max, mean, std } = c.stats;
  if (count !== rows || missing !== 0 || min === null || max === null || mean === null || std === null) return false;
  const expectedStd = Math.sqrt((rows * rows - 1) / 12); // of n consecutive integers (population std)
  return (min === 0 || min === 1) && max - min === rows - 1 && Math.abs(mean - (min + max) / 2) < 1e-6 * rows
    && Math.abs(std - expectedStd) < 1e-3 * expectedStd + 1e-6;
}

/**
 * A saved row number: an int column holding 0..n-1 (or 1..n) once each. Named like one, its statistics say
 * so without reading it; under another name its values (`valuesOf`) must be the row numbers in row order, a
 * shuffled 1..n being an id or a rank, and the name must say neither an id nor a time.
 */
export function isRowCounter(c: ImportResult['columns'][number], rows: number, valuesOf?: ColumnValuesOf): boolean {
  if (!holdsEachRowNumberOnce(c, rows)) return false;
  if (ROW_COUNTER_NAME.test(c.name.trim())) return true;
  return valuesOf !== undefined && rows >= UNNAMED_COUNTER_MIN_ROWS && !namesKeyOrTime(c.name) && numbersTheRows(valuesOf(c.name));
}

/** The stored values of an import's columns, read from its cache folder one column at a time. */
export function cachedColumnValues(cacheDir: string): ColumnValuesOf {
  const files = cacheFolderFiles(cacheDir);
  let meta: DatasetCacheMeta | undefined;
  return (name) => {
    meta ??= readCacheMeta(files);
    const info = meta.columns.find((c) => c.name === name);
    if (!info) throw new Error(`${cacheDir}: the import has no column '${name}' (columns: ${meta.columns.map((c) => c.name).join(', ')})`);
    return readCachedColumn(files, meta, info).values;
  };
}

/**
 * The columns of an import that start ignored, each with the note the import summary shows for it (null: the
 * importer's own note already says so, as the composed time's does for its parts). Without `valuesOf` only
 * counters named like one are found.
 */
export function ignoredOnImport(result: ImportResult, valuesOf?: ColumnValuesOf): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const c of result.columns as ImportedColumn[]) {
    for (const part of c.type === 'datetime' && Array.isArray(c.timeParts) ? c.timeParts : []) out.set(part, null);
  }
  for (const c of result.columns) {
    if (!out.has(c.name) && isRowCounter(c, result.rows, valuesOf)) out.set(c.name, rowCounterNote(c.name, c.stats.min ?? 0, result.rows));
  }
  return out;
}

/** The import summary's note on a row counter left out. */
export function rowCounterNote(name: string, first: number, rows: number): string {
  const last = (first + rows - 1).toLocaleString('en-US');
  return `column '${name}' counts the rows (${first} to ${last}): it starts with the role ignore, so no model reads it ` +
    `(as a forecasting channel it would be "forecast" perfectly and flatter the error; as a feature it says only where a row is in the file). ` +
    `To use it, set its role to feature (in the app: Datasets → Schema → its Role; on the command line: gatelab datasets roles ID ${shellWord(`${name}=feature`)})`;
}

/** The note as an issue of the import's report. */
export function ignoredNoteIssue(column: string, message: string, rows: number): ValidationIssue {
  return { kind: 'note', severity: 'info', column, count: rows, message, examples: [] };
}
