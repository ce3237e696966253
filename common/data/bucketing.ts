// Bucketing numeric columns into categories (age groups, price bands) so categorical models can embed
// them. Boundaries come from training-row quantiles (or are given). Index 0 is "missing".
import type { DataColumn } from './columns';

export interface BucketState {
  kind: 'bucketize';
  /** Sorted, distinct. Bucket k (1-based) holds values in [boundaries[k-2], boundaries[k-1]). */
  boundaries: number[];
}

/** Quantile boundaries over the finite training values; ties collapse, so there may be fewer buckets than asked. */
export function fitBuckets(c: DataColumn, trainRows: Int32Array, buckets: number, name = 'column'): BucketState {
  if (c.dictionary) throw new Error(`${name}: bucketing needs a numeric column`);
  const v: number[] = [];
  for (const r of trainRows) if (Number.isFinite(c.values[r])) v.push(c.values[r]);
  if (v.length === 0) throw new Error(`${name}: no finite value in the training rows to fit buckets on`);
  v.sort((a, b) => a - b);
  const boundaries: number[] = [];
  for (let k = 1; k < buckets; k++) {
    const q = v[Math.min(v.length - 1, Math.floor((k * v.length) / buckets))];
    if (q > v[0] && boundaries[boundaries.length - 1] !== q) boundaries.push(q);
  }
  return { kind: 'bucketize', boundaries };
}

/** Number of indices a bucketed column takes (missing + one more than the boundaries). */
export const bucketCount = (s: BucketState): number => s.boundaries.length + 2;

export function bucketOfValue(s: BucketState, x: number): number {
  if (!Number.isFinite(x)) return 0;
  let lo = 0, hi = s.boundaries.length; // first boundary > x
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.boundaries[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo + 1;
}

export function applyBuckets(s: BucketState, c: DataColumn): Int32Array {
  return Int32Array.from(c.values as ArrayLike<number>, (x) => bucketOfValue(s, x));
}
