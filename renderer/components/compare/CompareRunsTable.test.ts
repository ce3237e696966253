// Compare's runs side by side: a ★ must fall on a number that reads better than the others. The
// walk-through's gated run and its ablation both showed "0.08255", one of them starred.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import CompareRunsTable from './CompareRunsTable.svelte';
import type { SummaryRun } from '../../lib/compare-summary';

afterEach(() => cleanup());
const gate = (enabled: boolean) => ({ kind: 'sigmoid', enabled, scale: 1, initBias: 0, granularity: 'channel' });
const run = (id: string, enabled: boolean, mse: number): SummaryRun => ({
  id, name: 'tsmixer-gated on Demo: grid load (forecasting)', seed: 1, template: 'tsmixer-gated', status: 'completed', metrics: { 'test.mse': mse },
  gatesOff: !enabled, config: { model: { template: 'tsmixer-gated', gate: gate(enabled) }, data: { kind: 'dataset', datasetId: 1 }, seed: 1 },
});
const cell = (id: string) => screen.getByTestId('compare-runs-table').querySelector(`tr[data-run="${id}"] td[data-metric="test.mse"]`)!.textContent;

describe('CompareRunsTable', () => {
  it('writes values that would read alike with the digits that tell them apart, the ★ on the lower', () => {
    render(CompareRunsTable, { props: { runs: [run('3', true, 0.0825521), run('5', false, 0.0825479)] } });
    expect(cell('3')).toBe('0.082552');
    expect(cell('5')).toBe('0.082548 ★');
  });

  it('keeps four digits when the values read apart', () => {
    render(CompareRunsTable, { props: { runs: [run('3', true, 0.0825521), run('4', true, 0.0828512)] } });
    expect(cell('3')).toBe('0.08255 ★');
    expect(cell('4')).toBe('0.08285');
  });

  it('writes a metric as the run\'s result tile does: "0.7300", not "0.73"', () => {
    render(CompareRunsTable, { props: { runs: [run('3', true, 0.73), run('4', true, 0.7467)] } });
    expect(cell('3')).toBe('0.7300 ★');
    expect(cell('4')).toBe('0.7467');
  });
});
