// A trailing summary row (`Total,…` with each column's sum, or `Mean,…`) under dates or numbers is skipped
// with a note naming its line (the audit's f5 file, whose Total row turned the dates into text and landed
// in the test split); a last row whose first cell is a category word, or whose numbers are not the
// column's sums or means, is data and is kept.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { isSummaryWord } from './summary-rows';

const { load, cleanup } = textLoader('gatelab-summary-');
afterAll(cleanup);

const T0 = Date.UTC(2016, 6, 1) / 1000;
const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const values = (n: number) => Array.from({ length: n }, (_, h) => [Number((5 + Math.sin(h)).toFixed(3)), Number((30 - h / 10).toFixed(2))]);
const sums = (v: number[][]) => [0, 1].map((c) => v.reduce((s, r) => s + r[c], 0));
const ett = (v: number[][]) => v.map(([a, b], h) => `${iso(T0 + h * 3600)},${a},${b}`).join('\n');

describe('a trailing summary row', () => {
  it('Total with the sums, then a blank line: skipped with a note; dates stay dates and the rows are the data', async () => {
    const v = values(40);
    const [a, b] = sums(v);
    const r = await load(`date,HUFL,OT\n${ett(v)}\nTotal,${a.toFixed(3)},${b.toFixed(3)}\n\n`);
    expect(r.result.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:datetime', 'HUFL:float', 'OT:float']);
    expect(r.result.rows).toBe(40);
    expect(r.result.validation.rowsRead).toBe(40);
    expect(r.col('OT')[39]).toBe(Math.fround(v[39][1]));
    expect(r.issues.note).toMatchObject({ severity: 'info', message: "line 42 looks like a summary row ('Total' with the sums of the columns above): skipped; it is not data" });
    expect(r.result.validation.issues.filter((i) => i.kind === 'retyped')).toEqual([]);
  });

  it('beyond the sampled rows too, and Total then Mean (means rounded to 2 decimals, one cell empty)', async () => {
    const v = values(1500);
    const [a, b] = sums(v);
    const r = await load(`date,HUFL,OT\n${ett(v)}\nGrand total,${a.toFixed(2)},${b.toFixed(2)}\nMean:,${(a / 1500).toFixed(2)},\n`);
    expect(r.type('date')).toBe('datetime');
    expect(r.result.rows).toBe(1500);
    expect(r.issues.note.message).toBe("lines 1502, 1503 look like summary rows ('Grand total', 'Mean:' with the sums and means of the columns above): skipped; they are not data");
  });

  it('a last row that is not an aggregate is data: numbers that are not the sums, or a word in a category column', async () => {
    const v = values(40);
    const notSums = await load(`date,HUFL,OT\n${ett(v)}\nTotal,1.5,2.5\n`);
    expect(notSums.result.rows).toBe(41);
    expect(notSums.type('date')).toBe('categorical'); // as before: the word makes the column text, and the report says so
    expect(notSums.result.validation.issues.some((i) => i.message.includes('summary row'))).toBe(false);

    // 'Mean' is one of the categories of the first column: a real row, even though its number is the column's sum
    const kinds = ['Min', 'Max', 'Median', 'Mode'];
    const rows = Array.from({ length: 30 }, (_, i) => `${kinds[i % 4]},${i + 1}`);
    const sum = (30 * 31) / 2;
    const r = await load(`stat,value\n${rows.join('\n')}\nMean,${sum}\n`);
    expect(r.result.rows).toBe(31);
    expect(r.col('stat')[30]).toBe('Mean');
    expect(r.col('value')[30]).toBe(sum);
  });

  it('a Total row in the middle is data (it is not the last row)', async () => {
    const v = values(40);
    const [a, b] = sums(v.slice(0, 20));
    const lines = ett(v).split('\n');
    lines.splice(20, 0, `Total,${a.toFixed(3)},${b.toFixed(3)}`);
    const r = await load(`date,HUFL,OT\n${lines.join('\n')}\n`);
    expect(r.result.rows).toBe(41);
    expect(r.col('HUFL')[20]).toBe(Math.fround(Number(a.toFixed(3))));
    expect(r.col('HUFL')[21]).toBe(Math.fround(v[20][0])); // held, then put back in file order
  });

  it('knows the summary words', () => {
    for (const w of ['Total', 'TOTAL', 'Sum', 'Average', 'avg', 'Mean', 'Grand total', 'Subtotal', 'Totals:']) expect(isSummaryWord(w)).toBe(true);
    for (const w of ['Totally', 'Meanwhile', 'sum of', '2016-07-01', '']) expect(isSummaryWord(w)).toBe(false);
  });
});
