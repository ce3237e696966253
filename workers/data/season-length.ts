// The season of a forecasting run's time step, for the seasonal-naive baseline (forecast-baselines.ts): 24
// for hourly rows, 7 daily, 12 monthly. Read from the median step between consecutive times, so a few gaps
// (weekends, outages) do not change it. A time column with no positive step (constant, empty, all missing)
// has no step and so no season: the baseline is left out rather than given a season the data never had
// (common/data/split.ts rowsPerHourOf falls back to one row per hour, which would say 24).
// Daily rows of business days only (prices, trading volumes: five rows a week, two weekdays never present)
// have a week of five rows, not seven: "one week earlier" is five rows back there.
import type { DataColumn } from '../../common/data/columns';
import { medianPositiveStep } from '../../common/data/split';
import { seasonLength } from '../../common/runs/test-channels';

export { medianPositiveStep };

const DAY = 86_400;
/** Of all rows, at most this share may fall on the two absent weekdays (an odd Saturday session, a time typo). */
const ABSENT_SHARE = 0.03;

/** The seasonal-naive season of a time column (epoch seconds); undefined when its step has none or it has no step. */
export function seasonOfTimeColumn(time: DataColumn): number | undefined {
  const season = seasonLength(medianPositiveStep(time.values));
  return season === 7 && fiveDayWeek(time.values) ? 5 : season;
}

/**
 * Whether daily times fall on five weekdays only: two weekdays next to each other (a weekend) hold (almost)
 * no rows and each of the other five holds its share. Weekdays are counted as whole days of epoch seconds
 * and the weekend is any adjacent pair, not Saturday and Sunday by name, so times stored at a zone's
 * midnight (a day off in UTC) and a Friday–Saturday weekend are read alike; a week with holidays stays five.
 */
export function fiveDayWeek(values: ArrayLike<number>): boolean {
  const perWeekday = new Array<number>(7).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const t = values[i];
    if (!Number.isFinite(t)) continue;
    perWeekday[((Math.floor(t / DAY) % 7) + 7) % 7]++;
    n++;
  }
  // at least two full weeks of rows, or there is no week to read
  if (n < 10) return false;
  const fewest = [0, 1, 2, 3, 4, 5, 6].sort((a, b) => perWeekday[a] - perWeekday[b]);
  const [a, b] = fewest;
  const adjacent = (a - b + 7) % 7 === 1 || (b - a + 7) % 7 === 1;
  const absent = perWeekday[a] + perWeekday[b] <= ABSENT_SHARE * n;
  // each of the five others has at least half of an even share: a four-day week is not a five-day one
  const fiveFull = fewest.slice(2).every((d) => perWeekday[d] >= n / 10);
  return adjacent && absent && fiveFull;
}
