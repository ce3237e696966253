// The Runs view's result tiles: a click model's test ap right after its auc, with the test part's positive
// rate as its chance level; a run stored before ap was scored has no ap tile (not a 0).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';

afterEach(() => cleanup());

const data = { line: 'recsys: 80 train / 10 validation / 20 test samples', logScaled: [], baseline: { accuracy: 0.95, majority: "'0'", positiveRate: 0.05 } };

describe('Runs view: average precision', () => {
  it('shows test ap after test auc with "(chance 0.05)"; validation ap without a chance', async () => {
    const { lab } = fakeRunLab({ id: '5', template: 'deepfm', metrics: { 'test.accuracy': 0.951, 'test.ap': 0.412, 'test.auc': 0.8123, 'val.ap': 0.43, 'val.auc': 0.82 }, data });
    await openApp(lab, '#/runs/5');
    const tiles = await screen.findByTestId('run-metrics');
    expect([...tiles.querySelectorAll('[data-metric]')].map((t) => t.getAttribute('data-metric'))).toEqual(['test.accuracy', 'test.auc', 'test.ap', 'val.auc', 'val.ap']);
    expect(await screen.findByTestId('ap-chance')).toBeTruthy();
    expect(tiles.querySelector('[data-metric="test.ap"] dd')!.textContent).toMatch(/^0\.412\d* \(chance 0\.05\)$/);
    expect(tiles.querySelector('[data-metric="val.ap"] dd')!.textContent).not.toContain('chance');
  });

  it('an old run without ap shows no ap tile and no chance', async () => {
    const { lab } = fakeRunLab({ id: '6', template: 'deepfm', metrics: { 'test.accuracy': 0.951, 'test.auc': 0.8123 }, data });
    await openApp(lab, '#/runs/6');
    const tiles = await screen.findByTestId('run-metrics');
    expect(tiles.querySelector('[data-metric="test.auc"]')).toBeTruthy();
    expect(tiles.querySelector('[data-metric="test.ap"]')).toBeNull();
    expect(screen.queryByTestId('ap-chance')).toBeNull();
  });
});
