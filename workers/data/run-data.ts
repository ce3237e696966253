// A dataset run's data in the trainer: what the lab resolves (cache folder, split spec, which columns play
// which part) → split recomputed (deterministic), pipeline fitted on the training rows, the three parts
// as the trainer's RunData parts (lazy: each keeps its sample source, batches are gathered per call), and
// the data-shaped fields of the template config (channels, field vocabularies, modality widths) filled in.
import { checkForecastingRows, timeOrder, type TimeOrder } from '../../common/data/forecasting-rows';
import { checkSeriesParts, forecastingPivot } from '../../common/data/forecasting-long';
import { timesWrittenInUtc } from '../../common/data/spring-clock-change';
import { gapNote } from './forecasting-gaps';
import { emptyRowsNote } from './empty-rows';
import { z } from 'zod';
import { seasonOfTimeColumn } from './season-length';
import { SplitSpec, computeSplit, logScaledColumns, logScaledDescription, timeOrdered, type ColumnSource, type ScalerState, type PartName, type SplitResult } from '../../common/data';
import { bindTarget, describeTarget, type TargetCoding } from '../../common/models/target';
import { describeRegression, type RegressionTarget } from '../../common/models/regression-target';
import { RANDOM_SPLIT_NOTE, splitForTarget } from '../../common/models/regression-split';
import { REGRESSION_OUTPUTS } from '../../engine/models/fusion/common';
import { DataBinding, ctrColumnNotes, forecastingColumnNotes, fusionColumnNotes, type DataColumns } from '../../common/models/binding';
import { BUILT_MODEL_RULES, NEW_MODEL_RULES, modelColumns } from '../../common/models/model-columns';
import { inputsOf } from '../../common/analytics/run-inputs';
import { labelVariantsNote } from '../../common/models/label-variants';
import { coldStartNote } from './cold-start';
import { majorityBaseline } from './baseline';
import { runBinding, splitOfAssignment } from '../../common/models/run-binding';
import { lazyRows, type RunData } from '../run/run-data';
import { readDatasetCache, type CachedDataset } from './cache';
import { ctrSources, type CtrData } from './ctr';
import { forecastingSources, type ForecastingData } from './forecasting';
import { RAW_TARGET, fusionLayout, fusionSources, type FusionData } from './fusion';
import type { SampleSource } from './samples';
import { rowCounterNote } from './row-counter';

/** What the lab hands a trainer for a dataset run: the cache folder and the binding (split + columns). */
export const DatasetRunInput = DataBinding.extend({
  cacheDir: z.string().min(1),
  /**
   * Set when `split` is a split the user stored (the run's data.splitId): it is never re-cut, so one
   * stratified by a regressed target is refused (regression-split.ts) by the trainer, export and analytics alike.
   */
  storedSplit: z.object({ id: z.number().int().optional(), name: z.string().optional() }).optional(),
});
export type DatasetRunInput = z.input<typeof DatasetRunInput>;
export type RunColumns = DataColumns;

export interface DatasetRun {
  data: RunData;
  /** Data-shaped template fields to merge into the model config (they win over the user's values). */
  shape: Record<string, unknown>;
  /** The split the parts were cut from: the given one, less the rows without a target. */
  split: SplitResult;
  /** How the target's values became labels (CTR and fusion classification). */
  target?: TargetCoding;
  /** A fusion target regressed in its own units (common/models/regression-target.ts). */
  regression?: RegressionTarget;
  /** Rows left out because their target is missing. */
  leftOut: number;
}

/** What the run already fixed about its inputs (nothing: a new run, decided on the training rows by today's rules). */
export interface RunDataOptions {
  /** How the numeric features are scaled: undefined decides on the training rows (heavy-tailed → log1p, or the signed log sign(x)·log1p(|x|) when they include negatives: common/data/scalers.ts), a list forces it. */
  logScaled?: readonly string[];
  /**
   * The model config is one a trainer built on this dataset (a resume, analytics, Try it): its columns are
   * re-derived by whichever rule gives its shape (model-columns.ts BUILT_MODEL_RULES), or its checkpoint
   * would not load. Otherwise the run is new and today's rule decides, whatever data-shaped fields its
   * config carries (the Models form's estimate can equal an older rule's shape).
   */
  modelBuilt?: boolean;
  /** The rows are a long-format file's pivot, one per time: a window refusal counts times (forecasting-window-fit.ts). */
  pivoted?: boolean;
}

/**
 * A dataset run from the lab's description: the cache is read, the split recomputed (it is deterministic),
 * or, for a stored split that cannot be recomputed from the dataset alone (a 'given' split matched rows to
 * the user's split files), taken as stored (`assigned`).
 */
export function datasetRunData(input: DatasetRunInput, model: { lookback?: number; horizon?: number } = {}, assigned?: SplitResult, cache?: CachedDataset,
  alsoLeftOut: readonly string[] = [], options: RunDataOptions = {}): DatasetRun {
  const spec = DatasetRunInput.parse(input);
  const data = cache ?? readDatasetCache(spec.cacheDir);
  const typeOf = (n: string) => data.meta.columns.find((x) => x.name === n)?.type;
  if (assigned && assigned.assignment.length !== data.rows) {
    throw new Error(`the stored split assigns ${assigned.assignment.length.toLocaleString('en-US')} rows, the dataset has ${data.rows.toLocaleString('en-US')}: create the split again`);
  }
  // a regressed target has no classes to stratify by: its default split is cut at random, a stored split
  // stratified by it is refused, never re-cut (regression-split.ts)
  const splitSpec = assigned ? spec.split : splitForTarget(spec.split, data, spec.columns, typeOf, spec.storedSplit);
  const run = runDataFrom(data, typeOf, assigned ?? computeSplit(splitSpec, data), spec.columns, model, alsoLeftOut, options);
  const order = assigned ? undefined : timeOrderNote(spec.split, data);
  const notes = [...(splitSpec !== spec.split ? [RANDOM_SPLIT_NOTE] : []), ...(order ? [order] : [])];
  return notes.length ? { ...run, data: { ...run.data, describe: [run.data.describe, ...notes].join('; ') } } : run;
}

/** "split by time: rows ordered by 'ts' (the file is not sorted by it)": said when the order differs from the file's. */
function timeOrderNote(split: SplitSpec, data: ColumnSource): string | undefined {
  if (split.kind !== 'chronological' || !split.timeColumn || timeOrdered(data.column(split.timeColumn).values)) return undefined;
  return `chronological split ordered by '${split.timeColumn}' (the file is not sorted by it; rows without a time are last)`;
}

/** A stored split's row assignment as the lab sends it (base64, one byte per row: 0 train, 1 validation, 2 test, 3 unused). */
const assignedSplit = (base64: string): SplitResult => splitOfAssignment(Uint8Array.from(Buffer.from(base64, 'base64')));

/**
 * The same from any ColumnSource and a computed split (benchmarks that join files, tests). `alsoLeftOut`:
 * columns the binding never took, named in the data line's "left out" note (an all-missing non-numeric one).
 */
export function runDataFrom(data: ColumnSource, typeOf: (column: string) => string | undefined, split: SplitResult,
  columns: RunColumns, model: { lookback?: number; horizon?: number } = {}, alsoLeftOut: readonly string[] = [], options: RunDataOptions = {}): DatasetRun {
  // The target's values decide binary or k classes; rows without one are left out before anything is fitted.
  const bound = bindTarget(data, columns, split, typeOf);
  const { target, regression, leftOut } = bound;
  split = bound.split;
  // Constant or empty channels, id-like categoricals: left out before fitting, named in the data line; a run
  // created before a rule changed (resumed, analysed) is re-derived by the rule its model was built with.
  const { columns: c, notes: usableNotes, fitted, shape } = modelColumns(
    { data, columns: bound.columns, split, typeOf, model: model as Record<string, unknown>, alsoLeftOut, logScaled: options.logScaled },
    options.modelBuilt ? BUILT_MODEL_RULES : NEW_MODEL_RULES);
  const notes = [...usableNotes];
  // Named in the data line: a heavy-tailed number is read as log1p(x), or with the signed log when it has negatives (scalers.ts says why and when).
  const logScaled = logScaledColumns(fitted);
  if (logScaled.length) notes.push(`log-scaled: ${logScaledDescription(fitted)}`);
  const baseline = target ? majorityBaseline(target, split) : undefined;
  // 'Recommended' and 'recommended ' are two classes (exact values decide them): say so, they are rarely meant to be
  const variants = target && target.kind === 'classes' ? labelVariantsNote(target.column, target.names)
    : target && target.rule === undefined ? labelVariantsNote(target.column, [target.negative, target.positive]) : undefined;
  if (variants) notes.push(variants);
  // The model's inputs by name from the columns it was built from: only here are the fields left out (an id,
  // an empty or constant one) already gone, so the names that follow them are not shifted (data-facts.ts).
  // A multi-hot's buckets have no column each: those inputs stay unnamed (inputsOf returns nothing).
  const inputs = inputsOf(c, shape);
  // A binary target's two values in label order (0, then 1): per-class tables and class weights name the
  // file's own values ('false'/'true', '< 4'/'≥ 4' for a threshold) instead of negative/positive.
  const binaryNames = target?.kind === 'binary' ? { classNames: [target.negative, target.positive] } : {};
  let parts: Record<PartName, SampleSource>;
  let base: Omit<RunData, 'train' | 'validation' | 'test' | 'describe'>;
  if (c.family === 'forecasting') {
    const o: ForecastingData = { channels: c.channels, lookback: model.lookback ?? 336, horizon: model.horizon ?? 96, stride: c.stride, unit: options.pivoted ? 'time' : 'row' };
    parts = forecastingSources(data, split, fitted, o);
    base = { task: 'regression', prediction: 'forecast', target: 'y', channels: c.channels };
    notes.unshift(channelList(c.channels));
  } else if (c.family === 'recsys') {
    const o: CtrData = { fields: c.fields, numeric: c.numeric, multiHot: c.multiHot.map((m) => m.name), label: c.label, rating: c.rating, target };
    parts = ctrSources(data, split, fitted, o);
    base = { task: 'binary', prediction: 'logit', target: 'label', ...binaryNames };
    const cold = coldStartNote(data, c.fields, split);
    if (cold) notes.push(cold);
    // Multi-task templates (MMoE: click + rating) also predict the rating; score it where they do.
    // Scored in the rating's own units (the tower learns the z-scored rating): an RMSE of 0.9 means 0.9 stars.
    const unscale = c.rating ? fitted.steps.find((s) => s.target === c.rating && (s.state.kind === 'zscore' || s.state.kind === 'minmax'))?.state as ScalerState | undefined : undefined;
    if (c.rating) base.secondary = [{ name: 'rating', prediction: 'rating_pred', target: 'rating', task: 'regression', ...(unscale ? { unscale } : {}) }];
  } else if (regression) {
    // standardized by the training rows' mean and std (the pipeline's z-score of the target, binding.ts);
    // scored on `prediction` (the graph unscales its output) against `y`, both in the target's own units
    const scale = fitted.steps.find((s) => s.target === c.label && s.state.kind === 'zscore')!.state as { mean: number; std: number };
    parts = fusionSources(data, split, fitted, { modalities: c.modalities, label: c.label, regression: { target: regression, mean: scale.mean, std: scale.std } });
    base = { task: 'regression', prediction: REGRESSION_OUTPUTS.prediction, target: RAW_TARGET, r2: true, modalityInputs: fusionLayout(data, fitted, c) };
    notes.unshift(`${describeRegression(regression)}; trained on it standardized with the training rows' mean ${shownScale(scale.mean)} and std ${shownScale(scale.std)}`);
  } else {
    const o: FusionData = { modalities: c.modalities, label: c.label, target };
    parts = fusionSources(data, split, fitted, o);
    base = target?.kind === 'classes'
      ? { task: 'multiclass', prediction: 'logits', target: 'label', classes: target.names.length, classNames: target.names }
      : { task: 'binary', prediction: 'logits', target: 'label', ...binaryNames };
    // the encoder's layout of each modality: a gate report names a fusion expert's inputs by it
    base.modalityInputs = fusionLayout(data, fitted, c);
  }
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    data: {
      ...base,
      train: lazyRows(parts.train),
      validation: lazyRows(parts.val),
      test: lazyRows(parts.test),
      describe: `${c.family}: ${fmt(parts.train.count)} train / ${fmt(parts.val.count)} validation / ${fmt(parts.test.count)} test samples` +
        (leftOut ? ` (${fmt(leftOut)} row${leftOut === 1 ? '' : 's'} without a target left out)` : '') + (target ? `; ${describeTarget(target)}` : '') +
        notes.map((n) => `; ${n}`).join(''),
      ...(c.family === 'forecasting' ? {} : { logScaled }),
      ...(baseline ? { baseline } : {}),
      ...(inputs.channels || inputs.fields ? { inputs } : {}),
    },
    shape,
    split,
    leftOut,
    ...(target ? { target } : {}),
    ...(regression ? { regression } : {}),
  };
}

/**
 * A fitted mean or std for the data line: 4 significant digits at any scale (the exact values are in the
 * export). A fixed count of decimals printed a target in the ten-thousandths as "std 0.000062"; below 1e-4
 * the digits come as 6.214e-5, not behind a row of zeros.
 */
export function shownScale(v: number): string {
  const r = Number(v.toPrecision(4));
  return r !== 0 && Math.abs(r) < 1e-4 ? r.toExponential() : r.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/** "7 channels: HUFL, HULL, …": the first 8 names and the count, so a wide file's line stays one line. */
function channelList(channels: readonly string[]): string {
  const n = channels.length;
  return `${n.toLocaleString('en-US')} channel${n === 1 ? '' : 's'}: ${channels.slice(0, 8).join(', ')}${n > 8 ? ', …' : ''}`;
}

/** What the lab's run manager hands the trainer for a dataset run (main/lab/runs/dataset-runs.ts). */
export const LabDatasetPayload = z.looseObject({
  cacheDir: z.string().min(1),
  columns: z.array(z.looseObject({ name: z.string(), type: z.string(), role: z.string(), modality: z.string().nullable().optional() })),
  /** The spec of the stored split the run config names (`data.splitId`); it replaces the family's default split. */
  split: SplitSpec.optional(),
  /** That split's row assignment (base64), when its spec alone cannot reproduce it ('given' split files). */
  splitAssignment: z.string().optional(),
  /** That split's name, for a refusal that names it (regression-split.ts storedSplitRefusal). */
  splitName: z.string().optional(),
  /** The columns the run's trainer log-scaled when it first started (a resume or an export forces the same); absent: decide. */
  logScaled: z.array(z.string()).optional(),
  /** Whether the run's trainer pivoted a long-format file when it first started (its stored `pivoted`, or for older runs its data line); absent: decide. */
  pivoted: z.boolean().optional(),
});

/**
 * A dataset run in the trainer from the lab's payload and the run config: the template's family picks the
 * default binding from the column roles (ColumnDescription), the run's `data.split` the protocol ('ett' for
 * the ETT months); returns the rows and the template config with its data-shaped fields filled in.
 * `modelBuilt`: the config's model is the one a trainer built (RunDataOptions), not a new run's.
 */
export function labDatasetRun(payload: unknown, config: LabRunConfig, { modelBuilt = false }: { modelBuilt?: boolean } = {}):
  { data: RunData; model: Record<string, unknown>; binding: DatasetRunInput; assigned?: SplitResult } {
  const p = LabDatasetPayload.parse(payload);
  const { family, columns, binding } = labDatasetBinding(p, config);
  const raw = readDatasetCache(p.cacheDir); // columns are read when first used
  const empty = (name: string) => { const s = raw.meta.columns.find((c) => c.name === name)?.stats; return !!s && (s.count === 0 || s.missing >= raw.meta.rows); };
  // long format (one row per time and series) is pivoted into one channel per series and value column:
  // the windows, the split, the scalers and the gap count all read the wide rows (common/data/forecasting-long.ts)
  const pivot = family === 'forecasting' && binding.columns.family === 'forecasting' ? forecastingPivot(raw, columns, binding.columns.channels, modelBuilt ? { ...config.model, pivoted: p.pivoted } : undefined) : null;
  // the column that tells the series apart is forecast (as channels), whatever its role: not "not forecast"
  const noted = pivot ? columns.map((c) => (c.name === pivot.layout.series ? { ...c, role: 'series-id' as const } : c)) : columns;
  // CTR: columns it does not read (a datetime, text) and integer codes it reads as numbers, said in the data line (binding.ts)
  const pivoted = pivot && binding.columns.family === 'forecasting' ? { series: pivot.layout.series, values: binding.columns.channels } : undefined;
  const columnNotes = family === 'forecasting' ? forecastingColumnNotes(noted, empty, pivoted)
    : family === 'recsys' ? ctrColumnNotes(columns, (name) => raw.column(name).values, (config.data as { datasetId?: number }).datasetId) : { leftOut: [], notes: [] };
  const cache: CachedDataset = pivot ? { ...pivot.source, names: [pivot.layout.time, ...pivot.channels] } : raw;
  const bound: DatasetRunInput = pivot && binding.columns.family === 'forecasting' ? { ...binding, columns: { ...binding.columns, channels: pivot.channels } } : binding;
  const time = family === 'forecasting' ? pivot?.layout.time ?? columns.find((c) => c.role === 'time')?.name : undefined;
  const times = () => cache.column(time!).values;
  // the time column's order is worked out once, for the row checks and the gap count; times the importer
  // read with 'Z' or an offset never skip a spring hour, so no clock change excuses a gap there
  let order: TimeOrder | undefined;
  const orderOfTimes = () => (order ??= timeOrder(times(), { writtenInUtc: timesWrittenInUtc(cache.meta.validation.issues, time!) }));
  const rowNotes = () => (pivot ? [pivot.note] : checkForecastingRows(cache.meta, columns, times, orderOfTimes));
  const notes = family === 'forecasting' ? [...columnNotes.notes, ...rowNotes()] : family === 'fusion' ? fusionColumnNotes(columns) : columnNotes.notes;
  // a row number forecast as a channel (`instant`) flatters the headline: said, with the role that leaves it out
  const counter = !pivot && bound.columns.family === 'forecasting' ? rowCounterNote(bound.columns.channels, (name) => cache.column(name), (config.data as { datasetId?: number }).datasetId) : null;
  if (counter) notes.push(counter);
  const assigned = p.splitAssignment ? assignedSplit(p.splitAssignment) : undefined;
  const window = config.model as { lookback?: number; horizon?: number };
  const run = datasetRunData(bound, window, assigned, cache, columnNotes.leftOut, { logScaled: p.logScaled, modelBuilt, pivoted: !!pivot });
  // a new run on a series with no row in a part would train or score on filled values only (refused; a
  // built model keeps the data it was trained on, to be resumed and read)
  if (pivot && !modelBuilt) checkSeriesParts(pivot, run.split.ranges);
  // windows that join times across missing timestamps: counted once the windows are known
  const gaps = time && bound.columns.family === 'forecasting'
    ? gapNote(time, times(), run.split, { lookback: window.lookback ?? 336, horizon: window.horizon ?? 96, stride: bound.columns.stride }, orderOfTimes()) : null;
  if (gaps) notes.push(gaps);
  // rows written with every channel empty are filled flat: said as the gaps are (a pivot says its own fills)
  const emptyRows = !pivot && bound.columns.family === 'forecasting'
    ? emptyRowsNote((run.data.channels ?? bound.columns.channels).map((c) => cache.column(c).values), time ? times() : null, run.split.ranges) : null;
  if (emptyRows) notes.push(emptyRows);
  // The rows the run used (a stored split, or the computed one less the rows without a target), so gate
  // analytics line test samples up with dataset rows (workers/analytics/job.ts takes them from dataFor).
  // A regressed target's split is not its spec's either (cut at random: regression-split.ts).
  const used = assigned || run.leftOut || run.regression ? run.split : undefined;
  const described = notes.length ? { ...run.data, describe: [run.data.describe, ...notes].join('; ') } : run.data;
  // whether it was pivoted, sent with 'ready' and stored with the run: later readers go by this, not by the data line's words
  // the season of the time step (24 for hourly rows, 12 monthly): the seasonal-naive baseline's (forecast-baselines.ts)
  const season = family === 'forecasting' && time ? seasonOfTimeColumn(cache.column(time)) : undefined;
  const data = family === 'forecasting' ? { ...described, pivoted: !!pivot, ...(season !== undefined ? { seasonLength: season } : {}) } : described;
  return { data, model: { ...config.model, ...run.shape }, binding: bound, ...(used ? { assigned: used } : {}) };
}

type LabRunConfig = { model: Record<string, unknown>; data: { split?: string; splitSeed?: number; splitId?: number }; seed?: number };

/** A dataset run's binding (split spec, columns' parts, cache folder) from the lab's payload and the run config, without reading a row. */
export function labDatasetBinding(payload: unknown, config: LabRunConfig): ReturnType<typeof runBinding> & { binding: DatasetRunInput } {
  const p = LabDatasetPayload.parse(payload);
  const resolved = runBinding(p.columns, config, p.split);
  // the lab sends a split spec only for a stored split (data.splitId): the run must see exactly its rows
  const storedSplit = p.split ? { ...(config.data.splitId !== undefined ? { id: config.data.splitId } : {}), ...(p.splitName !== undefined ? { name: p.splitName } : {}) } : undefined;
  return { ...resolved, binding: { cacheDir: p.cacheDir, ...resolved.binding, ...(storedSplit ? { storedSplit } : {}) } };
}
