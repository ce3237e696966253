import { describe, expect, it } from 'vitest';
import { linesSummary, vectorsSummary } from './chart-summary';

describe('chart text alternatives', () => {
  it("says each line's last stored value with its name and the step range, skipping gaps", () => {
    const s = linesSummary('Loss', [
      { label: 'train.loss', steps: [1, 2, 800], values: [0.9, 0.5, 0.4123] },
      { label: 'val.loss', steps: [400, 800], values: [0.6, NaN] },
    ]);
    expect(s).toBe('Loss: train.loss 0.4123 at step 800, val.loss 0.6 at step 400; steps 1 to 800.');
    expect(linesSummary('Evaluation', [{ label: 'test.auc', steps: [], values: [] }])).toBe('Evaluation: no points yet.');
  });

  it('names the components of the latest vector', () => {
    const s = vectorsSummary('router · load', [4, 200, 300], [[0.5, 0.5], [0.3, 0.7], null], ['expert 0', 'expert 1']);
    expect(s).toBe('router · load at step 200: expert 0 0.3, expert 1 0.7; steps 4 to 300.');
    expect(vectorsSummary('g', [1], [Array.from({ length: 14 }, () => 0.5)], [], 2)).toBe('g at step 1: 0 0.5, 1 0.5, and 12 more; one step, 1.');
  });
});
