// Compare's table order follows the metric's direction: best AUC (highest) first, best MSE (lowest)
// first; a second click reverses; runs without a value stay last.
import { describe, expect, it } from 'vitest';
import { configRows, orderLabel, sortCompareRows, type CompareRow } from './compare-table';

const row = (id: string, best: number, last = best): CompareRow => ({ id, name: `run ${id}`, best, bestStep: 1, last, at: NaN });
const ids = (rows: CompareRow[]) => rows.map((r) => r.id);
const rows = [row('a', 0.91), row('b', 0.97), row('c', NaN), row('d', 0.85)];

describe('sortCompareRows', () => {
  it('puts the highest AUC / accuracy / F1 first', () => {
    for (const metric of ['val.auc', 'test.accuracy', 'val.f1']) expect(ids(sortCompareRows(rows, metric, 'best', true))).toEqual(['b', 'a', 'd', 'c']);
  });
  it('puts the lowest loss / MSE / MAE / logloss / RMSE first', () => {
    for (const metric of ['train.loss', 'val.mse', 'val.mae', 'val.logloss', 'test.rmse']) expect(ids(sortCompareRows(rows, metric, 'best', true))).toEqual(['d', 'a', 'b', 'c']);
  });
  it('reverses on a second click, missing values still last', () => {
    expect(ids(sortCompareRows(rows, 'val.auc', 'best', false))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(sortCompareRows(rows, 'val.mse', 'last', false))).toEqual(['b', 'a', 'd', 'c']);
  });
  it('sorts names A–Z and Z–A and says which order is shown', () => {
    expect(ids(sortCompareRows(rows, 'val.auc', 'name', false))).toEqual(['d', 'c', 'b', 'a']);
    expect(orderLabel('val.auc', 'best', true)).toBe('highest first');
    expect(orderLabel('val.mse', 'best', true)).toBe('lowest first');
    expect(orderLabel('val.mse', 'best', false)).toBe('highest first');
  });
});

describe('configRows', () => {
  it('averages each config over its own runs, sample std, ranked by the mean in the metric’s direction', () => {
    const perRun = [row('1', 0.10, 0.12), row('2', 0.14, 0.16), row('3', 0.05, 0.05), row('4', 0.25, 0.30), row('5', NaN)];
    const groups = [{ key: 'a', label: 'lr=0.01', runs: [{ id: '1' }, { id: '2' }] }, { key: 'b', label: 'lr=0.001', runs: [{ id: '3' }, { id: '4' }, { id: '5' }] }];
    const out = configRows(groups, perRun, 'val.mse', 'best', true);
    // config a: mean 0.12 of 0.10 and 0.14; config b: its lucky 0.05 seed does not top a (mean 0.15 of two values)
    expect(out.map((r) => r.id)).toEqual(['a', 'b']);
    expect(out[0].best).toBeCloseTo(0.12, 12);
    expect(out[0].bestStd).toBeCloseTo(Math.sqrt(0.0008), 12); // deviations ±0.02: (0.0004 + 0.0004) / 1
    expect(out[0].last).toBeCloseTo(0.14, 12);
    expect(out[1]).toMatchObject({ n: 2, runs: 3 });
    expect(out[1].best).toBeCloseTo(0.15, 12);
    expect(out[1].bestStd).toBeCloseTo(Math.sqrt(0.02), 12); // deviations ±0.1
    expect(configRows(groups, perRun, 'val.auc', 'best', true).map((r) => r.id)).toEqual(['b', 'a']);
  });
});
