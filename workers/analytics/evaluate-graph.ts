// Runs an analytics graph (engine/analytics) over every row of a split, in chunks, and keeps each output
// per sample: predictions and gate probes concatenated along the batch axis, statistics averaged.
import * as ort from 'onnxruntime-node';
import { SessionRunner } from '../session-runner';
import { sliceRows, type Rows } from '../run/run-data';
import type { FlatBuffer } from '../../engine/train/pack';

const CHUNK = 2048;

export interface PerSample {
  /** Values of all samples, sample-major. */
  data: Float64Array;
  /** Values per sample. */
  width: number;
}

export interface GraphResult {
  outputs: Record<string, PerSample>;
  /** Batch-mean statistics (`stats.*` outputs), averaged over the split (weighted by chunk size). */
  stats: Record<string, number[]>;
  rows: number;
}

const ortType = (d: Rows['columns'][string]['data']) => (d instanceof Float64Array ? 'float64' : d instanceof Float32Array ? 'float32' : 'int64');

export async function evaluateGraph(bytes: Uint8Array, params: FlatBuffer, rows: Rows, inputNames: readonly string[]): Promise<GraphResult> {
  const runner = await SessionRunner.open({ analytics: bytes }, { providers: ['cpu'], intraOpThreads: 1 });
  try {
    const parts: Record<string, Float64Array[]> = {};
    const widths: Record<string, number> = {};
    const statSums: Record<string, number[]> = {};
    const paramTensor = new ort.Tensor(params instanceof Float64Array ? 'float64' : 'float32', params, [params.length]);
    for (let from = 0; from < rows.rows; from += CHUNK) {
      const to = Math.min(rows.rows, from + CHUNK);
      const part = sliceRows(rows, from, to);
      const feeds: Record<string, ort.Tensor> = { params: paramTensor };
      for (const name of inputNames) {
        const c = part.columns[name];
        if (!c) throw new Error(`the split has no column '${name}' for the model input of that name (it has: ${Object.keys(part.columns).join(', ')})`);
        feeds[name] = new ort.Tensor(ortType(c.data), c.data, [to - from, ...c.shape]);
      }
      const out = await runner.run('analytics', feeds);
      for (const [name, t] of Object.entries(out)) {
        const values = Float64Array.from(t.data as ArrayLike<number>, Number);
        if (name.startsWith('stats.')) {
          const acc = (statSums[name.slice(6)] ??= new Array(values.length).fill(0));
          values.forEach((v, i) => (acc[i] += v * (to - from)));
          continue;
        }
        (parts[name] ??= []).push(values);
        widths[name] = values.length / (to - from);
      }
    }
    const outputs: Record<string, PerSample> = {};
    for (const [name, list] of Object.entries(parts)) {
      const data = new Float64Array(list.reduce((n, a) => n + a.length, 0));
      let o = 0;
      for (const a of list) { data.set(a, o); o += a.length; }
      outputs[name] = { data, width: widths[name] };
    }
    const stats = Object.fromEntries(Object.entries(statSums).map(([n, s]) => [n, s.map((v) => v / rows.rows)]));
    return { outputs, stats, rows: rows.rows };
  } finally {
    await runner.close();
  }
}

/** Per-unit mean over samples of one output (the training mean a 'mean' knockout fixes a gate to). */
export function unitMeans(v: PerSample): Float64Array {
  const n = v.data.length / v.width;
  const out = new Float64Array(v.width);
  for (let s = 0; s < n; s++) for (let u = 0; u < v.width; u++) out[u] += v.data[s * v.width + u];
  return out.map((x) => x / n);
}
