// Reading a column cache back: one file read per column, viewed as a typed array without copying
// (1M rows x a dozen columns opens in milliseconds). The trainer has its own tiny reader over the same
// pure helpers in common/dataset-cache.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  META_FILE, decodeColumn, decodeDictionary, parseCacheMeta,
  type CachedColumn, type ColumnValues, type DatasetCacheMeta,
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

export function openDatasetCache(cacheDir: string): DatasetCache {
  const metaPath = join(cacheDir, META_FILE);
  let text: string;
  try {
    text = readFileSync(metaPath, 'utf8');
  } catch (e) {
    throw new Error(`${metaPath}: cannot read the dataset cache (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); re-import the dataset`);
  }
  const meta = parseCacheMeta(text, metaPath);
  const columns = meta.columns.map((info): OpenColumn => {
    const values = decodeColumn(info, readFileSync(join(cacheDir, info.file)), meta.rows);
    const dictionary = info.dictionaryFile
      ? decodeDictionary(readFileSync(join(cacheDir, info.dictionaryFile), 'utf8'), join(cacheDir, info.dictionaryFile))
      : null;
    return { info, values, dictionary };
  });
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
