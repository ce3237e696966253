// A stacked column of one step (a validation statistic after one evaluation) writes each share beside its
// band: thin shares must not write their labels on top of each other (audit H2: the moe-dnn router's
// validation load put "expert 2 3.50e-4" over "expert 3 0.1763").
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import StackedArea from './StackedArea.svelte';

afterEach(() => cleanup());

describe('StackedArea, one step', () => {
  it('labels every share with its value, at least a text line apart', () => {
    const labels = ['expert 0', 'expert 1', 'expert 2', 'expert 3'];
    const { container } = render(StackedArea, { props: { title: 'router (validation) · share of top-2 picks', steps: [40], vectors: [[0.3715, 0.4518, 3.5e-4, 0.1763]], labels } });
    const texts = [...container.querySelectorAll('[data-testid="stack-single-label"]')];
    expect(texts.map((t) => t.textContent)).toEqual(['expert 0 0.3715', 'expert 1 0.4518', 'expert 2 3.50e-4', 'expert 3 0.1763']);
    const ys = texts.map((t) => Number(t.getAttribute('y'))).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(11);
    // labels stay inside the plot (150 px high, 18 px for the step axis)
    expect(ys[0]).toBeGreaterThanOrEqual(0);
    expect(ys[ys.length - 1]).toBeLessThanOrEqual(132);
  });
});
