// Optimizers emitted into the training graph, on the flat vectors (params, gradient, m, v).
// The formulas follow torch.optim 1.13 operation by operation (same order, same scalar arithmetic in
// float64) so that a float64 graph matches PyTorch to round-off: the fixture test checks 1e-12.
//   SGD:   d = g (+ wd·p);  buf = μ·buf + (1−dampening)·d  (buf = d on the first step);  d = buf (or d + μ·buf, Nesterov);  p = p − lr·d
//   Adam:  g = g (+ wd·p);  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  p = p − (lr/(1−β1^t)) · m / (√v/√(1−β2^t) + ε)
//   AdamW: p = p·(1 − lr·wd·mask) first (decoupled decay), then Adam without the L2 term.
// Weight decay applies where the layout's decay mask is 1 (weights, not biases or norms).
// Cost: the update is memory-bound (each elementwise op is one pass over P values, ~2 ms per million
// values on this 2-core machine), so scalar factors are folded into as few full-length ops as possible:
//   √v/√(1−β2^t) + ε = (√v + ε·√(1−β2^t)) / √(1−β2^t), so the step is lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε′)
//   (5 passes instead of 6; equal to torch's order to round-off, 1e-16 relative in float64), and the
//   decay factor is one Where over the constant mask instead of Mul, Sub, Mul.
import type { Tensor } from '../ir/tensor';
import { add, cast, div, greater, min, mul, pow, reduceSum, scalar, sqrt, sub, where } from '../ops/builders';

export interface SgdSpec {
  kind: 'sgd';
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

export interface AdamSpec {
  kind: 'adam' | 'adamw';
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
}

export type OptimizerSpec = (SgdSpec | AdamSpec) & {
  /** Global-norm gradient clipping (torch.nn.utils.clip_grad_norm_) before the update. */
  clipNorm?: number;
};

/** The optimizer's flat state vectors, each shaped like the parameters (inputs and outputs of a step). */
export function optimizerStateNames(spec: OptimizerSpec): string[] {
  if (spec.kind === 'sgd') return (spec.momentum ?? 0) !== 0 ? ['momentum'] : [];
  return ['m', 'v'];
}

export interface UpdateInputs {
  /** Flat parameters [P] (float32 or float64). */
  params: Tensor;
  /** Flat gradient [P]. */
  grad: Tensor;
  /** The state vectors, in optimizerStateNames order. */
  state: readonly Tensor[];
  /** Steps already taken (float64 scalar); this update is step t = step + 1. */
  step: Tensor;
  /** Learning rate for this step (float64 scalar; schedules are computed outside the graph). */
  lr: Tensor;
  /** 1 where weight decay applies [P], or null when no parameter decays. */
  decayMask: Tensor | null;
}

export interface UpdateOutputs {
  params: Tensor;
  state: Tensor[];
  step: Tensor;
}

const f64 = (v: number) => scalar(v, 'float64');

/** torch.nn.utils.clip_grad_norm_: g · min(max_norm / (‖g‖₂ + 1e-6), 1), the norm over all parameters. */
export function clipGradNorm(grad: Tensor, maxNorm: number): Tensor {
  const norm = sqrt(reduceSum(mul(grad, grad), [0]));
  const coef = min(div(scalar(maxNorm, grad.dtype), add(norm, scalar(1e-6, grad.dtype))), scalar(1, grad.dtype));
  return mul(grad, coef);
}

export function optimizerUpdate(spec: OptimizerSpec, u: UpdateInputs): UpdateOutputs {
  const dt = u.params.dtype;
  const inDtype = (t: Tensor) => (dt === 'float64' ? t : cast(t, dt));
  const grad = spec.clipNorm ? clipGradNorm(u.grad, spec.clipNorm) : u.grad;
  const t = add(u.step, f64(1));
  const wd = spec.weightDecay ?? 0;
  const masked = (x: Tensor) => (u.decayMask ? mul(x, u.decayMask) : x);

  if (spec.kind === 'sgd') {
    const momentum = spec.momentum ?? 0;
    // L2 (coupled) decay, as torch.optim.SGD: d = g + wd·p.
    let d = wd !== 0 ? add(grad, masked(mul(u.params, scalar(wd, dt)))) : grad;
    const state: Tensor[] = [];
    if (momentum !== 0) {
      // torch starts the buffer as a copy of d; afterwards buf = μ·buf + (1 − dampening)·d.
      const first = greater(u.step, f64(0));
      const keep = inDtype(where(first, f64(momentum), f64(0)));
      const take = inDtype(where(first, f64(1 - (spec.dampening ?? 0)), f64(1)));
      const buf = add(mul(u.state[0], keep), mul(d, take));
      state.push(buf);
      d = spec.nesterov ? add(d, mul(buf, scalar(momentum, dt))) : buf;
    }
    return { params: sub(u.params, mul(d, inDtype(u.lr))), state, step: t };
  }

  const b1 = spec.beta1 ?? 0.9;
  const b2 = spec.beta2 ?? 0.999;
  const eps = spec.eps ?? 1e-8;
  let p = u.params;
  let g = grad;
  if (spec.kind === 'adamw' && wd !== 0) {
    // Decoupled decay: p · (1 − lr·wd), only where the mask is 1. The mask is a constant, so ORT folds
    // the comparison at load time and a step pays one Where and one Mul.
    const keep = inDtype(sub(f64(1), mul(u.lr, f64(wd))));
    p = mul(p, u.decayMask ? where(greater(u.decayMask, scalar(0, dt)), keep, scalar(1, dt)) : keep);
  } else if (spec.kind === 'adam' && wd !== 0) {
    g = add(g, masked(mul(p, scalar(wd, dt))));
  }
  const m = add(mul(u.state[0], scalar(b1, dt)), mul(g, scalar(1 - b1, dt)));
  const v = add(mul(u.state[1], scalar(b2, dt)), mul(mul(g, scalar(1 - b2, dt)), g));
  // Bias corrections in float64, as torch computes them in Python floats.
  const bc1 = sub(f64(1), pow(f64(b1), t));
  const bc2 = sub(f64(1), pow(f64(b2), t));
  const rootBc2 = sqrt(bc2);
  const stepSize = inDtype(div(mul(u.lr, rootBc2), bc1));
  const denom = add(sqrt(v), inDtype(mul(f64(eps), rootBc2)));
  const newP = sub(p, mul(div(m, denom), stepSize));
  return { params: newP, state: [m, v], step: t };
}
