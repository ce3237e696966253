import { describe, expect, it } from 'vitest';
import { seededRandom } from '../nn/random';
import { assignmentByGroup, dominantExpert, expertSpecialisation } from './specialisation';

describe('expert specialisation', () => {
  // 3 experts; the router's choice is decided by feature 'x2' alone (below 0 / 0 to 1 / above 1);
  // 'x0', 'x1', 'x3' are noise on other scales.
  const n = 3000, r = seededRandom(5, 'spec');
  const names = ['x0', 'x1', 'x2', 'x3'];
  const values = new Float64Array(n * 4);
  const weights: number[][] = [];
  for (let s = 0; s < n; s++) {
    const row = [r.normal() * 10, r.normal(), r.normal(), r.normal() + 100];
    values.set(row, s * 4);
    const e = row[2] < 0 ? 0 : row[2] > 1 ? 2 : 1;
    weights.push([0.1, 0.1, 0.1].map((w, k) => (k === e ? 0.8 : w)));
  }
  const spec = expertSpecialisation(weights, { names, values, describe: 'input features' }, 4);

  it('ranks the feature that decides the routing first for every expert, with the sign of the difference', () => {
    expect(spec.experts.map((e) => e.top[0].feature)).toEqual(['x2', 'x2', 'x2']);
    expect(spec.experts[0].top[0].score).toBeCloseTo(-Math.sqrt(2 / Math.PI), 1); // mean of a half normal
    expect(spec.experts[1].top[0].score).toBeGreaterThan(0.3);
    expect(spec.experts[2].top[0].score).toBeGreaterThan(1);
    // noise features: standardized differences near 0 (≥ 450 samples per expert: sd of a mean ≤ 0.05)
    for (const e of spec.experts) for (const t of e.top.slice(1)) expect(Math.abs(t.score)).toBeLessThan(0.15);
    expect(spec.experts.reduce((a, e) => a + e.samples, 0)).toBe(n);
  });

  it('scores are (mean over the expert − mean over all) / sd over all, checked by hand', () => {
    const v = [1, 2, 3, 4];
    const s = expertSpecialisation([[1, 0], [1, 0], [0, 1], [0, 1]], { names: ['a'], values: Float64Array.from(v), describe: 'a' });
    const mean = 2.5, sd = Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / 4);
    expect(s.experts[0].top[0]).toEqual({ feature: 'a', score: (1.5 - mean) / sd, mean: 1.5, overall: mean });
    expect(s.experts[1].top[0].score).toBeCloseTo((3.5 - mean) / sd, 12);
  });

  it('gives experts without samples an empty list and constant inputs a score of 0', () => {
    const s = expertSpecialisation([[0.9, 0.1, 0], [0.8, 0.2, 0]], { names: ['c', 'd'], values: Float64Array.from([7, 1, 7, 2]), describe: 'x' });
    expect(s.experts[1]).toEqual({ expert: 1, samples: 0, top: [] });
    expect(s.experts[0].top.find((t) => t.feature === 'c')!.score).toBe(0);
    expect(() => expertSpecialisation([[1]], { names: ['a', 'b'], values: new Float64Array(3), describe: 'two inputs' })).toThrow(/3 input values are not 1 samples × 2 inputs/);
  });

  it('dominant expert and assignment by group', () => {
    expect(Array.from(dominantExpert([[0.2, 0.5, 0.3], [0.4, 0.4, 0.2]]))).toEqual([1, 0]);
    expect(assignmentByGroup([[1, 0], [0.5, 0.5], [0, 1]], [0, 0, 1], 2)).toEqual([[0.75, 0], [0.25, 1]]);
    expect(assignmentByGroup([[1, 0]], [-1], 2)).toEqual([[0, 0], [0, 0]]);
  });
});
