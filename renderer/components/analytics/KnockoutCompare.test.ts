// Knockouts across runs of different tasks: a regression's mse and a classifier's accuracy are not one
// "delta of test mse"; each column then names its own metric, and a tiny regression table reads its numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import KnockoutCompare from './KnockoutCompare.svelte';
import type { KnockoutTable } from '../../../common/analytics/knockout';

afterEach(() => cleanup());

const table = (runId: number, metric: string, higherIsBetter: boolean, baseline: number, delta: number): KnockoutTable => ({
  runId, split: 'test', metric, higherIsBetter, baseline, samples: 100, resamples: 200, seed: 0,
  rows: [{ gate: 'router', kind: 'router', mode: 'top1', value: baseline + delta, delta, ci: { low: delta * 0.8, high: delta * 1.2, level: 0.95 } }],
});

describe('KnockoutCompare header', () => {
  it('names each run\'s own metric when the runs differ in task, never "delta of test mse" over a classifier', () => {
    const tables = [table(8, 'mse', false, 4.03e-10, 1.707e-9), table(9, 'accuracy', true, 0.91, -0.12)];
    render(KnockoutCompare, { props: { runs: [{ id: '8', label: 'run 8' }, { id: '9', label: 'run 9' }], tables } });
    const heading = screen.getByRole('heading', { level: 3 }).textContent!;
    expect(heading).not.toMatch(/delta of test mse/);
    expect(heading).toContain("delta of each run's test metric");
    const [regression, classifier] = screen.getAllByTestId('knockout-run').map((th) => th.textContent!);
    expect(regression).toContain('mse as trained 0.403e-9'); // not 0.000000 (< 1e-6)
    expect(classifier).toContain('accuracy as trained 0.9100');
  });

  it('keeps one metric in the heading when every run has it', () => {
    render(KnockoutCompare, { props: { runs: [{ id: '1', label: 'a' }, { id: '2', label: 'b' }], tables: [table(1, 'auc', true, 0.8, -0.1), table(2, 'auc', true, 0.81, -0.05)] } });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('delta of test auc (higher is better)');
  });

  it('writes a tiny delta\'s note apart from its value: "0.000000 (< 1e-6)", not "0.000000(< 1e-6)"', () => {
    // Svelte 5 drops the whitespace at the start of an element: the note's leading space is written as {' '}
    render(KnockoutCompare, { props: { runs: [{ id: '2', label: 'run 2' }], tables: [table(2, 'mse', false, 0.095169, 4e-8)] } });
    const cell = screen.getByTestId('knockout-compare-row').querySelector('td.cell')!;
    expect(cell.textContent).toMatch(/\d (\(< 1e-6\))$/);
  });

  it("names a cell's metric when its row is scored on its own task (MMoE's rating gate on rating_rmse), and colours it by that metric's direction", () => {
    const mmoe: KnockoutTable = { ...table(17, 'auc', true, 0.69, -0.01), rows: [
      { gate: 'gate.task1', kind: 'router', mode: 'uniform', value: 0.95, delta: 0.04, ci: { low: 0.02, high: 0.06, level: 0.95 }, metric: 'rating_rmse', higherIsBetter: false, baseline: 0.91 },
    ] };
    render(KnockoutCompare, { props: { runs: [{ id: '17', label: 'run 17' }], tables: [mmoe] } });
    const cell = screen.getByTestId('knockout-compare-row').querySelector('td.cell')!;
    expect(screen.getByTestId('knockout-cell-metric').textContent).toBe(' rating_rmse');
    expect(cell.querySelector('.bar')!.classList.contains('hurts')).toBe(true); // a higher RMSE is worse
    expect(cell.querySelector('[role="img"]')!.getAttribute('aria-label')).toContain('change in rating_rmse +0.0400');
    expect(cell.querySelector('.v')!.textContent).toBe('+0.0400'); // a change, signed: not read as the RMSE
  });
});
