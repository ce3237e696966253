// Ops built from primitives: their gradients come from the primitives' rules, so there is nothing to
// keep in sync. Losses average over all elements (as PyTorch's default 'mean' reduction).
import { GraphError } from '../ir/errors';
import { normalizeAxis } from '../ir/shape';
import { Tensor } from '../ir/tensor';
import { applyMulti, apply } from './apply';
import {
  abs, add, cast, erf, gatherElements, less, logSoftmax, mul, neg, reduceMean, scalar, sigmoid,
  softplus, sub, unsqueeze, where,
} from './builders';

/** GELU, exact (erf) form: x/2 (1 + erf(x / sqrt 2)). */
export const gelu = (x: Tensor) => mul(mul(x, 0.5), add(erf(mul(x, Math.SQRT1_2)), 1));

/** SiLU / swish: x sigmoid(x). */
export const silu = (x: Tensor) => mul(x, sigmoid(x));

/** Layer normalisation over the axes from `axis` to the end (ONNX LayerNormalization). */
export function layerNorm(x: Tensor, scale: Tensor, bias?: Tensor, axis = -1, eps = 1e-5): Tensor {
  const ax = normalizeAxis('LayerNormalization', axis, x.rank, [x, scale]);
  return applyMulti('LayerNormalization', bias ? [x, scale, bias] : [x, scale], { axis: ax, epsilon: eps })[0];
}

function sameShapes(op: string, pred: Tensor, target: Tensor) {
  if (pred.rank !== target.rank || pred.shape.some((d, i) => d !== target.shape[i] && typeof d === 'number' && typeof target.shape[i] === 'number')) {
    throw new GraphError(op, `prediction [${pred.shape.join(', ')}] and target [${target.shape.join(', ')}] must have the same shape`, [pred, target]);
  }
}

export function mseLoss(pred: Tensor, target: Tensor): Tensor {
  sameShapes('mseLoss', pred, target);
  const d = sub(pred, target);
  return reduceMean(mul(d, d));
}

export function maeLoss(pred: Tensor, target: Tensor): Tensor {
  sameShapes('maeLoss', pred, target);
  return reduceMean(abs(sub(pred, target)));
}

/** Quadratic for |d| < delta, linear beyond (PyTorch's HuberLoss). */
export function huberLoss(pred: Tensor, target: Tensor, delta = 1): Tensor {
  sameShapes('huberLoss', pred, target);
  const d = sub(pred, target);
  const a = abs(d);
  return reduceMean(where(less(a, delta), mul(mul(d, d), 0.5), mul(sub(a, 0.5 * delta), delta)));
}

/** Binary cross-entropy on logits: softplus(x) - x t, stable for any x, gradient sigmoid(x) - t exactly. */
export function bceWithLogits(logits: Tensor, target: Tensor): Tensor {
  sameShapes('bceWithLogits', logits, target);
  return reduceMean(sub(softplus(logits), mul(logits, target)));
}

/** Cross-entropy of logits [N, C] against int64 class labels [N], averaged over N. */
export function softmaxCrossEntropy(logits: Tensor, labels: Tensor): Tensor {
  if (logits.rank !== 2 || labels.rank !== 1 || labels.dtype !== 'int64') {
    throw new GraphError('softmaxCrossEntropy', 'expects logits [N, C] and int64 labels [N]', [logits, labels]);
  }
  const picked = gatherElements(logSoftmax(logits, 1), unsqueeze(labels, [1]), 1);
  return neg(reduceMean(picked));
}

// ---- dropout with a reproducible mask ----------------------------------------------------------------

/**
 * Inverted dropout: zeroes each element with probability p and scales the rest by 1/(1-p). The mask is a
 * pure function of (seed, element index) computed in the graph (integer hash, no RNG state), so a run
 * with the same seeds is bit-for-bit reproducible; pass a different seed per step. Identity when not training.
 */
export function dropout(x: Tensor, p: number, seed: Tensor | number, training: boolean): Tensor {
  if (!training || p === 0) return x;
  if (!(p > 0 && p < 1)) throw new GraphError('dropout', `p must be in [0, 1), got ${p}`, [x]);
  const s = seed instanceof Tensor ? cast(seed, 'int64') : scalar(seed, 'int64');
  return mul(x, apply('DropoutMask', [x, s], { p })); // 0 or 1/(1-p), hashed from (seed, index): ops/random.ts
}

