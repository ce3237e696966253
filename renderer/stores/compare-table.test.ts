// Compare's table order follows the metric's direction: best AUC (highest) first, best MSE (lowest)
// first; a second click reverses; runs without a value stay last.
import { describe, expect, it } from 'vitest';
import { orderLabel, sortCompareRows, type CompareRow } from './compare-table';

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
