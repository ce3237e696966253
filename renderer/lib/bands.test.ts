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

  it('summarizes best/last/at-step with the metric’s direction', () => {
    expect(summarize([0, 1, 2, 3], [0.9, 0.5, 0.7, 0.6], true, 2)).toEqual({ best: 0.5, bestStep: 1, last: 0.6, at: 0.7 });
    expect(summarize([0, 1], [0.6, 0.8], lowerIsBetter('val.auc'))).toMatchObject({ best: 0.8, bestStep: 1 });
    expect(lowerIsBetter('train.loss')).toBe(true);
  });
});
