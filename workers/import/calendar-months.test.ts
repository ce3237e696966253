// Whole calendar months between two times: what makes monthly, quarterly and month-end rows one step each.
import { describe, expect, it } from 'vitest';
import { monthsWords, pandasMonthFrequency, wholeMonthsBetween } from './calendar-months';

const t = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) / 1000;

describe('wholeMonthsBetween', () => {
  it('counts months between the same day of the month, and between month ends', () => {
    expect(wholeMonthsBetween(t(2021, 1, 1), t(2021, 2, 1))).toBe(1);
    expect(wholeMonthsBetween(t(2021, 2, 1), t(2021, 3, 1))).toBe(1); // 28 days, still one month
    expect(wholeMonthsBetween(t(1960, 10, 1), t(1961, 1, 1))).toBe(3);
    expect(wholeMonthsBetween(t(2019, 1, 15), t(2020, 1, 15))).toBe(12);
    expect(wholeMonthsBetween(t(2021, 1, 31), t(2021, 2, 28))).toBe(1);
    expect(wholeMonthsBetween(t(2020, 1, 31), t(2020, 2, 29))).toBe(1); // a leap February's end
  });

  it('is null for steps that are not whole months', () => {
    expect(wholeMonthsBetween(t(2021, 1, 1), t(2021, 1, 2))).toBeNull(); // a day
    expect(wholeMonthsBetween(t(2021, 1, 1), t(2021, 2, 2))).toBeNull(); // a month and a day
    expect(wholeMonthsBetween(t(2021, 1, 1), t(2021, 2, 1, 3))).toBeNull(); // another time of day
    expect(wholeMonthsBetween(t(2020, 2, 28), t(2020, 3, 31))).toBeNull(); // 28 Feb 2020 is no month end
    expect(wholeMonthsBetween(t(2021, 2, 1), t(2021, 1, 1))).toBeNull(); // backwards
  });
});

describe('month step words', () => {
  it('says the step as people and pandas do', () => {
    expect([1, 3, 12, 2, 24].map(monthsWords)).toEqual(['1 month', '3 months (a quarter)', '1 year', '2 months', '2 years']);
    expect([1, 3, 12, 2, 24].map(pandasMonthFrequency)).toEqual(['MS', 'QS', 'YS', '2MS', '2YS']);
  });
});
