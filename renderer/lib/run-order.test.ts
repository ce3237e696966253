import { describe, expect, it } from 'vitest';
import { filterRuns, sortRuns, testMetrics } from './run-order';

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
