// Runs an analytics graph (engine/analytics) over every row of a split, chunk by chunk, and keeps only what
// the caller asks for. Memory follows the chunk, not the split: a long-window forecaster's gate probes
// ([lookback, channels, hidden] per window: 75k values for tft-lite at lookback 336) over 5,161 test windows
// were ~3 GB as float64, and holding them all (plus ONNX Runtime's arena for 2,048-window chunks of its
// activations) made the analytics process run out of memory. So:
//   - rows per chunk follow the model's largest per-sample tensor (rowsPerChunk), so ORT's activations and
//     each chunk's outputs stay ~16 MB per tensor;
//   - every output gets a running per-unit mean (width-sized), what feature and selection gates report;
//   - an output is kept per sample only when the caller's `keep` says so and, for probes, when the whole
//     split of it fits KEPT_PROBE_VALUES (routers, GMU and exit gates; not a tft-lite selection's inner GRN);
//   - `onChunk` lets callers reduce a chunk themselves (a knockout keeps one metric value per sample).
import * as ort from 'onnxruntime-node';
import { SessionRunner } from '../session-runner';
import { sliceRows, type Rows } from '../run/run-data';
import type { FlatBuffer } from '../../engine/train/pack';

/** Most rows per chunk (small models). */
const MAX_CHUNK = 2048;
/** Values per sample kept whole for one probe over the split (8M values: 64 MB as float64). */
export const KEPT_PROBE_VALUES = 8 << 20;

export interface PerSample {
  /** Values of all samples, sample-major. */
  data: Float64Array;
  /** Values per sample. */
  width: number;
}

export interface GraphResult {
  /** Per-sample outputs that were kept (predictions; probes small enough, see KEPT_PROBE_VALUES). */
  outputs: Record<string, PerSample>;
  /** Per-unit mean over the split of every non-statistic output (probes included, kept or not). */
  means: Record<string, Float64Array>;
  /** Batch-mean statistics (`stats.*` outputs), averaged over the split (weighted by chunk size). */
  stats: Record<string, number[]>;
  rows: number;
}

/** One chunk's outputs as ONNX Runtime returned them (float32 or float64), and the chunk's input rows. */
export interface Chunk {
  outputs: Record<string, { data: Float32Array | Float64Array; width: number }>;
  part: Rows;
  from: number;
  to: number;
}

export interface EvaluateOptions {
  /** Keep this output per sample (default: every output; probes only within KEPT_PROBE_VALUES). */
  keep?(name: string): boolean;
  /** Called with every chunk before it is dropped. */
  onChunk?(c: Chunk): void;
  /** Rows per chunk (rowsPerChunk(def) for the model; default MAX_CHUNK). */
  chunkRows?: number;
}

const ortType = (d: Rows['columns'][string]['data']) => (d instanceof Float64Array ? 'float64' : d instanceof Float32Array ? 'float32' : 'int64');

export async function evaluateGraph(bytes: Uint8Array, params: FlatBuffer, rows: Rows, inputNames: readonly string[], o: EvaluateOptions = {}): Promise<GraphResult> {
  const runner = await SessionRunner.open({ analytics: bytes }, { providers: ['cpu'], intraOpThreads: 1 });
  const n = rows.rows, chunk = Math.max(1, Math.min(MAX_CHUNK, o.chunkRows ?? MAX_CHUNK));
  try {
    const kept: Record<string, PerSample | null> = {};
    const sums: Record<string, Float64Array> = {};
    const statSums: Record<string, number[]> = {};
    const paramTensor = new ort.Tensor(params instanceof Float64Array ? 'float64' : 'float32', params, [params.length]);
    for (let from = 0; from < n; from += chunk) {
      const to = Math.min(n, from + chunk), rowsIn = to - from;
      const part = sliceRows(rows, from, to);
      const feeds: Record<string, ort.Tensor> = { params: paramTensor };
      for (const name of inputNames) {
        const c = part.columns[name];
        if (!c) throw new Error(`the split has no column '${name}' for the model input of that name (it has: ${Object.keys(part.columns).join(', ')})`);
        feeds[name] = new ort.Tensor(ortType(c.data), c.data, [rowsIn, ...c.shape]);
      }
      const out = await runner.run('analytics', feeds);
      const outputs: Chunk['outputs'] = {};
      for (const [name, t] of Object.entries(out)) {
        const values = t.data instanceof Float32Array || t.data instanceof Float64Array ? t.data : Float64Array.from(t.data as ArrayLike<number>, Number);
        if (name.startsWith('stats.')) {
          const acc = (statSums[name.slice(6)] ??= new Array(values.length).fill(0));
          for (let i = 0; i < values.length; i++) acc[i] += values[i] * rowsIn;
          continue;
        }
        const width = values.length / rowsIn;
        outputs[name] = { data: values, width };
        const sum = (sums[name] ??= new Float64Array(width));
        for (let s = 0; s < rowsIn; s++) for (let u = 0; u < width; u++) sum[u] += values[s * width + u];
        if (kept[name] === undefined) {
          const wanted = (o.keep?.(name) ?? true) && (!name.startsWith('probe.') || width * n <= KEPT_PROBE_VALUES);
          kept[name] = wanted ? { data: new Float64Array(n * width), width } : null;
        }
        kept[name]?.data.set(values, from * width);
      }
      o.onChunk?.({ outputs, part, from, to });
    }
    const outputs: Record<string, PerSample> = {};
    for (const [name, k] of Object.entries(kept)) if (k) outputs[name] = k;
    const means = Object.fromEntries(Object.entries(sums).map(([name, s]) => [name, s.map((v) => v / n)]));
    const stats = Object.fromEntries(Object.entries(statSums).map(([name, s]) => [name, s.map((v) => v / n)]));
    return { outputs, means, stats, rows: n };
  } finally {
    await runner.close();
  }
}
