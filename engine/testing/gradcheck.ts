// Finite-difference gradient checking, the reference every backward rule is judged by.
// Builds ONE model that outputs loss = sum_k sum(out_k * W_k) (W_k fixed random weights) and the
// analytic gradients of every float input, then perturbs each input element by +-h and compares the
// central differences with the analytic gradient, norm-wise per input. Running the model is injected
// (`load`), because the engine does not run graphs: workers/testing/gradcheck.ts plugs in ORT.
import { isFloat, type DType } from '../ir/dtype';
import { isStatic } from '../ir/shape';
import type { Tensor, TensorData } from '../ir/tensor';
import { grad } from '../autodiff';
import { constant, input, mul, reduceSum, add, cast } from '../ops/builders';
import { emitModel } from '../onnx/emit';

export interface CheckedInput {
  name: string;
  shape: readonly number[];
  /** Default float64 (float32 works, but finite differences then need a larger h and tolerance). Integer/bool inputs need `data` and get no gradient. */
  dtype?: DType;
  /** Values; random uniform in `range` when absent. */
  data?: TensorData;
  /** Range of the random values (default [-1, 1]); use e.g. [0.5, 2] for log/sqrt/pow bases. */
  range?: readonly [number, number];
  /** Treat this float input as a constant (no gradient checked). */
  constant?: boolean;
}

export interface LoadedModel {
  run(feeds: Record<string, { data: TensorData; dims: readonly number[] }>): Promise<Record<string, { data: TensorData }>>;
  release?(): Promise<void>;
}

export interface GradcheckResult {
  /** Norm-wise relative error ||analytic - numeric|| / max(||numeric||, 1e-12) per checked input. */
  errors: Record<string, number>;
  maxError: number;
  analytic: Record<string, number[]>;
  numeric: Record<string, number[]>;
  loss: number;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same inputs and weights on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function gradcheck(
  fn: (...xs: Tensor[]) => Tensor | readonly Tensor[],
  specs: readonly CheckedInput[],
  load: (model: Uint8Array) => Promise<LoadedModel>,
  opts: { seed?: number; h?: number } = {},
): Promise<GradcheckResult> {
  const rand = seededRandom(opts.seed ?? 1234);
  const xs = specs.map((s) => input(s.name, s.dtype ?? 'float64', s.shape));
  const values = specs.map((s) => {
    if (s.data) return s.data;
    const dtype = s.dtype ?? 'float64';
    if (!isFloat(dtype)) throw new Error(`gradcheck: input '${s.name}' is ${dtype}: give its data`);
    const [lo, hi] = s.range ?? [-1, 1];
    const n = s.shape.reduce((a, b) => a * b, 1);
    const v = Array.from({ length: n }, () => lo + (hi - lo) * rand());
    return dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v);
  });
  const result = fn(...xs);
  const outs = (Array.isArray(result) ? result : [result]) as Tensor[];
  let loss: Tensor | null = null;
  for (const o of outs) {
    if (!isFloat(o.dtype)) continue;
    if (!isStatic(o.shape)) throw new Error(`gradcheck: output ${o} has a symbolic shape; use numeric shapes`);
    const n = o.shape.reduce((a, b) => a * b, 1);
    const w = constant(Float64Array.from({ length: n }, () => 0.5 + rand()), 'float64', o.shape as number[]);
    const term = reduceSum(mul(cast(o, 'float64'), w));
    loss = loss ? add(loss, term) : term;
  }
  if (!loss) throw new Error('gradcheck: the function has no float output');
  const checked = specs.map((_, i) => i).filter((i) => isFloat(specs[i].dtype ?? 'float64') && !specs[i].constant);
  const grads = grad(loss, checked.map((i) => xs[i]));
  const outputs: Record<string, Tensor> = { loss };
  checked.forEach((i, k) => (outputs[`grad_${specs[i].name}`] = grads[k]));
  const model = await load(emitModel({ inputs: xs, outputs }));
  try {
    const feeds = Object.fromEntries(specs.map((s, i) => [s.name, { data: values[i], dims: s.shape }]));
    const base = await model.run(feeds);
    const lossAt = async (): Promise<number> => Number((await model.run(feeds))['loss'].data[0]);
    const res: GradcheckResult = { errors: {}, maxError: 0, analytic: {}, numeric: {}, loss: Number(base['loss'].data[0]) };
    for (const i of checked) {
      const name = specs[i].name;
      const v = values[i] as Float64Array | Float32Array;
      const analytic = Array.from(base[`grad_${name}`].data as Float64Array);
      const numeric: number[] = [];
      for (let j = 0; j < v.length; j++) {
        const x0 = v[j];
        const h = (opts.h ?? 1e-6) * Math.max(1, Math.abs(x0));
        v[j] = x0 + h;
        const up = await lossAt();
        v[j] = x0 - h;
        const down = await lossAt();
        v[j] = x0;
        numeric.push((up - down) / (2 * h));
      }
      let diff = 0, norm = 0;
      numeric.forEach((nv, j) => { diff += (analytic[j] - nv) ** 2; norm += nv ** 2; });
      const err = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
      res.errors[name] = err;
      res.analytic[name] = analytic;
      res.numeric[name] = numeric;
      res.maxError = Math.max(res.maxError, Number.isNaN(err) ? Infinity : err);
    }
    return res;
  } finally {
    await model.release?.();
  }
}
