// Columns a new dataset starts with the role ignore (registry.ts defaultRoles), because read as inputs they
// are noise or a leak, and a forecast would forecast them as channels (a forecasting run takes every numeric
// column not ignored, common/models/binding.ts):
//   a row counter: an integer column named like one (`No`, `index`, `Unnamed: 0`, an unnamed `column_1`…)
//     holding 0..n-1 or 1..n: as a channel it is "forecast" perfectly and flatters the headline error;
//   the parts a time column was composed of at import (year, month, day, hour: workers/import/time-parts.ts):
//     the time index says when; as channels they are calendar counters, not measurements.
// The role is only where a dataset starts: a user sets it back to feature like any other. Roles are stored
// with the dataset at import, so datasets imported before keep theirs.
import type { ImportResult, ValidationIssue } from '../../../common/dataset-cache';
import { shellWord } from '../../../common/text/shell-word';

type ImportedColumn = ImportResult['columns'][number] & { timeParts?: readonly string[] };

/** Names of saved row numbers: pandas' index (written unnamed, or `Unnamed: 0` read back), `No`, `#`, `row`… */
const ROW_COUNTER_NAME = /^(column_\d+|index|idx|unnamed: ?0|no\.?|nr\.?|#|id|row|rownum|row_?(id|no|num|number|index))$/i;

/**
 * A saved row number: an int column named like one holding 0..n-1 (or 1..n) once each. Its statistics say
 * so without reading it (n distinct consecutive integers have this mean and spread, whatever their order).
 */
export function isRowCounter(c: ImportResult['columns'][number], rows: number): boolean {
  if (!ROW_COUNTER_NAME.test(c.name.trim()) || c.type !== 'int' || rows < 3) return false;
  const { count, missing, min, max, mean, std } = c.stats;
  if (count !== rows || missing !== 0 || min === null || max === null || mean === null || std === null) return false;
  const expectedStd = Math.sqrt((rows * rows - 1) / 12); // of n consecutive integers (population std)
  return (min === 0 || min === 1) && max - min === rows - 1 && Math.abs(mean - (min + max) / 2) < 1e-6 * rows
    && Math.abs(std - expectedStd) < 1e-3 * expectedStd + 1e-6;
}

/**
 * The columns of an import that start ignored, each with the note the import summary shows for it (null: the
 * importer's own note already says so, as the composed time's does for its parts).
 */
export function ignoredOnImport(result: ImportResult): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const c of result.columns as ImportedColumn[]) {
    for (const part of c.type === 'datetime' && Array.isArray(c.timeParts) ? c.timeParts : []) out.set(part, null);
  }
  for (const c of result.columns) {
    if (!out.has(c.name) && isRowCounter(c, result.rows)) out.set(c.name, rowCounterNote(c.name, c.stats.min ?? 0, result.rows));
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
