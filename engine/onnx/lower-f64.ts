// ONNX Runtime's CPU provider has no float64 kernels for Softplus, Elu and Erf. In float64 graphs we
// lower them to ops it has; in float32 we emit the native op.
import type { Node } from '../ir/tensor';
import type { EmitContext } from '../ops/op';
import { emitErfFloat64 } from './erf-f64';

export function emitSoftplus(node: Node, ctx: EmitContext): void {
  const x = ctx.name(node.inputs[0]);
  const y = ctx.name(node.outputs[0]);
  if (node.inputs[0].dtype !== 'float64') return ctx.node('Softplus', [x], [y]);
  // softplus(x) = relu(x) + log(1 + exp(-|x|)): never overflows.
  const dt = 'float64';
  const [r, a, na, e, one, l] = ['relu', 'abs', 'negabs', 'exp', 'onepexp', 'log'].map((h) => ctx.fresh(`softplus_${h}`));
  ctx.node('Relu', [x], [r]);
  ctx.node('Abs', [x], [a]);
  ctx.node('Neg', [a], [na]);
  ctx.node('Exp', [na], [e]);
  ctx.node('Add', [e, ctx.scalar(1, dt)], [one]);
  ctx.node('Log', [one], [l]);
  ctx.node('Add', [r, l], [y]);
}

export function emitElu(node: Node, ctx: EmitContext): void {
  const x = ctx.name(node.inputs[0]);
  const y = ctx.name(node.outputs[0]);
  const alpha = node.attrs.alpha as number;
  if (node.inputs[0].dtype !== 'float64') return ctx.node('Elu', [x], [y], { alpha: { f: alpha } });
  // elu(x) = x if x > 0 else alpha (exp(min(x, 0)) - 1); min keeps exp finite on the unused branch.
  const dt = 'float64';
  const [m, e, em1, s, pos] = ['min', 'exp', 'expm1', 'scaled', 'positive'].map((h) => ctx.fresh(`elu_${h}`));
  const zero = ctx.scalar(0, dt);
  ctx.node('Min', [x, zero], [m]);
  ctx.node('Exp', [m], [e]);
  ctx.node('Sub', [e, ctx.scalar(1, dt)], [em1]);
  ctx.node('Mul', [em1, ctx.scalar(alpha, dt)], [s]);
  ctx.node('Greater', [x, zero], [pos]);
  ctx.node('Where', [pos, x, s], [y]);
}

export function emitErf(node: Node, ctx: EmitContext): void {
  const x = ctx.name(node.inputs[0]);
  const y = ctx.name(node.outputs[0]);
  if (node.inputs[0].dtype !== 'float64') return ctx.node('Erf', [x], [y]);
  emitErfFloat64(x, y, ctx);
}
