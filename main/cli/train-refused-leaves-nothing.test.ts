// `gatelab train` refused (exit 2) leaves the lab as it was: README "Exit codes" promises "nothing was queued,
// imported or changed". What the config alone shows (a --set typo, a range, the ETT split on a CTR model) is
// refused before the file is read; what needs the data (a click log given to a forecasting template, a lookback
// longer than the series) removes the file it had imported, and its advice imports the file first instead of
// naming the removed dataset's id. A --dataset path that is no file says so. A long-tail classification target
// (many classes of 1-2 rows, most rows in large classes) is not refused: it trains, with a warning.
// In-process (testing/gatelab.ts); only the long-tail run trains (one epoch on 1,000 rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { adviceWithoutDataset } from '../lab/runs/dataset-runs';

let home: string;
/** A click log (no time column): user, item, category, price, clicked. */
let clicks: string;
/** An hourly series of 200 rows. */
let series: string;
/** A table whose 'row' column is an id (one value per row). */
let ids: string;
/** 1,000 rows: 5 classes of 190 rows and a long tail of 30 classes of 1-2 rows (50 rows). */
let longTail: string;

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-refused-');
  clicks = join(home, 'ctr.csv');
  writeFileSync(clicks, ['user,item,category,price,clicked', ...Array.from({ length: 120 }, (_, i) => `u${i % 9},i${(i * 7) % 13},${'abcd'[i % 4]},${(5 + (i * 37) % 20).toFixed(2)},${(i * 5) % 3 === 0 ? 1 : 0}`)].join('\n') + '\n');
  series = join(home, 'loads.csv');
  const start = Date.UTC(2021, 0, 1);
  ids = join(home, 'ids.csv');
  writeFileSync(ids, ['row,x,y', ...Array.from({ length: 120 }, (_, i) => `r${i},${(i * 0.37) % 5},${(i * 7) % 11}`)].join('\n') + '\n');
  longTail = join(home, 'longtail.csv');
  const labels = [...Array.from({ length: 950 }, (_, i) => `c${i % 5}`), ...Array.from({ length: 50 }, (_, i) => `rare${i < 20 ? i : i - 20}`)];
  // two features that place each large class (a class's mean), noise from a fixed sequence: deterministic
  writeFileSync(longTail, ['label,a,b', ...labels.map((l, i) => {
    const k = Number(l.slice(l.startsWith('rare') ? 4 : 1)) % 5;
    return `${l},${(k * 1.5 + Math.sin(i * 12.9898) * 0.8).toFixed(3)},${(k * -1.2 + Math.cos(i * 78.233) * 0.8).toFixed(3)}`;
  })].join('\n') + '\n');
  writeFileSync(series, ['date,load,temp', ...Array.from({ length: 200 }, (_, i) => `${new Date(start + i * 3600_000).toISOString().slice(0, 16).replace('T', ' ')},${Math.sin(i / 7).toFixed(4)},${(i % 24) / 4}`)].join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const datasetsInLab = async () => (JSON.parse((await gatelab(['datasets', '--home', home, '--json'])).out) as Array<{ id: number; name: string }>).map((d) => d.name);
const runsInLab = async () => JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as unknown[];
const train = (...args: string[]) => gatelab(['train', '--home', home, ...args]);

describe('gatelab train refused: nothing imported, queued or changed', () => {
  it('a forecasting template on a click log: exit 2 saying what forecasting needs and which template fits; the file is not kept', async () => {
    for (const target of [[], ['--target', 'clicked']]) {
      const r = await train('--dataset', clicks, '--template', 'dlinear', ...target);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/gatelab train: template dlinear forecasts a series, and 'ctr' has no time column .*forecasting needs a time column and numeric channels .*--template deepfm --target clicked/);
      expect(r.out).toMatch(/imported .*ctr\.csv as dataset (\d+)\n(target of dataset \1: clicked\n)?dataset \1 removed again: the run was refused/);
      // the =ignore route names no dataset that was removed: it imports the file first
      expect(r.err).toContain(`gatelab import ${clicks}, then gatelab datasets roles ID clicked=ignore user=ignore item=ignore category=ignore`);
      expect(r.err).not.toMatch(/roles \d/);
    }
    expect(await datasetsInLab()).toEqual([]);
    expect(await runsInLab()).toEqual([]);
  });

  it('an id as the target, refused after the import: its advice imports the file first, not the removed dataset id', async () => {
    const r = await train('--dataset', ids, '--template', 'concat-fusion', '--target', 'row', '--json');
    expect(r.code).toBe(2);
    const id = /imported .*ids\.csv as dataset (\d+)/.exec(r.err)![1];
    expect(r.err).toContain(`dataset ${id} removed again: the run was refused, so ${ids} is not kept (to keep it, gatelab import ${ids}; the advice below starts with that import, and ID in it is the id the import prints)`);
    const { error } = JSON.parse(r.out.trim().split('\n').at(-1)!) as { error: string };
    expect(error).toMatch(/^the target 'row' has 120 distinct values in 120 rows .*reads as an id, not classes\. Choose another target column \(gatelab import \S+ids\.csv, then gatelab datasets roles ID <column>=target\)$/);
    expect(await datasetsInLab()).toEqual([]);
    expect(await runsInLab()).toEqual([]);
  });

  it('every command and mention of the removed dataset is rewritten; other numbers and a message naming no dataset are kept', () => {
    const said = "the target 'price' has 4 distinct values in 4 rows: nearly one per row. Choose another target column (gatelab datasets roles 14 <column>=target); " +
      "if it is a number to predict, retype it as a number in dataset 14 'shop' (gatelab datasets types 14 price=float), or gatelab train --dataset 14 --set task=regression (dataset 140 is another)";
    expect(adviceWithoutDataset(said, 14, 'data/my shop.csv')).toBe("the target 'price' has 4 distinct values in 4 rows: nearly one per row. Choose another target column " +
      "(gatelab import 'data/my shop.csv', then gatelab datasets roles ID <column>=target); if it is a number to predict, retype it as a number in dataset ID 'shop' " +
      "(gatelab datasets types ID price=float), or gatelab train --dataset 'data/my shop.csv' --set task=regression (dataset 140 is another)");
    expect(adviceWithoutDataset('model.lookback: 5000 is out of range', 14, 'x.csv')).toBe('model.lookback: 5000 is out of range');
    // the binding checks name a dataset by its name when it is one shell word (ratings.dat, MovieLens-1M's)
    expect(adviceWithoutDataset('a recommendation (CTR) model needs categorical fields: gatelab datasets roles ratings.dat <column>=categorical (integer columns that may hold ids: column_1)', 4, 'ml/ratings.dat', 'ratings.dat'))
      .toBe('a recommendation (CTR) model needs categorical fields: gatelab import ml/ratings.dat, then gatelab datasets roles ID <column>=categorical (integer columns that may hold ids: column_1)');
    expect(adviceWithoutDataset("'ratings.dat' has no time column", 4, 'ml/ratings.dat', 'ratings.dat')).toBe("'ratings.dat' has no time column");
  });

  it('advice that names the removed dataset by its name (a fusion run without a target): it imports the file first too', async () => {
    const r = await train('--dataset', clicks, '--template', 'concat-fusion');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/dataset \d+ removed again: .*; the advice below starts with that import, and ID in it is the id the import prints\)/);
    expect(r.err).toContain(`gatelab train: a fusion model needs a target column: pass --target COLUMN, or gatelab import ${clicks}, then gatelab datasets roles ID <column>=target`);
    expect(r.err).not.toMatch(/roles ctr /);
    expect(await datasetsInLab()).toEqual([]);
  });

  it('a --set typo or a value out of range: refused before the file is read (no "imported" line)', async () => {
    for (const set of ['lookbak=48', 'lookback=5000']) {
      const r = await train('--dataset', series, '--template', 'dlinear', '--set', set);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(set.startsWith('lookbak') ? /unknown field 'model\.lookbak' .*did you mean 'lookback'/ : /model\.lookback: 5000 is out of range/);
      expect(r.out).toBe('');
    }
    expect(await datasetsInLab()).toEqual([]);
  });

  it('a lookback longer than the series (a check of the data): the file imported for it is removed again', async () => {
    const r = await train('--dataset', series, '--template', 'dlinear', '--set', 'lookback=400', '--set', 'horizon=24', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ run: null, status: 'error', error: expect.stringMatching(/shorter than lookback 400 \+ horizon 24/) });
    expect(await datasetsInLab()).toEqual([]);
    expect(await runsInLab()).toEqual([]);
  });

  it('refused by the run manager after the data checks (a model too large for memory): the file is removed again too', async () => {
    const r = await train('--dataset', series, '--template', 'patch-transformer-gated', '--set', 'lookback=8', '--set', 'horizon=4', '--set', 'patchLen=4', '--set', 'stride=4', '--set', 'dModel=512', '--set', 'batchSize=1048576');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not fit in memory/);
    expect(r.out).toMatch(/imported .*loads\.csv as dataset (\d+)\ndataset \1 removed again: the run was refused/);
    expect(await datasetsInLab()).toEqual([]);
    expect(await runsInLab()).toEqual([]);
  });

  it('--set split=ett on a CTR template: refused before queueing (it was queued and failed), naming the splits that apply', async () => {
    const r = await train('--dataset', clicks, '--template', 'deepfm', '--target', 'clicked', '--set', 'split=ett');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/data\.split 'ett' is the ETT forecasting protocol .*template deepfm is a recommendation \(CTR\) model.*--set split=random .*--set split=chronological/);
    expect(r.out).toBe('');
    expect(await runsInLab()).toEqual([]);
    expect(await datasetsInLab()).toEqual([]);
  });

  it('a dataset imported before keeps its target when the run on it is refused', async () => {
    expect((await gatelab(['import', clicks, '--home', home])).code).toBe(0);
    const r = await train('--dataset', 'ctr', '--template', 'dlinear', '--target', 'price');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/target of dataset \d+ left as it was: the run was refused/);
    const roles = JSON.parse((await gatelab(['datasets', 'show', 'ctr', '--home', home, '--json'])).out) as { columns: Array<{ name: string; role: string }> };
    expect(roles.columns.filter((c) => c.role === 'target')).toEqual([]);
    expect(await datasetsInLab()).toEqual(['ctr']);
  });

  it('a --dataset path that does not exist: "No file", the datasets listed only when it could be a name', async () => {
    const inFolder = await train('--dataset', 'data/nope.csv', '--template', 'deepfm');
    expect(inFolder.code).toBe(2);
    expect(inFolder.err.trim()).toBe(`gatelab train: No file 'data/nope.csv' (${join(process.cwd(), 'data/nope.csv')} does not exist): check the path, or give a dataset's id or name (gatelab datasets lists them)`);
    const bare = await train('--dataset', 'nope.csv', '--template', 'deepfm');
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/^gatelab train: No file 'nope\.csv' \(.*nope\.csv does not exist\), and no dataset is named 'nope\.csv'\. Known datasets: \d+ \(ctr\)/);
    // a name that looks like a file is still the dataset of that name
    expect((await gatelab(['datasets', 'rename', 'ctr', 'clicks.csv', '--home', home])).code).toBe(0);
    const named = await train('--dataset', 'clicks.csv', '--template', 'dlinear');
    expect(named.err).toMatch(/'clicks\.csv' has no time column/);
  });
});

describe('gatelab train on a long-tail target: not refused', () => {
  it('5 large classes and 30 of 1-2 rows: trains to a test score, with a warning on stderr naming the classes too small to reach validation and test', async () => {
    const r = await train('--dataset', longTail, '--template', 'concat-fusion', '--target', 'label', '--epochs', '1', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain("warning: 30 of the 35 classes of the target 'label' have fewer than 3 rows (50 of its 1,000 rows), too few to have a row in each of train, validation and test");
    const result = JSON.parse(r.out.trim().split('\n').at(-1)!) as { status: string; test: { accuracy?: number } };
    expect(result.status).toBe('completed');
    expect(result.test.accuracy).toBeGreaterThan(0);
    expect(await datasetsInLab()).toContain('longtail');
  }, 60_000);
});
