// erf in float64 for ONNX Runtime, which has no double Erf kernel: two Chebyshev series (fitted by
// fit_erf.py, max relative error ~1.5e-15) evaluated with Clenshaw's recurrence, chosen by Where.
//   t = |x|;  t < 2: t * A(t^2/2 - 1);  2 <= t < 6: 1 - exp(-t^2) B((t - 4)/2);  t >= 6: 1;  erf = sign(x) * that.
import type { EmitContext } from '../ops/op';
import { ERFC_LARGE, ERF_SMALL } from './erf-coefficients';

const DT = 'float64';

/** sum c[k] T_k(u) by Clenshaw: b_k = c_k + 2u b_{k+1} - b_{k+2}; result c_0 + u b_1 - b_2. */
function clenshaw(ctx: EmitContext, u: string, c: readonly number[]): string {
  const op = (type: string, inputs: string[]) => {
    const out = ctx.fresh('erf');
    ctx.node(type, inputs, [out]);
    return out;
  };
  const twoU = op('Mul', [u, ctx.scalar(2, DT)]);
  let b1 = ctx.scalar(0, DT), b2 = ctx.scalar(0, DT);
  for (let k = c.length - 1; k >= 1; k--) {
    const b = op('Add', [op('Sub', [op('Mul', [twoU, b1]), b2]), ctx.scalar(c[k], DT)]);
    b2 = b1;
    b1 = b;
  }
  return op('Add', [op('Sub', [op('Mul', [u, b1]), b2]), ctx.scalar(c[0], DT)]);
}

export function emitErfFloat64(x: string, y: string, ctx: EmitContext): void {
  const op = (type: string, inputs: string[]) => {
    const out = ctx.fresh('erf');
    ctx.node(type, inputs, [out]);
    return out;
  };
  const c = (v: number) => ctx.scalar(v, DT);
  const t = op('Abs', [x]);
  // Clamp each branch's argument to its interval so the unused branch stays finite.
  const tSmall = op('Min', [t, c(2)]);
  const uSmall = op('Sub', [op('Mul', [op('Mul', [tSmall, tSmall]), c(0.5)]), c(1)]);
  const small = op('Mul', [tSmall, clenshaw(ctx, uSmall, ERF_SMALL)]);
  const tLarge = op('Min', [op('Max', [t, c(2)]), c(6)]);
  const vLarge = op('Mul', [op('Sub', [tLarge, c(4)]), c(0.5)]);
  const tail = op('Mul', [op('Exp', [op('Neg', [op('Mul', [tLarge, tLarge])])]), clenshaw(ctx, vLarge, ERFC_LARGE)]);
  const large = op('Sub', [c(1), tail]);
  const mid = op('Where', [op('Less', [t, c(6)]), large, c(1)]);
  const magnitude = op('Where', [op('Less', [t, c(2)]), small, mid]);
  ctx.node('Mul', [op('Sign', [x]), magnitude], [y]);
}
