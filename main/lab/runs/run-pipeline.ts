// The fitted feature pipeline of a dataset run, re-derived in the lab exactly as its trainer derived it
// (workers/data/run-data.ts, labDatasetRun + runDataFrom; main/ may not import workers/): the binding from
// the run's column snapshot and label rule, the split recomputed (it is deterministic) or taken as stored,
// and the pipeline fitted on the training rows, on the columns the run's model was built from (chosen by the
// trainer's own function, common/models/model-columns.ts). Export writes it into the ONNX file's metadata.
// Keep the steps in the same order as labDatasetRun: the export test compares both paths on raw rows.
import { readCacheMeta, readCachedColumn, type DatasetCacheMeta } from '../../../common/dataset-cache';
import { cacheFolderFiles } from '../import/cache-io';
import {
  computeSplit, type ColumnSource, type DataColumn, type FittedPipeline,
  type SplitResult, type SplitSpecInput,
} from '../../../common/data';
import { DataBinding, dataShape, type DataColumns } from '../../../common/models/binding';
import { BUILT_MODEL_RULES, modelColumns, shapeMismatch as shapesDiffer } from '../../../common/models/model-columns';
import { runBinding, splitOfAssignment } from '../../../common/models/run-binding';
import { bindTarget } from '../../../common/models/target';
import { splitForTarget } from '../../../common/models/regression-split';
import { retypedSince } from '../datasets/trained-caches';
import { forecastingPivot, type LongPivot } from '../../../common/data/forecasting-long';

/** What the lab's dataset resolver hands a trainer (dataset-runs.ts datasetResolver). */
export interface DatasetPayload {
  cacheDir: string;
  columns: { name: string; type: string; role: string; modality?: string | null }[];
  split?: SplitSpecInput;
  splitAssignment?: string;
  /** That split's name (a refusal names it). */
  splitName?: string;
  /** The dataset's name (messages name it beside its id, config.data.datasetId). */
  name?: string;
  /** The columns the run's trainer log-scaled (absent: decided on the training rows, as a new run's trainer does). */
  logScaled?: string[];
  /** Whether the run's trainer pivoted a long-format file (forecasting-long.ts); absent: judged by its channel count. */
  pivoted?: boolean;
}

export interface RunConfigView {
  model: Record<string, unknown>;
  data: { split?: string; splitSeed?: number; splitId?: number; datasetId?: number };
  seed?: number;
}

export interface RunPipeline {
  columns: DataColumns;
  fitted: FittedPipeline;
  split: SplitResult;
  /** The dataset's columns as stored in its cache (types, storage dtypes, dictionaries). */
  data: ColumnSource & { meta: DatasetCacheMeta };
  /** Forecasting windows (the model's lookback and horizon). */
  window: { lookback?: number; horizon?: number };
  /**
   * A long-format forecasting file, pivoted as its trainer pivoted it (common/data/forecasting-long.ts):
   * `data` is then the wide rows (one per time) and the columns' channels are the pivot's; `raw` is the
   * file's rows (where a channel's value column is in the file, how its cells were read). Absent otherwise.
   */
  long?: { pivot: LongPivot; raw: ColumnSource & { meta: DatasetCacheMeta } };
}

/** A run's pipeline as re-derived, and where no column rule gives its model (the dataset changed since it trained): the first difference, else null. */
export type DerivedPipeline = RunPipeline & {
  mismatch: string | null;
  /**
   * The split spec the rows were cut by: the binding's, except a stratified split by a regressed target,
   * which the trainer cuts at random (regression-split.ts); a stored assignment's rows are its spec's.
   * Describe a run's split by this, never by the binding's spec (which says "stratified" for such a run).
   */
  splitSpec: SplitSpecInput;
};

/** A cache reader that loads a column when first asked for (exports use a few columns of a wide file). */
export function lazyDatasetCache(cacheDir: string): ColumnSource & { meta: DatasetCacheMeta } {
  const files = cacheFolderFiles(cacheDir);
  const meta = readCacheMeta(files);
  const loaded = new Map<string, DataColumn>();
  return {
    meta, rows: meta.rows,
    column(name) {
      const hit = loaded.get(name);
      if (hit) return hit;
      const info = meta.columns.find((c) => c.name === name);
      if (!info) throw new Error(`${cacheDir}: no column '${name}' (columns: ${meta.columns.map((c) => c.name).join(', ')})`);
      const { values, dictionary } = readCachedColumn(files, meta, info);
      const col: DataColumn = { values, dictionary: dictionary ?? undefined, dim: info.dim };
      loaded.set(name, col);
      return col;
    },
  };
}

export function runPipeline(payload: DatasetPayload, config: RunConfigView): DerivedPipeline {
  const { binding: resolved } = runBinding(payload.columns, config, payload.split);
  const binding = DataBinding.parse(resolved);
  const raw = lazyDatasetCache(payload.cacheDir);
  // The resolver hands a finished run the cache it trained on (datasets/trained-caches.ts); any other cache
  // whose types read other values than the run's snapshot would give other inputs, silently or not at all.
  const retyped = retypedSince(payload.columns, raw.meta.columns);
  if (retyped.length) {
    const what = retyped.map((c) => `'${c.column}' is read as ${c.to}, the run trained on it as ${c.from}`).join('; ');
    throw new Error(`the dataset was retyped since this run's columns were taken (${what}): its inputs cannot be re-derived. Change the type${retyped.length > 1 ? 's' : ''} back (gatelab datasets types ID ${retyped.map((c) => `${c.column}=${c.from}`).join(' ')}) or start a new run on the new types`);
  }
  // long format is pivoted into one channel per series and value column, as the trainer pivots it; a run
  // is always one with a model here, pivoted only if that model was (forecastingPivot's `built`)
  // (workers/data/run-data.ts labDatasetRun): the split, the windows and the scalers read the wide rows
  const pivot = binding.columns.family === 'forecasting' ? forecastingPivot(raw, payload.columns, binding.columns.channels, { ...config.model, pivoted: payload.pivoted }) : null;
  const data = pivot?.source ?? raw;
  const bound = pivot && binding.columns.family === 'forecasting' ? { ...binding.columns, channels: pivot.channels } : binding.columns;
  if (payload.splitAssignment && Buffer.from(payload.splitAssignment, 'base64').length !== data.rows) {
    throw new Error(`the stored split does not assign the dataset's ${data.rows.toLocaleString('en-US')} rows: create the split again`);
  }
  // The trainer types columns by the cache's types here (not the user's overrides): so must we (they are
  // the run's own types: checked above, int and float aside, which read the same values).
  const typeOf = (n: string) => data.meta.columns.find((x) => x.name === n)?.type;
  // a regressed target's default stratified split is cut at random, and a stored one (the resolver sends a
  // spec only for the run's data.splitId) refused, as the trainer does (regression-split.ts)
  const stored = payload.split ? { id: config.data.splitId, name: payload.splitName } : undefined;
  const splitSpec = payload.splitAssignment ? binding.split : splitForTarget(binding.split, data, bound, typeOf, stored);
  const computed = payload.splitAssignment ? splitOfAssignment(Uint8Array.from(Buffer.from(payload.splitAssignment, 'base64')))
    : computeSplit(splitSpec, data);
  // As the trainer does before fitting anything: code the target (fusion's classes) and leave out rows
  // without one, so the scalers and vocabularies are fitted on exactly the trainer's rows.
  // (a refusal's retype advice names the dataset, when the run says which it is)
  const dataset = config.data.datasetId !== undefined && payload.name !== undefined ? { id: config.data.datasetId, name: payload.name } : undefined;
  const { columns: targeted, split } = bindTarget(data, bound, computed, typeOf, dataset);
  const window = { lookback: config.model.lookback as number | undefined, horizon: config.model.horizon as number | undefined };
  // and leaves out constant channels and id-like columns by the rule the run's model was built with
  // (common/models/model-columns.ts: the trainer decides with the same function)
  const chosen = modelColumns({ data, columns: targeted, split, typeOf, model: config.model, logScaled: payload.logScaled }, BUILT_MODEL_RULES);
  return { columns: chosen.columns, fitted: chosen.fitted, split, splitSpec, data, window, mismatch: chosen.mismatch, ...(pivot ? { long: { pivot, raw } } : {}) };
}

/**
 * Where the re-derived pipeline disagrees with the model the run built (vocabulary sizes, widths, channels),
 * e.g. when the dataset's cache was rebuilt since: a description of the first difference, or null.
 */
export function shapeMismatch(p: RunPipeline, model: Record<string, unknown>): string | null {
  return shapesDiffer(dataShape(p.data, p.fitted, p.columns, p.window), model);
}
