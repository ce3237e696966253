// Variable selection gives every variable its own GRN (TFT), batched as one set of [V, ...] weights: two
// variables fed the same embedding must come out different (a shared GRN would map them identically).
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../common/gates';
import { buildGateGraph } from './fixtures/harness';
import { grn } from './index';

describe('per-variable GRN', () => {
  it('gives each variable its own weights: equal inputs, different outputs; shared mode maps them equally', async () => {
    const cfg = { ...defaultGate('grn'), dropout: 0, hidden: 5 };
    const V = 3, D = 4;
    for (const perVariable of [true, false]) {
      const b = await buildGateGraph({ inputs: { a: [2, V, D] }, build: (env, { a }) => [grn(env, 'grn', cfg, a, { perVariable }).y] });
      const a = b.feeds.a.data as Float64Array;
      for (let s = 0; s < 2; s++) for (let j = 0; j < D; j++) a[s * V * D + D + j] = a[s * V * D + j]; // variable 1 := variable 0
      const out = (await b.runner.run(b.feeds)).out0.data as Float64Array;
      await b.release();
      const one = (D * 5 + 5) + (5 * D + D) + 2 * (D * D + D) + 2 * D; // w2, w1, gate, value, norm
      expect(b.paramCount).toBe(perVariable ? V * one : one);
      let diff = 0;
      for (let s = 0; s < 2; s++) for (let j = 0; j < D; j++) diff = Math.max(diff, Math.abs(out[s * V * D + D + j] - out[s * V * D + j]));
      if (perVariable) expect(diff).toBeGreaterThan(1e-3);
      else expect(diff).toBeLessThan(1e-12);
    }
  });
});
