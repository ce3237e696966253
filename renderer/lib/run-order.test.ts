import { describe, expect, it } from 'vitest';
import { filterRuns, runGroups, sortRuns, testMetrics } from './run-order';

const run = (id: string, name: string, template: string, status: string, createdAt: string, metrics: Record<string, number> = {}) => ({ id, name, template, status, createdAt, metrics });
const runs = [
  run('1', 'dnn s0', 'dnn', 'completed', '2026-11-29T10:00:00Z', { 'test.auc': 0.71, 'test.logloss': 0.52 }),
  run('2', 'finalmlp s0', 'finalmlp', 'completed', '2026-11-29T11:00:00Z', { 'test.auc': 0.78, 'test.logloss': 0.47 }),
  run('3', 'finalmlp s1', 'finalmlp', 'failed', '2026-11-29T12:00:00Z'),
  run('10', 'moe s0', 'moe-dnn', 'running', '2026-11-29T12:00:00Z'),
];
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('run table order and filter', () => {
  it('filters by a substring of name, template or status, in any case', () => {
    expect(ids(filterRuns(runs, 'FINAL'))).toEqual(['2', '3']);
    expect(ids(filterRuns(runs, 'fail'))).toEqual(['3']);
    expect(ids(filterRuns(runs, 'moe-'))).toEqual(['10']);
    expect(ids(filterRuns(runs, '  '))).toEqual(['1', '2', '3', '10']);
  });
  it('sorts by created (ties by id), name, status and a test metric best first', () => {
    expect(ids(sortRuns(runs, 'newest'))).toEqual(['10', '3', '2', '1']);
    expect(ids(sortRuns(runs, 'oldest'))).toEqual(['1', '2', '3', '10']);
    expect(ids(sortRuns(runs, 'name'))).toEqual(['1', '2', '3', '10']);
    expect(ids(sortRuns(runs, 'status'))).toEqual(['10', '3', '2', '1']);
    // AUC: higher first; log loss: lower first; runs without the metric last
    expect(ids(sortRuns(runs, 'test.auc'))).toEqual(['2', '1', '10', '3']);
    expect(ids(sortRuns(runs, 'test.logloss'))).toEqual(['2', '1', '10', '3']);
    expect(testMetrics(runs)).toEqual(['test.auc', 'test.logloss']);
  });
  it('ranks a loss within its kind: a forecasting MSE is not ranked against a classification logloss', () => {
    const mixed = [
      run('1', 'dlinear', 'dlinear', 'completed', '2026-11-29T10:00:00Z', { 'test.loss': 0.30 }),
      run('2', 'gmu', 'gmu', 'completed', '2026-11-29T11:00:00Z', { 'test.loss': 0.25 }),
      run('3', 'tsmixer', 'tsmixer-gated', 'completed', '2026-11-29T12:00:00Z', { 'test.loss': 0.36 }),
      run('4', 'dnn', 'dnn', 'completed', '2026-11-29T13:00:00Z', { 'test.loss': 0.45 }),
    ];
    // classification first (its best, 0.25, is the lowest), then forecasting; lowest first within each
    expect(ids(sortRuns(mixed, 'test.loss'))).toEqual(['2', '4', '1', '3']);
    expect(ids(sortRuns(mixed.map((r) => ({ ...r, metrics: { 'test.mse': r.metrics['test.loss'] } })), 'test.mse'))).toEqual(['2', '1', '3', '4']); // not a loss: one ranking
  });
});

describe('groups for ticking a whole sweep in Compare', () => {
  it('names each group of two or more runs by what their names share, with its size and ids', () => {
    const sweep = [42, 41, 40, 39].map((id, i) => ({ id: String(id), name: `dlinear sweep lr=${i < 2 ? 0.01 : 0.003} lookback=192 seed=${4 - i}`, group: 'gmx3q' }));
    const seeds = [{ id: '7', name: 'tsmixer on loads seed=2', group: 'gmx2a' }, { id: '5', name: 'tsmixer on loads seed=1', group: 'gmx2a' }];
    const lone = [{ id: '6', name: 'gmu on reviews', group: 'gmx2b' }, { id: '3', name: 'by hand', group: null }];
    expect(runGroups([...sweep, ...seeds, ...lone])).toEqual([
      { group: 'gmx3q', label: 'dlinear sweep · 4 runs (#39–#42)', ids: ['39', '40', '41', '42'] },
      { group: 'gmx2a', label: 'tsmixer on loads · 2 runs (#5,#7)', ids: ['5', '7'] },
    ]);
  });

  it('ends a shared name before the " · " that joins the changes of sweep runs named as the lab names them', () => {
    const sweep = [{ id: '9', name: 'lr sweep · lr=0.01 · k=2 seed=1', group: 'g1' }, { id: '10', name: 'lr sweep · lr=0.1 · k=2 seed=1', group: 'g1' }];
    expect(runGroups(sweep)).toEqual([{ group: 'g1', label: 'lr sweep · 2 runs (#9–#10)', ids: ['9', '10'] }]);
  });
});
