// How one feature is read by the simplest rule that can use it alone (leak-score.ts scores the rule): each
// value of a category, each value of a number with few of them (a 1–5 rating), or each of ~20 quantile bins
// of a number with many, is one key. Features this rule cannot judge fairly are left out: an id-like column
// (mostly one-off values: a rule on it only memorises rows) and one with too few values to say anything.
// Pure: arrays in, keys out; dense keys in typed arrays, since a million-row file is read 50,000 rows a column.
import type { ColumnValues } from '../../../common/dataset-cache';

/** Rows read at most: the check must stay cheap on a million-row file (evenly spaced, so a sorted file is spanned). */
export const MAX_SAMPLE_ROWS = 50_000;
/** Fewer rows with a target (or with the feature's value) than this say nothing either way. */
export const MIN_ROWS = 50;
/** Bins of a number with many values: each is ~5% of the rows, fine enough to follow any monotone link. */
const QUANTILE_BINS = 20;
/** A number with this many distinct values or fewer is read value by value (a 1–5 rating is five keys, not bins). */
const EXACT_VALUES = 64;

/** The rows to read: all of them up to `max`, else `max` evenly spaced ones. */
export function sampleRows(rows: number, max = MAX_SAMPLE_ROWS): Int32Array {
  const n = Math.min(rows, max);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor((i * rows) / n);
  return out;
}

/** One key per sampled row, 0..count-1; key 0 is "no value" (a key of its own: a rule may use it). */
export interface FeatureKeys {
  keys: Int32Array;
  count: number;
}

/**
 * The feature's keys over the sampled rows, or null when the feature cannot be judged this way: fewer than
 * MIN_ROWS values, or id-like (a coded column whose values are mostly one-offs; whole numbers nearly all
 * different, as a row number or a unix time).
 */
export function featureKeys(values: ColumnValues, coded: boolean, rows: Int32Array): FeatureKeys | null {
  return coded ? codedKeys(values, rows) : numberKeys(values, rows);
}

function codedKeys(codes: ColumnValues, rows: Int32Array): FeatureKeys | null {
  let top = -1;
  for (let i = 0; i < rows.length; i++) top = Math.max(top, codes[rows[i]]);
  const dense = new Int32Array(top + 1); // code -> key (0: not seen yet)
  const keys = new Int32Array(rows.length);
  let count = 1;
  let present = 0;
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    if (code < 0) continue;
    present++;
    if (dense[code] === 0) dense[code] = count++;
    keys[i] = dense[code];
  }
  if (present < MIN_ROWS || count - 1 > present / 2) return null;
  return { keys, count };
}

function numberKeys(values: ColumnValues, rows: Int32Array): FeatureKeys | null {
  const sorted = new Float64Array(rows.length);
  let n = 0;
  let integers = true;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (!Number.isFinite(v)) continue;
    sorted[n++] = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (n < MIN_ROWS) return null;
  const finite = sorted.subarray(0, n).sort();
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || finite[i] !== finite[i - 1]) distinct.push(finite[i]);
  if (integers && distinct.length > 0.95 * n) return null;
  // each value its own key, or bins cut at the quantiles (edges that repeat merge): either way the cut ignores
  // the target, so it leaks nothing into the score
  const edges = distinct.length <= EXACT_VALUES ? distinct.slice(1)
    : [...new Set(Array.from({ length: QUANTILE_BINS - 1 }, (_, k) => finite[Math.floor(((k + 1) * n) / QUANTILE_BINS)]))];
  const keys = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    keys[i] = Number.isFinite(v) ? 1 + binOf(edges, v) : 0;
  }
  return { keys, count: edges.length + 2 };
}

/** How many edges are ≤ v (binary search): the bin of v. */
function binOf(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
