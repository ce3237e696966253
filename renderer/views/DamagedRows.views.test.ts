// The Runs and Datasets views name, under their lists, the rows the lab left out because their stored row
// is damaged (lab.damaged): each view its own kind, and the list itself shows the readable rows as usual.
// A damaged run's line offers Delete (DamagedRowsNote.test.ts: its confirm step and runs.delete).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/svelte';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import { openApp } from '../fixtures/open-app';
import { runSummary } from '../stores/runs-test-lab';
import type { DatasetDetail, DamagedRowNote } from '../../common/lab-api';

afterEach(() => cleanup());

const SALES: DatasetDetail = {
  id: '5', name: 'sales', rows: 3, columns: 1, source: 'sales.csv', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 30, issues: [],
  columnInfo: [{ name: 'y', type: 'float', role: 'target', modality: null, missing: 0, distinct: 3, min: 1, max: 3, mean: 2, std: 1, histogram: null }],
};
const DAMAGED: DamagedRowNote[] = [
  { kind: 'run', id: '3', reason: 'Run 3 could not be read (its stored config is damaged) and is left out of this list; the rest of the lab is unaffected.' },
  { kind: 'dataset', id: '2', reason: "Dataset 2 could not be read (its stored stats of column 'price' are damaged) and is left out of this list; the rest of the lab is unaffected." },
];

describe('damaged rows under the lists', () => {
  it('the Runs view names the damaged run under the runs; the Datasets view the damaged dataset under the datasets', async () => {
    const run = { id: '14', template: 'tsmixer-gated', datasetId: '5', status: 'completed' as const };
    const t = fakeRunLab(run, {
      'runs.list': () => [runSummary(run)],
      'datasets.list': () => [SALES],
      'datasets.get': () => SALES,
      'splits.list': () => [],
      'lab.damaged': () => DAMAGED,
    });
    const stores = await openApp(t.lab, '#/runs/14');
    await stores.datasets.refresh();
    // the lab's sentence, and the Delete that removes the row (a run's and a dataset's)
    await waitFor(() => expect(screen.getByTestId('damaged-runs').querySelector('li > .muted')?.textContent).toBe(DAMAGED[0].reason));
    expect(screen.getByRole('button', { name: 'Delete run 3' })).toBeTruthy();
    expect(screen.queryByTestId('damaged-datasets')).toBeNull();

    window.location.hash = '#/datasets/5';
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('sales'));
    await waitFor(() => expect(screen.getByTestId('damaged-datasets').querySelector('li > .muted')?.textContent).toBe(DAMAGED[1].reason));
    expect(screen.getByRole('button', { name: 'Delete dataset 2' })).toBeTruthy();
    expect(screen.getByTestId('dataset-list').textContent).toContain('sales');
  });
});
