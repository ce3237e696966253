// The fusion panel's per-sample table names classes as the file writes them: a review rated 'three' and
// predicted 'two' reads so, not as the positions "label 2, prediction 1"; a binary prediction shows the
// class it picks beside its probability; a report stored before the names shows the numbers it holds.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import FusionPanel from './FusionPanel.svelte';
import type { FusionReport } from '../../../common/analytics/report';

afterEach(cleanup);

const report = (samples: FusionReport['samples']): FusionReport => ({
  gate: 'gmu', modalities: ['text', 'tabular'], histogram: [Array(10).fill(0.1), Array(10).fill(0.1)], mean: [0.5, 0.5], samples,
});
const cells = (id: string) => screen.getAllByTestId(id).map((c) => c.textContent);

describe('FusionPanel classes', () => {
  it('a text target: label and prediction are the class values, a wrong one marked', () => {
    render(FusionPanel, { props: { fusion: report([
      { index: 0, weights: [0.7, 0.3], label: 2, labelName: 'three', prediction: 1, predictionName: 'two', correct: false },
      { index: 1, weights: [0.4, 0.6], label: 0, labelName: 'five', prediction: 0, predictionName: 'five', correct: true },
    ]) } });
    expect(cells('fusion-label')).toEqual(['three', 'five']);
    expect(cells('fusion-prediction')).toEqual(['two ✗', 'five']);
  });

  it('a binary target: the predicted class with its probability', () => {
    render(FusionPanel, { props: { fusion: report([
      { index: 0, weights: [0.5, 0.5], label: 1, labelName: 'spam', prediction: 0.83, predictionName: 'spam', correct: true },
      { index: 1, weights: [0.5, 0.5], label: 1, labelName: 'spam', prediction: 0.2, predictionName: 'ham', correct: false },
    ]) } });
    expect(cells('fusion-label')).toEqual(['spam', 'spam']);
    expect(cells('fusion-prediction')).toEqual(['spam (0.83)', 'ham (0.2) ✗']);
  });

  it('a report stored before class names keeps its numbers', () => {
    render(FusionPanel, { props: { fusion: report([{ index: 0, weights: [0.5, 0.5], label: 3, prediction: 4, correct: false }]) } });
    expect(cells('fusion-label')).toEqual(['3']);
    expect(cells('fusion-prediction')).toEqual(['4 ✗']);
  });
});

describe('FusionPanel regression', () => {
  it("a regressed target's values are written as Try it writes them: the actual as stored, the prediction at 6 digits with separators", () => {
    render(FusionPanel, { props: { fusion: report([
      { index: 0, weights: [0.6, 0.4], label: Math.fround(1234.57), prediction: 57050.123 },
      { index: 1, weights: [0.3, 0.7], label: Math.fround(0.37), prediction: 12.3456789 },
    ]) } });
    // formatStored / formatUnits (renderer/lib/format.ts): not the compact 4 digits ("1235", "57050") of class positions
    expect(cells('fusion-label')).toEqual(['1,234.57', '0.37']);
    expect(cells('fusion-prediction')).toEqual(['57,050.1', '12.3457']);
  });
});
