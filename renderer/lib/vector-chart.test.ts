// Hovering a gate panel's heatmap or stacked area shows the stored vector of the nearest step, with the step
// in words ("step 20", or the chart's own words for a pooled point), and nothing off the plot.
import { describe, expect, it } from 'vitest';
import { vectorHoverAt } from './vector-chart';

const PAD = { l: 34, r: 8 };
const chart = { steps: [0, 10, 20], vectors: [[0.1, 0.9], null, [0.4, 0.6]] };

describe('vectorHoverAt', () => {
  it("the nearest step's exact vector, the step in words or the chart's own", () => {
    // plot 34..392 px wide 358: the right end is step 20
    expect(vectorHoverAt(392, 400, PAD, chart)).toEqual({ px: 392, step: 20, at: 'step 20', vector: [0.4, 0.6] });
    expect(vectorHoverAt(40, 400, PAD, { ...chart, stepLabel: (i) => `mean over steps 0–${i}` })?.at).toBe('mean over steps 0–0');
  });

  it('nothing off the plot or at a step without a vector', () => {
    expect(vectorHoverAt(10, 400, PAD, chart)).toBeNull();
    expect(vectorHoverAt(213, 400, PAD, chart)).toBeNull(); // the middle: step 10 recorded none
  });
});
