// The Runs view's result tiles read at one precision: a test auc of 0.73 is "0.7300" beside accuracy
// "0.7467" (walk-through on a churn table: "0.73" read as a value rounded to two places).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';

afterEach(() => cleanup());

describe('Runs view: result tiles', () => {
  it('writes every fraction with four significant digits, trailing zeros kept', async () => {
    const { lab } = fakeRunLab({ id: '5', template: 'finalmlp', metrics: { 'test.accuracy': 0.7467, 'test.auc': 0.73, 'test.logloss': 0.5 } });
    await openApp(lab, '#/runs/5');
    const tiles = await screen.findByTestId('run-metrics');
    const text = (m: string) => tiles.querySelector(`[data-metric="${m}"] dd`)!.textContent;
    expect([text('test.accuracy'), text('test.auc'), text('test.logloss')]).toEqual(['0.7467', '0.7300', '0.5000']);
  });
});
