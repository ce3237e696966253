// A run its data cannot feed is refused when it is created, before it is queued, instead of being queued
// to fail a moment later in its trainer (each such failure left a failed run in the list):
// - forecasting rows its windows cannot be cut from, with the message its trainer would stop with
//   (common/data/forecasting-rows.ts): rows out of time order, several series stacked in one file (long
//   format, a series-id column with several values), too many repeated times, or a part of the split too
//   short for one window;
// - a split its trainer cannot use: a forecasting run on a split not by time, `data.split: 'given'` by
//   name (data-split-check.ts);
// - `loss.classWeights` the run cannot use: any on a forecasting run (it predicts numbers), or a list whose
//   length is not the target's number of classes, counted as the trainer counts them (the target's coding,
//   common/models/target.ts; workers/run/class-weights.ts applies the weights).
// The lab reads what the checks need and nothing more: the cache's meta.json, the time column (only when the
// importer saw a step back or a repeat), the split's row counts, and the target column (only for a list of
// class weights). Checks that need every channel's values (constant or empty columns) stay the trainer's.
// The reads are remembered in a DataCheckMemo for one creation: a sweep's points share their data (they
// differ in lookback, horizon, seeds...), and the CLI's dataset setup hands its memo to the run manager's
// create, so `gatelab train` reads the data once; in the app this runs on the main process.
import { computeSplit, SplitError, type SplitResult, type SplitSpecInput } from '../../../common/data';
import { checkForecastingRows, checkForecastingWindows } from '../../../common/data/forecasting-rows';
import type { ColumnSource } from '../../../common/data';
import { runBinding } from '../../../common/models/run-binding';
import { DataColumns } from '../../../common/models/binding';
import { codeTarget, type TargetCoding } from '../../../common/models/target';
import type { RunConfig } from '../../../common/runs/config';
import type { LabStore } from '../store/index';
import { lazyDatasetCache } from './run-pipeline';
import { checkRunSplit } from './data-split-check';

/**
 * What the checks read from one dataset cache for one binding and split: the split's row counts, a
 * refusal to throw again, or null (nothing to check: the trainer will say what is wrong).
 */
type DataCheck = { split: SplitResult } | { refusal: unknown } | null;

/** A classification target's columns, as codeTarget takes them. */
type TargetColumns = Exclude<DataColumns, { family: 'forecasting' }>;

/**
 * The checks' reads within one creation (a createExperiment's points, or the CLI's setup then the manager's
 * create of one run). A new memo reads afresh: a re-imported dataset is not judged by its old rows.
 */
export class DataCheckMemo {
  /** Forecasting: the rows' order and the split, by cache folder, bound columns and split. */
  readonly windows = new Map<string, DataCheck>();
  /** Classification: the target's coding (its classes), by cache folder and label rule. */
  readonly targets = new Map<string, TargetCoding>();
}

/** Throws the trainer's own refusal when a new run's data cannot feed it (module comment); returns the config. */
export function checkRunData(config: RunConfig, store: LabStore, cacheDir: (stored: string) => string, memo = new DataCheckMemo()): RunConfig {
  const data = config.data;
  const weights = config.loss?.classWeights ?? 'none';
  if (data.kind === 'synthetic') {
    checkWeightsPerClass(weights, SYNTHETIC_CLASSES, "the demo's synthetic data");
    return config;
  }
  const dataset = store.datasets.get(data.datasetId);
  if (!dataset) return config;
  checkRunSplit(config, store, dataset);
  if (!data.columns) return config;
  const stored = data.splitId !== undefined ? store.splits.get(data.splitId)?.spec as SplitSpecInput | undefined : undefined;
  let bound: ReturnType<typeof runBinding>;
  try {
    bound = runBinding(data.columns, { model: config.model as Record<string, unknown>, data, seed: config.seed }, stored);
  } catch {
    return config; // the columns do not bind (no target, a split name...): the trainer says why, with the dataset in hand
  }
  const folder = cacheDir(dataset.cacheDir);
  const columns = bound.binding.columns;
  if (columns.family !== 'forecasting') {
    // a list must match the target's classes ('balanced' fits any number of them): the target is read only then
    if (!Array.isArray(weights)) return config;
    let coding: TargetCoding;
    try {
      const typeOf = (n: string) => data.columns!.find((c) => c.name === n)?.type;
      coding = targetCodingOf(DataColumns.parse(columns) as TargetColumns, folder, () => lazyDatasetCache(folder), typeOf, memo);
    } catch {
      return config; // the target is not a set of classes, or the cache cannot be read: the trainer says why
    }
    checkWeightsPerClass(weights, classNamesOf(coding), `the target '${coding.column}'`);
    return config;
  }
  if (bound.family !== 'forecasting') return config;
  if (weights !== 'none') {
    throw new Error(`loss.classWeights=${shownWeights(weights)} applies to classification runs (a binary or multi-class target), and this run forecasts ` +
      `${shownNames(columns.channels, 'channels')} with template ${String((config.model as { template?: unknown }).template)}, which predicts numbers: remove loss.classWeights from the run`);
  }
  const key = JSON.stringify([folder, bound.columns, bound.binding.split]);
  if (!memo.windows.has(key)) memo.windows.set(key, readAndSplit(folder, bound.columns, bound.binding.split));
  const check = memo.windows.get(key)!;
  if (check === null) return config;
  if ('refusal' in check) throw check.refusal;
  const model = config.model as { lookback?: number; horizon?: number };
  checkForecastingWindows(check.split, model.lookback ?? 336, model.horizon ?? 96, columns.stride ?? 1);
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

/**
 * The coding of a classification run's target, as its trainer codes it (common/models/target.ts codeTarget:
 * the label rule, a CTR label's two values, k classes in sorted order), read once per memo. Throws the
 * trainer's message when the column is not a set of classes. `source` opens the dataset cache (only when the
 * memo does not hold the coding yet); `typeOf` names a time column as one in that message.
 */
export function targetCodingOf(columns: TargetColumns, folder: string, source: () => ColumnSource, typeOf: (column: string) => string | undefined, memo: DataCheckMemo): TargetCoding {
  const label = columns.family === 'recsys' ? columns.label : { column: columns.label, positiveAtLeast: columns.positiveAtLeast };
  const key = JSON.stringify([folder, columns.family, label.column, label.positiveAtLeast ?? null]);
  const known = memo.targets.get(key);
  if (known) return known;
  const coding = codeTarget(source(), columns, typeOf);
  memo.targets.set(key, coding);
  return coding;
}

/** The classes of the synthetic demo data (a binary label), named as its trainer names them (class-metrics.ts). */
const SYNTHETIC_CLASSES = ['negative', 'positive'];

/** The class names in class-id order, as the trainer gives its class weights: a binary target's negative, then positive. */
function classNamesOf(coding: TargetCoding): string[] {
  return coding.kind === 'binary' ? [coding.negative, coding.positive] : coding.names;
}

type ClassWeights = NonNullable<RunConfig['loss']>['classWeights'];

/** A list of class weights gives one weight per class (the trainer's loss takes them in class-id order). */
function checkWeightsPerClass(weights: ClassWeights, names: readonly string[], of: string): void {
  if (!Array.isArray(weights) || weights.length === names.length) return;
  throw new Error(`loss.classWeights has ${weights.length} weights (${shownWeights(weights)}) but ${of} has ${names.length} classes ` +
    `(${shownNames(names, 'classes')}): give one weight per class in that order, or 'balanced'`);
}

const shownWeights = (w: ClassWeights): string =>
  (Array.isArray(w) ? `[${w.slice(0, 8).join(', ')}${w.length > 8 ? ', …' : ''}]` : w);

/** 'a', 'b', 'c' — or the first eight and how many in all. */
function shownNames(names: readonly string[], what: string): string {
  const shown = names.slice(0, 8).map((n) => `'${n}'`).join(', ');
  return names.length > 8 ? `${shown}, … (${names.length.toLocaleString('en-US')} ${what})` : shown;
}
