// The trainer's reader of a dataset cache (the importer's columnar format, common/dataset-cache.ts):
// one file read per column, as a ColumnSource the split and pipeline code understands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCacheMeta, readCachedColumn, type CacheFiles, type DatasetCacheMeta } from '../../common/dataset-cache';
import type { ColumnSource, DataColumn } from '../../common/data';

export interface CachedDataset extends ColumnSource {
  meta: DatasetCacheMeta;
  names: string[];
}

export function readDatasetCache(cacheDir: string): CachedDataset {
  const files: CacheFiles = {
    readText: (f) => readFileSync(join(cacheDir, f), 'utf8'),
    readBytes: (f) => readFileSync(join(cacheDir, f)),
    where: (f) => join(cacheDir, f),
  };
  const meta = readCacheMeta(files);
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
      const { values, dictionary } = readCachedColumn(files, meta, info);
      const col: DataColumn = { values, dictionary: dictionary ?? undefined, dim: info.dim };
      loaded.set(name, col);
      return col;
    },
  };
}
