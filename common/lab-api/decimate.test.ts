import { describe, expect, it } from 'vitest';
import { decimateSeries, nearestStep } from './decimate';

describe('decimateSeries (M4 per step bucket)', () => {
  const n = 100_000;
  const steps = Array.from({ length: n }, (_, i) => i + 1);
  const values = steps.map((s) => Math.sin(s / 900) + ((s * 7919) % 101) / 500);
  values[54_321] = -5; // a spike must survive
  values[77_777] = NaN;

  it('keeps at most maxPoints stored points, in order, with first, last and the extremes', () => {
    const d = decimateSeries({ steps, values }, 2000);
    expect(d.steps.length).toBeLessThanOrEqual(2000);
    expect(d.steps.length).toBeGreaterThan(1000);
    expect(d.steps[0]).toBe(1);
    expect(d.steps.at(-1)).toBe(n);
    for (let i = 1; i < d.steps.length; i++) expect(d.steps[i]).toBeGreaterThan(d.steps[i - 1]);
    d.steps.forEach((s, i) => expect(d.values[i]).toBe(values[s - 1])); // exact stored values
    expect(Math.min(...d.values)).toBe(-5);
    const finite = values.filter(Number.isFinite);
    expect(Math.max(...d.values)).toBe(Math.max(...finite));
  });

  it('leaves short series alone', () => {
    const s = { steps: [1, 2, 3], values: [3, 2, 1] };
    expect(decimateSeries(s, 10)).toBe(s);
  });

  it('finds the nearest stored step', () => {
    expect(nearestStep([10, 20, 30], 14)).toBe(0);
    expect(nearestStep([10, 20, 30], 16)).toBe(1);
    expect(nearestStep([10, 20, 30], 99)).toBe(2);
    expect(nearestStep([10, 20, 30], -5)).toBe(0);
    expect(nearestStep([], 3)).toBe(-1);
  });
});
