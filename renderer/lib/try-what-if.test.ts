// Try it's What if, as pure rules: the choices are the lab's knockouts of the run by the Knockouts table's names; each row in Try it's terms.
import { describe, expect, it } from 'vitest';
import type { KnockoutRowsResult } from '../../common/analytics';
import type { KnockoutChoice } from '../../common/lab-api';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import { whatIfCells, whatIfChoices } from './try-what-if';

describe("Try it's What if", () => {
  it("offers the run's knockouts by the Knockouts table's names, with the ids the lab takes", () => {
    const choices: KnockoutChoice[] = [{ gate: 'gmu', kind: 'gate', mode: 'open' }, { gate: 'gmu', kind: 'gate', mode: 'closed' }, { gate: 'router', kind: 'router', mode: 'single', expert: 2 }];
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'tabular', dim: 8 }, { name: 'text', dim: 64 }] } });
    expect(whatIfChoices(choices, names)).toEqual([
      { key: 'gmu open', label: 'gmu open (tabular only)', gate: 'gmu', mode: 'open' },
      { key: 'gmu closed', label: 'gmu closed (text only)', gate: 'gmu', mode: 'closed' },
      { key: 'router single 2', label: 'router only expert 2', gate: 'router', mode: 'single', expert: 2 },
    ]);
    expect(whatIfChoices([])).toEqual([]);
  });

  it('words each row as Try it does: a probability, a named top class, a value in units', () => {
    const base = { runId: 1, knockout: { gate: 'g', kind: 'gate' as const, mode: 'open' as const }, forecast: false, prediction: 'logits', target: 'label', testRows: 9 };
    const binary: KnockoutRowsResult = { ...base, task: 'binary', rows: [{ row: 0, trained: [0], knockedOut: [Math.log(3)], target: [1], gate: [0.5] }] };
    expect(whatIfCells(binary, 0)).toEqual(['50.0 %', '75.0 %']);
    // a model nearly sure either way is not shown as sure: "100.0 %" read as certainty
    const sure: KnockoutRowsResult = { ...base, task: 'binary', rows: [{ row: 0, trained: [9], knockedOut: [-9], target: [1], gate: [0.5] }] };
    expect(whatIfCells(sure, 0)).toEqual(['> 99.9 %', '< 0.1 %']);
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
