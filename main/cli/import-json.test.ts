// `gatelab import` of JSON exports and spreadsheets, as a user runs it: a JSON array of records becomes a
// dataset recorded as 'json' (so it reads the same again), an .xls is refused with what to do, exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
// a lab that has had its first start (demos recorded, none generated): the command is not a new lab's first
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-cli-json-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => { const p = join(home, name); writeFileSync(p, content); return p; };
const rows = Array.from({ length: 60 }, (_, i) => ({ user: `u${i % 9}`, amount: i * 0.5, clicked: i % 4 === 0 }));

describe('gatelab import of JSON and spreadsheets', () => {
  it('a pandas records array (indent=2) imports row by row, recorded as json', async () => {
    const r = await gatelab(['import', file('orders.json', JSON.stringify(rows, null, 2)), '--json', '--home', home]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ rows: 60, format: 'json', created: true, name: 'orders' });
    expect(j.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual(['user:categorical', 'amount:float', 'clicked:boolean']);
  });

  it('a JSON array of numbers is refused with how to write records (exit 2)', async () => {
    const r = await gatelab(['import', file('values.json', '[1, 2, 3]'), '--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/values\.json, line 1: a JSON array of numbers, not of records/);
  });

  it('an old .xls workbook is refused naming it, with Save As CSV (exit 2)', async () => {
    const r = await gatelab(['import', file('budget.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])), '--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/budget\.xls: this is an Excel 97–2003 workbook \(\.xls\).*File → Save As → CSV UTF-8/);
  });
});
