// Whether a dataset's column cache is whole, without reading its values: meta.json parses, and every
// column file (and dictionary) it names is there with the size its rows, width and dtype imply. A cache
// cut short by a full disk or a copy that stopped half-way fails here, so importing the same file again
// rebuilds it (registry.ts) instead of answering "already imported" over a cache that cannot be read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, bytesPerElement, parseCacheMeta, type DatasetCacheMeta } from '../../../common/dataset-cache';

/** What is wrong with the cache at `cacheDir`, in words ("c0003.bin (column 'OT'): 120 bytes, expected 69,680"), or null when whole. */
export function cacheDamage(cacheDir: string, expectedRows?: number): string | null {
  const metaPath = join(cacheDir, META_FILE);
  if (!existsSync(metaPath)) return `${META_FILE} is missing`;
  let meta: DatasetCacheMeta;
  try {
    meta = parseCacheMeta(readFileSync(metaPath, 'utf8'), META_FILE);
  } catch (e) {
    return (e as Error).message.replace(/; re-import the dataset$/, '');
  }
  if (!Array.isArray(meta.columns) || !Number.isInteger(meta.rows)) return `${META_FILE} has no column list or row count`;
  if (expectedRows !== undefined && meta.rows !== expectedRows) {
    return `${META_FILE} says ${meta.rows.toLocaleString('en-US')} rows, the dataset has ${expectedRows.toLocaleString('en-US')}`;
  }
  for (const c of meta.columns) {
    const file = join(cacheDir, c.file);
    if (!existsSync(file)) return `${c.file} (column '${c.name}') is missing`;
    const expected = meta.rows * c.dim * bytesPerElement(c.dtype);
    const size = statSync(file).size;
    if (size !== expected) return `${c.file} (column '${c.name}'): ${size.toLocaleString('en-US')} bytes, expected ${expected.toLocaleString('en-US')}`;
    if (c.dictionaryFile && !existsSync(join(cacheDir, c.dictionaryFile))) return `${c.dictionaryFile} (the values of column '${c.name}') is missing`;
  }
  return null;
}
