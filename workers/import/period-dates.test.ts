// Months '1949-01', quarters '1960Q1' and ISO weeks '2019-W02' are time indexes: each reads as its first day,
// so a monthly series gets its order and gap checks and the seasonal-naive season of its step (12, 4, 52).
// Codes that only look like them ('2019-13', '1234-56', seasons '2009-10') stay text, and a dataset recorded
// without the rule (ParseRules.periodDates) reads them as the text it was.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { medianPositiveStep } from '../../common/data/split';
import { seasonLength } from '../../common/runs/test-channels';
import { detectDateFormat } from './datetime';
import { textLoader } from './fixtures/load-text';
import { isoWeeksIn, looksLikeSeasons, parsePeriod } from './period-dates';

const { load, cleanup } = textLoader('gatelab-period-dates-');
afterAll(cleanup);

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;
const WITHOUT_PERIODS = { parseRules: parseRulesWith((r) => r !== 'periodDates') } as ImportOptions;

/** AirPassengers' first years: 'Month,#Passengers'. */
const months = (n: number) => Array.from({ length: n }, (_, i) => `${1949 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const airPassengers = (n: number) => `Month,#Passengers\n${months(n).map((m, i) => `${m},${112 + (i % 12) * 3}`).join('\n')}\n`;

describe('parsePeriod', () => {
  it('reads a month as its first day, a quarter as the first day of its first month, an ISO week as its Monday', () => {
    expect(parsePeriod('1949-01', 'year-month')).toBe(day('1949-01-01'));
    expect(parsePeriod('1960-12', 'year-month')).toBe(day('1960-12-01'));
    for (const q of ['1960Q3', '1960-Q3', '1960 Q3', '1960q3', 'Q3 1960', 'Q3-1960']) expect([q, parsePeriod(q, 'quarter')]).toEqual([q, day('1960-07-01')]);
    expect(parsePeriod('2019-W02', 'iso-week')).toBe(day('2019-01-07'));
    expect(parsePeriod('2019W01', 'iso-week')).toBe(day('2018-12-31')); // week 1 holds 4 January
    expect(parsePeriod('2020-W53', 'iso-week')).toBe(day('2020-12-28'));
    expect(parsePeriod('2019-W02-3', 'iso-week')).toBe(day('2019-01-09')); // its Wednesday
  });

  it('refuses months past 12, one-digit months, years outside 1800-2200, quarters past 4 and weeks a year lacks', () => {
    for (const s of ['2019-13', '2019-00', '1234-56', '1234-05', '2019-5', '2019-01-', '12019-01']) expect([s, parsePeriod(s, 'year-month')]).toEqual([s, NaN]);
    for (const s of ['1960Q5', '1960Q0', '0960Q1', '1960-Q1-2']) expect([s, parsePeriod(s, 'quarter')]).toEqual([s, NaN]);
    for (const s of ['2019-W53', '2019-W00', '2019-W54', '2019-W02-8']) expect([s, parsePeriod(s, 'iso-week')]).toEqual([s, NaN]);
    expect([2015, 2019, 2020, 2026].map(isoWeeksIn)).toEqual([53, 52, 53, 53]);
  });

  it("tells seasons '2009-10', '2010-11' (the second year after the first) apart from months", () => {
    expect(looksLikeSeasons(['2009-10', '2010-11', '2011-12'])).toBe(true);
    expect(detectDateFormat(['2009-10', '2010-11', '2011-12'])).toBeNull();
    expect(detectDateFormat(['2009-10', '2009-11', '2009-12'])).toBe('year-month');
  });
});

describe('importing period columns', () => {
  it("AirPassengers' Month '1949-01' is a datetime stepping a month, with the season 12 for the seasonal-naive baseline", async () => {
    const r = await load(airPassengers(36));
    expect(r.type('Month')).toBe('datetime');
    const t = r.col('Month') as number[];
    expect(t.slice(0, 3)).toEqual([day('1949-01-01'), day('1949-02-01'), day('1949-03-01')]);
    expect(seasonLength(medianPositiveStep(t))).toBe(12);
    // calendar months step 28-31 days: regular, no gap warning
    expect(r.issues['time_gaps:Month']).toBeUndefined();
  });

  it('quarters and ISO weeks are datetimes with the seasons 4 and 52', async () => {
    const quarters = Array.from({ length: 16 }, (_, i) => `${1960 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const q = await load(`quarter,gdp\n${quarters.map((s, i) => `${s},${100 + i}`).join('\n')}\n`);
    expect(q.type('quarter')).toBe('datetime');
    expect(seasonLength(medianPositiveStep(q.col('quarter') as number[]))).toBe(4);
    const weeks = Array.from({ length: 60 }, (_, i) => (i < 52 ? `2019-W${String(i + 1).padStart(2, '0')}` : `2020-W${String(i - 51).padStart(2, '0')}`));
    const w = await load(`week,sales\n${weeks.map((s, i) => `${s},${i}`).join('\n')}\n`);
    expect(w.type('week')).toBe('datetime');
    expect((w.col('week') as number[]).slice(51, 53)).toEqual([day('2019-12-23'), day('2019-12-30')]);
    expect(seasonLength(medianPositiveStep(w.col('week') as number[]))).toBe(52);
    expect(w.issues['time_gaps:week']).toBeUndefined();
  });

  it("part numbers that look like months ('2019-13', '1234-56') and seasons stay text", async () => {
    const r = await load('part,season,n\n2019-01,2009-10,1\n2019-13,2010-11,2\n1234-56,2011-12,3\n');
    expect(r.type('part')).toBe('categorical');
    expect(r.col('part')).toEqual(['2019-01', '2019-13', '1234-56']);
    expect(r.type('season')).toBe('categorical');
  });

  it('a month gap is reported as a gap', async () => {
    const m = months(24).filter((_, i) => i !== 10);
    const r = await load(`Month,v\n${m.map((s, i) => `${s},${i}`).join('\n')}\n`);
    expect(r.issues['time_gaps:Month'].count).toBe(1);
  });

  it('a dataset recorded without periodDates reads Month as the text it was; typed datetime then, its cells were bad values', async () => {
    const csv = airPassengers(24);
    expect((await load(csv, WITHOUT_PERIODS)).type('Month')).toBe('categorical');
    const typed = { ...WITHOUT_PERIODS, columnTypes: { Month: 'datetime' }, onInvalid: 'impute' } as ImportOptions;
    expect((await load(csv, typed)).col('Month').every(Number.isNaN)).toBe(true);
    // a type change now (retypedColumns) is a new decision: read under every rule
    const retyped = await load(csv, { ...typed, retypedColumns: ['Month'] } as ImportOptions);
    expect(retyped.col('Month').slice(0, 2)).toEqual([day('1949-01-01'), day('1949-02-01')]);
  });
});
