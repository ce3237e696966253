// Runs › Knockouts › "Try on rows": the knockout's average over the test split, row by row. The button opens
// the run's Export page with Try it predicting its first test rows and What if showing that knockout,
// without another click; once: opening Export again later shows Try it as usual. A run whose dataset is
// gone (Try it cannot run) has no such button. The whole app over a stand-in lab (real dispatch).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import type { KnockoutTable } from '../../common/analytics/knockout';
import type { LabHandlers } from '../../common/lab-api';

afterEach(() => cleanup());

const config = { model: { template: 'gmu', modalities: [{ name: 'context', dim: 4 }, { name: 'sensor', dim: 4 }, { name: 'camera', dim: 8 }] } };
const data = { line: 'fusion: 12 train / 3 validation / 3 test samples', logScaled: [] };
const ci = (low: number, high: number) => ({ low, high, level: 0.95 });
const table: KnockoutTable = {
  runId: 5, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.9, samples: 3, resamples: 100, seed: 0,
  rows: [
    { gate: 'gmu.z0', kind: 'gate', mode: 'closed', value: 0.88, delta: -0.02, ci: ci(-0.05, 0.01) },
    { gate: 'gmu.z2', kind: 'gate', mode: 'closed', value: 0.7, delta: -0.2, ci: ci(-0.25, -0.15) },
  ],
};
const handlers: Partial<LabHandlers> = {
  'analytics.knockouts': ({ id }) => ({ id, table }),
  'runs.exports': () => [],
  'datasets.list': () => [],
  'runs.try': ({ rows }) => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 3, onnxPath: '/tmp/run-5.onnx', rows: rows.map((row) => ({ row, prediction: [row - 1], target: [1] })) }),
  'analytics.knockoutChoices': ({ id }) => ({ id, choices: table.rows.map((r) => ({ gate: r.gate, kind: 'gate' as const, mode: r.mode })), none: null }),
  'analytics.knockoutRows': ({ id, gate, mode, rows }) => ({ id, runId: 5, knockout: { gate, kind: 'gate', mode }, task: 'binary', forecast: false, prediction: 'logits', target: 'label', testRows: 3,
    rows: rows.map((row) => ({ row, trained: [row - 1], knockedOut: [1 - row], target: [1], gate: [0.5] })) }),
};

describe('Knockouts › Try on rows', () => {
  it("opens the run's Try it with its first rows predicted and the knockout shown in What if; once", async () => {
    const { lab, calls } = fakeRunLab({ id: '5', template: 'gmu', config, data }, handlers);
    const stores = await openApp(lab, '#/runs/5');
    const tries = await screen.findAllByTestId('knockout-try');
    // harm order: camera closed (-0.2) first
    expect(tries.map((b) => b.getAttribute('aria-label'))).toEqual(['Try gmu · camera closed on test rows', 'Try gmu · context closed on test rows']);
    await fireEvent.click(tries[0]);
    expect([stores.router.view, stores.router.param]).toEqual(['export', '5']);
    expect(window.location.hash).toBe('#/export/5'); // the address has no knockout: a reload opens Try it as usual
    expect((await screen.findByTestId('try-whatif-head')).textContent).toBe('With gmu · camera closed');
    expect((screen.getByTestId('try-whatif') as HTMLSelectElement).value).toBe('gmu.z2 closed');
    expect(screen.getAllByTestId('try-row')).toHaveLength(3);
    expect(calls.filter((c) => c.channel === 'runs.try')).toHaveLength(1);
    // Runs, then Export again: no knockout handed this time, nothing predicted until Predict
    stores.router.go('runs', '5');
    await screen.findAllByTestId('knockout-try');
    const gets = calls.filter((c) => c.channel === 'runs.get').length;
    stores.router.go('export', '5');
    await waitFor(() => expect(calls.filter((c) => c.channel === 'runs.get').length).toBeGreaterThan(gets));
    await waitFor(() => expect(screen.getByTestId('try-rows')).toHaveProperty('value', '0-2'));
    expect(screen.queryByTestId('try-results')).toBeNull();
    expect(calls.filter((c) => c.channel === 'runs.try')).toHaveLength(1);
  });

  it('a run whose dataset is gone has no "Try on rows" (Try it has no test split to run on)', async () => {
    const { lab } = fakeRunLab({ id: '5', template: 'gmu', config, data, dataProblem: 'its dataset (id 2) was deleted' }, handlers);
    await openApp(lab, '#/runs/5');
    expect(await screen.findAllByTestId('knockout-row')).toHaveLength(2);
    expect(screen.queryAllByTestId('knockout-try')).toHaveLength(0);
  });
});
