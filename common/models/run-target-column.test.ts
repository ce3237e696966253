// The run's target column, one rule for Try it and `gatelab knockout --rows`: the column snapshot, the
// trainer's label, then the data line a regression wrote (describeRegression), never a tensor name.
import { describe, expect, it } from 'vitest';
import { runTargetColumn, targetColumn } from './run-target-column';
import { describeRegression, type RegressionTarget } from './regression-target';

describe("a run's target column", () => {
  const line = "fusion: 800 train / 100 validation / 100 test samples; regressing 'sale price': a number with 97 distinct values (1, 2, 3, …, 99); metrics mse, mae, rmse, r2 in its own units";
  it('its column snapshot, else its label, else its data line', () => {
    const columns = [{ name: 'size', role: 'feature' }, { name: 'price', role: 'target' }];
    expect(runTargetColumn({ data: { columns } }, { line, label: { column: 'other' } })).toBe('price');
    expect(runTargetColumn({}, { line: '', label: { column: 'clicked' } })).toBe('clicked');
    expect(runTargetColumn({}, { line })).toBe('sale price');
    expect(runTargetColumn({ data: { kind: 'synthetic' } }, null)).toBeNull();
    expect(runTargetColumn(null)).toBeNull();
  });

  it('reads the regression note the trainer writes, forced or not', () => {
    const t: RegressionTarget = { kind: 'regression', column: 'load (kW)', distinct: 40, forced: false, examples: ['1.5', '2', '7.25'], valueOf: () => NaN };
    for (const forced of [false, true]) expect(runTargetColumn({}, { line: `fusion: 1 train; ${describeRegression({ ...t, forced })}` })).toBe('load (kW)');
  });

  it('the snapshot alone: null without a target role', () => {
    expect(targetColumn({ data: { columns: [{ name: 'a', role: 'feature' }] } })).toBeNull();
    expect(targetColumn({ data: { columns: [null, { name: 'y', role: 'target' }] } })).toBe('y');
  });
});
