// A forecasting run its data cannot feed is refused when it is created, before it is queued, with the
// message its trainer would stop with (common/data/forecasting-rows.ts): rows out of time order, several
// series stacked in one file (long format, a series-id column with several values), too many repeated times,
// or a part of the split too short for one window. Such runs used to be queued and fail a moment later,
// each leaving a failed run in the list. The lab reads what the checks need and nothing more: the cache's
// meta.json, the time column (only when the importer saw a step back or a repeat) and the split's row counts.
// Checks that need every channel's values (constant or empty columns) stay the trainer's. A sweep's points
// share their data (they differ in lookback, horizon, seeds...), and in the app this runs on the main
// process: the reads and the split are remembered per (cache, columns, split) for one createExperiment.
import { computeSplit, SplitError, type SplitResult, type SplitSpecInput } from '../../../common/data';
import { checkForecastingRows, checkForecastingWindows } from '../../../common/data/forecasting-rows';
import { runBinding } from '../../../common/models/run-binding';
import type { RunConfig } from '../../../common/runs/config';
import type { LabStore } from '../store/index';
import { lazyDatasetCache } from './run-pipeline';

/**
 * What the checks read from one dataset cache for one binding and split: the split's row counts, a
 * refusal to throw again, or null (nothing to check: the trainer will say what is wrong).
 */
type DataCheck = { split: SplitResult } | { refusal: unknown } | null;

/** The checks' reads within one call site (createExperiment), by cache folder, bound columns and split. */
export type DataCheckMemo = Map<string, DataCheck>;

/** Throws the trainer's own refusal when a new forecasting run's rows cannot make its windows; returns the config. */
export function checkRunData(config: RunConfig, store: LabStore, cacheDir: (stored: string) => string, memo: DataCheckMemo = new Map()): RunConfig {
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
  const folder = cacheDir(dataset.cacheDir);
  const key = JSON.stringify([folder, bound.columns, bound.binding.split]);
  if (!memo.has(key)) memo.set(key, readAndSplit(folder, bound.columns, bound.binding.split));
  const check = memo.get(key)!;
  if (check === null) return config;
  if ('refusal' in check) throw check.refusal;
  const model = config.model as { lookback?: number; horizon?: number };
  checkForecastingWindows(check.split, model.lookback ?? 336, model.horizon ?? 96, bound.binding.columns.stride ?? 1);
  return config;
}

/** The part of the check that reads the cache: row order and series (time column), then the split. */
function readAndSplit(folder: string, columns: ReturnType<typeof runBinding>['columns'], spec: ReturnType<typeof runBinding>['binding']['split']): DataCheck {
  let cache: ReturnType<typeof lazyDatasetCache>;
  try {
    cache = lazyDatasetCache(folder);
  } catch {
    return null; // a cache that cannot be read: the trainer's message says how to repair it
  }
  const time = columns.find((c) => c.role === 'time')?.name;
  try {
    checkForecastingRows(cache.meta, columns, () => cache.column(time!).values);
  } catch (e) {
    return { refusal: e }; // rows out of time order, long format: the trainer's words
  }
  try {
    return { split: computeSplit(spec, cache) };
  } catch (e) {
    if (e instanceof SplitError) return { refusal: e }; // the trainer would stop with the same words
    return null;
  }
}
