import { describe, expect, it } from 'vitest';
import { comparableGroups, groupLabel, lossKind } from './compare-families';

const runs = [
  { id: '1', template: 'tsmixer-gated' },
  { id: '2', template: 'gmu' },
  { id: '3', template: 'finalmlp' },
  { id: '4', template: 'dlinear' },
];

describe('comparable groups in Compare', () => {
  it('splits a loss across forecasting MSE and classification logloss, and says so', () => {
    const { groups, warning } = comparableGroups(runs, 'val.loss');
    expect(groups.map((g) => [g.label, g.runs.map((r) => r.id)])).toEqual([['forecasting MSE', ['1', '4']], ['classification logloss', ['2', '3']]]);
    expect(warning).toContain("losses are not comparable: forecasting MSE vs classification logloss");
  });

  it('keeps one group for one family, or for a metric that means the same everywhere', () => {
    expect(comparableGroups(runs.slice(1, 3), 'loss').warning).toBeNull();
    expect(comparableGroups(runs, 'samples_per_sec').groups).toHaveLength(1);
    expect(lossKind('gmu').key).toBe(lossKind('finalmlp').key);
    expect(lossKind('not-a-template').label).toBe('not-a-template loss');
    // MMoE's loss adds the rating's MSE to the click's logloss: not ranked with single-task CTR models
    expect(comparableGroups([...runs.slice(1, 3), { id: '5', template: 'mmoe' }], 'val.loss').groups.map((g) => g.runs.map((r) => r.id))).toEqual([['2', '3'], ['5']]);
    // so does an early-exit MLP's, a sum over its exits (a held-out run read 11.6 beside concat-fusion's 3.85)
    expect(comparableGroups([...runs.slice(1, 3), { id: '6', template: 'early-exit-mlp' }], 'val.loss').groups.map((g) => g.runs.map((r) => r.id))).toEqual([['2', '3'], ['6']]);
  });

  it('ranks a fusion run that regresses a number apart from fusion classifiers (its loss is an MSE)', () => {
    const regressing = { id: '7', template: 'gmu', metrics: { 'val.loss': 0.2, 'val.rmse': 31.5, 'val.r2': 0.8 } };
    const classifying = { id: '2', template: 'gmu', metrics: { 'val.loss': 0.4, 'val.auc': 0.9 } };
    const { groups, warning } = comparableGroups([classifying, regressing], 'val.loss');
    expect(groups.map((g) => [g.label, g.runs.map((r) => r.id)])).toEqual([['classification logloss', ['2']], ['regression MSE (standardized target)', ['7']]]);
    expect(warning).toContain('classification logloss vs regression MSE (standardized target)');
    // forecasting reports mse/mae too, but never rmse/r2: a forecaster is not taken for a fusion regression
    expect(lossKind('dlinear', { 'test.mse': 0.4, 'test.mae': 0.4 }).key).toBe('forecasting');
  });

  it('names seed groups by their runs, not by group ids', () => {
    expect(groupLabel([{ name: 'tsmixer-gated on grid load seed=1', seed: 1 }, { name: 'tsmixer-gated on grid load seed=2', seed: 2 }])).toBe('tsmixer-gated on grid load (2 seeds)');
    expect(groupLabel([{ name: 'gmu on reviews', seed: 3 }])).toBe('s3 · gmu on reviews');
  });
  it('names a group by its run ids too, so two groups with one name stay apart', () => {
    const names = (first: number) => [1, 2, 3].map((seed, i) => ({ id: String(first + i), name: `tsmixer on loads seed=${seed}`, seed }));
    expect(groupLabel(names(4))).toBe('#4–#6 · tsmixer on loads (3 seeds)');
    expect(groupLabel([{ id: '2', name: 'a', seed: 1 }, { id: '9', name: 'a', seed: 2 }])).toBe('#2,#9 · a (2 seeds)');
    expect(groupLabel([{ id: '12', name: 'gmu on reviews', seed: 1 }])).toBe('#12 · s1 · gmu on reviews');
  });
});

describe('MMoE rating metrics by their units', () => {
  const mmoe = (id: string, ratingUnits?: 'rating' | 'scaled') => ({ id, template: 'mmoe', ...(ratingUnits ? { ratingUnits } : {}) });
  it('draws and ranks rating-point runs apart from scaled ones, and says why', () => {
    const { groups, warning } = comparableGroups([mmoe('1', 'scaled'), mmoe('2', 'rating'), mmoe('3', 'rating')], 'val.rating_rmse');
    expect(groups.map((g) => [g.label, g.runs.map((r) => r.id)])).toEqual([['rating points', ['2', '3']], ['scaled (standard deviations of the rating)', ['1']]]);
    expect(warning).toMatch(/rating metrics are in different units/);
  });
  it('labels a comparison of scaled runs only, and leaves rating points and other metrics alone', () => {
    expect(comparableGroups([mmoe('1', 'scaled'), mmoe('4', 'scaled')], 'test.rating_mae').groups.map((g) => g.label)).toEqual(['scaled (standard deviations of the rating)']);
    expect(comparableGroups([mmoe('2', 'rating'), mmoe('3', 'rating')], 'test.rating_mae')).toEqual({ groups: [{ key: 'all', label: '', runs: [mmoe('2', 'rating'), mmoe('3', 'rating')] }], warning: null });
    expect(comparableGroups([mmoe('1', 'scaled'), mmoe('2', 'rating')], 'val.auc').groups).toHaveLength(1);
  });
});

describe('a seed group’s legend name', () => {
  it('lists its runs in id order, whatever order they were ticked in', () => {
    const seeds = ['42', '41', '40', '39'].map((id, i) => ({ id, name: `dlinear sweep lr=0.01 lookback=192 seed=${4 - i}`, seed: 4 - i }));
    expect(groupLabel(seeds, ['lr=0.01', 'lookback=192'])).toBe('#39–#42 · dlinear sweep lr=0.01 lookback=192 (4 seeds)');
    // a setting the name does not say is added; one it says as part of a longer value is not taken as said
    expect(groupLabel(seeds, ['lr=0.0', 'hard gate'])).toBe('#39–#42 · dlinear sweep lr=0.01 lookback=192 · lr=0.0 · hard gate (4 seeds)');
  });
});
