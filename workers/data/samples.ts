// A sample source: where a trainer gets batch tensors from, whatever the family. Samples are numbered
// 0..count-1 within one part of a split; `batch(indices)` writes those samples into feed tensors.
// Epoch order is a seeded shuffle, so a run (and its resume) sees the same batches.
import { seededRandom } from '../../engine/nn/random';

export type FeedData = Float32Array | BigInt64Array;
export interface Feed {
  data: FeedData;
  dims: number[];
}

export interface FeedSpec {
  dtype: 'float32' | 'int64';
  /** Per-sample shape (without the batch axis). */
  shape: number[];
}

export interface SampleSource {
  /** Number of samples in this part. */
  count: number;
  specs: Record<string, FeedSpec>;
  /** The samples at `indices`, as feeds of shape [indices.length, ...spec.shape]. */
  batch(indices: ArrayLike<number>): Record<string, Feed>;
  /**
   * Forecasting windows: each channel's mean over every window's targets (`y`, all horizon steps), computed
   * from the series without gathering a window (the training-mean baseline, workers/run/forecast-baselines.ts).
   * Absent for other sources, which the baseline reads window by window.
   */
  targetMeans?(): Float64Array;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A SampleSource over per-sample rows already in memory (row-major arrays, one per feed). */
export function tableSource(count: number, arrays: Record<string, { spec: FeedSpec; data: FeedData }>): SampleSource {
  const specs = Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, v.spec]));
  return {
    count,
    specs,
    batch(indices) {
      const out: Record<string, Feed> = {};
      for (const [name, { spec, data }] of Object.entries(arrays)) {
        const w = size(spec.shape);
        const dst = spec.dtype === 'int64' ? new BigInt64Array(indices.length * w) : new Float32Array(indices.length * w);
        for (let i = 0; i < indices.length; i++) {
          const r = indices[i];
          (dst as Float32Array).set((data as Float32Array).subarray(r * w, (r + 1) * w), i * w);
        }
        out[name] = { data: dst, dims: [indices.length, ...spec.shape] };
      }
      return out;
    },
  };
}

/** The sample order of one epoch: a seeded Fisher-Yates shuffle (or 0..n-1 when not shuffling). */
export function epochOrder(count: number, seed: number, epoch: number, shuffle = true): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  if (!shuffle) return order;
  const rng = seededRandom(seed, `epoch-${epoch}`);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Full batches of one epoch (the last partial batch is dropped in training, kept when `keepLast`). */
export function batchIndices(order: Int32Array, batchSize: number, keepLast = false): Int32Array[] {
  const out: Int32Array[] = [];
  for (let s = 0; s + batchSize <= order.length; s += batchSize) out.push(order.subarray(s, s + batchSize));
  const rest = order.length % batchSize;
  if (keepLast && rest) out.push(order.subarray(order.length - rest));
  return out;
}

/** K batches stacked into [K, B, ...] feeds, for a Loop-K train graph. */
export function stackBatches(source: SampleSource, batches: Int32Array[]): Record<string, Feed> {
  const flat = new Int32Array(batches.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of batches) { flat.set(b, o); o += b.length; }
  const one = source.batch(flat);
  const B = batches[0]?.length ?? 0;
  return Object.fromEntries(Object.entries(one).map(([k, f]) => [k, { data: f.data, dims: [batches.length, B, ...f.dims.slice(1)] }]));
}
