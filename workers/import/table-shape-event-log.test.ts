// A ratings log with float side features (a customer's age, a product's price) is an event log, not a series:
// its uneven times get no advice to resample, by the rule `gatelab import`'s Next line reads too
// (common/models/event-log.ts). Series keep their forecasting notes: a long-format sales file, a sensor file,
// and a file of many store and item ids whose measurement is no label.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { IRREGULAR_ADVICE } from './time-steps';

const { load, cleanup } = textLoader('gatelab-shape-log-');
afterAll(cleanup);

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}
/** 'YYYY-MM-DD HH:MM:SS' of Unix seconds. */
const at = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
const stepsNote = (issues: Array<{ kind: string; column: string | null; message: string }>, column: string) =>
  issues.find((i) => i.kind === 'note' && i.column === column && i.message.includes('irregularly spaced'));

describe('a ratings log with side features', () => {
  /** A shop's ratings log in time order: customer and product ids, 1..5 stars, a time, a category, the customer's age and the product's price. */
  function ratingsLog(): string[] {
    const rand = rng(11);
    let t = 1_700_000_000;
    return Array.from({ length: 2000 }, () => {
      const c = Math.floor(rand() * 300), p = Math.floor(rand() * 150);
      return `C${c},P${p},${1 + Math.floor(rand() * 5)},${at((t += 5 + Math.floor(rand() * 900)))},${['garden', 'toys', 'books'][p % 3]},${18 + (c % 57)},${(3 + ((p * 37) % 770) / 10).toFixed(2)}`;
    });
  }
  const header = 'customer_id,product_id,stars,ts,category,customer_age,price';
  const why = "This file looks like an event log for recommendation (many user and item ids and a label, 'stars'; its numbers are side features, not measurements over time), where rows need no time order";

  it("300 customers, 150 products, stars, an age and a price: its uneven times are a log's, not a series to resample", async () => {
    const r = await load(`${header}\n${ratingsLog().join('\n')}\n`);
    expect(r.type('price')).toBe('float');
    const steps = stepsNote(r.result.validation.issues, 'ts')!;
    expect(steps.message).toMatch(/^column 'ts': the times are irregularly spaced .* of the first steps\)\. /);
    expect(steps.message.endsWith(`${why} or fixed step: nothing to resample (only forecasting needs equally spaced rows)`)).toBe(true);
    expect(steps.message).not.toContain(IRREGULAR_ADVICE);
  });

  it('two ratings logged out of time order are a note, not a warning', async () => {
    const rows = ratingsLog();
    [rows[40], rows[41]] = [rows[41], rows[40]];
    const r = await load(`${header}\n${rows.join('\n')}\n`);
    expect(r.issues['unsorted_time:ts']).toMatchObject({ severity: 'info' });
    expect(r.issues['unsorted_time:ts'].message.endsWith(`. ${why}: a note, not a warning`)).toBe(true);
  });
});

describe('series keep their forecasting notes', () => {
  it('a long-format sales file (4 stores by day, a float of sales) is still long format, its repeated days a warning', async () => {
    const rows: string[] = [];
    for (let d = 0; d < 120; d++) for (let s = 1; s <= 4; s++) rows.push(`${at(1_640_995_200 + d * 86_400).slice(0, 10)},store_${s},${(100 * s + (d % 7) * 3.5).toFixed(2)}`);
    const r = await load(`date,store,sales\n${rows.join('\n')}\n`);
    expect(r.issues['note:date'].message).toContain("and column 'store' has 4 values: this looks like long format");
    expect(r.issues['duplicate_time:date'].severity).toBe('warning');
  });

  it('a sensor file with uneven readings and a status is still told to resample', async () => {
    const rand = rng(4);
    let t = 1_709_251_200;
    const rows = Array.from({ length: 600 }, () => `${at((t += 60 * [15, 15, 15, 7, 30, 45, 3][Math.floor(rand() * 7)]))},${(10 + rand() * 4).toFixed(2)},${(280 + rand() * 20).toFixed(1)},${['OK', 'WARN', 'FAIL'][Math.floor(rand() * 3)]}`);
    const r = await load(`Timestamp,Temp_C,Power_kW,status\n${rows.join('\n')}\n`);
    expect(stepsNote(r.result.validation.issues, 'Timestamp')!.message).toMatch(new RegExp(`${IRREGULAR_ADVICE}$`));
  });

  it('many store and item ids with a float of sales (no label named) is still a series', async () => {
    const rand = rng(8);
    let t = 1_640_995_200;
    const rows = Array.from({ length: 1500 }, () => `${at((t += 60 * (1 + Math.floor(rand() * 90))))},S${Math.floor(rand() * 60)},I${Math.floor(rand() * 80)},${(rand() * 50).toFixed(2)}`);
    const r = await load(`time,store_id,item_id,sales\n${rows.join('\n')}\n`);
    expect(r.result.columns.filter((c) => c.type === 'categorical').map((c) => c.stats.cardinality)).toEqual([60, 80]);
    expect(stepsNote(r.result.validation.issues, 'time')!.message).toMatch(new RegExp(`${IRREGULAR_ADVICE}$`));
  });
});
