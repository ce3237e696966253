// R² is better higher: best-run, Compare's ★ and the run table's order must not rank a regression's worst fit first.
import { describe, expect, it } from 'vitest';
import { lowerIsBetter } from './metric-direction';

describe('metric direction of a regression’s metrics', () => {
  it('r2 higher is better; mse, mae, rmse lower', () => {
    for (const m of ['r2', 'test.r2', 'val.r2', 'rating_r2']) expect(lowerIsBetter(m), m).toBe(false);
    for (const m of ['test.mse', 'test.mae', 'test.rmse', 'val.loss']) expect(lowerIsBetter(m), m).toBe(true);
  });
});
