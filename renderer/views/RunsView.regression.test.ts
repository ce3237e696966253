// A fusion run regressing a number, end to end against a real lab (child process): the demo's `visibility`
// (fractions between 0.05 and 1) as the target. The Runs view shows mse, mae, rmse and r2, the training
// mean's scores beside them, and no per-class table; Try it shows each prediction in visibility's own units
// beside the actual value and the error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { demoOf, runEnded, LAB_ANSWER_MS } from '../fixtures/models-lab';
import App from '../App.svelte';
import TryIt from '../components/TryIt.svelte';
import type { Stores } from '../stores';
import type { RunDetail } from '../../common/lab-api';

configure({ asyncUtilTimeout: LAB_ANSWER_MS });

let lab: LabProcess;
let stores: Stores;
let run: RunDetail;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await stores.datasets.refresh();
  const id = demoOf(stores, 'fusion');
  await stores.lab.invoke('datasets.setRoles', { id, roles: { visibility: 'target', label: 'ignore' }, modalities: { visibility: null } });
  const started = await stores.lab.invoke('runs.start', { template: 'concat-fusion', datasetId: id, config: { maxSteps: 4 }, seeds: 1, name: 'visibility' });
  run = await runEnded(stores, started.runIds[0]);
}, 180_000);
afterAll(() => lab?.stop());

describe('a regression run in the app', () => {
  it('completes with mse, mae, rmse and r2 in its test metrics and no classes', () => {
    expect(run.status).toBe('completed');
    expect(Object.keys(run.metrics).filter((m) => m.startsWith('test.')).sort()).toEqual(['test.loss', 'test.mae', 'test.mse', 'test.r2', 'test.rmse']);
    expect(run.testClasses).toBeNull();
  });

  it('the Runs view shows the four scores, the mean baseline beside them, and no per-class table', async () => {
    window.location.hash = `#/runs/${run.id}`;
    render(App, { props: { stores } });
    await stores.runs.refresh();
    const tiles = await screen.findByTestId('run-metrics');
    await waitFor(() => expect(tiles.querySelector('[data-metric="test.r2"]')).not.toBeNull());
    for (const m of ['test.mse', 'test.mae', 'test.rmse', 'test.r2']) expect(tiles.querySelector(`[data-metric="${m}"]`), m).not.toBeNull();
    // beside them, what always predicting the training mean scores: visibility's own units (0.05..1), r2 ≈ 0
    const b = run.data?.regressionBaseline;
    expect(b?.mean).toBeGreaterThan(0.05);
    expect(b?.mean).toBeLessThan(1);
    // the run's data summary arrives with its own query, after the metrics
    await waitFor(() => expect(tiles.querySelector('[data-testid="run-regression-baseline"]')).not.toBeNull());
    const baseline = tiles.querySelector('[data-testid="run-regression-baseline"]');
    expect(baseline?.querySelector('dt')?.textContent).toBe('mean baseline');
    expect(baseline?.querySelector('dd')?.textContent).toMatch(/^r2 \S+ · rmse \S+ \(always the training mean 0\.\d+; mse \S+, mae \S+ on test\)$/);
    expect(screen.queryByTestId('test-classes')).toBeNull();
    // r2 (unitless), mse (units²) and mae/rmse (units) on charts apart: one axis flattened r2 onto 0
    await waitFor(() => expect(screen.getAllByTestId('eval-chart').map((c) => c.querySelector('figcaption')?.textContent)).toEqual([
      'Evaluation: mae, rmse (target units)', 'Evaluation: mse (target units²)', 'Evaluation: r2 (unitless)',
    ]));
    cleanup();
  }, 60_000);

  it('Try it: the predicted visibility beside the actual one, in its own units, and their difference', async () => {
    render(TryIt, { props: { lab: stores.lab, runId: run.id } });
    await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-4' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    const table = await screen.findByTestId('try-results', {}, { timeout: 60_000 });
    expect([...table.querySelectorAll('th')].map((th) => th.textContent).slice(0, 4)).toEqual(['Test row', 'Predicted visibility', 'Actual', 'Error']);
    const rows = screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    expect(rows).toHaveLength(5);
    const num = (s: string) => Number(s.replace('−', '-').replace(/,/g, ''));
    for (const [, predicted, actual, error] of rows) {
      // visibility as the file has it (0.05..1), not its standardized value (mean 0, std 1)
      expect(num(actual)).toBeGreaterThanOrEqual(0.05);
      expect(num(actual)).toBeLessThanOrEqual(1);
      expect(num(error)).toBeCloseTo(num(predicted) - num(actual), 2);
    }
    cleanup();
  }, 90_000);
});
