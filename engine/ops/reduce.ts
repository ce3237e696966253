// Reductions and axis-wise normalisers: ReduceSum/Mean/Max, Softmax, LogSoftmax, CumSum.
import { isFloat } from '../ir/dtype';
import { GraphError } from '../ir/errors';
import { isStatic, staticSize } from '../ir/shape';
import type { Node, Tensor } from '../ir/tensor';
import { cast, cumsum, div, equal, exp, expand, expandLike, mul, reduceSum, size, sub, unsqueeze } from './builders';
import type { EmitContext, OpDef, OpTable } from './op';

function reduceInfer(op: string): OpDef['infer'] {
  return (inputs, attrs) => {
    if (inputs.length !== 1) throw new GraphError(op, `takes 1 input, got ${inputs.length}`, inputs);
    const [x] = inputs;
    if (x.dtype === 'bool') throw new GraphError(op, 'cannot reduce a bool tensor; cast it first', inputs);
    const axes = attrs.axes as number[];
    const keep = attrs.keepdims as boolean;
    const shape = keep ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
    return [{ dtype: x.dtype, shape }];
  };
}

/** opset 17: ReduceSum takes axes as an input, ReduceMean/ReduceMax as an attribute (changed in 18). */
function reduceEmit(onnxOp: string, axesAsInput: boolean) {
  return (node: Node, ctx: EmitContext) => {
    const axes = node.attrs.axes as number[];
    const keepdims = { i: node.attrs.keepdims ? 1 : 0 };
    const [x, y] = [ctx.name(node.inputs[0]), ctx.name(node.outputs[0])];
    if (axes.length === 0) return ctx.node('Identity', [x], [y]); // a rank-0 input: nothing to reduce
    if (axesAsInput) ctx.node(onnxOp, [x, ctx.int64(axes)], [y], { keepdims });
    else ctx.node(onnxOp, [x], [y], { keepdims, axes: { ints: axes } });
  };
}

/** The gradient of a reduction, broadcast back over the input (static Expand when the shape is known). */
function spread(g: Tensor, node: Node): Tensor {
  const x = node.inputs[0];
  const kept = node.attrs.keepdims ? g : unsqueeze(g, node.attrs.axes as number[]);
  return isStatic(x.shape) ? expand(kept, x.shape) : expandLike(kept, x);
}

/** Elements averaged by a ReduceMean, as a scalar of x's dtype (from the run-time shape if symbolic). */
function meanCount(x: Tensor, y: Tensor): Tensor | number {
  const nx = staticSize(x.shape), ny = staticSize(y.shape);
  if (nx !== null && ny !== null) return nx / ny;
  return div(cast(size(x), x.dtype), cast(size(y), x.dtype));
}

function axisInfer(op: string): OpDef['infer'] {
  return (inputs) => {
    if (inputs.length !== 1 || !isFloat(inputs[0].dtype)) throw new GraphError(op, 'takes one float tensor', inputs);
    return [{ dtype: inputs[0].dtype, shape: inputs[0].shape }];
  };
}
const axisEmit = (op: string) => (node: Node, ctx: EmitContext) =>
  ctx.node(op, [ctx.name(node.inputs[0])], [ctx.name(node.outputs[0])], { axis: { i: node.attrs.axis as number } });

export const reduceOps: OpTable = {
  ReduceSum: { infer: reduceInfer('ReduceSum'), emit: reduceEmit('ReduceSum', true), backward: (node, [g]) => [spread(g!, node)] },
  ReduceMean: {
    infer: reduceInfer('ReduceMean'),
    emit: reduceEmit('ReduceMean', false),
    // Scale the (small) reduced gradient first, then broadcast it.
    backward: (node, [g]) => [spread(div(g!, meanCount(node.inputs[0], node.outputs[0])), node)],
  },
  ReduceMax: {
    infer: reduceInfer('ReduceMax'),
    emit: reduceEmit('ReduceMax', false),
    // The gradient goes to the maxima, split evenly between ties (as PyTorch's amax).
    backward: (node, [g]) => {
      const [x] = node.inputs;
      const axes = node.attrs.axes as number[];
      const keep = (t: Tensor) => (node.attrs.keepdims ? t : unsqueeze(t, axes));
      const isMax = cast(equal(x, keep(node.outputs[0])), x.dtype);
      return [mul(isMax, div(keep(g!), reduceSum(isMax, axes, true)))];
    },
  },
  Softmax: {
    infer: axisInfer('Softmax'),
    emit: axisEmit('Softmax'),
    // dx = y * (g - sum(g * y))
    backward: ({ outputs: [y], attrs }, [g]) => [mul(y, sub(g!, reduceSum(mul(g!, y), [attrs.axis as number], true)))],
  },
  LogSoftmax: {
    infer: axisInfer('LogSoftmax'),
    emit: axisEmit('LogSoftmax'),
    // dx = g - softmax * sum(g)
    backward: ({ outputs: [y], attrs }, [g]) => [sub(g!, mul(exp(y), reduceSum(g!, [attrs.axis as number], true)))],
  },
  CumSum: {
    infer: (inputs) => {
      if (inputs.length !== 1 || inputs[0].dtype === 'bool') throw new GraphError('CumSum', 'takes one numeric tensor', inputs);
      return [{ dtype: inputs[0].dtype, shape: inputs[0].shape }];
    },
    emit: (node, ctx) =>
      ctx.node('CumSum', [ctx.name(node.inputs[0]), ctx.int64([node.attrs.axis as number], true)], [ctx.name(node.outputs[0])], {
        exclusive: { i: node.attrs.exclusive ? 1 : 0 },
        reverse: { i: node.attrs.reverse ? 1 : 0 },
      }),
    // The sum of later gradients: the same scan run the other way.
    backward: ({ attrs }, [g]) => [cumsum(g!, attrs.axis as number, attrs.exclusive as boolean, !attrs.reverse)],
  },
};

