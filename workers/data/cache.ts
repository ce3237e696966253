// The trainer's reader of a dataset cache (the importer's columnar format, common/dataset-cache.ts):
// one file read per column, as a ColumnSource the split and pipeline code understands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, decodeColumn, decodeDictionary, parseCacheMeta, type DatasetCacheMeta } from '../../common/dataset-cache';
import type { ColumnSource, DataColumn } from '../../common/data';

export interface CachedDataset extends ColumnSource {
  meta: DatasetCacheMeta;
  names: string[];
}

export function readDatasetCache(cacheDir: string): CachedDataset {
  const metaPath = join(cacheDir, META_FILE);
  let text: string;
  try {
    text = readFileSync(metaPath, 'utf8');
  } catch (e) {
    throw new Error(`${metaPath}: cannot read the dataset cache (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); re-import the dataset`);
  }
  const meta = parseCacheMeta(text, metaPath);
  const loaded = new Map<string, DataColumn>();
  const names = meta.columns.map((c) => c.name);
  return {
    meta,
    names,
    rows: meta.rows,
    // Columns are read when first asked for: a model often uses a few columns of a wide file.
    column(name) {
      const hit = loaded.get(name);
      if (hit) return hit;
      const info = meta.columns.find((c) => c.name === name);
      if (!info) throw new Error(`${cacheDir}: no column '${name}'. The columns are: ${names.join(', ')}`);
      const values = decodeColumn(info, readFileSync(join(cacheDir, info.file)), meta.rows);
      const dictionary = info.dictionaryFile
        ? decodeDictionary(readFileSync(join(cacheDir, info.dictionaryFile), 'utf8'), join(cacheDir, info.dictionaryFile))
        : undefined;
      const col: DataColumn = { values, dictionary, dim: info.dim };
      loaded.set(name, col);
      return col;
    },
  };
}
