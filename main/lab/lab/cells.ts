// One cell of the preview, as the UI shows it: numbers as numbers (NaN as empty), coded columns as
// their dictionary string, datetimes as 'YYYY-MM-DD HH:MM:SS' (UTC, as the importer stored them).
import type { OpenColumn } from '../import/index';

export function datetimeText(epochSeconds: number): string {
  if (!Number.isFinite(epochSeconds)) return '';
  const iso = new Date(epochSeconds * 1000).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19).replace('T', ' ') : iso.replace('T', ' ').replace('Z', '');
}

export function cellOf(c: OpenColumn, row: number): string | number | null {
  const dim = c.info.dim || 1;
  if (dim > 1) {
    const head = Array.from(c.values.subarray(row * dim, row * dim + Math.min(dim, 4)), (v) => Number(v.toPrecision(4)));
    return `[${head.join(', ')}${dim > 4 ? `, … (${dim})` : ''}]`;
  }
  const v = c.values[row];
  if (c.dictionary) return v < 0 ? null : (c.dictionary[v] ?? null);
  if (Number.isNaN(v)) return null;
  if (c.info.type === 'datetime') return datetimeText(v);
  return v;
}
