// Expert × hour of day in a forecaster's gate report: shown for series measured within the day, left out for
// daily (or coarser) series, whose windows all end at the same hour and would fill one column of 24.
import { describe, expect, it } from 'vitest';
import { routerDetail } from './router-detail';
import type { DatasetContext } from './dataset-context';

const n = 48, E = 2;
/** One token per sample: the first half of the samples to expert 0, the rest to expert 1. */
const perSample = Array.from({ length: n }, (_, s) => Float64Array.from(s < n / 2 ? [0.9, 0.1] : [0.2, 0.8]));
const probe = { data: Float64Array.from(perSample.flatMap((w) => [...w])), width: E };
const context = (hours: Int32Array): DatasetContext => ({ testRows: Int32Array.from({ length: n }, (_, s) => s), token: () => null, hours });

describe('routerDetail: expert × hour of day', () => {
  it('hourly windows: the mean weight of each expert at each hour', () => {
    const out = routerDetail({ probe, experts: E, perSample, context: context(Int32Array.from({ length: n }, (_, s) => s % 24)) });
    expect(out.timeOfDay!.hours).toHaveLength(24);
    expect(out.timeOfDay!.assignment[0][3]).toBeCloseTo((0.9 + 0.2) / 2, 10);
  });

  it('daily windows (every window ends at 00:00): no hour-of-day map', () => {
    const out = routerDetail({ probe, experts: E, perSample, context: context(new Int32Array(n)) });
    expect(out.timeOfDay).toBeUndefined();
  });
});
