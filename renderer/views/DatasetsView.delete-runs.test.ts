// Deleting a dataset in a window that shows runs trained on it: the runs list is read again, so those
// runs' Knock out all gates / Gate report show disabled with the lab's reason at once, instead of failing
// on click ("run 14 trained on dataset 5, which is no longer in the lab"): audit H2 #2.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import { openApp } from '../fixtures/open-app';
import { runSummary } from '../stores/runs-test-lab';
import type { DatasetDetail } from '../../common/lab-api';

afterEach(() => cleanup());

const REASON = 'its dataset (id 5) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one';
const SALES: DatasetDetail = {
  id: '5', name: 'sales', rows: 3, columns: 1, source: 'sales.csv', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 30, issues: [],
  columnInfo: [{ name: 'y', type: 'float', role: 'target', modality: null, missing: 0, distinct: 3, min: 1, max: 3, mean: 2, std: 1, histogram: null }],
};

describe('Datasets → Delete with runs trained on the dataset', () => {
  it('refreshes the runs: their analytics buttons are disabled with the reason', async () => {
    let deleted = false;
    const run = { id: '14', template: 'tsmixer-gated', datasetId: '5', status: 'completed' as const };
    const t = fakeRunLab(run, {
      'runs.list': () => [runSummary({ ...run, dataProblem: deleted ? REASON : null })],
      'datasets.list': () => (deleted ? [] : [SALES]),
      'datasets.get': () => SALES,
      'datasets.remove': () => ((deleted = true), { ok: true as const }),
      'splits.list': () => [],
    });
    const stores = await openApp(t.lab, '#/runs/14');
    await stores.datasets.refresh();
    expect((await screen.findByTestId('knockout-all')).getAttribute('aria-disabled')).toBe('false');

    window.location.hash = '#/datasets/5';
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('sales'));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete sales' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Confirm deleting sales' }));
    await waitFor(() => expect(stores.runs.list[0].dataProblem).toBe(REASON));

    window.location.hash = '#/runs/14';
    const button = await screen.findByTestId('knockout-all');
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(screen.getByTestId('analytics-unavailable').textContent).toBe(`Not available: ${REASON}.`);
  });
});
