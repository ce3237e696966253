import { describe, expect, it } from 'vitest';
import { ratingMetricLabel } from './rating-units';

describe('ratingMetricLabel', () => {
  it('marks rating metrics of a scaled run, with or without their split', () => {
    expect(ratingMetricLabel('val.rating_rmse', 'val.rating_rmse', 'scaled')).toBe('val.rating_rmse (scaled)');
    expect(ratingMetricLabel('best val.rating_mae (step 40)', 'val.rating_mae', 'scaled')).toBe('best val.rating_mae (step 40) (scaled)');
    expect(ratingMetricLabel('rating mse', 'rating_mse', 'scaled')).toBe('rating mse (scaled)');
  });
  it('leaves rating points, unmarked runs and other metrics alone', () => {
    expect(ratingMetricLabel('test.rating_rmse', 'test.rating_rmse', 'rating')).toBe('test.rating_rmse');
    expect(ratingMetricLabel('test.rating_rmse', 'test.rating_rmse', undefined)).toBe('test.rating_rmse');
    expect(ratingMetricLabel('val.auc', 'val.auc', 'scaled')).toBe('val.auc');
  });
});
