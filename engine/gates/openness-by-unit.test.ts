// A channel, head or field gate reports each unit's mean openness, live: the vector equals the gate values
// (recovered as y / v with scale 1) averaged over the batch (and time), unit by unit.
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../common/gates';
import { buildGateGraph } from './fixtures/harness';
import { sigmoidGate } from './index';

type Case = { inputs: Record<string, number[]>; units: number; unitOf(k: number): number };
const cases: Record<'channel' | 'head' | 'field', Case> = {
  channel: { inputs: { x: [2, 4, 3], v: [2, 4, 3] }, units: 3, unitOf: (k: number) => k % 3 }, // [B, T, C]
  head: { inputs: { x: [3, 5], v: [3, 4] }, units: 2, unitOf: (k: number) => Math.floor((k % 4) / 2) }, // 2 heads of 2
  field: { inputs: { x: [3, 6], v: [3, 3, 2] }, units: 3, unitOf: (k: number) => Math.floor((k % 6) / 2) }, // [B, F, E]
};

describe('sigmoid gate openness by unit', () => {
  for (const [granularity, c] of Object.entries(cases) as Array<[keyof typeof cases, Case]>) {
    it(`${granularity}: each ${granularity}'s mean gate value`, async () => {
      const cfg = { ...defaultGate('sigmoid'), granularity, initBias: 0.4 };
      const b = await buildGateGraph({ inputs: c.inputs, build: (env, { x, v }) => {
        const o = sigmoidGate(env, 'g', cfg, { x, v, heads: 2 });
        return [o.y, o.stats[`g.openness_by_${granularity}`]];
      } });
      const out = await b.runner.run(b.feeds);
      await b.release();
      const y = out.out0.data as Float64Array, v = b.feeds.v.data as Float64Array;
      const sums = new Array(c.units).fill(0), counts = new Array(c.units).fill(0);
      y.forEach((yk, k) => { sums[c.unitOf(k)] += yk / v[k]; counts[c.unitOf(k)]++; });
      const byUnit = Array.from(out.out1.data as Float64Array);
      expect(byUnit).toHaveLength(c.units);
      byUnit.forEach((m, u) => expect(m).toBeCloseTo(sums[u] / counts[u], 10));
      expect(new Set(byUnit.map((m) => m.toFixed(6))).size).toBe(c.units); // the units differ: not one mean repeated
    });
  }
  it('an element gate has none (hundreds of values are not a chart)', async () => {
    const b = await buildGateGraph({ inputs: { x: [3, 5], v: [3, 4] }, build: (env, { x, v }) => {
      const o = sigmoidGate(env, 'g', defaultGate('sigmoid'), { x, v });
      expect(Object.keys(o.stats).sort()).toEqual(['g.openness', 'g.openness_hist']);
      return [o.y];
    } });
    await b.release();
  });
});
