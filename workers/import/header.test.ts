// Header detection when column names are numbers (Exchange/Electricity: `date,0,1,…,6,OT`; World Bank
// years), checked on the columns that land in the cache, and the note that says how row 1 was read.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith } from '../../common/dataset-cache';
import { detectHeader } from './header';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-header-');
afterAll(cleanup);

/** Exchange-like rows: slashed dates without zero padding, 8 rate columns of fractions. */
function exchange(rows: number): string {
  const out = ['date,0,1,2,3,4,5,6,OT'];
  for (let i = 0; i < rows; i++) out.push([`1990/1/${1 + (i % 28)} 0:00`, ...Array.from({ length: 8 }, (_, k) => (0.5 + k * 0.2 + i * 1e-4).toFixed(6))].join(','));
  return `${out.join('\n')}\n`;
}

const split = (text: string) => text.trim().split('\n').map((l) => l.split(','));

describe('header detection', () => {
  it('reads date,0,1,…,6,OT as a header: OT stays a column and row 1 is not data', async () => {
    const r = await load(exchange(40));
    expect(r.result.hasHeader).toBe(true);
    expect(r.result.columns.map((c) => c.name)).toEqual(['date', '0', '1', '2', '3', '4', '5', '6', 'OT']);
    expect(r.result.rows).toBe(40);
    expect(r.type('date')).toBe('datetime');
    expect(r.col('OT')[0]).toBe(Math.fround(1.9));
    expect(r.col('date')[0]).toBe(Date.UTC(1990, 0, 1) / 1000);
    const note = r.result.validation.issues.find((i) => i.kind === 'note' && i.column === null);
    expect(note?.message).toMatch(/row 1 read as a header \(7 of its cells are numbers read as column names.*--header no to change/);
  });

  it('numbered columns without any word (an Electricity matrix) and year columns are headers', () => {
    const matrix = split(`0,1,2,3\n${Array.from({ length: 20 }, (_, i) => `${i * 1.5 + 0.25},${i + 0.5},3.75,${i / 7}`).join('\n')}`);
    expect(detectHeader(matrix).hasHeader).toBe(true);
    const years = split(`country,1990,1995,2000\n${Array.from({ length: 20 }, (_, i) => `c${i},${i * 3},${i * 4},${i * 5}`).join('\n')}`);
    expect(detectHeader(years).hasHeader).toBe(true);
  });

  it('a word above a date column decides, even over numeric names that are not a run', () => {
    const rows = split(`date,3,7,12\n${Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i},${i * 2},${i * 3}`).join('\n')}`);
    expect(detectHeader(rows)).toMatchObject({ hasHeader: true, note: expect.stringMatching(/row 1 read as a header .*'date'.*--header no/) });
  });

  it('a headerless numeric file stays data, also when row 1 holds small integers', () => {
    expect(detectHeader(split('1,2,3\n4,5,6\n7,8,9\n10,11,12')).hasHeader).toBe(false); // row 2 steps evenly too
    expect(detectHeader(split('0,0,1.5\n2,3,4.5\n1,7,2.25\n5,1,0.5')).hasHeader).toBe(false);
    expect(detectHeader(split('2024-01-01,5,0.5\n2024-01-02,6,0.25\n2024-01-03,7,0.125')).hasHeader).toBe(false);
  });

  it('one odd first-row cell among many data-like cells stays data, with a note naming --header yes', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 2},${i * 3},${i + 0.5}`);
    const r = await load(`T8H1N,1,2,3.5\n${rows.join('\n')}\n`);
    expect(r.result.hasHeader).toBe(false);
    expect(r.result.rows).toBe(31);
    expect(r.result.validation.issues.find((i) => i.kind === 'note')?.message).toMatch(/row 1 read as data .*--header yes to change/);
  });

  it('a header of words over numbers gets no note (no doubt), and --header no is obeyed', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const r = await load(text);
    expect(r.result.hasHeader).toBe(true);
    expect(r.result.validation.issues).toEqual([]);
    const forced = await load(exchange(5), { header: false });
    expect(forced.result.rows).toBe(6);
    expect(forced.result.validation.issues.some((i) => i.kind === 'note' && i.column === null)).toBe(false);
  });

  it('a file that is only a header of names is refused as such, also when a name reads as a boolean (y, t)', async () => {
    for (const [text, names] of [['date,x,y\n', 'date, x, y'], ['timestamp,sales,t\r\n', 'timestamp, sales, t'], ['a,b\n', 'a, b'], ['yes,no\n', 'yes, no']]) {
      await expect(load(text)).rejects.toMatchObject({ code: 'no_rows', message: expect.stringContaining(`only a header row (${names}), no data rows`) });
    }
    // a one-row file of words is still importable as data, and the message says how
    await expect(load('date,x,y\n')).rejects.toThrow(/no data rows \(if that line is data, import with --header no\)$/);
    expect((await load('date,x,y\n', { header: false })).result.rows).toBe(1);
    await expect(load('date,x,y\n', { header: true })).rejects.toThrow(/only a header row \(date, x, y\), no data rows$/);
    expect(detectHeader([['date', 'x', 'y']]).hasHeader).toBe(true);
    // one line with a number or a date is one row of data, as before
    expect(detectHeader([['2024-01-01', '1.5', 'y']]).hasHeader).toBe(false);
    expect(detectHeader([['a', '3']]).hasHeader).toBe(false);
    expect(detectHeader([['x', 'x']]).hasHeader).toBe(false); // a name twice: data
  });

  it('y or t above 0/1 is a name; above a column of t/f or y/n words it is a value', async () => {
    const flags = Array.from({ length: 20 }, (_, i) => `${i % 2},${(i * 0.5).toFixed(1)},${(i + 1) % 2}`);
    const r = await load(`t,x,y\n${flags.join('\n')}\n`);
    expect(r.result.hasHeader).toBe(true);
    expect(r.result.rows).toBe(20);
    expect(r.result.columns.map((c) => [c.name, c.type])).toEqual([['t', 'boolean'], ['x', 'float'], ['y', 'boolean']]);
    expect(r.result.validation.issues.some((i) => i.kind === 'note' && i.column === null)).toBe(false); // no doubt left to note
    // 't' above t/f words is data: a headerless file of flags
    const words = split(`t,2\n${Array.from({ length: 20 }, (_, i) => `${i % 3 ? 'f' : 't'},${i + 3}`).join('\n')}`);
    expect(detectHeader(words).hasHeader).toBe(false);
  });

  it("reads the columns with the file's decimal mark: a headerless ';' file of '12,5' numbers keeps row 1 as data", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${12 + i},${i % 10};${1000 + i},${(i * 3) % 10}`);
    const semi = rows.map((r) => r.split(';'));
    // read as text (no decimal mark), row 1's distinct cells looked like names
    expect(detectHeader(semi).hasHeader).toBe(true);
    expect(detectHeader(semi, { delimiter: ';' }).hasHeader).toBe(false);
    const r = await load(`${rows.join('\n')}\n`, { delimiter: ';' });
    expect(r.result).toMatchObject({ hasHeader: false, rows: 20 });
    expect(r.col('column_1')[0]).toBe(12);
    expect(r.col('column_2')[1]).toBe(Math.fround(1001.3));
    // names above such columns stay a header; '1.234,50 €' (formatted, decimal comma) reads as numbers too
    expect(detectHeader([['Temp', 'Druck'], ...semi], { delimiter: ';' }).hasHeader).toBe(true);
    const prices = Array.from({ length: 10 }, (_, i) => [`${1 + i}.${200 + i},50 €`, `A${i % 3}`]);
    expect(detectHeader(prices, { delimiter: ';' }).hasHeader).toBe(false);
    expect(detectHeader([['Preis', 'Artikel'], ...prices], { delimiter: ';' }).hasHeader).toBe(true);
  });

  it("under the dataset's recorded rules: before AM/PM times were dates, a headerless file's row 1 was read as names, and still is", async () => {
    const rows = Array.from({ length: 24 }, (_, i) => `9/1/2023 ${i % 12 === 0 ? 12 : i % 12}:00 ${i < 12 ? 'AM' : 'PM'},m${i}`);
    const file = `${rows.join('\n')}\n`;
    // a new import reads the times, so row 1 fits its column: data
    expect((await load(file)).result).toMatchObject({ hasHeader: false, rows: 24 });
    // imported before AM/PM was read: two text columns whose row 1 never reappears, names; the re-read keeps them
    const before = { parseRules: { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: true, booleanNames: true, twoDigitYears: true } } as never;
    const old = await load(file, before);
    expect(old.result).toMatchObject({ hasHeader: true, rows: 23 });
    expect(old.result.columns.map((c) => c.name)).toEqual(['9/1/2023 12:00 AM', 'm0']);
  });

  it("a dataset imported before the guess read number marks ('12,5') re-reads with the header it got then", async () => {
    // the importer of that dataset: every rule it recorded, not headerNumberMarks
    const before = { parseRules: parseRulesWith((rule) => rule !== 'headerNumberMarks') };
    // some readings whole ('1001'), as such files write them: ',' splits the rows unevenly, ';' is sniffed
    const semi = `${Array.from({ length: 20 }, (_, i) => `${12 + i},${i % 10};${1000 + i}${i % 3 === 1 ? '' : `,${(i * 3) % 10}`}`).join('\n')}\n`;
    // a new import: row 1 is numbers like the rows below it, data
    const now = await load(semi);
    expect(now.result).toMatchObject({ delimiter: ';', hasHeader: false, rows: 20 });
    expect(now.col('column_1')[0]).toBe(12);
    // re-read under its recorded rules: row 1 names the columns, as the import took it then
    const old = await load(semi, before as never);
    expect(old.result).toMatchObject({ delimiter: ';', hasHeader: true, rows: 19 });
    expect(old.result.columns.map((c) => c.name)).toEqual(['12,0', '1000,0']);
    expect(old.col('12,0')[0]).toBe(Math.fround(13.1));
  });
  it("a dataset imported before '(1,234.50)' and '1 234.50' were numbers re-reads with the header it got then", async () => {
    // amounts with thousands separators; row 1 an accounting negative, which the importer of the day read as a word
    const rows = ['"(1,234.50)",north', ...Array.from({ length: 20 }, (_, i) => `"${1 + i},${100 + i}.50",${['south', 'east', 'west'][i % 3]}`)];
    const file = `${rows.join('\n')}\n`;
    const before = { parseRules: parseRulesWith((rule) => rule !== 'otherThousands' && rule !== 'accountingNegatives') };
    // a new import: row 1 is a negative amount like the rows below it, data
    const now = await load(file);
    expect(now.result).toMatchObject({ hasHeader: false, rows: 21 });
    expect(now.col('column_1')[0]).toBe(-1234.5);
    // re-read (a type change, a cache rebuild) under its recorded rules: row 1 names the columns, as at its import
    const old = await load(file, before as never);
    expect(old.result).toMatchObject({ hasHeader: true, rows: 20 });
    expect(old.result.columns.map((c) => c.name)).toEqual(['(1,234.50)', 'north']);
    expect(old.col('(1,234.50)')[0]).toBe(1100.5);
  });

  it('the guess reads a row 1 cell by the rules it is given: spaces as thousands, two-digit years, AM/PM times', () => {
    const amounts = (first: string) => [[first, 'north'], ...Array.from({ length: 20 }, (_, i) => [`${1 + i},${100 + i}.50`, 'south'])];
    const comma = { delimiter: ',' };
    expect(detectHeader(amounts('1 234.50'), comma).hasHeader).toBe(false);
    expect(detectHeader(amounts('1 234.50'), { ...comma, rules: { otherThousands: false } }).hasHeader).toBe(true);
    expect(detectHeader(amounts('(1,234.50)'), comma).hasHeader).toBe(false);
    expect(detectHeader(amounts('(1,234.50)'), { ...comma, rules: { accountingNegatives: false } }).hasHeader).toBe(true);
    const dates = (first: string) => [[first, 'north'], ...Array.from({ length: 20 }, (_, i) => [`${10 + i}/1/2021`, 'south'])];
    expect(detectHeader(dates('9/1/21')).hasHeader).toBe(false);
    expect(detectHeader(dates('9/1/21'), { rules: { twoDigitYears: false } }).hasHeader).toBe(true);
    expect(detectHeader(dates('9/1/2021 1:05 PM')).hasHeader).toBe(false);
    expect(detectHeader(dates('9/1/2021 1:05 PM'), { rules: { twelveHourTimes: false } }).hasHeader).toBe(true);
  });

  it("the guess reads a row 1 '−' number by the dataset's rules: a name where the Unicode minus was not yet read", () => {
    // amounts signed with U+2212 below, one more in row 1
    const rows = [['\u22122.50', 'north'], ...Array.from({ length: 20 }, (_, i) => [i % 4 === 0 ? `\u2212${1 + i}.50` : `${1 + i}.50`, 'south'])];
    expect(detectHeader(rows, { delimiter: ',' }).hasHeader).toBe(false);
    expect(detectHeader(rows, { delimiter: ',', rules: { unicodeMinus: false } }).hasHeader).toBe(true);
  });

  it("the guess reads a row 1 month '1949-01' or 'Jan 1 2020' by the dataset's rules: a name before those were dates", async () => {
    const rows = (first: string) => [[first, 'north'], ...Array.from({ length: 20 }, (_, i) => [`1949-${String(2 + (i % 10)).padStart(2, '0')}-01`, 'south'])];
    expect(detectHeader(rows('1949-01')).hasHeader).toBe(false);
    expect(detectHeader(rows('1949-01'), { rules: { periodDates: false } }).hasHeader).toBe(true);
    expect(detectHeader(rows('Jan 1 1949')).hasHeader).toBe(false);
    expect(detectHeader(rows('Jan 1 1949'), { rules: { monthNameDates: false } }).hasHeader).toBe(true);
    // an old dataset's import of such a file keeps the header it got then
    const file = `${rows('1949-01').map((r) => r.join(',')).join('\n')}\n`;
    expect((await load(file)).result).toMatchObject({ hasHeader: false, rows: 21 });
    const old = await load(file, { parseRules: parseRulesWith((rule) => rule !== 'periodDates') } as never);
    expect(old.result).toMatchObject({ hasHeader: true, rows: 20 });
    expect(old.result.columns.map((c) => c.name)).toEqual(['1949-01', 'north']);
  });
});
