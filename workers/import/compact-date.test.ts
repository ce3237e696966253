// Dates written as one whole number: Avazu's `hour` (14102100 = 2014-10-21 00:00, YYMMDDHH) and
// 20240131 (YYYYMMDD), decided over the whole sample and checked against Date.UTC; and an integer read
// as epoch seconds that lands before 1975 is not accepted silently.
import { afterAll, describe, expect, it } from 'vitest';
import { detectCompactDate, parseCompactDate } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-compact-');
afterAll(cleanup);

const hours = (n: number) => Array.from({ length: n }, (_, i) => `141021${String(i % 24).padStart(2, '0')}`);

describe('compact dates', () => {
  it('parses YYYYMMDD and YYMMDDHH only when every part is valid', () => {
    expect(parseCompactDate('14102100', 'yymmddhh')).toBe(Date.UTC(2014, 9, 21, 0) / 1000);
    expect(parseCompactDate('14102123', 'yymmddhh')).toBe(Date.UTC(2014, 9, 21, 23) / 1000);
    expect(parseCompactDate('99123105', 'yymmddhh')).toBe(Date.UTC(1999, 11, 31, 5) / 1000);
    expect(parseCompactDate('14102124', 'yymmddhh')).toBeNaN(); // hour 24
    expect(parseCompactDate('20240131', 'yyyymmdd')).toBe(Date.UTC(2024, 0, 31) / 1000);
    expect(parseCompactDate('20230229', 'yyyymmdd')).toBeNaN(); // not a leap year
    expect(parseCompactDate('14102100', 'yyyymmdd')).toBeNaN(); // month 21
    expect(detectCompactDate(['14102100', '14102101'])).toBe('yymmddhh');
    expect(detectCompactDate(['20240131', '20240201'])).toBe('yyyymmdd');
    expect(detectCompactDate(['14102100', '12345678'])).toBeNull(); // decided by the whole sample
  });

  it("Avazu's hour column is a datetime without --types, and with --types hour=datetime", async () => {
    const rows = hours(48).map((h, i) => `${1000 + i},${i % 2},${h},${20000 + i * 37}`);
    const text = `id,click,hour,C14\n${rows.join('\n')}\n`;
    const r = await load(text);
    expect(r.type('hour')).toBe('datetime');
    expect(r.col('hour')[0]).toBe(Date.UTC(2014, 9, 21, 0) / 1000);
    expect(r.col('hour')[5]).toBe(Date.UTC(2014, 9, 21, 5) / 1000);
    expect(r.type('C14')).toBe('int'); // not named like a time: stays a number
    const typed = await load(text, { columnTypes: { hour: 'datetime' } });
    expect(typed.col('hour')[1]).toBe(Date.UTC(2014, 9, 21, 1) / 1000);
    const jsonl = await load(rows.map((l) => { const [, , hour] = l.split(','); return JSON.stringify({ hour: Number(hour), v: 1 }); }).join('\n'), {}, 'jsonl');
    expect(jsonl.type('hour')).toBe('datetime');
    expect(jsonl.col('hour')[2]).toBe(Date.UTC(2014, 9, 21, 2) / 1000);
  });

  it('a date column of YYYYMMDD is a datetime; numbers that are not all dates stay numbers', async () => {
    const r = await load('date,v\n20240130,1\n20240131,2\n20240201,3\n');
    expect(r.type('date')).toBe('datetime');
    expect(r.col('date')).toEqual([Date.UTC(2024, 0, 30), Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 1)].map((t) => t / 1000));
    expect((await load('day,v\n20240130,1\n20241331,2\n')).type('day')).toBe('int');
  });

  it('an integer column typed datetime that reads as epoch seconds before 1975 gets a note', async () => {
    const r = await load('C14,v\n20469,1\n20634,2\n', { columnTypes: { C14: 'datetime' } });
    expect(r.type('C14')).toBe('datetime');
    const note = r.result.validation.issues.find((i) => i.kind === 'note' && i.column === 'C14');
    expect(note?.message).toMatch(/read as seconds since 1970, its times start at 1970-01-01T05:41:09.000Z \(before 1975\)\. If these numbers are not Unix times/);
    const ok = await load('ts,v\n1700000000,1\n1700003600,2\n', { columnTypes: { ts: 'datetime' } });
    expect(ok.result.validation.issues.filter((i) => i.kind === 'note')).toEqual([]);
    const ms = await load('ts,v\n1700000000000,1\n1700003600000,2\n', { columnTypes: { ts: 'datetime' } });
    expect(ms.col('ts')).toEqual([1700000000, 1700003600]); // milliseconds recognised under a user's type too
  });
});
