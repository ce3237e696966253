// A pivoted long-format run's split is cut over its times (one wide row per time, common/data/forecasting-long.ts),
// but a user rebuilding the parts works on their own file, one row per time and series: each file row takes
// the part of its time, so every series of a time lands in the same part. Rows the pivot left out (no time or
// no series) were in no part: 'unused', as rows a split does not use.
import type { ColumnSource } from '../../../common/data';
import type { LongLayout } from '../../../common/data/forecasting-rows';

/** The part code (0 train, 1 validation, 2 test, 3 unused) of each file row, from `timeParts`, one per pivot time (`times`, sorted). */
export function longFileParts(raw: ColumnSource, layout: LongLayout, times: ArrayLike<number>, timeParts: Uint8Array): Uint8Array {
  if (times.length !== timeParts.length) throw new Error(`the split assigns ${timeParts.length} times but the pivot has ${times.length}`);
  const indexOf = new Map<number, number>();
  for (let i = 0; i < times.length; i++) indexOf.set(times[i], i);
  const t = raw.column(layout.time).values;
  const series = raw.column(layout.series);
  const missingSeries = (r: number) => (series.dictionary ? series.values[r] < 0 : Number.isNaN(series.values[r]));
  const parts = new Uint8Array(raw.rows).fill(3);
  for (let r = 0; r < raw.rows; r++) {
    const i = indexOf.get(t[r]);
    if (i !== undefined && !missingSeries(r)) parts[r] = timeParts[i];
  }
  return parts;
}
