// `gatelab train --target X`: "target of dataset N: X" is said only when the run is queued; a refused run
// says only that the target was left as it was (the two lines together read as a contradiction). A column that
// cannot be a target (the time column) is refused before anything is queued, in the words of the roles setter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { holdTargetLine } from './held-target-line';

let home: string;
let clicks: string;
let series: string;

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-held-target-');
  clicks = join(home, 'shop.csv');
  writeFileSync(clicks, ['user,item,price,clicked', ...Array.from({ length: 300 }, (_, i) => `u${i % 9},i${(i * 7) % 13},${(5 + (i * 37) % 20).toFixed(2)},${(i * 5) % 3 === 0 ? 1 : 0}`)].join('\n') + '\n');
  series = join(home, 'load.csv');
  const start = Date.UTC(2021, 0, 1);
  writeFileSync(series, ['date,load,temp', ...Array.from({ length: 200 }, (_, i) => `${new Date(start + i * 3600_000).toISOString().slice(0, 16).replace('T', ' ')},${Math.sin(i / 7).toFixed(4)},${(i % 24) / 4}`)].join('\n') + '\n');
  for (const file of [clicks, series]) expect((await gatelab(['import', file, '--home', home])).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const train = (...args: string[]) => gatelab(['train', '--home', home, ...args]);
const runs = async () => JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as unknown[];
const roles = async (name: string) => (JSON.parse((await gatelab(['datasets', 'show', name, '--home', home, '--json'])).out) as { columns: Array<{ name: string; role: string }> }).columns.map((c) => `${c.name}=${c.role}`);

describe('the line that says --target was set', () => {
  it('holds the change until queued, says every other line at once, and drops the change when never queued', () => {
    const said: string[] = [];
    const lines = holdTargetLine((l) => said.push(l));
    lines.event({ kind: 'imported', file: 'shop.csv', datasetId: 5, created: true, name: 'shop' });
    lines.event({ kind: 'target-set', datasetId: 5, column: 'clicked', previous: ['price'] });
    lines.event({ kind: 'label-rule-removed', column: 'price' });
    expect(said).toEqual(['imported shop.csv as dataset 5']);
    lines.event({ kind: 'target-restored', datasetId: 5 });
    expect(said.at(-1)).toBe('target of dataset 5 left as it was: the run was refused');
    lines.queued();
    expect(said).toEqual(['imported shop.csv as dataset 5', 'target of dataset 5 left as it was: the run was refused', 'target of dataset 5: clicked (was price)',
      "label rule of 'price' removed: it was for that column, which is no longer the target"]);
  });

  it('a run refused after --target was set: only "left as it was" is said, and the target is what it was', async () => {
    const before = await roles('shop');
    const r = await train('--dataset', 'shop', '--template', 'dlinear', '--target', 'price');
    expect(r.code).toBe(2);
    expect(r.out).not.toMatch(/target of dataset \d+: price/);
    expect(r.out).toMatch(/^target of dataset \d+ left as it was: the run was refused$/m);
    expect(await roles('shop')).toEqual(before);
  });

  it("--target on the time column: refused before anything is queued, saying why and which column to pick; 'date' keeps its role", async () => {
    const r = await train('--dataset', 'load', '--template', 'dlinear', '--target', 'date');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gatelab train: 'date' is the time column \(datetime\): a target must be a number or a category; pick the column to forecast, e\.g\. 'temp' — in the app: Datasets → load → Target; on the command line: gatelab datasets roles \d+ temp=target \(or --target temp on gatelab train\)\n$/);
    expect(r.out).not.toMatch(/target of dataset \d+: date/);
    expect(await roles('load')).toContain('date=time');
    expect(await runs()).toEqual([]);
  });

  it('a run queued: the target line is said, before "run N queued"', async () => {
    const r = await train('--dataset', 'shop', '--template', 'lr', '--target', 'clicked', '--epochs', '1', '--set', 'max-steps=2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^target of dataset (\d+): clicked\nrun \d+ queued in /m);
  }, 60_000);
});
