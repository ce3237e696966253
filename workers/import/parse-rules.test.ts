// The lab parses a dataset imported before the Excel-date, date+time, Total-row, float-id and boolean-name
// rules (and the later two-digit-year, category Total-row and int '1.444' rules) with those rules off: the file must then read exactly as that importer read it (checked by hand against the importer of
// commit b6660d7^ on these files: same types, statistics and column bytes). Without `parseRules` (a new
// import) every rule applies.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-parse-rules-');
afterAll(cleanup);

const OFF = { parseRules: { excelDates: false, combineDateTime: false, skipSummaryRow: false, floatIds: false, booleanNames: false } } as never;
const rows = Array.from({ length: 48 }, (_, i) => `2024-01-0${1 + Math.floor(i / 24)},${String(i % 24).padStart(2, '0')}:00,${i * 1.5}`);
const total = Array.from({ length: 48 }, (_, i) => i * 1.5).reduce((a, b) => a + b);
const PAIR_TOTAL = `date,time,load\n${rows.join('\n')}\nTotal,,${total}\n`;
const PAIR = `date,time,load\n${rows.join('\n')}\n`;
const serials = Array.from({ length: 50 }, (_, i) => Number((42552 + i / 24).toFixed(6)));
const EXCEL = `timestamp,load\n${serials.map((s, i) => `${s},${i % 7}`).join('\n')}\n`;
const EXCEL_JSONL = serials.map((s, i) => JSON.stringify({ time: s, v: i % 7 })).join('\n') + '\n';
const midnight = (day: number) => Date.UTC(2024, 0, day) / 1000;

describe('parse rules', () => {
  it('off: a Total row is a row (so the dates are text), and no summary note', async () => {
    const r = await load(PAIR_TOTAL, OFF);
    expect(r.result.rows).toBe(49);
    expect(r.type('date')).toBe('categorical');
    expect(r.col('date').at(-1)).toBe('Total');
    expect(r.result.validation.issues.some((i) => /summary row/.test(i.message))).toBe(false);
  });

  it('off: a date column stays dates at midnight beside its time-of-day column', async () => {
    const r = await load(PAIR, OFF);
    expect(r.type('date')).toBe('datetime');
    expect(r.col('date').slice(23, 26)).toEqual([midnight(1), midnight(2), midnight(2)]);
    expect(r.col('time').slice(0, 2)).toEqual(['00:00', '01:00']);
  });

  it('off: Excel serial days in a time-named column stay numbers, in CSV and JSON Lines', async () => {
    const csv = await load(EXCEL, OFF);
    expect(csv.type('timestamp')).toBe('float');
    expect(csv.col('timestamp')[1]).toBe(Math.fround(serials[1]));
    const jsonl = await load(EXCEL_JSONL, OFF, 'jsonl');
    expect(jsonl.type('time')).toBe('float');
    // a datetime the user sets in this parse reads them as serial days even so: a new decision, not a column to keep
    const typed = await load(EXCEL, { ...(OFF as object), columnTypes: { timestamp: 'datetime' }, retypedColumns: ['timestamp'] });
    expect(typed.col('timestamp')[0]).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(typed.issues['note:timestamp'].message).toMatch(/^column 'timestamp': numbers read as Excel serial dates/);
  });

  it('off: a column typed datetime at that import (or by an earlier change) reads its serial numbers as that importer did, epoch seconds', async () => {
    // another column's type changes now: the stored timestamps (42552 s = 1970-01-01 11:49:12) must come back as stored
    const recorded = await load(EXCEL, { ...(OFF as object), columnTypes: { timestamp: 'datetime', load: 'float' }, retypedColumns: ['load'] });
    expect(recorded.type('timestamp')).toBe('datetime');
    expect(recorded.col('timestamp').slice(0, 3)).toEqual(serials.slice(0, 3));
    expect(recorded.issues['note:timestamp'].message).toMatch(/^column 'timestamp': read as seconds since 1970, its times start at 1970-01-01T11:49:12.000Z/);
    // the same in JSON Lines, where the numbers arrive as numbers
    const jsonl = await load(EXCEL_JSONL, { ...(OFF as object), columnTypes: { time: 'datetime' } }, 'jsonl');
    expect(jsonl.col('time')[1]).toBe(serials[1]);
    // a new import (every rule): serial days, typed or not
    expect((await load(EXCEL, { columnTypes: { timestamp: 'datetime' } })).col('timestamp')[0]).toBe(Date.UTC(2016, 6, 1) / 1000);
  });

  it('off: ids written 10717.0 stay numbers, and a header-only line with a y stays a row of data', async () => {
    const ids = await load('user_id,clicked\n10717.0,1\n10718.0,0\n10717.0,1\n', OFF);
    expect(ids.type('user_id')).toBe('float');
    expect(ids.col('user_id')).toEqual([10717, 10718, 10717]);
    const onlyNames = await load('date,x,y\n', OFF);
    expect(onlyNames.result).toMatchObject({ rows: 1, hasHeader: false });
    const flags = Array.from({ length: 20 }, (_, i) => `${i % 2},${i + 0.5},${(i + 1) % 2}`);
    expect((await load(`t,x,y\n${flags.join('\n')}\n`, OFF)).result.rows).toBe(21);
  });

  it("off (recorded without them): two-digit years stay text, a Total row under categories is a row, an int column reads '1.444' as 1.444", async () => {
    const dates = `d,v\n${Array.from({ length: 30 }, (_, i) => `${String(1 + i).padStart(2, '0')}/01/21 10:00,${i}`).join('\n')}\n`;
    expect((await load(dates)).type('d')).toBe('datetime');
    const old = await load(dates, OFF);
    expect(old.type('d')).toBe('categorical');
    expect(old.issues['note:d'].message).toMatch(/^column 'd' holds dates with two-digit years \(such as '01\/01\/21 10:00', Excel's short date format\) which this dataset was imported without reading as dates\. So it is text/);
    // a datetime column whose later cells have two-digit years keeps reading them as it did: not dates
    const mixed = await load(`d,v\n2021-01-01,1\n2021-01-02,2\n03/01/21,3\n`, { ...(OFF as object), columnTypes: { d: 'datetime' }, onInvalid: 'impute' });
    expect(mixed.col('d')[2]).toBeNaN();

    const table = `region,product,sales\n${Array.from({ length: 12 }, (_, i) => `${['North', 'South'][i % 2]},${['A', 'B', 'C'][i % 3]},${i + 1}`).join('\n')}\nTotal,,78\n`;
    expect((await load(table)).result.rows).toBe(12);
    expect((await load(table, OFF)).result.rows).toBe(13);

    const semicolons = `a;Menge\n${Array.from({ length: 10 }, (_, i) => `x${i};${i + 1}.250`).join('\n')}\n`;
    expect((await load(semicolons, { columnTypes: { Menge: 'int' } })).col('Menge')[0]).toBe(1250);
    expect((await load(semicolons, { ...(OFF as object), columnTypes: { Menge: 'int' } })).col('Menge')[0]).toBe(1.25);
  });

  it('absent (a new import): every rule applies', async () => {
    const withTotal = await load(PAIR_TOTAL);
    expect(withTotal.result.rows).toBe(48);
    expect(withTotal.col('date').slice(23, 26)).toEqual([midnight(1) + 23 * 3600, midnight(2), midnight(2) + 3600]);
    expect((await load(EXCEL)).col('timestamp')[0]).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect((await load(EXCEL_JSONL, {}, 'jsonl')).type('time')).toBe('datetime');
    // one rule on, the others off: only that one
    const pairOnly = await load(PAIR_TOTAL, { parseRules: { combineDateTime: true } } as never);
    expect(pairOnly.result.rows).toBe(49);
    expect((await load('user_id,clicked\n10717.0,1\n10718.0,0\n')).type('user_id')).toBe('categorical');
    await expect(load('date,x,y\n')).rejects.toMatchObject({ code: 'no_rows' });
  });
});
