// configDiff: the settings that set runs apart, and not a marker that only some runs of a family carry.
import { describe, expect, it } from 'vitest';
import { configDiff } from './config-diff';

describe('configDiff', () => {
  it('keeps the keys whose values differ, flattened to dotted keys', () => {
    const d = configDiff([{ model: { template: 'dlinear', lookback: 96 }, lr: 1e-3 }, { model: { template: 'dlinear', lookback: 336 }, lr: 1e-3 }]);
    expect(d).toEqual([{ key: 'model.lookback', values: ['96', '336'] }]);
  });

  it("ignores metrics.ratingUnits on forecasting runs (older ones carry it), keeps it between recommendation runs", () => {
    const old = { model: { template: 'dlinear' }, metrics: { ratingUnits: 'rating' } };
    const now = { model: { template: 'dlinear' } };
    expect(configDiff([old, now])).toEqual([]);
    const mmoeOld = { model: { template: 'mmoe' } };
    const mmoeNow = { model: { template: 'mmoe' }, metrics: { ratingUnits: 'rating' } };
    expect(configDiff([mmoeOld, mmoeNow])).toEqual([{ key: 'metrics.ratingUnits', values: [undefined, '"rating"'] }]);
  });
});
