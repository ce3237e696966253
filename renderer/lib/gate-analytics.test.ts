import { describe, expect, it } from 'vitest';
import { alignKnockouts, scatterLayout, sortBy } from './gate-analytics';
import type { KnockoutTable } from '../../common/analytics/knockout';

const ci = { low: -0.1, high: 0.1, level: 0.95 };
const table = (rows: [string, 'open' | 'closed' | 'single', number, number?][]): KnockoutTable => ({
  runId: 1, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 100, resamples: 1000, seed: 0,
  rows: rows.map(([gate, mode, delta, expert]) => ({ gate, kind: 'gate', mode, value: 0.8 + delta, delta, ci, ...(expert === undefined ? {} : { expert }) })),
});

describe('alignKnockouts', () => {
  it('lines up the same gate and mode across runs, with null where a run has no such knockout', () => {
    const a = alignKnockouts([table([['gate2', 'closed', -0.1], ['gate1', 'open', 0]]), null, table([['gate1', 'open', 0.01], ['router', 'single', -0.2, 10], ['router', 'single', -0.3, 2]])]);
    expect(a.map((r) => r.label)).toEqual(['stream 1 feature gate open', 'stream 2 feature gate closed', 'router only expert 2', 'router only expert 10']);
    expect(a[0].cells.map((c) => c?.delta ?? null)).toEqual([0, null, 0.01]);
    expect(a[1].cells.map((c) => c?.delta ?? null)).toEqual([-0.1, null, null]);
  });

  it("aligns by gate id and labels rows with the first run's names (modalities of a GMU)", () => {
    const names = { modalities: ['context', 'sensor'], variables: [], template: 'gmu' };
    const a = alignKnockouts([null, table([['gmu.z1', 'closed', -0.2]]), table([['gmu.z1', 'closed', -0.1]])], [undefined, names, undefined]);
    expect(a.map((r) => [r.key, r.label])).toEqual([['gmu.z1 closed', 'gmu · sensor closed']]);
    expect(a[0].cells.map((c) => c?.delta ?? null)).toEqual([null, -0.2, -0.1]);
  });
});

describe('scatterLayout', () => {
  it('maps x and y linearly into the plot with 5% margins; higher y is higher on screen', () => {
    const l = scatterLayout([{ id: 'a', label: 'a', x: 1000, y: 0.8 }, { id: 'b', label: 'b', x: 3000, y: 0.9 }, { id: 'c', label: 'c', x: 2000, y: 0.85 }], 400, 200);
    const [a, b, c] = l.points;
    const plotW = 400 - l.pad.l - l.pad.r, plotH = 200 - l.pad.t - l.pad.b;
    expect(a.cx).toBeCloseTo(l.pad.l + plotW * (0.1 / 2.2) * 1, 6); // x range 900..3100
    expect(b.cx).toBeCloseTo(l.pad.l + plotW * (2.1 / 2.2), 6);
    expect(c.cx).toBeCloseTo((a.cx + b.cx) / 2, 6);
    expect(b.cy).toBeLessThan(c.cy);
    expect(c.cy).toBeCloseTo((a.cy + b.cy) / 2, 6);
    expect(a.cy).toBeCloseTo(200 - l.pad.b - plotH * (0.005 / 0.11), 6);
    for (const t of l.xTicks) expect(t.px).toBeGreaterThanOrEqual(l.pad.l);
  });

  it('a single point sits mid-plot', () => {
    const l = scatterLayout([{ id: 'a', label: 'a', x: 500, y: 0.5 }], 300, 100);
    expect(l.points[0].cx).toBeCloseTo(l.pad.l + (300 - l.pad.l - l.pad.r) / 2, 6);
  });
});

describe('sortBy', () => {
  it('sorts either way and keeps missing values last', () => {
    const rows = [{ v: 2 }, { v: undefined }, { v: 1 }, { v: 3 }];
    expect(sortBy(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([1, 2, 3, undefined]);
    expect(sortBy(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([3, 2, 1, undefined]);
  });
});
