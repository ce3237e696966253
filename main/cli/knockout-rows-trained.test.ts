// `gatelab knockout RUN --gate G --mode M --rows R` on tiny runs really trained (a couple of steps each): the
// target column in the run's own words. A MovieLens-style `rating ≥ 4` click shows each row's rating, read
// from the dataset row `gatelab split` puts there (not the rule's side '≥ 4'), and --json names both; the
// rating tower and a regression are headed by their target column, not the output's name. The app's What if
// (analytics.knockoutRows) and Try it (runs.try) answer the same ratings, as LabApi's schemas pass them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { datasetResolver } from '../lab/runs/dataset-runs';
import { RunFiles } from '../lab/runs/run-files';
import { exportRun } from '../lab/runs/export-run';
import { LabAnalytics } from '../lab/lab/analytics';
import { TryIt } from '../lab/lab/try-it';
import type { RunsPort } from '../lab/lab/runs-port';
import { RunKnockoutRows, TryResultWithTargetValues } from '../../common/lab-api';

let home: string;
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);
const ok = async (args: string[]) => {
  const r = await gatelab([...args, '--home', home]);
  expect(r.code, r.err).toBe(0);
  return r;
};

// ratings 1..5 in turn, every other one .7 above (both sides of the rule in every part; a float32 cell's 3.7 is
// 3.700000047…, read back as the file writes it); two steps learn nothing, the rows only need a rating each
const ratings = Array.from({ length: 200 }, (_, i) => `${i % 17},${i % 23},${((i * 7) % 5) + 1}${i % 2 ? '.7' : ''},${'abc'[i % 3]}`);
const prices = Array.from({ length: 200 }, (_, i) => `${i % 10},${(i * 3) % 7},${(i * 5) % 11},${i % 4},${(i % 10) * 3 + ((i * 5) % 11) + 0.5}`);

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-knockout-rows-trained-'));
  writeFileSync(join(home, 'ratings.csv'), ['user,item,rating,genre', ...ratings].join('\n') + '\n');
  writeFileSync(join(home, 'prices.csv'), ['a,b,c,d,price', ...prices].join('\n') + '\n');
  await ok(['import', join(home, 'ratings.csv')]);
  await ok(['datasets', 'roles', 'ratings', 'rating=target', '--positive-at-least', '4']);
  await ok(['train', '--dataset', 'ratings', '--template', 'mmoe', '--epochs', '1', '--set', 'max-steps=2']);
  await ok(['import', join(home, 'prices.csv')]);
  await ok(['datasets', 'roles', 'prices', 'a=feature:x', 'b=feature:x', 'c=feature:y', 'd=feature:y', 'price=target']);
  await ok(['train', '--dataset', 'prices', '--template', 'gmu', '--epochs', '1', '--set', 'max-steps=2']);
}, 180_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The file's rating of each of run 1's first test rows: the dataset rows `gatelab split 1` puts in test, in order. */
async function testRatings(count: number): Promise<string[]> {
  const split = (await ok(['split', '1'])).out.trim().split('\n').slice(1).map((l) => l.split(','));
  return split.filter(([, part]) => part === 'test').slice(0, count).map(([row]) => ratings[Number(row)].split(',')[2]);
}

describe('gatelab knockout --rows on trained runs', () => {
  it("a rule's click: each row's rating from the file, beside the side the model learns (--json)", async () => {
    const expected = await testRatings(4);
    const r = await ok(['knockout', '1', '--gate', 'gate.task0', '--mode', 'uniform', '--rows', '0-3']);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^run 1: P\(rating ≥ 4\) of 4 test rows/);
    expect(lines.slice(2).map((l) => l.trim().split(/ +/)[1])).toEqual(expected);
    expect(r.out).not.toContain('target: '); // every rating was read: no note
    const json = lastJson((await ok(['knockout', '1', '--gate', 'gate.task0', '--mode', 'uniform', '--rows', '0-3', '--json'])).out);
    expect(json.rows.map((row: { target: number[]; targetName: string; targetValue: number }) => [row.target[0], row.targetName, String(row.targetValue)]))
      .toEqual(expected.map((v) => [Number(v) >= 4 ? 1 : 0, Number(v) >= 4 ? '≥ 4' : '< 4', v]));
  }, 120_000);

  it("the app's What if and Try it answer each row's rating as knockout --rows reads it", async () => {
    const expected = await testRatings(4);
    expect(expected.some((v) => v.endsWith('.7'))).toBe(true); // a float32 cell among them
    const paths = labPaths(home);
    const lab = await openLabDatasets(paths, { demos: false });
    const resolve = datasetResolver(lab.registry);
    const app = new LabAnalytics(lab.store, paths, resolve);
    const files = new RunFiles(paths.checkpoints, paths.home);
    const runs = { available: true, export: (id: string) => exportRun(lab.store, files, Number(id), join(home, `run-${id}.onnx`)) } as unknown as RunsPort;
    try {
      const whatIf = RunKnockoutRows.parse(await app.knockoutRows('1', { gate: 'gate.task0', mode: 'uniform', rows: [0, 1, 2, 3] }));
      expect(whatIf.rows.map((row) => String(row.targetValue))).toEqual(expected);
      expect(whatIf.targetValueProblem).toBeUndefined();
      const tried = TryResultWithTargetValues.parse(await new TryIt(lab.store, runs, resolve, undefined, paths).predict('1', [0, 1, 2, 3]));
      expect(tried.rows.map((row) => [row.target[0], String(row.targetValue)])).toEqual(expected.map((v) => [Number(v) >= 4 ? 1 : 0, v]));
      // a regression has no rule: no rating beside its target
      expect(RunKnockoutRows.parse(await app.knockoutRows('2', { gate: 'gmu', mode: 'open', rows: [0] })).rows[0]).not.toHaveProperty('targetValue');
    } finally {
      app.close();
      lab.close();
    }
  }, 120_000);

  it("the rating tower and a regression are headed by their target column", async () => {
    expect((await ok(['knockout', '1', '--gate', 'gate.task1', '--mode', 'uniform', '--rows', '0'])).out).toMatch(/^run 1: rating of 1 test row/);
    expect((await ok(['knockout', '2', '--gate', 'gmu', '--mode', 'open', '--rows', '0'])).out).toMatch(/^run 2: price of 1 test row \(of \d+\), as trained and with gmu open \(x only\)\n {2}test row +target /);
  }, 120_000);
});
