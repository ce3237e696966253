import { describe, expect, it } from 'vitest';
import { evaluationGroups } from './eval-groups';

const groups = (names: string[]) => evaluationGroups(names, (n) => n).map((g) => [g.title, g.items]);

describe('evaluationGroups', () => {
  it('draws a raw-unit regression\'s r2, mse and mae/rmse apart, so r2 is not flattened onto 0 by an mse of 2.4e10', () => {
    expect(groups(['test.mae', 'test.mse', 'test.r2', 'test.rmse', 'val.mae', 'val.mse', 'val.r2', 'val.rmse'])).toEqual([
      ['Evaluation: mae, rmse (target units)', ['test.mae', 'test.rmse', 'val.mae', 'val.rmse']],
      ['Evaluation: mse (target units²)', ['test.mse', 'val.mse']],
      ['Evaluation: r2 (unitless)', ['test.r2', 'val.r2']],
    ]);
  });

  it('keeps one Evaluation chart for forecasting and classification, whose metrics share a scale', () => {
    expect(groups(['val.mse', 'val.mae', 'test.mse', 'test.mae'])).toEqual([['Evaluation', ['val.mse', 'val.mae', 'test.mse', 'test.mae']]]);
    expect(groups(['val.accuracy', 'val.auc'])).toEqual([['Evaluation', ['val.accuracy', 'val.auc']]]);
    expect(groups([])).toEqual([]);
  });
});
