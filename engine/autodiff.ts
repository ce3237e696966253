// Reverse-mode autodiff over the IR: walk the nodes between `wrt` and the loss backwards, ask each op's
// backward rule for its inputs' gradients (more IR), and add up the contributions a tensor receives.
import { isFloat } from './ir/dtype';
import { GraphError } from './ir/errors';
import { topologicalOrder } from './ir/graph';
import { isStatic } from './ir/shape';
import type { Tensor } from './ir/tensor';
import { add, expand, expandLike, scalar, zerosLike } from './ops/builders';
import { opTable } from './ops/table';

/**
 * Gradients of `loss` with respect to each tensor of `wrt` (same shapes). A non-scalar loss is summed,
 * unless `seed` (the gradient arriving at `loss`, same shape) is given: a vector-Jacobian product.
 * A `wrt` the loss does not depend on gets zeros. Integer and bool tensors carry no gradient.
 */
export function grad(loss: Tensor, wrt: readonly Tensor[], seed?: Tensor): Tensor[] {
  if (!isFloat(loss.dtype)) throw new GraphError('grad', `the loss must be a float tensor, got ${loss.dtype}`, [loss]);
  for (const w of wrt) {
    if (!isFloat(w.dtype)) throw new GraphError('grad', `no gradient into a ${w.dtype} tensor (only float32/float64 are differentiable)`, [w]);
  }
  const { nodes } = topologicalOrder([loss]);

  // Tensors that depend on some wrt: only they need gradients (and only their producers are visited).
  const live = new Set<Tensor>(wrt);
  for (const node of nodes) {
    if (node.inputs.some((t) => live.has(t))) for (const o of node.outputs) if (isFloat(o.dtype)) live.add(o);
  }

  const grads = new Map<Tensor, Tensor>();
  if (seed && (seed.dtype !== loss.dtype || seed.rank !== loss.rank)) {
    throw new GraphError('grad', `the seed gradient must match the loss (${loss.dtype}[${loss.shape.join(', ')}])`, [loss, seed]);
  }
  const one = scalar(1, loss.dtype);
  grads.set(loss, seed ?? (loss.rank === 0 ? one : isStatic(loss.shape) ? expand(one, loss.shape) : expandLike(one, loss)));

  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    const outGrads = node.outputs.map((o) => grads.get(o) ?? null);
    if (outGrads.every((g) => g === null)) continue;
    const needs = node.inputs.map((t) => live.has(t) && isFloat(t.dtype));
    if (!needs.some(Boolean)) continue;
    const rule = opTable[node.op]?.backward;
    if (!rule) throw new GraphError(node.op, 'has no backward rule, so no gradient can flow through it to the parameters', node.inputs);
    const inGrads = rule(node, outGrads, needs);
    node.inputs.forEach((t, i) => {
      const g = inGrads[i];
      if (!needs[i] || !g) return;
      if (g.rank !== t.rank) {
        throw new GraphError(node.op, `backward rule returned a gradient of shape [${g.shape.join(', ')}] for input #${i} of shape [${t.shape.join(', ')}] (engine bug)`, node.inputs);
      }
      const prev = grads.get(t);
      grads.set(t, prev ? add(prev, g) : g);
    });
  }
  return wrt.map((w) => grads.get(w) ?? zerosLike(w));
}
