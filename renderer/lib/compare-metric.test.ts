import { describe, expect, it } from 'vitest';
import { defaultCompareMetric } from './compare-metric';

const s = (name: string, n: number) => ({ name, steps: Array.from({ length: n }, (_, i) => i * 10) });

describe('defaultCompareMetric', () => {
  it('opens a quick look (one validation point per run) on the train loss, not a single dot (audit A22 #12)', () => {
    const run = { series: [s('loss', 100), s('lr', 100), s('val.loss', 1), s('val.mse', 1), s('test.mse', 1)] };
    expect(defaultCompareMetric([run, run])).toBe('loss');
  });

  it('opens on the validation metric when the runs share a curve of it', () => {
    const run = { series: [s('loss', 1000), s('val.loss', 10), s('val.auc', 10)] };
    expect(defaultCompareMetric([run, run])).toBe('val.loss');
  });

  it('counts the points every run has: one short run makes its validation curve a dot', () => {
    const long = { series: [s('loss', 500), s('val.loss', 10)] };
    const short = { series: [s('loss', 40), s('val.loss', 2)] };
    expect(defaultCompareMetric([long, short])).toBe('loss');
    // a metric only one run has is shared by none
    expect(defaultCompareMetric([{ series: [s('loss', 5), s('gate.x', 50)] }, { series: [s('loss', 5)] }])).toBe('loss');
  });

  it('is empty without runs or series', () => {
    expect(defaultCompareMetric([])).toBe('');
    expect(defaultCompareMetric([{ series: [] }])).toBe('');
  });
});
