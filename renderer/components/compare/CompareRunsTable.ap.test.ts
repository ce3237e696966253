// Compare shows a click model's average precision beside its AUC, read against its test positive rate
// (a random ranking's AP); a run stored before ap was scored shows nothing in its cell, not 0.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import CompareRunsTable from './CompareRunsTable.svelte';
import type { SummaryRun } from '../../lib/compare-summary';

afterEach(() => cleanup());
const run = (id: string, metrics: Record<string, number>, positiveRate?: number): SummaryRun => ({
  id, name: 'deepfm on Demo: click log (CTR)', seed: Number(id), template: 'deepfm', status: 'completed', metrics,
  config: { model: { template: 'deepfm' }, data: { kind: 'dataset', datasetId: 2 }, seed: Number(id) },
  data: positiveRate === undefined ? null : { baseline: { positiveRate } },
});
const cell = (id: string, metric: string) => screen.getByTestId('compare-runs-table').querySelector(`tr[data-run="${id}"] td[data-metric="${metric}"]`)!.textContent;

describe('CompareRunsTable: average precision', () => {
  it('puts test ap right after test auc, with each run\'s chance level; an old run without ap shows —', () => {
    render(CompareRunsTable, { props: { runs: [
      run('7', { 'test.accuracy': 0.951, 'test.ap': 0.412, 'test.auc': 0.8123 }, 0.05),
      run('8', { 'test.accuracy': 0.95, 'test.auc': 0.8011 }, 0.05),
    ] } });
    const heads = [...screen.getByTestId('compare-runs-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Run', 'Settings', 'test accuracy', 'test auc', 'test ap']);
    expect(cell('7', 'test.ap')).toMatch(/^0\.412\d* \(chance 0\.05\)$/); // one run has ap: no ★ to give
    expect(cell('8', 'test.ap')).toBe('—');
  });

  it('names f1 as the macro average it is in its column head (the stored metric stays test.f1)', () => {
    render(CompareRunsTable, { props: { runs: [run('7', { 'test.accuracy': 0.951, 'test.f1': 0.636 }, 0.05), run('8', { 'test.accuracy': 0.95, 'test.f1': 0.61 }, 0.05)] } });
    const heads = [...screen.getByTestId('compare-runs-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Run', 'Settings', 'test accuracy', 'test f1 (macro)']);
    expect(cell('7', 'test.f1')).toMatch(/^0\.636/);
  });
});
