// Gate statistics computed inside the graph: openness (mean and a 10-bin histogram), router entropy,
// expert load fractions and the balance coefficient, CV². Cheap reductions, so they run on every step.
import type { Tensor } from '../ir/tensor';
import { add, cast, concat, div, less, log, mul, neg, reduceMax, reduceMean, reduceSum, reshape, slice, squeeze, sub, exp } from '../ops/builders';
import { floats, num, type GateEnv } from './env';

export const HIST_BINS = 10;

/** Mean openness of gate values in [0, 1] and the fraction of values in each tenth of [0, 1]. */
export function opennessStats(env: Pick<GateEnv, 'dtype'>, name: string, g: Tensor): Record<string, Tensor> {
  const flat = reshape(g, [-1, 1]);
  const edges = floats(env, Array.from({ length: HIST_BINS }, (_, i) => (i === HIST_BINS - 1 ? 1.000001 : (i + 1) / HIST_BINS)), [HIST_BINS]);
  const below = reduceMean(cast(less(flat, edges), env.dtype), [0]); // [BINS] cumulative fractions
  const shifted = concat([floats(env, [0], [1]), slice(below, [0], [HIST_BINS - 1], [0])], 0);
  return {
    [`${name}.openness`]: reduceMean(g, [...Array(g.rank).keys()]),
    [`${name}.openness_hist`]: sub(below, shifted),
  };
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
