// How often each time of a datetime column repeats: k rows per time is a long-format file of k series
// (table-shape.ts noteLongFormat says so at import). The rule is the trainer's (common/data/forecasting-rows.ts
// longLayout): more than DUPLICATE_TIMES_ALLOWED of the rows repeat an earlier time, and rows / distinct times
// rounds to k ≥ 2. Real long files rarely repeat every time exactly k times (a store opens late, a sensor
// misses a day), and the run pivots those too, so the import must recognise them the same way: otherwise it
// only warns about repeated times and never says the run will pivot the file.
import { DUPLICATE_TIMES_ALLOWED } from '../../common/data/forecasting-rows';

export interface RepeatsPerTime {
  /** Rows per time, rounded: the number of series a long file would hold. */
  k: number;
  /** The fewest and most rows of one time: both k when every time has a row of every series. */
  fewest: number;
  most: number;
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
  return { k, fewest, most };
}

/** Whether every time appears exactly k times. */
export const everyTimeK = ({ k, fewest, most }: RepeatsPerTime): boolean => fewest === k && most === k;

/** The words for how often the times repeat: "every time appears 3 times", or "about k" with the range when they vary. */
export function repeatsWords(r: RepeatsPerTime, what = 'time'): string {
  return everyTimeK(r) ? `every ${what} appears ${r.k} times` : `each ${what} appears about ${r.k} times (from ${r.fewest} to ${r.most})`;
}
