// Excel serial dates (42552.041667 = 2016-07-01 01:00, days since 1899-12-30) in a time-named column are
// datetimes with a note that says how to keep the numbers (the audit's f2 file read them as a float
// feature, forecast as a channel); `--types date=datetime` on them reads serial days, not Unix seconds.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { excelDaysToEpoch, looksLikeExcelSerials } from './excel-dates';

const { load, cleanup } = textLoader('gatelab-excel-');
afterAll(cleanup);

const T0 = Date.UTC(2016, 6, 1) / 1000;
// as pandas writes them: ((t - 1899-12-30) / 1 day).round(6)
const hourly = (n: number) => Array.from({ length: n }, (_, h) => `${Number((42552 + h / 24).toFixed(6))},${(5 + Math.sin(h)).toFixed(3)}`);

describe('Excel serial dates', () => {
  it('a date column of hourly serials is a datetime on whole hours, with a note naming the override', async () => {
    const r = await load(`date,OT\n${hourly(60).join('\n')}\n`);
    expect(r.type('date')).toBe('datetime');
    expect(r.col('date').slice(0, 3)).toEqual([T0, T0 + 3600, T0 + 7200]);
    expect(r.col('date')[59]).toBe(T0 + 59 * 3600);
    const note = r.result.validation.issues.find((i) => i.column === 'date' && i.kind === 'note')!;
    expect(note.message).toBe("column 'date': numbers read as Excel serial dates (days since 1899-12-30, Excel's 1900 date system): the earliest, 42552, is 2016-07-01. If they are amounts, not dates, import with --types date=float");
    expect(r.result.validation.issues.filter((i) => i.kind === 'time_gaps')).toEqual([]); // steps are exact hours
  });

  it('--types date=float keeps the numbers; --types date=datetime reads serial days, not seconds since 1970', async () => {
    const text = `date,OT\n${hourly(30).join('\n')}\n`;
    const asFloat = await load(text, { columnTypes: { date: 'float' } });
    expect(asFloat.type('date')).toBe('float');
    expect(asFloat.result.validation.issues.filter((i) => i.message.includes('Excel'))).toEqual([]);
    const typed = await load(text, { columnTypes: { date: 'datetime' } });
    expect(typed.col('date')[1]).toBe(T0 + 3600);
    expect(typed.result.validation.issues.some((i) => i.message.includes('Excel serial dates'))).toBe(true);
  });

  it('daily whole serials are dates; amounts in the range, unsorted numbers, or a name that is not a time stay numbers', async () => {
    const daily = await load(`day_date,sales\n${Array.from({ length: 20 }, (_, d) => `${42552 + d},${d * 3}`).join('\n')}\n`);
    expect(daily.type('day_date')).toBe('datetime');
    expect(daily.col('day_date')[1]).toBe(T0 + 86400);
    const price = await load(`price,OT\n${hourly(30).join('\n')}\n`);
    expect(price.type('price')).toBe('float');
    expect(looksLikeExcelSerials([42552, 45001.5, 30020.25, 61000])).toBe(false);
    expect(looksLikeExcelSerials([1500, 1501, 1502])).toBe(false);
    expect(looksLikeExcelSerials([42552, 42553, 42554, 42561])).toBe(true);
  });

  it('converts with the 1900 system: 25569 is 1970-01-01, 61 is 1900-03-01 (day 0 is 1899-12-30, absorbing the phantom 1900-02-29)', () => {
    expect(excelDaysToEpoch(25569)).toBe(0);
    expect(new Date(excelDaysToEpoch(61) * 1000).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(excelDaysToEpoch(42552.041667)).toBe(T0 + 3600);
    expect(new Date(excelDaysToEpoch(43831.5) * 1000).toISOString()).toBe('2020-01-01T12:00:00.000Z');
  });
});
