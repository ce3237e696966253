// Gate statistics computed inside the graph: openness (mean, and a 10-bin histogram of a sample), router entropy,
// expert load fractions and the balance coefficient, CV². Cheap reductions, so they run on every step.
import type { Tensor } from '../ir/tensor';
import { add, cast, clip, div, exp, expandLike, gather, less, log, mul, neg, reduceMax, reduceMean, reduceSum, reshape, scatterElements, slice, squeeze, sub } from '../ops/builders';
import { floats, num, type GateEnv } from './env';

export const HIST_BINS = 10;

/**
 * Mean openness of gate values in [0, 1] and the fraction of values in each tenth of [0, 1].
 *
 * Bin convention (the same as the first, edge-comparing version on [0, 1]): bin k holds
 * k/10 ≤ g < (k+1)/10 and the last bin is closed, so 0 is in bin 0, 0.3 in bin 3 and 1 in bin 9.
 * Our gates never leave [0, 1] (sigmoids, exp of log-sigmoids, 0/1 masks); if one did, values below 0
 * count in bin 0 and values above 1 in bin 9 (the old version dropped those above 1.000001), and NaN
 * (a diverged gate) counts in bin 0 rather than failing the step.
 *
 * The bin index is computed, not searched: k = clamp(trunc(10·g), 0, 9), then one ScatterElements adds 1
 * per value into zeros[10]. That is O(N); comparing every value with the 10 edges was O(10·N) and most
 * of the ~10% of a FinalMLP training step that the gate statistics cost. In float32, trunc(fl(10·g))
 * agrees with comparisons against the float32 edges fl(k/10) for every float32 in [0, 1] (checked
 * exhaustively). In float64 (gradient checks only) fl(10·g) can round up onto an integer from just below
 * an edge (0.8999999999999999 → 9), never down, so there one Gather of the lower edge moves such values
 * back a bin.
 * The Cast to int64 truncates toward zero (ONNX Runtime's static_cast), hence the clamp in int64 after
 * it: NaN, ±inf and |10·g| ≥ 2^63 become INT64_MIN on x86 and are clamped into bin 0, never out of range.
 * (A float Clip before the Cast would be cheaper, but ORT's float Clip passes NaN through, and the scatter
 * then fails the step with "indices element out of data bounds": the NaN test in stats.test.ts.)
 */
export function opennessStats(env: Pick<GateEnv, 'dtype'>, name: string, g: Tensor): Record<string, Tensor> {
  const flat = reshape(histogramSample(g), [-1]);
  let bin = clip(cast(mul(flat, num(env, HIST_BINS)), 'int64'), 0, HIST_BINS - 1);
  if (env.dtype === 'float64') {
    const lower = floats(env, Array.from({ length: HIST_BINS }, (_, k) => (k === 0 ? -Infinity : k / HIST_BINS)), [HIST_BINS]);
    bin = sub(bin, cast(less(flat, gather(lower, bin)), 'int64'));
  }
  // ORT's ScatterElements costs ~5 ns per value (a [10, cols] counter table, to spread the adds over
  // addresses, measured the same), still half of the 10 comparisons per value it replaces
  const counts = scatterElements(floats(env, new Array(HIST_BINS).fill(0), [HIST_BINS]), bin, expandLike(num(env, 1), flat), 0, 'add');
  return {
    [`${name}.openness`]: reduceMean(g, [...Array(g.rank).keys()]),
    // every value counts in exactly one bin, so the count total is the number of values
    [`${name}.openness_hist`]: div(counts, reduceSum(counts, [0], true)),
  };
}

/** The histogram is estimated from at most about this many gate values per step (see histogramSample). */
export const HIST_SAMPLE = 8192;

/**
 * The leading samples of g[B, ...] that hold about HIST_SAMPLE values: all of g when it is smaller.
 * Why: the histogram is the part of the gate statistics that costs per value (a ScatterElements, ~5 ns
 * each), and a FinalMLP or patch-Transformer gate holds 10^5–10^6 values per step. Whole samples are
 * taken (every feature, head and position of the first k samples), so no unit of the gate is left out;
 * training batches are shuffled, so the first k are a random sample. With 8,192 values a bin fraction
 * has a standard error under 0.6 percentage points. The mean openness still uses every value.
 * Works with a symbolic batch: Slice clamps the end to the batch size.
 */
export function histogramSample(g: Tensor): Tensor {
  if (g.rank < 2) return g;
  const perSample = g.shape.slice(1).reduce<number>((a, d) => a * (typeof d === 'number' ? d : NaN), 1);
  if (!Number.isFinite(perSample)) return g;
  const batch = g.shape[0];
  if (typeof batch === 'number' && batch * perSample <= HIST_SAMPLE) return g;
  return slice(g, [0], [Math.max(1, Math.ceil(HIST_SAMPLE / perSample))], [0]);
}

/** log Σ exp(x) over an axis, stable. */
export function logSumExp(x: Tensor, axis: number, keepdims = false): Tensor {
  const m = reduceMax(x, [axis], true);
  const s = log(reduceSum(exp(sub(x, m)), [axis], true));
  const r = add(s, m);
  return keepdims ? r : squeeze(r, [axis < 0 ? x.rank + axis : axis]);
}

/** Mean entropy (nats) of probability rows p[..., E]. */
export function meanEntropy(env: Pick<GateEnv, 'dtype'>, p: Tensor): Tensor {
  const plogp = mul(p, log(add(p, num(env, 1e-12))));
  return neg(reduceMean(reduceSum(plogp, [-1]), [...Array(p.rank - 1).keys()]));
}

/** Squared coefficient of variation of a vector v[E]: var/mean² (Shazeer 2017's importance/load loss). */
export function cv2(env: Pick<GateEnv, 'dtype'>, v: Tensor): Tensor {
  const m = reduceMean(v, [0]);
  const d = sub(v, m);
  return div(reduceMean(mul(d, d), [0]), add(mul(m, m), num(env, 1e-10)));
}
