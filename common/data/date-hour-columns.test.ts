// A date column beside an hour-of-day number (UCI Bike Sharing: dteday + hr) repeats each date 24 times. The
// forecasting refusal says it is one timestamp in two columns and how to join them, instead of advising
// series-id (which would pivot the file into one series per hour of the day).
import { describe, expect, it } from 'vitest';
import type { DatasetCacheMeta } from '../dataset-cache';
import { checkForecastingRows } from './forecasting-rows';
import { dateHourAdvice, hourColumnBesideDate } from './date-hour-columns';

const column = (name: string, min: number | null, max: number | null) =>
  ({ name, stats: { count: 4800, missing: 0, min, max, mean: null, std: null, cardinality: null, topValues: null, histogram: null } });
const repeated = (value: string) => ({ kind: 'duplicate_time' as const, severity: 'warning' as const, column: 'dteday', count: 4600, message: '', examples: [{ line: 3, column: 'dteday', value }] });
const meta = (value: string, columns = [column('dteday', null, null), column('hr', 0, 23), column('cnt', 1, 977)]) =>
  ({ rows: 4800, columns, source: { fileName: 'hour.csv', bytes: 1, format: 'csv', encoding: 'utf-8', delimiter: ',' }, validation: { policy: 'reject', rowsRead: 4800, rowsKept: 4800, rowsDropped: 0, valuesImputed: 0, issues: [repeated(value)] } }) as unknown as DatasetCacheMeta;
const roles = [{ name: 'dteday', role: 'time' }, { name: 'hr', role: 'feature' }, { name: 'cnt', role: 'feature' }];

describe('a date column and an hour-of-day column', () => {
  it('refuses the run with how to join them into one timestamp, not with series-id advice', () => {
    expect(() => checkForecastingRows(meta('2011-01-01'), roles)).toThrow(
      "4,600 rows of 4,800 (95.8%) repeat the time of the row before in 'dteday' (first at line 3: 2011-01-01): 'dteday' holds dates without a time of day " +
      "and 'hr' looks like the hour of the day: one timestamp written in two columns (setting 'hr' to series-id would make each hour of the day a series of its own). " +
      'GateLab now composes such a pair into one time column at import (whole hours 0–23, or 1–24 with 24 the next midnight, in a column not typed otherwise): ' +
      "import the file again. Or combine them into one datetime column, put it first in the file and import that file (pandas: df = pd.read_csv('hour.csv'); df.insert(0, 'datetime', " +
      "pd.to_datetime(df['dteday']) + pd.to_timedelta(df['hr'], unit='h')); df.to_csv('hour-with-datetime.csv', index=False)); the importer makes it the time column");
  });

  it('reads a tab file back with its separator, and leaves the read out where pandas needs more than that', () => {
    expect(dateHourAdvice('day', 'hour', { fileName: 'bikes.tsv', delimiter: '\t' })).toContain("(pandas: df = pd.read_csv('bikes.tsv', sep='\\t'); df.insert(0, 'datetime', ");
    expect(dateHourAdvice('day', 'hour', { fileName: 'bikes.txt', delimiter: ';' })).toContain("(pandas: df.insert(0, 'datetime', pd.to_datetime(df['day'])");
    expect(dateHourAdvice('day', 'hour', { fileName: 'bikes.csv', delimiter: ',', preambleLines: 2 })).toContain("(pandas: df.insert(0, 'datetime', ");
  });

  it('keeps the stacked-series advice when the times have a time of day, or no column reads as an hour', () => {
    expect(() => checkForecastingRows(meta('2011-01-01 05:00'), roles)).toThrow(/several series stacked in one file\? Set the column that tells them apart to role series-id/);
    const noHour = meta('2011-01-01', [column('dteday', null, null), column('store', 1, 40), column('hr', 1, 5)]);
    expect(() => checkForecastingRows(noHour, roles)).toThrow(/several series stacked in one file\?/);
  });

  it('recognises an hour column by its name and a range of hours', () => {
    expect(hourColumnBesideDate(meta('2011-01-01'), 'dteday')).toBe('hr');
    expect(hourColumnBesideDate(meta('2011-01-01', [column('Hour of day', 1, 24)]), 'dteday')).toBe('Hour of day');
    expect(hourColumnBesideDate(meta('2011-01-01', [column('hour', 0, 23.5)]), 'dteday')).toBeNull(); // not whole hours
    expect(hourColumnBesideDate(meta('2011-01-01', [column('hours', 0, 300)]), 'dteday')).toBeNull(); // hours worked, not the hour of the day
  });
});
