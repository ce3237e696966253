// The data of one run, in memory in the trainer: training, validation and test rows as columns named
// like the model's batch tensors, plus the task (which prediction to score against which target).
// The synthetic source backs the demo model; dataset sources come from the lab's columnar caches.
import { syntheticGatedData } from '../../engine/train/gated-model';
import type { RunConfig } from '../../common/runs/config';
import type { Task } from './eval-metrics';

export interface Column {
  data: Float32Array | Float64Array | BigInt64Array;
  /** Per-sample shape. */
  shape: readonly number[];
}

export interface Rows {
  columns: Record<string, Column>;
  rows: number;
}

export interface RunData {
  task: Task;
  /** The model output scored by the task metrics, and the target it is scored against. */
  prediction: string;
  target: string;
  classes?: number;
  /** Multiclass: the class names in class-id order (sorted target values), so predictions map back to them. */
  classNames?: string[];
  /**
   * Further outputs scored when the model has them (MMoE's rating tower): metrics named
   * `<name>_<metric>`, e.g. rating_rmse. Models without the prediction are scored on the main task only.
   */
  secondary?: { name: string; prediction: string; target: string; task: Task }[];
  train: Rows;
  validation: Rows;
  test: Rows;
  /** One line for logs: "synthetic: 16,384 train / 2,048 validation / 2,048 test rows". */
  describe: string;
}

const width = (c: Column) => c.shape.reduce((a, b) => a * b, 1);

/** Rows [from, to) of every column (views, no copy). */
export function sliceRows(r: Rows, from: number, to: number): Rows {
  const columns: Record<string, Column> = {};
  for (const [n, c] of Object.entries(r.columns)) columns[n] = { data: c.data.subarray(from * width(c), to * width(c)), shape: c.shape };
  return { columns, rows: to - from };
}

/** Gathers `rows` of each column into [k, B, ...shape] tensors (k = rows.length / batchSize). */
export function gatherBatches(r: Rows, rows: Uint32Array, batchSize: number): Record<string, { data: Column['data']; dims: number[] }> {
  const k = rows.length / batchSize;
  const out: Record<string, { data: Column['data']; dims: number[] }> = {};
  for (const [name, c] of Object.entries(r.columns)) {
    const w = width(c);
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
