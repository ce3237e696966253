import { describe, expect, it } from 'vitest';
import { fiveDayWeek, medianPositiveStep, seasonOfTimeColumn } from './season-length';

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

/** `weeks` weeks of daily times from Monday 2024-01-01 (UTC midnight, or `at` seconds into the day), on the weekdays kept (0 = Monday). */
function days(weeks: number, kept: (weekday: number) => boolean, at = 0): number[] {
  const monday = Date.UTC(2024, 0, 1) / 1000;
  return Array.from({ length: weeks * 7 }, (_, i) => i).filter((i) => kept(i % 7)).map((i) => monday + i * DAY + at);
}
const weekdays = (d: number) => d < 5;

describe('daily rows of business days only', () => {
  it('Monday to Friday (weekends absent, 3-day gaps): season 5, also with holidays and an odd Saturday session', () => {
    expect(seasonOfTimeColumn(times(days(20, weekdays)))).toBe(5);
    const holidays = days(20, weekdays).filter((_, i) => i % 23 !== 7);
    const monday = Date.UTC(2024, 0, 1) / 1000;
    expect(seasonOfTimeColumn(times([...holidays, monday + 104 * DAY].sort((x, y) => x - y)))).toBe(5);
  });

  it('a Friday–Saturday weekend, and business days stored at 22:00 UTC (a zone east of UTC): still 5', () => {
    expect(seasonOfTimeColumn(times(days(20, (d) => d !== 4 && d !== 5)))).toBe(5);
    expect(seasonOfTimeColumn(times(days(20, weekdays, -2 * HOUR)))).toBe(5);
  });

  it('every day of the week, a few days missing, or a four-day week: season 7 as before', () => {
    expect(seasonOfTimeColumn(times(days(20, () => true)))).toBe(7);
    expect(seasonOfTimeColumn(times(days(20, () => true).filter((_, i) => i % 9 !== 4)))).toBe(7);
    expect(seasonOfTimeColumn(times(days(20, (d) => d < 4)))).toBe(7);
    // a shop open six days: one weekday absent, not two
    expect(seasonOfTimeColumn(times(days(20, (d) => d !== 6)))).toBe(7);
  });

  it('too few rows to see a week: not read as business days', () => {
    expect(fiveDayWeek(days(1, weekdays))).toBe(false);
    expect(fiveDayWeek(days(2, weekdays))).toBe(true);
  });
});

describe('medianPositiveStep', () => {
  it('the median of the positive steps, skipping zero, negative and missing ones', () => {
    expect(medianPositiveStep([0, 10, 10, 20, NaN, 30, 5, 15, 100])).toBe(10);
    expect(medianPositiveStep([5, 5, 5])).toBeUndefined();
  });
});
