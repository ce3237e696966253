// A date-only file showed "2021-01-01 00:00:00 … 2023-12-31 00:00:00" in Schema and a midnight on every
// Preview row (the app walk-through). The time goes only where no value has one, as far as is known.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../common/lab-api';
import { allAtMidnight, columnRange, mayHoldDatesOnly, withoutMidnight } from './date-only';

const datetime = (min: string, max: string, distinct: number | null): ColumnInfo & { min: string } => ({
  name: 'date', type: 'datetime', role: 'time', modality: null, missing: 0, distinct: null, min, max, mean: null, std: null, histogram: null,
  ...(distinct === null ? {} : { numberValues: { distinct, fractions: false } }),
});

describe('dates without a midnight time', () => {
  it("a daily column's range: '2021-01-01 … 2023-12-31'", () => {
    const daily = datetime('2021-01-01 00:00:00', '2023-12-31 00:00:00', 1000);
    expect(mayHoldDatesOnly(daily)).toBe(true);
    expect(columnRange(daily)).toEqual(['2021-01-01', '2023-12-31']);
    expect(columnRange(datetime('2021-01-01 00:00:00', '2021-01-01 00:00:00', 1))).toEqual(['2021-01-01', '2021-01-01']);
  });

  it('keeps the times where the statistics say some value has one', () => {
    // hourly over January: 721 distinct times in 31 days, though both ends are at midnight
    expect(columnRange(datetime('2021-01-01 00:00:00', '2021-01-31 00:00:00', 721))).toEqual(['2021-01-01 00:00:00', '2021-01-31 00:00:00']);
    expect(columnRange(datetime('2021-01-01 00:00:00', '2021-01-03 00:00:00', 4))).toEqual(['2021-01-01 00:00:00', '2021-01-03 00:00:00']);
    // an end with a time (ETTh1)
    expect(columnRange(datetime('2016-07-01 00:00:00', '2018-06-26 19:00:00', 1001))).toEqual(['2016-07-01 00:00:00', '2018-06-26 19:00:00']);
    // not a datetime: numbers as formatRange writes them
    expect(columnRange({ ...datetime('x', 'y', null), type: 'float', min: 1.5e9, max: 1.5e9 + 1 })).toEqual(['1500000000', '1500000001']);
  });

  it('a dataset imported before distinct times were counted decides by its ends', () => {
    expect(mayHoldDatesOnly(datetime('2021-01-01 00:00:00', '2021-03-01 00:00:00', null))).toBe(true);
  });

  it('shown values: every one at midnight, empty cells aside', () => {
    expect(allAtMidnight(['2021-01-01 00:00:00', null, '2021-01-02 00:00:00.000'])).toBe(true);
    expect(allAtMidnight(['2021-01-01 00:00:00', '2021-01-01 01:00:00'])).toBe(false);
    expect(allAtMidnight([null, ''])).toBe(false);
    expect(allAtMidnight(['2021-01-01'])).toBe(false); // text, not the lab's datetime
    expect(withoutMidnight('2021-01-02 00:00:00')).toBe('2021-01-02');
    expect(withoutMidnight('2021-01-02 06:00:00')).toBe('2021-01-02 06:00:00');
  });
});
