// Try it's What if, as pure rules: the choices are the stored knockout table's rows by its names; each row in Try it's terms.
import { describe, expect, it } from 'vitest';
import type { KnockoutRowsResult, KnockoutTable } from '../../common/analytics';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import { whatIfCells, whatIfChoices } from './try-what-if';

describe("Try it's What if", () => {
  it("offers the run's knockouts by the Knockouts table's names, with the ids the lab takes", () => {
    const row = (mode: 'open' | 'closed' | 'single', expert?: number) => ({ gate: mode === 'single' ? 'router' : 'gmu', kind: (mode === 'single' ? 'router' : 'gate') as 'gate', mode, ...(expert !== undefined ? { expert } : {}), value: 0.8, delta: 0, ci: { low: 0, high: 0, level: 0.95 } });
    const table: KnockoutTable = { runId: 1, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 10, resamples: 10, seed: 0, rows: [row('open'), row('closed'), row('single', 2)] };
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'tabular', dim: 8 }, { name: 'text', dim: 64 }] } });
    expect(whatIfChoices(table, names)).toEqual([
      { key: 'gmu open', label: 'gmu open (tabular only)', gate: 'gmu', mode: 'open' },
      { key: 'gmu closed', label: 'gmu closed (text only)', gate: 'gmu', mode: 'closed' },
      { key: 'router single 2', label: 'router only expert 2', gate: 'router', mode: 'single', expert: 2 },
    ]);
    expect(whatIfChoices(null)).toEqual([]);
  });

  it('words each row as Try it does: a probability, a named top class, a value in units', () => {
    const base = { runId: 1, knockout: { gate: 'g', kind: 'gate' as const, mode: 'open' as const }, forecast: false, prediction: 'logits', target: 'label', testRows: 9 };
    const binary: KnockoutRowsResult = { ...base, task: 'binary', rows: [{ row: 0, trained: [0], knockedOut: [Math.log(3)], target: [1], gate: [0.5] }] };
    expect(whatIfCells(binary, 0)).toEqual(['50.0 %', '75.0 %']);
    const classes: KnockoutRowsResult = { ...base, task: 'multiclass', rows: [{ row: 4, trained: [0, 0, 5], knockedOut: [5, 0, 0], target: [2], gate: [0.5] }] };
    expect(whatIfCells(classes, 0, ['cat', 'dog', 'eel'])).toEqual(['eel (98.7 %)', 'cat (98.7 %)']);
    // a run that does not say its classes: "class 2", not a bare id that reads as a value of the target
    expect(whatIfCells(classes, 0, null)).toEqual(['class 2 (98.7 %)', 'class 0 (98.7 %)']);
    // Try it's rule: a class list of another length than the model's outputs is not this model's: numbered, as Try it does
    expect(whatIfCells(classes, 0, ['1', '2', '3', '4', '5'])).toEqual(['class 2 (98.7 %)', 'class 0 (98.7 %)']);
    const price: KnockoutRowsResult = { ...base, task: 'regression', prediction: 'prediction', rows: [{ row: 1, trained: [1234.5], knockedOut: [1000], target: [1200], gate: [0.5] }] };
    expect(whatIfCells(price, 0)[0]).toMatch(/^1,234\.5/);
    expect(whatIfCells(price, 3)).toEqual(['—', '—']);
  });
});
