// Matrix products and layer normalisation: MatMul (batched, broadcasting), Gemm (2-D linear with bias),
// LayerNormalization (native ONNX op with a hand-written backward from its saved mean and 1/std).
import { isFloat } from '../ir/dtype';
import { GraphError } from '../ir/errors';
import { broadcastDim, broadcastShapeList } from '../ir/shape';
import type { Dim, Tensor } from '../ir/tensor';
import { gemm, matmul, mul, reduceMean, reshape, reshapeLike, sub, transpose } from './builders';
import { unbroadcast } from './grad-helpers';
import type { OpTable } from './op';

const floats = (op: string, inputs: readonly Tensor[]) => {
  const d = inputs[0].dtype;
  if (!isFloat(d) || inputs.some((t) => t.dtype !== d)) {
    throw new GraphError(op, `needs float tensors of one dtype, got ${inputs.map((t) => t.dtype).join(', ')}`, inputs);
  }
  return d;
};

/** Swap the last two axes. */
const swapLast = (t: Tensor) => transpose(t, [...t.shape.keys()].map((i) => (i === t.rank - 2 ? t.rank - 1 : i === t.rank - 1 ? t.rank - 2 : i)));

function innerMatch(op: string, k1: Dim, k2: Dim, inputs: readonly Tensor[]) {
  if (broadcastDim(k1, k2) === null || (typeof k1 === 'number' && typeof k2 === 'number' && k1 !== k2)) {
    throw new GraphError(op, `inner dimensions differ: [${inputs[0].shape.join(', ')}] x [${inputs[1].shape.join(', ')}] (${k1} vs ${k2})`, inputs);
  }
}

/**
 * dB of Y = A·B when B is shared across some of A's batch axes (e.g. A [N, h, M, K] · B [h, K, N']):
 * those axes move into the contraction, so dB = A'ᵀ·G' is one batched matmul over the kept axes only.
 * The generic rule (batched Aᵀ·G, then a ReduceSum over the shared axes) materialises a [N, h, K, N']
 * tensor: for FinalMLP's bilinear fusion that was half of the whole training step. Null when the
 * shapes do not fit (A itself broadcast, or a non-static K or N'): the caller keeps the generic rule.
 */
function sharedWeightGrad(a: Tensor, b: Tensor, g: Tensor): Tensor | null {
  const batch = a.rank - 2, lead = batch - (b.rank - 2);
  const k = a.shape[a.rank - 1], n = g.shape[g.rank - 1];
  if (lead < 0 || g.rank !== a.rank || typeof k !== 'number' || typeof n !== 'number') return null;
  const shared: number[] = [], kept: number[] = [];
  for (let i = 0; i < batch; i++) {
    if (a.shape[i] !== g.shape[i]) return null; // A is broadcast itself
    const bd = i < lead ? null : b.shape[i - lead];
    if (bd === null || (bd === 1 && a.shape[i] !== 1)) shared.push(i);
    else kept.push(i);
  }
  if (shared.length === 0) return null;
  // Kept axes first (they stay in place, so Reshape copies them even when symbolic), then the contraction.
  const keptDims = kept.map((i) => a.shape[i]);
  const at = reshape(transpose(a, [...kept, a.rank - 1, ...shared, a.rank - 2]), [...keptDims, k, -1]); // [kept, K, S·M]
  const gt = reshape(transpose(g, [...kept, ...shared, g.rank - 2, g.rank - 1]), [...keptDims, -1, n]); // [kept, S·M, N']
  const gb = matmul(at, gt); // [kept, K, N']
  if (gb.rank === b.rank) return gb;
  return b.shape.every((d) => typeof d === 'number') ? reshape(gb, b.shape) : reshapeLike(gb, b); // B's own 1-axes back
}

export const linalgOps: OpTable = {
  MatMul: {
    infer: (inputs) => {
      const [a, b] = inputs;
      const dtype = floats('MatMul', inputs);
      if (a.rank < 2 || b.rank < 2) throw new GraphError('MatMul', 'operands must have rank >= 2 (use matmul() for vectors)', inputs);
      innerMatch('MatMul', a.shape[a.rank - 1], b.shape[b.rank - 2], inputs);
      const batch = broadcastShapeList('MatMul', [a.shape.slice(0, -2), b.shape.slice(0, -2)], inputs);
      return [{ dtype, shape: [...batch, a.shape[a.rank - 2], b.shape[b.rank - 1]] }];
    },
    backward: ({ inputs: [a, b] }, [g], needs) => {
      const ga = needs[0] ? unbroadcast(matmul(g!, swapLast(b)), a) : null;
      let gb: Tensor | null = null;
      if (needs[1]) {
        // A shared 2-D weight under batched activations: one Gemm over the flattened rows beats a
        // batched matmul followed by a sum over the batch.
        if (b.rank === 2 && a.rank > 2 && typeof a.shape[a.rank - 1] === 'number' && typeof g!.shape[g!.rank - 1] === 'number') {
          gb = gemm(reshape(a, [-1, a.shape[a.rank - 1]]), reshape(g!, [-1, g!.shape[g!.rank - 1]]), undefined, true, false);
        } else gb = sharedWeightGrad(a, b, g!) ?? unbroadcast(matmul(swapLast(a), g!), b);
      }
      return [ga, gb];
    },
  },
  Gemm: {
    infer: (inputs, attrs) => {
      const [a, b, c] = inputs;
      const dtype = floats('Gemm', inputs);
      if (a.rank !== 2 || b.rank !== 2) throw new GraphError('Gemm', 'A and B must be 2-D', inputs);
      const [m, k1] = attrs.transA ? [a.shape[1], a.shape[0]] : a.shape;
      const [k2, n] = attrs.transB ? [b.shape[1], b.shape[0]] : b.shape;
      innerMatch('Gemm', k1, k2, inputs);
      const shape = [m, n];
      if (c) {
        const y = broadcastShapeList('Gemm', [shape, c.shape], inputs);
        if (y.length !== 2 || y[0] !== m || y[1] !== n) throw new GraphError('Gemm', `bias [${c.shape.join(', ')}] must broadcast to [${m}, ${n}]`, inputs);
      }
      return [{ dtype, shape }];
    },
    emit: (node, ctx) =>
      ctx.node('Gemm', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], {
        transA: { i: node.attrs.transA ? 1 : 0 },
        transB: { i: node.attrs.transB ? 1 : 0 },
      }),
    // Y = op(A) op(B) + C. Every case is one more Gemm with the right transposes.
    backward: ({ inputs: [a, b, c], attrs }, [g], needs) => {
      const tA = !!attrs.transA, tB = !!attrs.transB;
      const ga = !needs[0] ? null : tA ? gemm(b, g!, undefined, tB, true) : gemm(g!, b, undefined, false, !tB);
      const gb = !needs[1] ? null : tB ? gemm(g!, a, undefined, true, tA) : gemm(a, g!, undefined, !tA, false);
      return [ga, gb, c && needs[2] ? unbroadcast(g!, c) : null];
    },
  },
  LayerNormalization: {
    // Outputs: Y, Mean, InvStdDev (the last two shaped like x with the normalised axes kept as 1).
    infer: (inputs, attrs) => {
      const [x, scale, bias] = inputs;
      const dtype = floats('LayerNormalization', inputs);
      const axis = attrs.axis as number;
      const normShape = x.shape.slice(axis);
      for (const p of bias ? [scale, bias] : [scale]) {
        broadcastShapeList('LayerNormalization', [normShape, p.shape], inputs);
        if (p.rank > normShape.length) throw new GraphError('LayerNormalization', `scale/bias rank ${p.rank} exceeds the normalised shape [${normShape.join(', ')}]`, inputs);
      }
      const stat = x.shape.map((d, i) => (i < axis ? d : 1));
      return [{ dtype, shape: x.shape }, { dtype, shape: stat }, { dtype, shape: stat }];
    },
    emit: (node, ctx) => {
      const names = node.inputs.map((t) => ctx.name(t));
      const [y, mean, rstd] = node.outputs.map((t) => ctx.name(t));
      const axis = node.attrs.axis as number, eps = node.attrs.epsilon as number;
      const dt = node.inputs[0].dtype;
      // float32: the native op (its saved statistics are float32, stash_type 1). float64: written out in
      // double, since the native op's statistics would be float32 and cost precision.
      if (dt === 'float32') return ctx.node('LayerNormalization', names, [y, mean, rstd], { axis: { i: axis }, epsilon: { f: eps } });
      const axes = { ints: Array.from({ length: node.inputs[0].rank - axis }, (_, i) => axis + i) };
      const tmp = (type: string, inputs: string[], attrs = {}) => {
        const out = ctx.fresh('layernorm');
        ctx.node(type, inputs, [out], attrs);
        return out;
      };
      ctx.node('ReduceMean', [names[0]], [mean], { axes, keepdims: { i: 1 } });
      const d = tmp('Sub', [names[0], mean]);
      const variance = tmp('ReduceMean', [tmp('Mul', [d, d])], { axes, keepdims: { i: 1 } });
      ctx.node('Div', [ctx.scalar(1, dt), tmp('Sqrt', [tmp('Add', [variance, ctx.scalar(eps, dt)])])], [rstd]);
      const scaled = tmp('Mul', [tmp('Mul', [d, rstd]), names[1]]);
      if (names[2]) ctx.node('Add', [scaled, names[2]], [y]);
      else ctx.node('Identity', [scaled], [y]);
    },
    // xhat = (x - mean) r; dx = r (gs - mean(gs) - xhat mean(gs xhat)) with gs = g scale.
    backward: ({ inputs: [x, scale, bias], outputs: [, mean, rstd], attrs }, [g], needs) => {
      if (!g) return [null, null, null];
      const axes = Array.from({ length: x.rank - (attrs.axis as number) }, (_, i) => (attrs.axis as number) + i);
      const xhat = mul(sub(x, mean), rstd);
      const gs = mul(g, scale);
      const gx = needs[0] ? mul(rstd, sub(sub(gs, reduceMean(gs, axes, true)), mul(xhat, reduceMean(mul(gs, xhat), axes, true)))) : null;
      return [gx, needs[1] ? unbroadcast(mul(g, xhat), scale) : null, bias && needs[2] ? unbroadcast(g, bias) : null];
    },
  },
};
