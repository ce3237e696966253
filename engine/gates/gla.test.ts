// GLA's forget gate α is a gate value analytics can probe and knock out. What the knockouts do follows from
// S_t = diag(α_t) S_{t−1} + k_tᵀv_t, o_t = q_t S_t:
//   closed (α = 0): o_t = q_t k_tᵀ v_t, so token t's output depends on token t alone;
//   open   (α = 1): o_t = q_t Σ_{s≤t} k_sᵀ v_s, so it does not depend on the order of the tokens before t
//                  (with the model's own α < 1 it does: older tokens are forgotten more).
// Both forms are checked, the chunked one included (α = 0 has log α = −∞, which it cannot take).
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../common/analytics';
import { defaultGate, type GateOf } from '../../common/gates';
import { gatesOf } from '../analytics/analytics-graph';
import { replaceGateValue } from '../analytics/interventions';
import { buildModel } from '../models';
import { buildGateGraph } from './fixtures/harness';
import { gla } from './gla';

const T = 6, D = 8;
const cfg = (form: 'recurrent' | 'chunked'): GateOf<'gla'> => ({ ...defaultGate('gla'), heads: 2, rank: 4, form, chunkSize: 4 });

async function outputs(form: 'recurrent' | 'chunked', mode: Intervention['mode'] | null, xs: Float64Array[]) {
  const seen: string[] = [];
  const b = await buildGateGraph({
    inputs: { x: [1, T, D] },
    build: (env, { x }) => [gla({
      ...env,
      intervene: (gate, kind, value) => { seen.push(`${gate}:${kind}:${value.shape.slice(1).join('x')}`); return mode ? replaceGateValue(value, { gate, mode }) : value; },
    }, 'gla', cfg(form), x).y],
  });
  try {
    const out: Float64Array[] = [];
    for (const x of xs) out.push((await b.runner.run({ ...b.feeds, x: { data: x, dims: [1, T, D] } })).out0.data as Float64Array);
    return { out, seen };
  } finally {
    await b.release();
  }
}

const randomX = (seed: number) => Float64Array.from({ length: T * D }, (_, i) => Math.sin(seed * 7.3 + i * 1.7) * 1.5);
const token = (y: Float64Array, t: number) => Array.from(y.subarray(t * D, (t + 1) * D));
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('GLA forget gate as a gate value', () => {
  it('is registered as gate "gla" of kind gate, per token and key channel [T, Dk]', async () => {
    const { seen } = await outputs('recurrent', null, [randomX(1)]);
    expect(seen).toEqual([`gla:gate:${T}x4`]); // Dk = keyRatio 0.5 · 8
  });

  for (const form of ['recurrent', 'chunked'] as const) {
    it(`closed (α = 0, ${form} form): each token's output depends on that token only`, async () => {
      const x = randomX(1), other = randomX(2);
      const changed = Float64Array.from(other);
      changed.set(x.subarray(3 * D, 4 * D), 3 * D); // same token 3, every other token different
      const { out: [a, b] } = await outputs(form, 'closed', [x, changed]);
      expect(a.every(Number.isFinite)).toBe(true);
      expect(maxDiff(token(a, 3), token(b, 3))).toBeLessThan(1e-12);
      expect(maxDiff(token(a, 4), token(b, 4))).toBeGreaterThan(1e-3);
      // as trained (α < 1) the earlier tokens still reach token 3
      const { out: [c, d] } = await outputs(form, null, [x, changed]);
      expect(maxDiff(token(c, 3), token(d, 3))).toBeGreaterThan(1e-3);
    });

    it(`open (α = 1, ${form} form): the last output ignores the order of the tokens before it`, async () => {
      const x = randomX(3);
      const swapped = Float64Array.from(x);
      swapped.set(x.subarray(0, D), 2 * D); // tokens 0 and 2 swapped
      swapped.set(x.subarray(2 * D, 3 * D), 0);
      const { out: [a, b] } = await outputs(form, 'open', [x, swapped]);
      expect(maxDiff(token(a, T - 1), token(b, T - 1))).toBeLessThan(1e-10);
      const { out: [c, d] } = await outputs(form, null, [x, swapped]);
      expect(maxDiff(token(c, T - 1), token(d, T - 1))).toBeGreaterThan(1e-6);
    });
  }

  it('the gla template lists each layer\'s forget gate among its gates (knockouts and the report cover it)', () => {
    const def = buildModel({ template: 'gla', lookback: 32, horizon: 8, channels: 2, patchLen: 8, stride: 8, dModel: 8, layers: 2, gla: { kind: 'gla', heads: 2, rank: 4 } });
    const gates = gatesOf(def).filter((g) => g.gate.endsWith('.gla'));
    expect(gates.map((g) => `${g.gate}:${g.kind}`)).toEqual(['layer0.gla:gate', 'layer1.gla:gate']);
  });
});
