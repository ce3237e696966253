// The chart each gate statistic gets: real shares stack, independent gates are lines.
import { describe, expect, it } from 'vitest';
import { binLabels, component, componentLabels, gateChartKind, isShareOfWhole, sharedHeatScales, statColours, spreadLabels } from './gate-charts';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';

describe('gateChartKind', () => {
  it('stacks expert load and softmax modality weights, which sum to 1 at every step', () => {
    expect(gateChartKind({ stat: 'load', vectors: [[0.25, 0.5, 0.25], [0.1, 0.6, 0.3]] })).toBe('stacked');
    expect(gateChartKind({ stat: 'modality_weights', vectors: [[0.3, 0.7], null, [0.45, 0.55]] })).toBe('stacked'); // bimodal GMU: z, 1 − z
  });

  it('draws a 3-modality GMU (one sigmoid per modality) as lines, not a stacked "whole"', () => {
    expect(gateChartKind({ stat: 'modality_weights', vectors: [[0.5, 0.5, 0.5], [0.6, 0.4, 0.52]] })).toBe('lines');
    expect(gateChartKind({ stat: 'modality_weights', vectors: [[0.5, 0.52, 0.49], [0.61, 0.4, 0.5]] })).toBe('lines'); // a constant 1.51 is no whole
  });

  it('draws histograms and other vectors as heatmaps, scalars as a line', () => {
    expect(gateChartKind({ stat: 'openness_hist', vectors: [[0.5, 0.5], [0.2, 0.8]] })).toBe('heatmap');
    expect(gateChartKind({ stat: 'openness', vectors: [[0.1, 0.9, 0.4]] })).toBe('heatmap');
    expect(gateChartKind({ stat: 'entropy', vectors: null })).toBe('line');
  });

  it('isShareOfWhole refuses negatives and an all-null series', () => {
    expect(isShareOfWhole([[1.2, -0.2]])).toBe(false);
    expect(isShareOfWhole([null, null])).toBe(false);
  });
});

describe('legends', () => {
  it('names components by modality, expert or histogram bin', () => {
    const names = gateNamesFromConfig({ model: { template: 'moe-fusion', modalities: [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }] } });
    expect(componentLabels('gmu', 'modality_weights', 3, names)).toEqual(['context', 'sensor', 'camera']);
    expect(componentLabels('gmu', 'modality_weights', 2, names)).toEqual(['modality 0', 'modality 1']);
    expect(componentLabels('router', 'load', 2)).toEqual(['expert 0', 'expert 1']);
    expect(componentLabels('val.router', 'load', 3, names)).toEqual(['expert 0 (context)', 'expert 1 (sensor)', 'expert 2 (camera)']);
    expect(binLabels(4)).toEqual(['0–0.25', '0.25–0.5', '0.5–0.75', '0.75–1']);
    expect(componentLabels('g', 'openness_hist', 10)[9]).toBe('0.9–1');
    expect(component([[1, 2], null, [3, 4]], 1)).toEqual([2, NaN, 4]);
  });
});

describe('one look per statistic', () => {
  it('gives each statistic one colour, whichever gate reports it', () => {
    const colours = statColours([{ stat: 'openness' }, { stat: 'openness_hist' }, { stat: 'openness' }, { stat: 'entropy' }], 5);
    expect([...colours]).toEqual([['openness', 5], ['openness_hist', 6], ['entropy', 7]]);
  });

  it('puts every gate’s heatmap of a statistic on one scale; histograms from 0, scalars and shares left out', () => {
    const scales = sharedHeatScales([
      { stat: 'openness_hist', vectors: [[0.2, 0.3, 0.5], null] },
      { stat: 'openness_hist', vectors: [[0.1, 0.8, 0.1]] },
      { stat: 'openness_by_channel', vectors: [[0.45, 0.5]] },
      { stat: 'openness_by_channel', vectors: [[0.4, NaN, 0.6]] },
      { stat: 'load', vectors: [[0.5, 0.5]] }, // shares of a whole: a stacked area, no colour scale
      { stat: 'openness', vectors: null },
    ]);
    // a histogram's shares on the fixed 0…1: the same colour while training (largest share so far 0.8) and after
    expect([...scales]).toEqual([['openness_hist', [0, 1]], ['openness_by_channel', [0.4, 0.6]]]);
    expect(sharedHeatScales([{ stat: 'openness_hist', vectors: [[0.4732, 0.5268]] }]).get('openness_hist')).toEqual([0, 1]);
  });
});

describe('spreadLabels: one-step column labels that do not overlap (audit H2: "expert 2 3.50e-4" on "expert 3")', () => {
  it('moves only the labels that collide, keeps their order, and stays in range', () => {
    // the audit's validation load [0.3715, 0.4518, 3.5e-4, 0.1763] stacked bottom-up on a 128 px plot: expert 2's and 3's middles 0.2 px apart
    const ys = [101.2, 48.5, 19.7, 19.5];
    const out = spreadLabels(ys, 11, 12, 132);
    expect(out[0]).toBe(101.2);
    expect(out[1]).toBe(48.5);
    // expert 3 (highest on screen) stays first from the top, expert 2 goes below it by the gap
    expect(out[3]).toBeCloseTo(19.5, 9);
    expect(out[2]).toBeCloseTo(30.5, 9);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(11 - 1e-9);
  });
  it('pushes a block that would run past the bottom back up, and spreads evenly when nothing fits', () => {
    expect(spreadLabels([130, 131, 132], 10, 0, 132)).toEqual([112, 122, 132]);
    expect(spreadLabels([5, 5, 5], 100, 0, 20)).toEqual([0, 10, 20]);
    expect(spreadLabels([], 10, 0, 20)).toEqual([]);
  });
});
