import { describe, expect, it } from 'vitest';
import { seedBand, summarize, lowerIsBetter } from './bands';

describe('mean ± std across seeds', () => {
  it('aligns on common steps and uses the sample std', () => {
    const band = seedBand([
      { steps: [0, 1, 2], values: [1, 2, 3] },
      { steps: [0, 2, 4], values: [3, 4, 5] },
    ]);
    expect(band.steps).toEqual([0, 2]);
    expect(band.mean).toEqual([2, 3.5]);
    expect(band.std[0]).toBeCloseTo(Math.SQRT2, 12); // values 1 and 3: sample variance 2
    expect(band.std[1]).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('computes the band directly when seeds share steps, and aligns them when they do not', () => {
    const a = { steps: [0, 1, 2], values: [1, 2, 4] };
    const b = { steps: [0, 1, 2], values: [3, 2, 0] };
    const fast = seedBand([a, b]);
    expect(fast).toEqual({ steps: [0, 1, 2], mean: [2, 2, 2], std: [Math.SQRT2, 0, 2 * Math.SQRT2] });
    const mixed = seedBand([a, { steps: [0, 2], values: [5, 6] }]);
    expect(mixed).toEqual({ steps: [0, 2], mean: [3, 5], std: [2 * Math.SQRT2, Math.SQRT2] });
  });

  it('summarizes best/last/at-step with the metric’s direction', () => {
    expect(summarize([0, 1, 2, 3], [0.9, 0.5, 0.7, 0.6], true, 2)).toEqual({ best: 0.5, bestStep: 1, last: 0.6, at: 0.7 });
    expect(summarize([0, 1], [0.6, 0.8], lowerIsBetter('val.auc'))).toMatchObject({ best: 0.8, bestStep: 1 });
    expect(lowerIsBetter('train.loss')).toBe(true);
  });
});
