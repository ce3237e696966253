// Where the columns an exported model reads are in the user's file: `sourceColumn` (the header cell as
// written) and `sourceIndex` (the 0-based field) beside each feature's `column`, the lab's name. The names
// differ where the import changed a header (trimmed, `column_N` for an empty cell, `category_2` for the
// second `category`), and an encoder looking cells up by `column` then fails or reads the wrong cell.
// The importer records each column's field in the cache (workers/import/source-fields.ts); for a dataset
// imported before that, what can still be known is given, and `source.columns` says which case applies.
// A .npy array has no column names: the importer names matrix column k-1 of a 2-D array [rows, C] `column_k`
// (a 1-D array is the one column column_1), so sourceIndex is that matrix column and sourceColumn null.
import type { DatasetCacheMeta } from '../../../common/dataset-cache';
import type { SourcePlace } from './preprocessing-doc';

const delimited = (meta: DatasetCacheMeta) => meta.source?.format === 'csv' || meta.source?.format === 'tsv';
const recorded = (meta: DatasetCacheMeta) => meta.columns.every((c) => c.sourceField !== undefined);

/**
 * Whether the import may have made `names[i]` up rather than read it from the header (sniff.ts columnNames):
 * `column_N` for an empty header cell, or `x_2` after an earlier `x`. Such a name does not say its header.
 */
function mayBeRenamed(names: readonly string[], i: number): boolean {
  if (names[i] === `column_${i + 1}`) return true;
  const m = /^(.*)_(\d+)$/.exec(names[i]);
  return m !== null && Number(m[2]) >= 2 && names.slice(0, i).includes(m[1]);
}

/** Where `column`'s cells are in the dataset's source file; {} when the meta names no source (nothing is known). */
export function sourcePlaceOf(meta: DatasetCacheMeta, column: string): SourcePlace {
  const i = meta.columns.findIndex((c) => c.name === column);
  if (i < 0) throw new Error(`column '${column}' is not in the dataset's cache`);
  const field = meta.columns[i].sourceField;
  if (field) return { sourceColumn: field.header, sourceIndex: field.index };
  if (!meta.source) return {};
  if (meta.source.format === 'npy') return npyPlace(column);
  if (!delimited(meta)) return { sourceColumn: column };
  // imported before fields were recorded: the importer has always kept the file's column order
  if (meta.source.hasHeader === false) return { sourceColumn: null, sourceIndex: i };
  const names = meta.columns.map((c) => c.name);
  return mayBeRenamed(names, i) ? { sourceIndex: i } : { sourceColumn: column, sourceIndex: i };
}

/** A .npy column's matrix column (module comment); {} for a name the importer does not give (nothing is known). */
function npyPlace(column: string): SourcePlace {
  const k = /^column_([1-9]\d*)$/.exec(column);
  return k ? { sourceColumn: null, sourceIndex: Number(k[1]) - 1 } : {};
}

/** The document's `source.columns`: how sourceColumn/sourceIndex were known and how to read cells with them. */
export function sourceColumnsRule(meta: DatasetCacheMeta): string | undefined {
  if (!meta.source) return undefined;
  if (meta.source.format === 'npy') {
    return 'a .npy array has no column names: sourceColumn is null and sourceIndex is the 0-based column of the 2-D array [rows, columns] '
      + 'the column was read from (column_1 is array[:, 0], column_k is array[:, k-1]); a 1-D array is the one column column_1 (sourceIndex 0: the array itself)';
  }
  if (!delimited(meta)) return 'sourceColumn is the key (JSON Lines) or field name (Parquet, Arrow) each column was read from, the same as `column`';
  const read = 'read each cell by sourceIndex, the 0-based field in a row of the file (header names can repeat); `column` is the lab\'s name, which differs from the header where the import changed it: trimmed of spaces, an empty header cell named column_N, a repeated name renamed name_2 (a second `category` becomes category_2)';
  if (meta.source.hasHeader === false) return `the file has no header row: sourceColumn is null; ${read}`;
  if (recorded(meta)) return `recorded at import: sourceColumn is the column's header cell as written in the file; ${read}`;
  return 'the dataset was imported before GateLab recorded each column\'s header: sourceIndex is the column\'s position in the file (the import keeps the file\'s column order), ' +
    'and sourceColumn its header trimmed of spaces, left out where the import may have renamed it (column_N, or name_2 after an earlier name); read each cell by sourceIndex';
}
