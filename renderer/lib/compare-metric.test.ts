import { describe, expect, it } from 'vitest';
import { compareMetricLabel, defaultCompareMetric } from './compare-metric';

const s = (name: string, n: number) => ({ name, steps: Array.from({ length: n }, (_, i) => i * 10) });

describe('defaultCompareMetric', () => {
  it('opens on the validation loss the runs early-stop on, not the per-batch training loss (audit G3)', () => {
    // the series come in the lab's order: the training loss first, other validation metrics before val.loss
    const run = { series: [s('loss', 1000), s('val.accuracy', 10), s('val.auc', 10), s('val.loss', 10)] };
    expect(defaultCompareMetric([run, run])).toBe('val.loss');
  });

  it('opens a quick look (one validation point per run) on the validation loss too: a dot per run, ranked on what selects it', () => {
    const run = { series: [s('loss', 100), s('lr', 100), s('val.loss', 1), s('val.mse', 1), s('test.mse', 1)] };
    expect(defaultCompareMetric([run, run])).toBe('val.loss');
  });

  it('falls back when a run has no validation loss (stopped before its first validation)', () => {
    const validated = { series: [s('loss', 500), s('val.loss', 10), s('val.auc', 10)] };
    const stopped = { series: [s('loss', 40), s('val.auc', 10)] };
    expect(defaultCompareMetric([validated, stopped])).toBe('val.auc'); // another validation curve every run has
    expect(defaultCompareMetric([{ series: [s('loss', 500), s('val.loss', 10)] }, { series: [s('loss', 40)] }])).toBe('loss');
    // a metric only one run has is shared by none
    expect(defaultCompareMetric([{ series: [s('loss', 5), s('gate.x', 50)] }, { series: [s('loss', 5)] }])).toBe('loss');
  });

  it('without val.loss, a validation metric needs a curve (more than a few points) to be opened on', () => {
    const short = { series: [s('loss', 40), s('val.mse', 2)] };
    expect(defaultCompareMetric([short, short])).toBe('loss');
  });

  it('is empty without runs or series', () => {
    expect(defaultCompareMetric([])).toBe('');
    expect(defaultCompareMetric([{ series: [] }])).toBe('');
  });
});

describe('compareMetricLabel', () => {
  it('names the training loss for what it is, so it is not ranked as a validation score', () => {
    expect(compareMetricLabel('loss')).toBe('train loss (per batch)');
  });
  it("says f1 is macro-F1 in the metric picker and the chart title (it was read as the positive class's F1)", () => {
    expect(compareMetricLabel('val.f1')).toBe('val.f1 (macro)');
    expect(compareMetricLabel('test.f1')).toBe('test.f1 (macro)');
  });
  it('leaves every other metric its own name', () => {
    expect(['val.loss', 'test.loss', 'lr', 'gate.loss_weight'].map(compareMetricLabel)).toEqual(['val.loss', 'test.loss', 'lr', 'gate.loss_weight']);
  });
});
