// Reading a column cache back: one file read per column, viewed as a typed array without copying
// (1M rows x a dozen columns opens in milliseconds). The trainer has its own tiny reader over the same
// pure helpers in common/dataset-cache.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readCacheMeta, readCachedColumn, type CacheFiles, type CachedColumn, type ColumnValues, type DatasetCacheMeta,
} from '../../../common/dataset-cache';

export interface OpenColumn {
  info: CachedColumn;
  /** Float32/Float64 values, Int32 codes (-1 = missing), or Float32 [rows*dim] for vectors. */
  values: ColumnValues;
  /** code -> string for categorical/text/boolean columns; null for numbers. */
  dictionary: string[] | null;
}

export interface DatasetCache {
  meta: DatasetCacheMeta;
  rows: number;
  columns: OpenColumn[];
  column(name: string): OpenColumn;
}

/** A cache folder's files, read synchronously: how every reader in main/ opens a cache. */
export function cacheFolderFiles(cacheDir: string): CacheFiles {
  return {
    readText: (f) => readFileSync(join(cacheDir, f), 'utf8'),
    readBytes: (f) => readFileSync(join(cacheDir, f)),
    where: (f) => join(cacheDir, f),
  };
}

export function openDatasetCache(cacheDir: string): DatasetCache {
  const files = cacheFolderFiles(cacheDir);
  const meta = readCacheMeta(files);
  const columns = meta.columns.map((info): OpenColumn => ({ info, ...readCachedColumn(files, meta, info) }));
  const byName = new Map(columns.map((c) => [c.info.name, c]));
  return {
    meta, rows: meta.rows, columns,
    column(name) {
      const c = byName.get(name);
      if (!c) throw new Error(`${cacheDir}: no column '${name}' (columns: ${[...byName.keys()].slice(0, 20).join(', ')})`);
      return c;
    },
  };
}
