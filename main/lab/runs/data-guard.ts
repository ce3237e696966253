// A forecasting run its data cannot feed is refused when it is created, before it is queued, with the
// message its trainer would stop with (common/data/forecasting-rows.ts): rows out of time order, several
// series stacked in one file (long format, a series-id column with several values), too many repeated times,
// or a part of the split too short for one window. Such runs used to be queued and fail a moment later,
// each leaving a failed run in the list. The lab reads what the checks need and nothing more: the cache's
// meta.json, the time column (only when the importer saw a step back or a repeat) and the split's row counts.
// Checks that need every channel's values (constant or empty columns) stay the trainer's.
import { computeSplit, SplitError, type SplitResult, type SplitSpecInput } from '../../../common/data';
import { checkForecastingRows, checkForecastingWindows } from '../../../common/data/forecasting-rows';
import { runBinding } from '../../../common/models/run-binding';
import type { RunConfig } from '../../../common/runs/config';
import type { LabStore } from '../store/index';
import { lazyDatasetCache } from './run-pipeline';

/** Throws the trainer's own refusal when a new forecasting run's rows cannot make its windows; returns the config. */
export function checkRunData(config: RunConfig, store: LabStore, cacheDir: (stored: string) => string): RunConfig {
  const data = config.data;
  if (data.kind !== 'dataset' || !data.columns) return config;
  const dataset = store.datasets.get(data.datasetId);
  if (!dataset) return config;
  const stored = data.splitId !== undefined ? store.splits.get(data.splitId)?.spec as SplitSpecInput | undefined : undefined;
  let bound: ReturnType<typeof runBinding>;
  try {
    bound = runBinding(data.columns, { model: config.model as Record<string, unknown>, data, seed: config.seed }, stored);
  } catch {
    return config; // the columns do not bind (no target, a split name...): the trainer says why, with the dataset in hand
  }
  if (bound.family !== 'forecasting' || bound.binding.columns.family !== 'forecasting') return config;
  let cache: ReturnType<typeof lazyDatasetCache>;
  try {
    cache = lazyDatasetCache(cacheDir(dataset.cacheDir));
  } catch {
    return config; // a cache that cannot be read: the trainer's message says how to repair it
  }
  const time = bound.columns.find((c) => c.role === 'time')?.name;
  checkForecastingRows(cache.meta, bound.columns, () => cache.column(time!).values);
  let split: SplitResult;
  try {
    split = computeSplit(bound.binding.split, cache);
  } catch (e) {
    if (e instanceof SplitError) throw e; // the trainer would stop with the same words
    return config;
  }
  const model = config.model as { lookback?: number; horizon?: number };
  checkForecastingWindows(split, model.lookback ?? 336, model.horizon ?? 96, bound.binding.columns.stride ?? 1);
  return config;
}
