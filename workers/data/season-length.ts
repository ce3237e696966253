// The season of a forecasting run's time step, for the seasonal-naive baseline (forecast-baselines.ts): 24
// for hourly rows, 7 daily, 12 monthly. Read from the median step between consecutive times, so a few gaps
// (weekends, outages) do not change it. A time column with no positive step (constant, empty, all missing)
// has no step and so no season: the baseline is left out rather than given a season the data never had
// (common/data/split.ts rowsPerHourOf falls back to one row per hour, which would say 24).
import type { DataColumn } from '../../common/data/columns';
import { seasonLength } from '../../common/runs/test-channels';

/** The median positive step between consecutive values (epoch seconds); undefined when there is none. */
export function medianPositiveStep(values: ArrayLike<number>): number | undefined {
  const steps: number[] = [];
  // the median of the first 10,000 steps is plenty and keeps this cheap on million-row series
  for (let i = 1; i < values.length && steps.length < 10_000; i++) {
    const step = values[i] - values[i - 1];
    if (Number.isFinite(step) && step > 0) steps.push(step);
  }
  if (!steps.length) return undefined;
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1];
}

/** The seasonal-naive season of a time column (epoch seconds); undefined when its step has none or it has no step. */
export function seasonOfTimeColumn(time: DataColumn): number | undefined {
  return seasonLength(medianPositiveStep(time.values));
}
