// How often each time of a datetime column repeats: k rows per time is a long-format file of k series
// (table-shape.ts noteLongFormat says so at import). The rule is the trainer's (common/data/forecasting-rows.ts
// longLayout): more than DUPLICATE_TIMES_ALLOWED of the rows repeat an earlier time, and rows / distinct times
// rounds to k ≥ 2. Real long files rarely repeat every time exactly k times (a store opens late, a sensor
// misses a day), and the run pivots those too, so the import must recognise them the same way: otherwise it
// only warns about repeated times and never says the run will pivot the file. A series that covers few times
// (a meter installed in the last weeks) pulls the average below the number of series: seriesPerTime then takes
// the most rows of one time, as many as the series-id column has values (each series at most once per time).
import type { CachedColumn } from '../../common/dataset-cache';
import { DUPLICATE_TIMES_ALLOWED } from '../../common/data/forecasting-rows';

export interface RepeatsPerTime {
  /** Rows per time, rounded: the number of series a long file would hold. */
  k: number;
  /** The fewest and most rows of one time: both k when every time has a row of every series. */
  fewest: number;
  most: number;
  /** Rows per time, not rounded: said when k is the most rows of one time rather than the average (seriesPerTime). */
  mean?: number;
  /** Distinct times: the rows of a run's pivot, recorded with the long-format reading (table-shape.ts noteLongFormat). */
  times: number;
}

/** `sorted`: the column's times without missing ones, in increasing order. Null: not k rows per time. */
export function repeatsPerTime(sorted: ArrayLike<number>): RepeatsPerTime | null {
  const n = sorted.length;
  if (n === 0) return null;
  let distinct = 0, run = 0, fewest = Infinity, most = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && i > 0 && sorted[i] === sorted[i - 1]) { run++; continue; }
    if (i > 0) { fewest = Math.min(fewest, run); most = Math.max(most, run); }
    if (i < n) { distinct++; run = 1; }
  }
  const k = Math.round(n / distinct);
  if (k < 2 || (n - distinct) / n <= DUPLICATE_TIMES_ALLOWED) return null;
  return { k, fewest, most, mean: n / distinct, times: distinct };
}

/**
 * The repeats with k the number of series a categorical column tells apart: the average rows per time when a
 * column has that many values, else the most rows of one time when a column has that many (one series covering
 * few times: 81,912 rows over 4,344 times average 19 of 20 meters). Unchanged when neither fits.
 */
export function seriesPerTime(r: RepeatsPerTime, columns: readonly CachedColumn[], time: string): RepeatsPerTime {
  const values = new Set(columns.filter((c) => c.type === 'categorical' && c.name !== time).map((c) => c.stats.cardinality));
  return values.has(r.k) || !values.has(r.most) ? r : { ...r, k: r.most };
}

/** Whether every time appears exactly k times. */
export const everyTimeK = ({ k, fewest, most }: RepeatsPerTime): boolean => fewest === k && most === k;

/** The words for how often the times repeat: "every time appears 3 times", or "about k" with the range when they vary. */
export function repeatsWords(r: RepeatsPerTime, what = 'time'): string {
  if (everyTimeK(r)) return `every ${what} appears ${r.k} times`;
  // k from the most rows of one time (seriesPerTime): "about 20" would overstate an average of 18.9
  if (r.mean !== undefined && Math.round(r.mean) !== r.k) return `each ${what} appears ${r.fewest} to ${r.most} times (${r.mean.toFixed(1)} on average)`;
  return `each ${what} appears about ${r.k} times (from ${r.fewest} to ${r.most})`;
}
