// The data of one run in the trainer: training, validation and test rows as columns named like the
// model's batch tensors, plus the task (which prediction to score against which target).
// The synthetic source backs the demo model and lives in memory. A dataset part keeps only its sample
// source (workers/data): a batch is gathered when a call needs it (a forecasting window is cut from the
// scaled series then), so memory follows the data, not the number of windows (every window of 321
// channels at lookback 96 was ~250 KB: 26,304 rows needed ~20 GB). `columns` of such a part is built
// only when something asks for every sample at once (gate analytics, try-it).
import { syntheticGatedData } from '../../engine/train/gated-model';
import type { RunConfig } from '../../common/runs/config';
import type { SampleSource } from '../data/samples';
import type { Task } from './eval-metrics';
import type { RunDataFacts } from '../../common/runs/data-summary';
import type { ModalityColumn } from '../../common/runs/run-modalities';
import type { ScalerState } from '../../common/data';

export interface Column {
  data: Float32Array | Float64Array | BigInt64Array;
  /** Per-sample shape. */
  shape: readonly number[];
}

export interface Rows {
  columns: Record<string, Column>;
  rows: number;
  /** Where a dataset part's samples come from: batches are gathered from it per call (see the header). */
  source?: SampleSource;
}

/** How a fusion modality's encoded vector is made of one column: a number 1 input, a one-hot its vocabulary, text its hashed buckets, a vector its width. */
/** A fusion input column as the run stores it (its modalities line reads the same shape). */
export type FusionColumn = ModalityColumn;
export type FusionColumnKind = ModalityColumn['kind'];
/** Each modality's columns in encoding order, by modality name. */
export type FusionLayout = Record<string, FusionColumn[]>;

/**
 * A run's data in the trainer, with the facts it sends with 'ready' and the lab stores with the run
 * (RunDataFacts: log-scaled columns, baseline, the model's inputs, the label's coding, rows per class, a
 * long-format pivot); the data builder (workers/data/run-data.ts) and workers/run/data-facts.ts fill them.
 * Not the split sizes and modalities: 'ready' derives those from the parts' rows and modalityInputs below,
 * so a second copy here could only disagree with them.
 */
export interface RunData extends Omit<RunDataFacts, 'splitSizes' | 'modalities'> {
  task: Task;
  /** The model output scored by the task metrics, and the target it is scored against. */
  prediction: string;
  target: string;
  classes?: number;
  /**
   * The class names in class-id order, so predictions map back to them: a binary label's two values as the
   * file writes them, negative then positive ('false'/'true', '< 4'/'≥ 4' under a rule); k classes' sorted values.
   */
  classNames?: string[];
  /**
   * Further outputs scored when the model has them (MMoE's rating tower): metrics named
   * `<name>_<metric>`, e.g. rating_rmse. Models without the prediction are scored on the main task only.
   * `unscale`: the target's fitted scaler; the model learns the scaled target, and both its predictions and
   * the targets are unscaled before scoring, so the metrics are in the column's own units (rating points).
   */
  secondary?: { name: string; prediction: string; target: string; task: Task; unscale?: ScalerState }[];
  /**
   * A regressed dataset target (fusion): also score rmse and r2 in the target's units (eval-metrics.ts
   * regressionScores). Forecasting keeps its mse and mae on the scaled series.
   */
  r2?: boolean;
  /** Forecasting: the channels of the forecast's last axis, in order (the test split is also scored per channel). */
  channels?: string[];
  train: Rows;
  validation: Rows;
  test: Rows;
  /**
   * One line for logs: "synthetic: 16,384 train / 2,048 validation / 2,048 test rows". A dataset run adds
   * notes after '; ' (workers/data/run-data.ts): the target's coding, forecasting channels, the columns left
   * out and why, a recommendation split's cold-start shares.
   */
  describe: string;
  /**
   * Fusion runs on a dataset: each modality's encoded vector by the columns it is built from, in order and
   * with the width each takes (workers/data/fusion.ts, from the fitted pipeline: the encoder's own layout),
   * so a gate report names an expert's inputs `fit_score`, `condition=fog`, not `tabular[3]`.
   */
  modalityInputs?: FusionLayout;
  /** Forecasting runs on a dataset: the season of the time column's step (24 hourly, 12 monthly...), for the seasonal-naive baseline (forecast-baselines.ts). */
  seasonLength?: number;
}

export type Batch = Record<string, { data: Column['data']; dims: number[] }>;

const width = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Bytes of one sample over all its tensors (sizes eval chunks and the steps of one call). */
export function sampleBytes(r: Rows): number {
  if (r.source) return Object.values(r.source.specs).reduce((n, s) => n + width(s.shape) * (s.dtype === 'int64' ? 8 : 4), 0);
  return Object.values(r.columns).reduce((n, c) => n + width(c.shape) * c.data.BYTES_PER_ELEMENT, 0);
}

/** Samples `from`..`to`-1 of a source, renumbered 0..to-from-1. */
function rangeSource(s: SampleSource, from: number, to: number): SampleSource {
  return { count: to - from, specs: s.specs, batch: (indices) => s.batch(Int32Array.from(indices, (i) => i + from)) };
}

/** Every sample of a source as columns, gathered in chunks of ~64 MB (no whole-part temporary). */
function materialize(s: SampleSource): Record<string, Column> {
  const columns: Record<string, Column> = {};
  for (const [name, spec] of Object.entries(s.specs)) {
    const n = s.count * width(spec.shape);
    columns[name] = { data: spec.dtype === 'int64' ? new BigInt64Array(n) : new Float32Array(n), shape: spec.shape };
  }
  const chunk = chunkOf(sampleBytes({ columns: {}, rows: s.count, source: s }), 64 << 20, 1 << 16);
  for (let from = 0; from < s.count; from += chunk) {
    const to = Math.min(s.count, from + chunk);
    for (const [name, f] of Object.entries(s.batch(rangeIndices(from, to)))) {
      (columns[name].data as Float32Array).set(f.data as Float32Array, from * width(columns[name].shape));
    }
  }
  return columns;
}

/** A part whose samples stay in their source; `columns` is built on first use and kept. */
export function lazyRows(source: SampleSource): Rows {
  let columns: Record<string, Column> | undefined;
  return {
    rows: source.count,
    source,
    get columns() {
      return (columns ??= materialize(source));
    },
  };
}

/** How many samples of `bytes` each fit in `budget` bytes, between 1 and `max`. */
export function chunkOf(bytes: number, budget: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(budget / Math.max(1, bytes))));
}

export const rangeIndices = (from: number, to: number): Int32Array => Int32Array.from({ length: to - from }, (_, i) => from + i);

/** Rows [from, to) of every column (views, no copy; a source part stays lazy). */
export function sliceRows(r: Rows, from: number, to: number): Rows {
  if (r.source) return lazyRows(rangeSource(r.source, from, to));
  const columns: Record<string, Column> = {};
  for (const [n, c] of Object.entries(r.columns)) columns[n] = { data: c.data.subarray(from * width(c.shape), to * width(c.shape)), shape: c.shape };
  return { columns, rows: to - from };
}

/** Samples `from`..`to`-1 as [to - from, ...shape] tensors: views of in-memory columns, or gathered from the source. */
export function rangeBatch(r: Rows, from: number, to: number): Batch {
  if (r.source) return r.source.batch(rangeIndices(from, to));
  const part = sliceRows(r, from, to);
  return Object.fromEntries(Object.entries(part.columns).map(([n, c]) => [n, { data: c.data, dims: [to - from, ...c.shape] }]));
}

/** Gathers `rows` of each column into [k, B, ...shape] tensors (k = rows.length / batchSize). */
export function gatherBatches(r: Rows, rows: Uint32Array, batchSize: number): Batch {
  const k = rows.length / batchSize;
  const out: Batch = {};
  if (r.source) {
    for (const [name, f] of Object.entries(r.source.batch(rows))) out[name] = { data: f.data, dims: [k, batchSize, ...f.dims.slice(1)] };
    return out;
  }
  for (const [name, c] of Object.entries(r.columns)) {
    const w = width(c.shape);
    const data = new (c.data.constructor as new (n: number) => Column['data'])(rows.length * w);
    if (w === 1) for (let i = 0; i < rows.length; i++) data[i] = c.data[rows[i]];
    else for (let i = 0; i < rows.length; i++) data.set(c.data.subarray(rows[i] * w, rows[i] * w + w) as never, i * w);
    out[name] = { data, dims: [k, batchSize, ...c.shape] };
  }
  return out;
}

export function syntheticData(config: RunConfig & { data: { kind: 'synthetic' } }, inputs: number): RunData {
  const n = config.data.samples;
  const held = Math.max(config.batchSize, Math.floor(n / 8));
  const all = syntheticGatedData(n + 2 * held, inputs, config.data.seed);
  const whole: Rows = { columns: { x: { data: all.x, shape: [inputs] }, y: { data: all.y, shape: [1] } }, rows: n + 2 * held };
  const fmt = (v: number) => v.toLocaleString('en-US');
  return {
    task: 'binary',
    prediction: 'logit',
    target: 'y',
    train: sliceRows(whole, 0, n),
    validation: sliceRows(whole, n, n + held),
    test: sliceRows(whole, n + held, n + 2 * held),
    describe: `synthetic: ${fmt(n)} train / ${fmt(held)} validation / ${fmt(held)} test rows`,
  };
}
