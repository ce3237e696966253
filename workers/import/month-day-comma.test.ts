// Amazon review dates ('05 18, 2015', '5 8, 2015': month, day, comma, four-digit year, as the reviewTime of the
// Amazon product data) are datetimes (datetime.ts 'mdy-comma'); a dataset recorded without the rule
// (ParseRules.monthDayCommaDates) keeps them as the categorical column it was.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { detectDateFormat, parseDatetime } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-month-day-comma-');
afterAll(cleanup);

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe("Amazon review dates '05 18, 2015'", () => {
  it('read month first, with or without leading zeros; a day the month lacks or a short year is no such date', () => {
    expect(parseDatetime('05 18, 2015', 'mdy-comma')).toBe(day('2015-05-18'));
    expect(parseDatetime('5 8, 2015', 'mdy-comma')).toBe(day('2015-05-08'));
    expect(parseDatetime('12 31,2014', 'mdy-comma')).toBe(day('2014-12-31'));
    for (const s of ['18 05, 2015', '02 30, 2016', '05 18, 15', '05 18 2015', '05/18/2015']) expect([s, parseDatetime(s, 'mdy-comma')]).toEqual([s, NaN]);
    expect(detectDateFormat(['05 18, 2015', '5 8, 2015', '12 31, 2014'])).toBe('mdy-comma');
    // no older form reads them, so a column of the older forms keeps its reading
    expect(detectDateFormat(['05/18/2015', '05/19/2015'])).toBe('mdy');
  });

  it('a reviews file with a reviewTime column of them is a datetime column; recorded without the rule it stays categorical', async () => {
    const csv = 'asin,overall,reviewTime\nB00005N5PF,5,"05 18, 2015"\n034545104X,4,"5 8, 2015"\nB00005N5PF,3,"12 31, 2014"\n0195153448,5,"01 02, 2016"\n';
    const r = await load(csv);
    expect(r.type('reviewTime')).toBe('datetime');
    expect(r.col('reviewTime')).toEqual([day('2015-05-18'), day('2015-05-08'), day('2014-12-31'), day('2016-01-02')]);
    const old = await load(csv, { parseRules: parseRulesWith((rule) => rule !== 'monthDayCommaDates') } as ImportOptions);
    expect(old.type('reviewTime')).toBe('categorical');
  });

  it('a column typed datetime reads them, and names the form when a cell is not one', async () => {
    const r = await load('when,v\n"05 18, 2015",1\n"5 8, 2015",2\n', { columnTypes: { when: 'datetime' } });
    expect(r.col('when')).toEqual([day('2015-05-18'), day('2015-05-08')]);
    const err = await load('when,v\n"05 18, 2015",1\nsoon,2\n', { columnTypes: { when: 'datetime' } }).catch((e: Error) => e);
    expect((err as Error).message).toContain('01 31, 2024');
  });
});
