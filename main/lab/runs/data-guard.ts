// A run its data cannot feed is refused when it is created, before it is queued, instead of being queued
// to fail a moment later in its trainer (each such failure left a failed run in the list):
// - forecasting rows its windows cannot be cut from, with the message its trainer would stop with
//   (common/data/forecasting-rows.ts): rows out of time order, too many repeated times, a long-format file
//   that cannot be pivoted (a repeated time and series pair, series that barely overlap, more channels than
//   memory allows: common/data/forecasting-long.ts), or a part of the split too short for one window;
// - a split its trainer cannot use: a forecasting run on a split not by time, `data.split: 'given'` by
//   name (data-split-check.ts), `data.split: 'ett'` on a CTR or fusion run or on data with no time column
//   (ett-split-check.ts);
// - a forecasting template on a file that is no series (no time column, and a target or label-named column
//   that is not a number: common/models/binding.ts forecastingFitProblem);
// - a template its data cannot feed although its family can: MMoE on a target with no rating behind the
//   click (common/models/template-needs.ts, the rule the app's Models page keeps Start off by);
// - `loss.classWeights` the run cannot use: any on a forecasting run (it predicts numbers), or a list whose
//   length is not the target's number of classes, counted as the trainer counts them (the target's coding,
//   common/models/target.ts; workers/run/class-weights.ts applies the weights);
// - a classification target that is an id, or whose rows are mostly in classes of one or two rows
//   (common/models/class-sizes.ts; a long tail of such classes is only warned of), and a split that leaves train, validation or test without a row (class-split-check.ts): such a run trained
//   to its end and then failed with nothing to test on;
// - columns that do not bind for the template's family (a CTR model on a series with no categorical field),
//   a classification target that is not a set of classes, a gated fusion on one modality: the trainer's (or
//   the template schema's) own words, which it stopped with at step 0.
// Warned, not refused: a feature the run reads that alone nearly decides its target (leak-warnings.ts),
// a classification or regression split with fewer than 50 training rows (few-rows-warning.ts), and a
// forecasting template on data that reads as an event log (event-log-warning.ts).
// The lab reads what the checks need and nothing more: the cache's meta.json, the time column (only when the
// importer saw a step back or a repeat), the split's row counts, and the target column of a classification.
// Checks that need every channel's values (constant or empty columns) stay the trainer's.
// The reads are remembered in a DataCheckMemo for one creation: a sweep's points share their data (they
// differ in lookback, horizon, seeds...), and the CLI's dataset setup hands its memo to the run manager's
// create, so `gatelab train` reads the data once; in the app this runs on the main process.
import { computeSplit, SplitError, type SplitResult, type SplitSpecInput } from '../../../common/data';
import { checkForecastingRows, checkForecastingWindows, fewWindowsWarning, longLayout, type LongLayout } from '../../../common/data/forecasting-rows';
import { checkSeriesParts, pivotChannelCount, pivotLong, rowSplitOnLongFormat, type LongPivot } from '../../../common/data/forecasting-long';
import { templateInfo } from '../../../common/models';
import { checkRunSize } from './size-guard';
import type { ColumnSource } from '../../../common/data';
import { runBinding } from '../../../common/models/run-binding';
import { DataColumns } from '../../../common/models/binding';
import { forecastingFitProblem } from '../../../common/models/forecast-fit';
import { codeTarget, positiveChoiceOf, refuseLabelSpellings, type DatasetRef, type TargetCoding, type TargetReading } from '../../../common/models/target';
import { templateDataProblem, type TargetFacts } from '../../../common/models/template-needs';
import type { RunConfig } from '../../../common/runs/config';
import { modalityCountProblem } from '../../../common/models/modality-count';
import { corruptingTheOnlyModality } from '../../../common/models/fusion-corruption';
import type { LabStore } from '../store/index';
import { lazyDatasetCache } from './run-pipeline';
import { checkRunSplit } from './data-split-check';
import { refuseEttForTemplate, refuseEttWithoutTime } from './ett-split-check';
import { storedSplitRefusal } from '../../../common/models/regression-split';
import { checkClassSizes, classSizes } from '../../../common/models/class-sizes';
import { combinationClassesNote } from '../../../common/models/target';
import { checkSplitParts } from './class-split-check';
import { leakWarnings } from './leak-warnings';
import { fewTrainingRowsWarning } from './few-rows-warning';
import { eventLogWarning } from './event-log-warning';

/**
 * What the checks read from one dataset cache for one binding and split: the split's row counts, a
 * refusal to throw again, or null (nothing to check: the trainer will say what is wrong).
 */
/** `pivoted`: a long-format file read one row per time, so the window refusal counts times, not the file's rows. */
type DataCheck = { split: SplitResult; channels?: number; pivoted?: boolean } | { refusal: unknown } | null;

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
  readonly targets = new Map<string, TargetReading>();
  /** Classification and regression: the split's row counts (none empty), by cache folder, binding and split. */
  readonly parts = new Map<string, true>();
  /**
   * What the checks found worth saying but not refusing (too few forecasting windows to train or select a
   * model on: fewWindowsWarning; classes too small to reach validation and test: checkClassSizes), each once however often a run is checked: `gatelab train` prints them
   * before training. Not the data line's: that line says what the trainer did, not advice.
   */
  readonly warnings = new Set<string>();
  /** Bindings already checked for a feature that alone decides the target (leak-warnings.ts): a sweep's points share one. */
  readonly leaks = new Set<string>();
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
  refuseRowSplitOnLongFormat(config, store, dataset.id, dataset.name, cacheDir(dataset.cacheDir));
  checkRunSplit(config, store, dataset);
  refuseEttForTemplate(config);
  if (!data.columns) return config;
  const stored = data.splitId !== undefined ? store.splits.get(data.splitId)?.spec as SplitSpecInput | undefined : undefined;
  // the columns bind as the trainer binds them (runBinding is its code), or the run is refused in its words
  // (a CTR model on a series with no categorical field, no target, a split name...)
  const bound = runBinding(data.columns, { model: config.model as Record<string, unknown>, data, seed: config.seed }, stored);
  if (bound.family === 'forecasting') {
    // a click log or a table of samples (no time column, and a label that is not a number): no series to forecast
    const notSeries = forecastingFitProblem(String((config.model as { template?: unknown }).template), data.columns, { id: dataset.id, name: dataset.name });
    if (notSeries) throw new Error(notSeries);
    refuseEttWithoutTime(config, data.columns, dataset);
    // a ratings log with a time and numbers does train, but as a series of ratings: warned, not refused (event-log-warning.ts)
    const log = eventLogWarning(String((config.model as { template?: unknown }).template), data.columns, store.datasets.columns(dataset.id), dataset);
    if (log) memo.warnings.add(log);
  }
  const folder = cacheDir(dataset.cacheDir);
  const columns = bound.binding.columns;
  const needs = templateDataProblem(String((config.model as { template?: unknown }).template), columns, { name: dataset.name, target: targetFacts(store, data.datasetId, columns) }, ruleHint);
  if (needs) throw new Error(needs);
  if (columns.family !== 'forecasting') {
    checkModalities(config, columns);
    // the target must be a set of classes (CTR and fusion models classify), and a list of class weights
    // must match them ('balanced' fits any number). The cache is opened only when the memo does not hold
    // the coding yet (the CLI's setup coded it already).
    let unreadable = false;
    const open = (): ColumnSource => { try { return lazyDatasetCache(folder); } catch (e) { unreadable = true; throw e; } };
    const typeOf = (n: string) => data.columns!.find((c) => c.name === n)?.type;
    let coding: TargetReading;
    try {
      coding = targetCodingOf(DataColumns.parse(columns) as TargetColumns, folder, open, typeOf, memo, { id: dataset.id, name: dataset.name });
    } catch (e) {
      if (unreadable) return config; // a cache that cannot be read: the trainer's message says how to repair it
      throw e;
    }
    if (coding.kind === 'regression') {
      checkStoredSplit(data.splitId, stored, coding.column, coding.distinct, store);
      checkRegression(config, coding.column, weights);
    } else checkWeightsPerClass(weights, classNamesOf(coding), `the target '${coding.column}'`);
    const leaksKey = JSON.stringify([folder, columns, coding.kind]);
    if (!memo.leaks.has(leaksKey)) {
      memo.leaks.add(leaksKey); // a warning only: a feature that leaks is the user's to judge (leak-warnings.ts)
      for (const w of leakWarnings(folder, DataColumns.parse(columns) as TargetColumns, coding, { id: dataset.id, name: dataset.name })) memo.warnings.add(w);
    }
    // every part of the split must have rows, or the run trains to its end with nothing to test on (checked
    // last: it reads the split's column, which the refusals above do not need)
    const partsKey = JSON.stringify([folder, columns, bound.binding.split, data.splitId ?? null]);
    if (!memo.parts.has(partsKey)) {
      const record = data.splitId !== undefined ? store.splits.get(data.splitId) : undefined;
      const given = (record?.spec as { kind?: string } | undefined)?.kind === 'given';
      const storedRows = record ? { id: record.id, name: record.name, ...(given ? { assignment: record.assignment } : {}) } : undefined;
      try {
        const counts = checkSplitParts(open(), DataColumns.parse(columns) as TargetColumns, bound.binding.split, typeOf, storedRows, { id: dataset.id, name: dataset.name });
        // a handful of training rows: warned of, not refused (few-rows-warning.ts)
        const few = fewTrainingRowsWarning(counts, String((config.model as { template?: unknown }).template));
        if (few) memo.warnings.add(few);
      } catch (e) {
        if (!unreadable) throw e;
        return config; // a cache that cannot be read: the trainer's message says how to repair it
      }
      memo.parts.set(partsKey, true);
    }
    return config;
  }
  if (bound.family !== 'forecasting') return config;
  if (weights !== 'none') {
    throw new Error(`loss.classWeights=${shownWeights(weights)} applies to classification runs (a binary or multi-class target), and this run forecasts ` +
      `${shownNames(columns.channels, 'channels')} with template ${String((config.model as { template?: unknown }).template)}, which predicts numbers: remove loss.classWeights from the run`);
  }
  const key = JSON.stringify([folder, bound.columns, bound.binding.split]);
  // a long-format file's channels are its series × value columns, known only from the data: the
  // activation-memory check (size-guard.ts) counted the value columns alone, so it runs again on the
  // pivot's count, before the pivot is built (a file of 5,000 series is refused without allocating it)
  const fits = (channels: number) => checkRunSize({ ...config, data: { ...config.data, columns: undefined }, model: { ...config.model, channels } } as RunConfig);
  if (!memo.windows.has(key)) memo.windows.set(key, readAndSplit(folder, bound, fits));
  const check = memo.windows.get(key)!;
  if (check === null) return config;
  if ('refusal' in check) throw check.refusal;
  if (check.channels !== undefined) fits(check.channels); // a sweep's later points share the memo, not the model size
  const model = config.model as { lookback?: number; horizon?: number };
  checkForecastingWindows(check.split, model.lookback ?? 336, model.horizon ?? 96, columns.stride ?? 1, check.pivoted ? 'time' : 'row');
  const few = fewWindowsWarning(check.split, model.lookback ?? 336, model.horizon ?? 96, columns.stride ?? 1, config.batchSize);
  if (few) memo.warnings.add(few);
  return config;
}

/**
 * A stored 'given' split (rows matched to the user's split files) on a long-format file a forecasting run
 * pivots: the split assigns file rows, the run's windows are over the pivot's times (one row per time, every
 * series at each), so no assignment of file rows can apply. Refused in those words, with what works, before
 * the general "not a split by time" refusal (data-split-check.ts), which does not say why a row split cannot
 * be made to fit. Reads only the cache's meta.json.
 */
function refuseRowSplitOnLongFormat(config: RunConfig, store: LabStore, datasetId: number, datasetName: string, folder: string): void {
  const data = config.data;
  if (data.kind !== 'dataset' || data.splitId === undefined || !data.columns) return;
  const stored = store.splits.get(data.splitId);
  if ((stored?.spec as { kind?: string } | undefined)?.kind !== 'given') return;
  try {
    if (templateInfo(String((config.model as { template?: unknown }).template)).family !== 'forecasting') return;
  } catch {
    return; // an unknown template is refused with its own message
  }
  let layout: LongLayout | null;
  try {
    layout = longLayout(lazyDatasetCache(folder).meta, data.columns);
  } catch {
    return; // an unreadable cache, or columns that cannot say the series: the checks below say it in their words
  }
  if (layout) throw new Error(rowSplitOnLongFormat({ id: stored!.id, name: stored!.name }, layout, { id: datasetId, name: datasetName }));
}

/**
 * A gated fusion (gmu, moe-fusion, gated-cross-attention) on data with one modality, or modality dropout or
 * noise there (no other modality to learn from; common/models/fusion-corruption.ts): refused in the template's
 * words, naming the field and what to do instead. The modalities'
 * widths are the trainer's to fit; their number is known here.
 */
function checkModalities(config: RunConfig, columns: { family: string; modalities?: { name: string }[] }): void {
  if (columns.family !== 'fusion' || !columns.modalities) return;
  const model = config.model as Record<string, unknown>;
  const names = columns.modalities.map((m) => m.name);
  const tooFew = modalityCountProblem(model, names);
  if (tooFew) throw new Error(tooFew);
  const corrupting = corruptingTheOnlyModality(model, names);
  if (corrupting) throw new Error(corrupting);
}

/** The target column's type and statistics as the schema has them (what templateDataProblem reads). */
function targetFacts(store: LabStore, datasetId: number, columns: { family: string; label?: unknown }): TargetFacts | undefined {
  if (columns.family !== 'recsys') return undefined;
  const name = (columns.label as { column: string }).column;
  const c = store.datasets.columns(datasetId).find((col) => col.name === name);
  if (!c) return undefined;
  const stats = c.stats as { cardinality?: number | null; min?: unknown; max?: unknown };
  return { type: c.type, distinct: stats.cardinality ?? null, min: stats.min ?? null, max: stats.max ?? null };
}

/** How a run (any face but the Models page, which says it in its own words) gives its target a label rule. */
const ruleHint = (column: string): string =>
  `Give '${column}' a label rule: --set positiveAtLeast=4 (a rating of 4 or more is a click), or in the app Datasets → Target "binary label: value ≥ t"`;

/** The part of the check that reads the cache: row order and series (time column), then the split. */
function readAndSplit(folder: string, bound: ReturnType<typeof runBinding>, fits: (channels: number) => void): DataCheck {
  const columns = bound.columns;
  let cache: ReturnType<typeof lazyDatasetCache>;
  try {
    cache = lazyDatasetCache(folder);
  } catch {
    return null; // a cache that cannot be read: the trainer's message says how to repair it
  }
  const time = columns.find((c) => c.role === 'time')?.name;
  let source: ColumnSource = cache;
  let channels: number | undefined;
  let pivot: LongPivot | undefined;
  let split: SplitResult;
  let layout: LongLayout | null;
  try {
    layout = longLayout(cache.meta, columns);
  } catch (e) {
    return { refusal: e }; // two series-id columns, or no time to line the series up by
  }
  const values = layout && bound.binding.columns.family === 'forecasting' ? bound.binding.columns.channels.filter((c) => c !== layout!.series && c !== layout!.time) : [];
  const expected = layout ? pivotChannelCount(cache.meta, layout, values) : null;
  if (expected !== null) fits(expected); // thrown, not remembered: the model differs between a sweep's points
  try {
    // long format: pivoted as its trainer pivots it (common/data/forecasting-long.ts), the split cut from the wide rows
    if (layout) {
      pivot = pivotLong(cache, layout, values);
      source = pivot.source;
      channels = pivot.channels.length;
    } else checkForecastingRows(cache.meta, columns, () => cache.column(time!).values);
  } catch (e) {
    return { refusal: e }; // rows out of time order, a long-format file that cannot be pivoted: the trainer's words
  }
  try {
    split = computeSplit(bound.binding.split, source);
  } catch (e) {
    if (e instanceof SplitError) return { refusal: e }; // the trainer would stop with the same words
    return null;
  }
  try {
    if (pivot) checkSeriesParts(pivot, split.ranges);
  } catch (e) {
    return { refusal: e }; // a series with no row in a part of the split: the trainer's words
  }
  return { split, ...(channels !== undefined ? { channels } : {}), ...(pivot ? { pivoted: true } : {}) };
}

/**
 * The coding of a classification run's target, as its trainer codes it (common/models/target.ts codeTarget:
 * the label rule, a CTR label's two values, k classes in sorted order), read once per memo. Throws the
 * trainer's message when the column is not a set of classes. `source` opens the dataset cache (only when the
 * memo does not hold the coding yet); `typeOf` names a time column as one in that message; `dataset` lets a
 * retype advice name the dataset in the command it gives (so it can be pasted).
 */
export function targetCodingOf(columns: TargetColumns, folder: string, source: () => ColumnSource, typeOf: (column: string) => string | undefined, memo: DataCheckMemo, dataset?: DatasetRef): TargetReading {
  const label = columns.family === 'recsys' ? columns.label : { column: columns.label, positiveAtLeast: columns.positiveAtLeast };
  const choice = positiveChoiceOf(columns);
  const key = JSON.stringify([folder, columns.family, label.column, label.positiveAtLeast ?? null, choice.positive ?? null, choice.minorityPositive ?? false, columns.family === 'fusion' ? columns.task ?? 'auto' : null]);
  const known = memo.targets.get(key);
  if (known) return known;
  const data = source();
  const coding = codeTarget(data, columns, typeOf, dataset);
  refuseLabelSpellings(coding, columns.family); // new runs only: a stored run on such a label still resumes
  // an id, or rows mostly in classes too small to split: refused; a long tail of rare classes: warned (new runs only)
  const rare = checkClassSizes(coding, classSizes(coding, data.rows), dataset);
  if (rare) memo.warnings.add(rare);
  const lists = combinationClassesNote(coding);
  if (lists) memo.warnings.add(`Note: ${lists}.`);
  memo.targets.set(key, coding);
  return coding;
}

/**
 * A regressed target (common/models/regression-target.ts) trains no classes: class weights have none to
 * weigh, and early-exit-mlp's exit gates learn whether a class is right. Refused as its trainer would.
 */
function checkRegression(config: RunConfig, column: string, weights: ClassWeights | 'none'): void {
  const template = String((config.model as { template?: unknown }).template);
  if (template === 'early-exit-mlp') {
    throw new Error(`the target '${column}' is a number to regress, and early-exit-mlp classifies (each exit gate learns whether its exit's class is right): ` +
      'use concat-fusion, late-fusion, gmu, moe-fusion or gated-cross-attention, or --set task=classification (or --set positiveAtLeast=T) to classify it');
  }
  if (weights !== 'none') {
    throw new Error(`loss.classWeights=${shownWeights(weights as ClassWeights)} applies to classification runs, and the target '${column}' is a number to regress: remove loss.classWeights from the run, or --set task=classification`);
  }
}

/**
 * A stored split stratified by a target that is a number to regress (one created before such splits were
 * refused, splits.ts createSplit): each value is its own class, so validation and test are a row or two. The
 * trainer must not re-cut it at random (a stored split's rows are the ones every run on it sees), so the run
 * is refused here, naming the split and the fix (regression-split.ts storedSplitRefusal).
 */
function checkStoredSplit(splitId: number | undefined, spec: SplitSpecInput | undefined, column: string, distinct: number, store: LabStore): void {
  if (splitId === undefined || spec?.kind !== 'stratified' || spec.column !== column) return;
  const name = store.splits.get(splitId)?.name ?? String(splitId);
  throw new Error(storedSplitRefusal({ id: splitId, name }, column, distinct));
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
