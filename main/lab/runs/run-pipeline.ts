// The fitted feature pipeline of a dataset run, re-derived in the lab exactly as its trainer derived it
// (workers/data/run-data.ts, labDatasetRun + runDataFrom; main/ may not import workers/): the binding from
// the run's column snapshot and label rule, the split recomputed (it is deterministic) or taken as stored,
// and the pipeline fitted on the training rows. Export writes it into the ONNX file's metadata.
// Keep the steps in the same order as labDatasetRun: the export test compares both paths on raw rows.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readCacheMeta, readCachedColumn, type CacheFiles, type DatasetCacheMeta } from '../../../common/dataset-cache';
import {
  computeSplit, fitPipeline, type ColumnRole, type ColumnSource, type ColumnTypeName, type DataColumn, type FittedPipeline,
  type SplitResult, type SplitSpecInput,
} from '../../../common/data';
import { DataBinding, dataShape, defaultBinding, pipelineFor, type DataColumns } from '../../../common/models/binding';
import { templateInfo } from '../../../common/models';
import { bindTarget } from '../../../common/models/target';

/** What the lab's dataset resolver hands a trainer (dataset-runs.ts datasetResolver). */
export interface DatasetPayload {
  cacheDir: string;
  columns: { name: string; type: string; role: string; modality?: string | null }[];
  split?: SplitSpecInput;
  splitAssignment?: string;
}

export interface RunConfigView {
  model: Record<string, unknown>;
  data: { split?: string; splitSeed?: number };
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
}

/** A cache reader that loads a column when first asked for (exports use a few columns of a wide file). */
export function lazyDatasetCache(cacheDir: string): ColumnSource & { meta: DatasetCacheMeta } {
  const files: CacheFiles = { readText: (f) => readFileSync(join(cacheDir, f), 'utf8'), readBytes: (f) => readFileSync(join(cacheDir, f)), where: (f) => join(cacheDir, f) };
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

const PROTOCOL_RATIOS = { train: 0.8, val: 0.1, test: 0.1 };

/** The split a run's `data.split` names (as the trainer's namedSplit), or undefined for the family's default. */
function namedSplit(name: string | undefined, seed: number): SplitSpecInput | undefined {
  if (name === undefined) return undefined;
  if (name === 'ett') return { kind: 'ett' };
  if (name === 'chronological') return { kind: 'chronological' };
  if (name === 'random') return { kind: 'random', ratios: PROTOCOL_RATIOS, seed };
  throw new Error(`data.split '${name}' needs its split files: only a stored split (data.splitId) can reproduce it`);
}

function storedAssignment(base64: string): SplitResult {
  const assignment = Uint8Array.from(Buffer.from(base64, 'base64'));
  const counts = { train: 0, val: 0, test: 0 };
  for (const a of assignment) if (a === 0) counts.train++; else if (a === 1) counts.val++; else if (a === 2) counts.test++;
  return { assignment, counts, ranges: null };
}

export function runPipeline(payload: DatasetPayload, config: RunConfigView): RunPipeline {
  const template = String(config.model.template);
  const family = templateInfo(template).family;
  const columns = payload.columns.map((c) => ({ name: c.name, type: c.type as ColumnTypeName, role: c.role as ColumnRole, modality: c.modality ?? null }));
  const positiveAtLeast = typeof config.model.positiveAtLeast === 'number' ? config.model.positiveAtLeast : undefined;
  const seed = config.data.splitSeed ?? config.seed;
  const defaults = defaultBinding(family, columns, { split: config.data.split, positiveAtLeast, seed });
  const binding = DataBinding.parse({ ...defaults, split: payload.split ?? namedSplit(config.data.split, seed ?? 42) ?? defaults.split });
  const data = lazyDatasetCache(payload.cacheDir);
  if (payload.splitAssignment && Buffer.from(payload.splitAssignment, 'base64').length !== data.rows) {
    throw new Error(`the stored split does not assign the dataset's ${data.rows.toLocaleString('en-US')} rows: create the split again`);
  }
  const computed = payload.splitAssignment ? storedAssignment(payload.splitAssignment) : computeSplit(binding.split, data);
  // As the trainer does before fitting anything: code the target (fusion's classes) and leave out rows
  // without one, so the scalers and vocabularies are fitted on exactly the trainer's rows.
  const { columns: bound, split } = bindTarget(data, binding.columns, computed);
  // The trainer types columns by the cache's types here (not the user's overrides): so must we.
  const typeOf = (n: string) => data.meta.columns.find((x) => x.name === n)?.type;
  const fitted = fitPipeline(pipelineFor(typeOf, bound), data, split.assignment);
  const window = { lookback: config.model.lookback as number | undefined, horizon: config.model.horizon as number | undefined };
  return { columns: bound, fitted, split, data, window };
}

/**
 * Where the re-derived pipeline disagrees with the model the run built (vocabulary sizes, widths, channels),
 * e.g. when the dataset's cache was rebuilt since: a description of the first difference, or null.
 */
export function shapeMismatch(p: RunPipeline, model: Record<string, unknown>): string | null {
  const shape = dataShape(p.data, p.fitted, p.columns, p.window);
  for (const [key, value] of Object.entries(shape)) {
    if (key === 'lookback' || key === 'horizon') continue;
    const a = canonical(value), b = canonical(model[key]);
    if (a !== b) return `model.${key} is ${b} but the dataset now gives ${a}`;
  }
  return null;
}

/** JSON with object keys sorted, so the same value compares equal whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
