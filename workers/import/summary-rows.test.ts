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

  it('under categories too: Total with the category cells empty or Total, and the sums, is skipped and named', async () => {
    const regions = ['North', 'South', 'East', 'West'], products = ['A', 'B', 'C'];
    const rows = Array.from({ length: 24 }, (_, i) => [regions[i % 4], products[i % 3], i % 2 ? 'web' : 'shop', 10 + i * 7, (i % 5) + 1]);
    const sales = rows.reduce((s, r) => s + (r[3] as number), 0), units = rows.reduce((s, r) => s + (r[4] as number), 0);
    const csv = (total: string) => `region,product,channel,sales,units\n${rows.map((r) => r.join(',')).join('\n')}\n${total}\n`;
    for (const total of [`Total,,,${sales},`, `Total,Total,Total,${sales},${units}`, `Sum,,,${sales},${units}`]) {
      const r = await load(csv(total));
      expect(r.result.rows, total).toBe(24);
      expect(r.col('region')).not.toContain(total.split(',')[0]);
      expect(r.col('product')).not.toContain(null);
      expect(r.issues.note.message).toBe(`line 26 looks like a summary row ('${total.split(',')[0]}' with the sums of the columns above): skipped; it is not data`);
    }
    // an Average row of two number columns, no other category column
    const means = [3, 4].map((c) => (rows.reduce((s, r) => s + (r[c] as number), 0) / 24).toFixed(2));
    const avg = await load(`region,sales,units\n${rows.map((r) => [r[0], r[3], r[4]].join(',')).join('\n')}\nAverage,${means.join(',')}\n`);
    expect(avg.result.rows).toBe(24);
    expect(avg.issues.note.message).toBe("line 26 looks like a summary row ('Average' with the means of the columns above): skipped; it is not data");
  });

  it('under categories, a last row that may be data stays: numbers that are not the sums, a word that is a category, one number beside one category', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${['North', 'South', 'Total'][i % 3]},${['A', 'B'][i % 2]},${i + 1}`);
    const sum = (12 * 13) / 2;
    expect((await load(`region,product,sales\n${rows.join('\n')}\nTotal,,${sum + 1}\n`)).result.rows).toBe(13);
    // 'Total' is a region of its own above: the last row is one more of them
    const region = await load(`region,product,sales\n${rows.join('\n')}\nTotal,,${sum}\n`);
    expect(region.result.rows).toBe(13);
    expect(region.col('sales')[12]).toBe(sum);
    // a product in a table of two columns: nothing beside the word says summary
    const two = await load(`product,sales\n${rows.map((r) => r.split(',').slice(1).join(',')).join('\n')}\nTotal,${sum}\n`);
    expect(two.result.rows).toBe(13);
  });

  it('under categories, means over two rows are no evidence: a tiny table of statistics keeps its mean row; three rows above, or an empty category cell, are', async () => {
    // 'mean' under 'min' and 'max' is their mean by nature: the real final row of the table
    const stats = await load('stat,x,y\nmin,1,2\nmax,9,10\nmean,5,6\n');
    expect(stats.result.rows).toBe(3);
    expect(stats.col('stat')).toEqual(['min', 'max', 'mean']);
    expect(stats.col('x')[2]).toBe(5);
    expect(stats.issues.note).toBeUndefined();
    // three rows above: the means of both columns are a summary row
    const three = await load('site,x,y\nalpha,1,2\nbeta,9,10\ngamma,5,9\nMean,5,7\n');
    expect(three.result.rows).toBe(3);
    expect(three.issues.note.message).toBe("line 5 looks like a summary row ('Mean' with the means of the columns above): skipped; it is not data");
    // two rows above, another category cell left empty: a summary row
    const regions = await load('region,channel,units,revenue\nnorth,web,10,100\nsouth,shop,30,300\nAverage,,20,200\n');
    expect(regions.result.rows).toBe(2);
    expect(regions.col('region')).toEqual(['north', 'south']);
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
