// Class-weighted classification losses: each sample's cross-entropy term times the weight of its true
// class (`loss.classWeights` of a run; 'balanced' gives a class of n_c rows the weight n / (k · n_c)).
// On a 90/8/2 target the unweighted loss is 90% about the majority class, and a model that never predicts
// the 2% class loses little; weighted, every class carries the same share of the loss.
//
// Reduction: the MEAN over the N samples of w_{y_i} · CE_i (scikit-learn's and Keras's sample weights),
// not PyTorch's `weight=` reduction (divided by Σ w_{y_i}). The trainer averages evaluation losses over
// chunks by their sizes (workers/run/evaluate.ts), which is exact only for a per-sample mean; with balanced
// weights the expected weight of a training sample is 1, so the loss keeps the unweighted loss's scale.
import { GraphError } from '../ir/errors';
import type { Tensor } from '../ir/tensor';
import {
  add, constant, gather, gatherElements, logSoftmax, mul, neg, reduceMean, reshape, softplus, sub, unsqueeze,
} from './builders';

function checkWeights(op: string, weights: readonly number[], classes: number | string, inputs: Tensor[]): void {
  if (typeof classes === 'number' && weights.length !== classes) {
    throw new GraphError(op, `${weights.length} class weights for ${classes} classes: give one weight per class`, inputs);
  }
  const bad = weights.findIndex((w) => !(Number.isFinite(w) && w >= 0));
  if (bad >= 0) throw new GraphError(op, `class weights must be finite and not negative, got ${weights[bad]}`, inputs);
}

/** Cross-entropy of logits [N, C] against int64 labels [N], sample i's term times weights[label_i], averaged over N. */
export function classWeightedCrossEntropy(logits: Tensor, labels: Tensor, weights: readonly number[]): Tensor {
  if (logits.rank !== 2 || labels.rank !== 1 || labels.dtype !== 'int64') {
    throw new GraphError('classWeightedCrossEntropy', 'expects logits [N, C] and int64 labels [N]', [logits, labels]);
  }
  checkWeights('classWeightedCrossEntropy', weights, logits.shape[1] as number | string, [logits, labels]);
  const perClass = constant(weights, logits.dtype, [weights.length]);
  const w = gather(perClass, labels, 0); // [N]: each sample's class weight (a constant: no gradient)
  const picked = reshape(gatherElements(logSoftmax(logits, 1), unsqueeze(labels, [1]), 1), [-1]); // [N] log p(y_i)
  return neg(reduceMean(mul(picked, w)));
}

/**
 * Binary cross-entropy on logits against 0/1 targets of the same shape, a positive sample's term times
 * `positive`, a negative's times `negative`, averaged over all elements. The weight is negative + (positive −
 * negative)·t, so a soft target would interpolate; the lab's targets are 0 or 1.
 */
export function classWeightedBce(logits: Tensor, target: Tensor, weights: readonly number[]): Tensor {
  if (logits.rank !== target.rank || logits.shape.some((d, i) => typeof d === 'number' && typeof target.shape[i] === 'number' && d !== target.shape[i])) {
    throw new GraphError('classWeightedBce', `prediction [${logits.shape.join(', ')}] and target [${target.shape.join(', ')}] must have the same shape`, [logits, target]);
  }
  checkWeights('classWeightedBce', weights, 2, [logits, target]);
  const [negative, positive] = weights;
  const w = add(mul(target, positive - negative), negative);
  return reduceMean(mul(sub(softplus(logits), mul(logits, target)), w));
}
