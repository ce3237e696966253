// Small pieces the backward rules share: reducing a broadcast gradient back to an input's shape.
import type { Tensor } from '../ir/tensor';
import { reduceSum, squeeze } from './builders';

/**
 * Sum `g` (the gradient of a broadcast result) down to `target`'s shape: leading extra axes are summed
 * away, axes where target has 1 and g does not are summed with keepdims. Static axes only, so it works
 * with symbolic batch dims (a symbol never broadcasts from 1 in our shape inference).
 */
export function unbroadcast(g: Tensor, target: Tensor): Tensor {
  const lead = g.rank - target.rank;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) {
    if (i < lead) axes.push(i);
    else if (target.shape[i - lead] === 1 && g.shape[i] !== 1) axes.push(i);
  }
  if (axes.length === 0) return g;
  // Only leading axes (a bias under a batch): one ReduceSum without keepdims.
  if (axes.length === lead) return reduceSum(g, axes, false);
  // keepdims=true keeps the kept axes aligned; then drop the leading ones with a squeeze (symbol-safe).
  const summed = reduceSum(g, axes, true);
  if (lead === 0) return summed;
  return squeeze(summed, Array.from({ length: lead }, (_, i) => i));
}
