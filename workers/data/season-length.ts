// The season of a forecasting run's time step, for the seasonal-naive baseline (forecast-baselines.ts): 24
// for hourly rows, 7 daily, 12 monthly. Read from the median step between consecutive times, so a few gaps
// (weekends, outages) do not change it. A time column with no positive step (constant, empty, all missing)
// has no step and so no season: the baseline is left out rather than given a season the data never had
// (common/data/split.ts rowsPerHourOf falls back to one row per hour, which would say 24).
import type { DataColumn } from '../../common/data/columns';
import { medianPositiveStep } from '../../common/data/split';
import { seasonLength } from '../../common/runs/test-channels';

export { medianPositiveStep };

/** The seasonal-naive season of a time column (epoch seconds); undefined when its step has none or it has no step. */
export function seasonOfTimeColumn(time: DataColumn): number | undefined {
  return seasonLength(medianPositiveStep(time.values));
}
