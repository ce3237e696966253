import { describe, expect, it } from 'vitest';
import { medianPositiveStep, seasonOfTimeColumn } from './season-length';

const HOUR = 3600;
const DAY = 86_400;
const times = (values: number[]) => ({ values: Float64Array.from(values) });
const every = (step: number, n: number, from = 1_700_000_000) => Array.from({ length: n }, (_, i) => from + i * step);

describe('the seasonal-naive season of a time column', () => {
  it('hourly rows: 24, also with an outage and a repeated timestamp in them', () => {
    const hourly = every(HOUR, 48);
    hourly.splice(10, 5); // five hours missing
    hourly.splice(20, 0, hourly[20]); // one time written twice
    expect(seasonOfTimeColumn(times(hourly))).toBe(24);
  });

  it('15-minute rows: 96; daily: 7; weekly: 52; monthly (28 to 31 days): 12', () => {
    expect(seasonOfTimeColumn(times(every(15 * 60, 20)))).toBe(96);
    expect(seasonOfTimeColumn(times(every(DAY, 20)))).toBe(7);
    expect(seasonOfTimeColumn(times(every(7 * DAY, 20)))).toBe(52);
    const months = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334].map((d) => 1_704_067_200 + d * DAY);
    expect(seasonOfTimeColumn(times(months))).toBe(12);
  });

  it('a time column with no usable step (constant, empty, one row, all missing, only going back): no season', () => {
    expect(seasonOfTimeColumn(times(Array(30).fill(1_700_000_000)))).toBeUndefined();
    expect(seasonOfTimeColumn(times([]))).toBeUndefined();
    expect(seasonOfTimeColumn(times([1_700_000_000]))).toBeUndefined();
    expect(seasonOfTimeColumn(times(Array(10).fill(NaN)))).toBeUndefined();
    expect(seasonOfTimeColumn(times(every(-HOUR, 10)))).toBeUndefined();
  });

  it('a step with no season (7 minutes, 5 hours): none', () => {
    expect(seasonOfTimeColumn(times(every(7 * 60, 20)))).toBeUndefined();
    expect(seasonOfTimeColumn(times(every(5 * HOUR, 20)))).toBeUndefined();
  });
});

describe('medianPositiveStep', () => {
  it('the median of the positive steps, skipping zero, negative and missing ones', () => {
    expect(medianPositiveStep([0, 10, 10, 20, NaN, 30, 5, 15, 100])).toBe(10);
    expect(medianPositiveStep([5, 5, 5])).toBeUndefined();
  });
});
