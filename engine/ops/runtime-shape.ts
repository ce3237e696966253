// Run-time shape ops: what backward rules (and a few builders) use when a dim is symbolic and only the
// running graph knows it: reshape/expand/zeros "like" another tensor, split by other tensors' lengths,
// Shape, Size, Range, and Pad (the slice gradient).
import { GraphError } from '../ir/errors';
import { broadcastShapes, isStatic } from '../ir/shape';
import type { Node, Tensor } from '../ir/tensor';
import { reshapeLike } from './builders';
import { unbroadcast } from './grad-helpers';
import type { EmitContext, OpTable } from './op';

const one = (op: string, inputs: readonly Tensor[]) => {
  if (inputs.length !== 1) throw new GraphError(op, `takes 1 input, got ${inputs.length}`, inputs);
  return inputs[0];
};
const out = (ctx: EmitContext, node: Node, i = 0) => ctx.name(node.outputs[i]);
const inp = (ctx: EmitContext, node: Node, i = 0) => ctx.name(node.inputs[i]);

export const runtimeShapeOps: OpTable = {
  ReshapeLike: {
    infer: (inputs) => [{ dtype: inputs[0].dtype, shape: inputs[1].shape }],
    emit: (node, ctx) => {
      const s = ctx.fresh('shape');
      ctx.node('Shape', [inp(ctx, node, 1)], [s]);
      ctx.node('Reshape', [inp(ctx, node), s], [out(ctx, node)]);
    },
    backward: ({ inputs: [x] }, [g]) => [reshapeLike(g!, x), null],
  },
  // Split x along axis into pieces as long as each of the other inputs is (sizes read at run time).
  SplitLike: {
    infer: ([x, ...refs], attrs) => refs.map((r) => ({ dtype: x.dtype, shape: x.shape.map((d, i) => (i === attrs.axis ? r.shape[i] : d)) })),
    emit: (node, ctx) => {
      const axis = node.attrs.axis as number;
      const sizes = node.inputs.slice(1).map((r) => {
        const [shape, size] = [ctx.fresh('shape'), ctx.fresh('size')];
        ctx.node('Shape', [ctx.name(r)], [shape]);
        ctx.node('Slice', [shape, ctx.int64([axis]), ctx.int64([axis + 1])], [size]);
        return size;
      });
      const all = ctx.fresh('sizes');
      ctx.node('Concat', sizes, [all], { axis: { i: 0 } });
      ctx.node('Split', [inp(ctx, node), all], node.outputs.map((t) => ctx.name(t)), { axis: { i: axis } });
    },
  },
  ExpandLike: {
    infer: (inputs) => [{ dtype: inputs[0].dtype, shape: broadcastShapes('ExpandLike', inputs) }],
    emit: (node, ctx) => {
      const s = ctx.fresh('shape');
      ctx.node('Shape', [inp(ctx, node, 1)], [s]);
      ctx.node('Expand', [inp(ctx, node), s], [out(ctx, node)]);
    },
    backward: ({ inputs: [x] }, [g]) => [unbroadcast(g!, x), null],
  },
  ZerosLike: {
    infer: (inputs) => [{ dtype: one('ZerosLike', inputs).dtype, shape: inputs[0].shape }],
    emit: (node, ctx) => {
      const x = node.inputs[0];
      if (isStatic(x.shape)) return ctx.node('ConstantOfShape', [ctx.int64(x.shape)], [out(ctx, node)], { value: { t: zeroOf(x) } });
      const s = ctx.fresh('shape');
      ctx.node('Shape', [inp(ctx, node)], [s]);
      ctx.node('ConstantOfShape', [s], [out(ctx, node)], { value: { t: zeroOf(x) } });
    },
    backward: () => [null],
  },
  Range: {
    infer: (inputs) => {
      if (inputs.length !== 3 || inputs.some((t) => t.rank !== 0 || t.dtype !== inputs[0].dtype)) {
        throw new GraphError('Range', 'takes three scalars of one dtype: start, limit, delta', inputs);
      }
      return [{ dtype: inputs[0].dtype, shape: ['?range'] }];
    },
    backward: (node) => node.inputs.map(() => null),
  },
  Shape: { infer: (inputs) => [{ dtype: 'int64', shape: [one('Shape', inputs).rank] }], backward: () => [null] },
  Size: { infer: (inputs) => (one('Size', inputs), [{ dtype: 'int64', shape: [] }]), backward: () => [null] },
  Pad: {
    infer: (inputs, attrs) => {
      const x = one('Pad', inputs);
      const pads = attrs.pads as number[];
      return [{ dtype: x.dtype, shape: x.shape.map((d, i) => (pads[i] === 0 && pads[i + x.rank] === 0 ? d : typeof d === 'number' ? d + pads[i] + pads[i + x.rank] : `${d}+${pads[i] + pads[i + x.rank]}`)) }];
    },
    // No backward: Pad only appears inside gradients (second derivatives are not needed).
    emit: (node, ctx) => ctx.node('Pad', [inp(ctx, node), ctx.int64(node.attrs.pads as number[])], [out(ctx, node)]),
  },
};

function zeroOf(x: Tensor) {
  const ARR = { float32: Float32Array, float64: Float64Array, int64: BigInt64Array, bool: Uint8Array } as const;
  return { dtype: x.dtype, dims: [1], data: new ARR[x.dtype](1) };
}
