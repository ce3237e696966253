// A dataset cache's column values without their dictionaries: the leakage check (leak-issues.ts) needs a
// category's codes, never its words, and a text column's dictionary on a million rows is most of the cost
// of opening it. Each column is read once, when first asked for.
import { cacheFolderFiles } from '../import/cache-io';
import { decodeColumn, readCacheMeta, type CachedColumn, type ColumnValues } from '../../../common/dataset-cache';

export interface CachedValues {
  rows: number;
  /** The column's stored type and width; undefined for a name the cache does not have. */
  info(name: string): CachedColumn | undefined;
  /** Float32/Float64 numbers, or Int32 codes (-1: missing) of a coded column. */
  values(name: string): ColumnValues;
}

export function cachedValues(dir: string): CachedValues {
  const files = cacheFolderFiles(dir);
  const meta = readCacheMeta(files);
  const byName = new Map(meta.columns.map((c) => [c.name, c]));
  const read = new Map<string, ColumnValues>();
  return {
    rows: meta.rows,
    info: (name) => byName.get(name),
    values(name) {
      const info = byName.get(name);
      if (!info) throw new Error(`${dir}: no column '${name}'`);
      const hit = read.get(name) ?? decodeColumn(info, files.readBytes(info.file), meta.rows);
      read.set(name, hit);
      return hit;
    },
  };
}
