// How split and pipeline code sees a dataset: column values (the cache's typed arrays) plus the
// dictionary of coded columns. Both the lab (from openDatasetCache) and trainers build one of these.
import type { ColumnValues } from '../dataset-cache';
import { TRAIN } from './split-spec';

export interface DataColumn {
  values: ColumnValues;
  /** Coded columns (categorical / text / boolean): code -> string; code -1 is missing. */
  dictionary?: string[];
  /** Elements per row (vector columns); 1 when absent. */
  dim?: number;
}

export interface ColumnSource {
  rows: number;
  /** Looks a column up by name; throws naming the known columns when absent. */
  column(name: string): DataColumn;
}

/** A ColumnSource over plain objects, mostly for tests and generated data. */
export function columnSource(rows: number, columns: Record<string, DataColumn>): ColumnSource {
  return {
    rows,
    column(name) {
      const c = columns[name];
      if (!c) throw new Error(`No column '${name}'. The columns are: ${Object.keys(columns).join(', ')}`);
      return c;
    },
  };
}

/** The value of a row as a string token: the dictionary entry of coded columns, the number otherwise; null when missing. */
export function tokenAt(c: DataColumn, row: number): string | null {
  const v = c.values[row];
  if (c.dictionary) return v < 0 ? null : c.dictionary[v];
  return Number.isNaN(v) ? null : String(v);
}

/** Indices of the rows whose assignment is `part` (TRAIN by default). */
export function rowsOf(assignment: Uint8Array, part: number = TRAIN): Int32Array {
  let n = 0;
  for (const p of assignment) if (p === part) n++;
  const out = new Int32Array(n);
  let k = 0;
  assignment.forEach((p, row) => { if (p === part) out[k++] = row; });
  return out;
}
