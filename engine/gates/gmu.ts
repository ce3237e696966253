// The gated multimodal unit (Arevalo et al. 2017): h_m = tanh(W_m x_m), z = σ(W_z [x_1..x_M]), h = Σ z_m ⊙ h_m.
// Bimodal form: one gate z and h = z ⊙ h_1 + (1 − z) ⊙ h_2. Stats: `${name}.modality_weights` [M].
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, concat, mul, reduceMean, reshape, sigmoid, sub, tanh } from '../ops/builders';
import { dense, gateValue, num, type GateEnv, type GateOutput } from './env';

const reshape1 = (t: Tensor) => reshape(t, [1]);

export function gmu(env: GateEnv, name: string, cfg: GateOf<'gmu'>, xs: Tensor[]): GateOutput {
  if (xs.length < 2) throw new Error(`gmu '${name}': needs at least two modalities, got ${xs.length}`);
  const h = xs.map((x, m) => tanh(dense(env, `${name}.h${m}`, x, cfg.hidden)));
  if (!cfg.enabled) {
    // ungated: the plain average of the modality projections
    return { y: mul(h.reduce((a, b) => add(a, b)), num(env, 1 / h.length)), stats: {}, losses: {} };
  }
  const all = concat(xs, -1);
  const mean = (t: Tensor) => reduceMean(t, [...Array(t.rank).keys()]);
  if (cfg.bimodal && xs.length === 2) {
    const z = gateValue(env, name, 'gate', sigmoid(dense(env, `${name}.z`, all, cfg.hidden)));
    const y = add(mul(z, h[0]), mul(sub(num(env, 1), z), h[1]));
    const w = mean(z);
    return { y, stats: { [`${name}.modality_weights`]: concat([reshape1(w), reshape1(sub(num(env, 1), w))], 0) }, losses: {} };
  }
  const zs = xs.map((_, m) => gateValue(env, `${name}.z${m}`, 'gate', sigmoid(dense(env, `${name}.z${m}`, all, cfg.hidden))));
  const y = zs.map((z, m) => mul(z, h[m])).reduce((a, b) => add(a, b));
  return { y, stats: { [`${name}.modality_weights`]: concat(zs.map((z) => reshape1(mean(z))), 0) }, losses: {} };
}
