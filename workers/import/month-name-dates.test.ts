// US long dates as stock downloads write them ('January 01, 2020', 'Jan 01, 2020', 'Jan 1 2020') are datetimes
// (datetime.ts 'mdy-mon'); a dataset recorded without the rule (ParseRules.monthNameDates) keeps them as text.
// A cell a column typed datetime cannot read is refused with the forms a datetime column reads.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { detectDateFormat, parseDatetime } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-month-name-dates-');
afterAll(cleanup);

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe('US long dates', () => {
  it("reads 'January 01, 2020', 'Jan 01, 2020', 'Jan 1 2020', 'Sept. 5th, 2020' and a time after them", () => {
    for (const s of ['January 01, 2020', 'Jan 01, 2020', 'Jan 1 2020', 'jan 1,2020', 'JANUARY 1, 2020']) expect([s, parseDatetime(s, 'mdy-mon')]).toEqual([s, day('2020-01-01')]);
    expect(parseDatetime('Sept. 5th, 2020', 'mdy-mon')).toBe(day('2020-09-05'));
    expect(parseDatetime('Mar 3, 2021 4:30 PM', 'mdy-mon')).toBe(day('2021-03-03') + 16.5 * 3600);
    expect(detectDateFormat(['Jan 02, 2020', 'Jan 03, 2020', 'Jan 06, 2020'])).toBe('mdy-mon');
  });

  it('refuses words that are no month, and days the month lacks', () => {
    for (const s of ['Janx 1, 2020', 'Row 12, 2020', 'Ja 1, 2020', 'Feb 30, 2020', 'Apr 31 2021', 'Jan 1, 20']) expect([s, parseDatetime(s, 'mdy-mon')]).toEqual([s, NaN]);
  });

  it('a stock download with a Date column of them is a time index; recorded without monthNameDates it is text', async () => {
    const csv = 'Date,Close/Last,Volume\n"Jan 02, 2020",$300.35,33911860\n"Jan 03, 2020",$297.43,36633880\n"Jan 06, 2020",$299.80,29644640\n"Jan 07, 2020",$298.39,27877660\n';
    const r = await load(csv);
    expect(r.type('Date')).toBe('datetime');
    expect(r.col('Date')).toEqual([day('2020-01-02'), day('2020-01-03'), day('2020-01-06'), day('2020-01-07')]);
    const old = await load(csv, { parseRules: parseRulesWith((rule) => rule !== 'monthNameDates') } as ImportOptions);
    expect(old.type('Date')).toBe('categorical');
  });
});

describe('a column typed datetime', () => {
  it("refuses a cell it cannot read with the forms it reads, with examples", async () => {
    const err = await load('Month,v\n1949-01,1\nsoon,2\n', { columnTypes: { Month: 'datetime' } }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain("'soon' is not a valid datetime value");
    for (const form of ['2024-01-31', '31/01/2024', 'Jan 31, 2024', 'months 2024-01', 'quarters 2024Q1', 'ISO weeks 2024-W05', 'epoch seconds']) expect(message).toContain(form);
  });

  it("reads '1949-01' months when typed datetime (they were refused before)", async () => {
    const r = await load('Month,v\n1949-01,1\n1949-02,2\n', { columnTypes: { Month: 'datetime' } });
    expect(r.col('Month')).toEqual([day('1949-01-01'), day('1949-02-01')]);
  });
});
