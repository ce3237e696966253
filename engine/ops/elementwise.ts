// Elementwise ops: numpy broadcasting, one ONNX node each. Backward rules reduce broadcast gradients
// back to each input's shape (unbroadcast).
import { ONNX_DTYPE, isFloat, type DType } from '../ir/dtype';
import { GraphError } from '../ir/errors';
import { broadcastShapes } from '../ir/shape';
import type { Tensor } from '../ir/tensor';
import {
  add, and, cast, div, equal, exp, greater, greaterOrEqual, less, lessOrEqual, log, mul, neg, not, pow, sigmoid, sign, sub, where,
} from './builders';
import { unbroadcast as ub } from './grad-helpers';
import { type OpDef, type OpTable, type OutputType } from './op';
import { emitElu, emitErf, emitSoftplus } from '../onnx/lower-f64';

function sameDtype(op: string, inputs: readonly Tensor[], allowed: readonly DType[]): DType {
  const d = inputs[0].dtype;
  for (const t of inputs) {
    if (t.dtype !== d) throw new GraphError(op, `dtypes differ (${inputs.map((x) => x.dtype).join(' vs ')}); cast one operand first`, inputs);
  }
  if (!allowed.includes(d)) throw new GraphError(op, `does not accept ${d} (accepts ${allowed.join(', ')})`, inputs);
  return d;
}

const arity = (op: string, inputs: readonly Tensor[], n: number) => {
  if (inputs.length !== n) throw new GraphError(op, `takes ${n} input(s), got ${inputs.length}`, inputs);
};

const FLOATS: DType[] = ['float32', 'float64'];
const NUMBERS: DType[] = ['float32', 'float64', 'int64'];

function binary(op: string, allowed: DType[], outDtype?: DType): OpDef['infer'] {
  return (inputs) => {
    arity(op, inputs, 2);
    const d = sameDtype(op, inputs, allowed);
    return [{ dtype: outDtype ?? d, shape: broadcastShapes(op, inputs) }];
  };
}

function unary(op: string, allowed: DType[] = FLOATS): OpDef['infer'] {
  return (inputs): OutputType[] => {
    arity(op, inputs, 1);
    return [{ dtype: sameDtype(op, inputs, allowed), shape: inputs[0].shape }];
  };
}

/** 0.5 where a == b, 1 where `winner`: how max/min split the gradient on ties (as PyTorch does). */
const share = (winner: Tensor, a: Tensor, b: Tensor, dtype: DType) => add(cast(winner, dtype), mul(cast(equal(a, b), dtype), 0.5));

const noGrad: OpDef['backward'] = (node) => node.inputs.map(() => null);

export const elementwiseOps: OpTable = {
  Add: { infer: binary('Add', NUMBERS), backward: ({ inputs: [a, b] }, [g], n) => [n[0] ? ub(g!, a) : null, n[1] ? ub(g!, b) : null] },
  Sub: { infer: binary('Sub', NUMBERS), backward: ({ inputs: [a, b] }, [g], n) => [n[0] ? ub(g!, a) : null, n[1] ? ub(neg(g!), b) : null] },
  Mul: {
    infer: binary('Mul', NUMBERS),
    backward: ({ inputs: [a, b] }, [g], n) => [n[0] ? ub(mul(g!, b), a) : null, n[1] ? ub(mul(g!, a), b) : null],
  },
  Div: {
    infer: binary('Div', NUMBERS),
    // y = a / b: dy/da = 1/b, dy/db = -y/b
    backward: ({ inputs: [a, b], outputs: [y] }, [g], n) => [n[0] ? ub(div(g!, b), a) : null, n[1] ? ub(neg(div(mul(g!, y), b)), b) : null],
  },
  Pow: {
    infer: binary('Pow', FLOATS),
    // y = a^b: dy/da = b a^(b-1), dy/db = y ln a (only computed when b needs it: ln a of a negative base is NaN)
    backward: ({ inputs: [a, b], outputs: [y] }, [g], n) => [
      n[0] ? ub(mul(g!, mul(b, pow(a, sub(b, 1)))), a) : null,
      n[1] ? ub(mul(g!, mul(y, log(a))), b) : null,
    ],
  },
  Max: {
    infer: binary('Max', NUMBERS),
    backward: ({ inputs: [a, b] }, [g], n) => {
      const toA = mul(g!, share(greater(a, b), a, b, g!.dtype));
      return [n[0] ? ub(toA, a) : null, n[1] ? ub(sub(g!, toA), b) : null];
    },
  },
  Min: {
    infer: binary('Min', NUMBERS),
    backward: ({ inputs: [a, b] }, [g], n) => {
      const toA = mul(g!, share(less(a, b), a, b, g!.dtype));
      return [n[0] ? ub(toA, a) : null, n[1] ? ub(sub(g!, toA), b) : null];
    },
  },
  Greater: { infer: binary('Greater', NUMBERS, 'bool'), backward: noGrad },
  Less: { infer: binary('Less', NUMBERS, 'bool'), backward: noGrad },
  GreaterOrEqual: { infer: binary('GreaterOrEqual', NUMBERS, 'bool'), backward: noGrad },
  LessOrEqual: { infer: binary('LessOrEqual', NUMBERS, 'bool'), backward: noGrad },
  Equal: { infer: binary('Equal', [...NUMBERS, 'bool'], 'bool'), backward: noGrad },
  Mod: {
    infer: binary('Mod', ['int64']),
    emit: (node, ctx) => ctx.node('Mod', node.inputs.map((t) => ctx.name(t)), [ctx.name(node.outputs[0])], { fmod: { i: 0 } }),
    backward: noGrad,
  },
  And: { infer: binary('And', ['bool']) },
  Or: { infer: binary('Or', ['bool']) },
  Not: { infer: unary('Not', ['bool']) },

  Neg: { infer: unary('Neg', NUMBERS), backward: (_, [g]) => [neg(g!)] },
  Identity: { infer: unary('Identity', [...NUMBERS, 'bool']), backward: (_, [g]) => [g] },
  // Identity forward, no gradient backward (straight-through estimators, targets computed from the model).
  StopGradient: {
    infer: unary('StopGradient', [...NUMBERS, 'bool']),
    emit: (node, ctx) => ctx.node('Identity', [ctx.name(node.inputs[0])], [ctx.name(node.outputs[0])]),
    backward: () => [null],
  },
  Sqrt: { infer: unary('Sqrt'), backward: ({ outputs: [y] }, [g]) => [div(g!, mul(y, 2))] },
  Exp: { infer: unary('Exp'), backward: ({ outputs: [y] }, [g]) => [mul(g!, y)] },
  Log: { infer: unary('Log'), backward: ({ inputs: [x] }, [g]) => [div(g!, x)] },
  Abs: { infer: unary('Abs', NUMBERS), backward: ({ inputs: [x] }, [g]) => [mul(g!, sign(x))] },
  Sign: { infer: unary('Sign', NUMBERS), backward: noGrad },
  // Masks as a multiply by a 0/1 cast: measured faster in ORT than Where with a broadcast scalar.
  Relu: { infer: unary('Relu'), backward: ({ outputs: [y] }, [g]) => [mul(g!, cast(greater(y, 0), g!.dtype))] },
  Sigmoid: { infer: unary('Sigmoid'), backward: ({ outputs: [y] }, [g]) => [mul(g!, mul(y, sub(1, y)))] },
  Tanh: { infer: unary('Tanh'), backward: ({ outputs: [y] }, [g]) => [mul(g!, sub(1, mul(y, y)))] },
  Softplus: { infer: unary('Softplus'), emit: emitSoftplus, backward: ({ inputs: [x] }, [g]) => [mul(g!, sigmoid(x))] },
  Erf: {
    infer: unary('Erf'),
    emit: emitErf,
    // d erf(x)/dx = 2/sqrt(pi) exp(-x^2)
    backward: ({ inputs: [x] }, [g]) => [mul(g!, mul(exp(neg(mul(x, x))), 2 / Math.sqrt(Math.PI)))],
  },
  Elu: {
    infer: unary('Elu'),
    emit: emitElu,
    // y = x (x > 0), alpha (e^x - 1) otherwise: dy/dx = 1 or y + alpha
    backward: ({ inputs: [x], outputs: [y], attrs }, [g]) => [where(greater(x, 0), g!, mul(g!, add(y, attrs.alpha as number)))],
  },
  Clip: {
    infer: unary('Clip', NUMBERS),
    emit: (node, ctx) => {
      const [x] = node.inputs;
      const lo = node.attrs.min as number, hi = node.attrs.max as number;
      const bounds = [Number.isFinite(lo) ? ctx.scalar(lo, x.dtype) : '', Number.isFinite(hi) ? ctx.scalar(hi, x.dtype) : ''];
      while (bounds.length && bounds[bounds.length - 1] === '') bounds.pop();
      ctx.node('Clip', [ctx.name(x), ...bounds], [ctx.name(node.outputs[0])]);
    },
    // Gradient 1 inside [lo, hi] (bounds included, as PyTorch's clamp), 0 outside.
    backward: ({ inputs: [x], attrs }, [g]) => [where(and(greaterOrEqual(x, attrs.min as number), lessOrEqual(x, attrs.max as number)), g!, 0)],
  },
  Where: {
    infer: (inputs) => {
      arity('Where', inputs, 3);
      if (inputs[0].dtype !== 'bool') throw new GraphError('Where', `condition must be bool, got ${inputs[0].dtype}`, inputs);
      const dtype = sameDtype('Where', inputs.slice(1), [...NUMBERS, 'bool']);
      return [{ dtype, shape: broadcastShapes('Where', inputs) }];
    },
    backward: ({ inputs: [c, a, b] }, [g], n) => [
      null,
      n[1] ? ub(mul(g!, cast(c, g!.dtype)), a) : null,
      n[2] ? ub(mul(g!, cast(not(c), g!.dtype)), b) : null,
    ],
  },
  Cast: {
    infer: (inputs, attrs) => {
      arity('Cast', inputs, 1);
      return [{ dtype: attrs.to as DType, shape: inputs[0].shape }];
    },
    emit: (node, ctx) => ctx.node('Cast', [ctx.name(node.inputs[0])], [ctx.name(node.outputs[0])], { to: { i: ONNX_DTYPE[node.attrs.to as DType] } }),
    backward: ({ inputs: [x] }, [g]) => [isFloat(x.dtype) && isFloat(g!.dtype) ? cast(g!, x.dtype) : null],
  },
};
