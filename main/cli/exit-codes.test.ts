// The exit codes a script relies on (exit-codes.ts): 2 when what was asked is refused (nothing queued, nothing
// changed), 1 when the lab itself fails, the same across the verbs. In-process (testing/gatelab.ts: the code
// is the one bin/gatelab.js exits with); no run trains here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { openLabStore } from '../lab/store/index';
import { labPaths } from '../lab/home';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

let home: string;
/** An hourly series of 1,000 rows: a chronological split fits it, the ETT protocol's 20 months do not. */
let short: string;

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-exit-');
  short = join(home, 'short.csv');
  const start = Date.UTC(2020, 0, 1);
  const rows = Array.from({ length: 1000 }, (_, i) => `${new Date(start + i * 3600_000).toISOString().slice(0, 16).replace('T', ' ')},${Math.sin(i / 9).toFixed(4)},${(i % 24) / 10}`);
  writeFileSync(short, ['date,load,hour', ...rows].join('\n') + '\n');
  // imported first: a refused train removes a file it imported (nothing imported), and the sweep names it
  await gatelab(['import', short, '--home', home]);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const runsInLab = async () => JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as Array<{ run: number; status: string }>;
const ETT_REFUSAL = /The ETT split needs 20 months of data \(14,400 rows at one row per hour\); this dataset has 1,000\. Use a chronological split with ratios instead/;

describe('exit code 2: the request is refused, and nothing is queued', () => {
  it('gatelab train: data the split cannot cut (ETT months on 1,000 rows), a --config file that is not there or not a config', async () => {
    const ett = await gatelab(['train', '--home', home, '--dataset', short, '--template', 'dlinear', '--set', 'split=ett', '--json']);
    expect(ett.code).toBe(2); // was 1: a refusal its message did not look like
    expect(JSON.parse(ett.out.trim().split('\n').at(-1)!)).toMatchObject({ run: null, status: 'error', error: expect.stringMatching(ETT_REFUSAL) });
    const missing = await gatelab(['train', '--home', home, '--config', join(home, 'nope.json')]);
    expect([missing.code, missing.err.trim()]).toEqual([2, `gatelab train: --config: cannot read '${join(home, 'nope.json')}': no such file`]);
    writeFileSync(join(home, 'broken.json'), '{ "epochs": ');
    const broken = await gatelab(['train', '--home', home, '--config', join(home, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/--config: .*broken\.json is not valid JSON/);
    const dataset = await gatelab(['train', '--home', home, '--dataset', 'no-such-data', '--template', 'dlinear']);
    expect(dataset.code).toBe(2);
    expect(dataset.err).toMatch(/No dataset 'no-such-data'\. Known datasets: .*short/);
    expect(await runsInLab()).toEqual([]);
  });

  it('gatelab sweep refuses what train refuses, with the same code (it exited 1)', async () => {
    const file = join(home, 'ett-sweep.json');
    writeFileSync(file, JSON.stringify({ name: 'ett', config: { model: { template: 'dlinear', lookback: 24, horizon: 6 }, data: { kind: 'dataset', datasetId: 'short', split: 'ett' }, epochs: 1 }, seeds: 2 }));
    const ett = await gatelab(['sweep', file, '--home', home]);
    expect(ett.code).toBe(2);
    expect(ett.err).toMatch(ETT_REFUSAL);
    writeFileSync(file, JSON.stringify({ config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 'gone' } }, seeds: 1 }));
    expect(await gatelab(['sweep', file, '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/No dataset 'gone'/) });
    expect(await gatelab(['sweep', join(home, 'nope.json'), '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read the experiment file .*: no such file/) });
    writeFileSync(file, JSON.stringify({ config: { epochs: 'many' }, seeds: 1 }));
    expect(await gatelab(['sweep', file, '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/run config: epochs: /) });
    expect(await runsInLab()).toEqual([]);
  });

  it('run verbs: no such run, a run with nothing to export or analyse, a run that cannot be resumed', async () => {
    // one completed run with no checkpoint files (its folder was cleaned): nothing to export, resume or knock out
    const store = openLabStore(labPaths(home).database);
    const config = parseNewRunConfig({ epochs: 1, data: { kind: 'synthetic', samples: 256 } });
    const done = store.runs.create({ config, seed: 1 });
    store.runs.setStatus(done, 'completed', { step: 4 });
    store.close();
    for (const verb of ['show', 'export', 'split', 'knockout', 'resume', 'delete']) {
      const r = await gatelab([verb, '999', '--home', home]);
      expect([verb, r.code, r.err.trim()]).toEqual([verb, 2, `gatelab ${verb}: no run 999 in ${home} (gatelab runs lists them)`]);
    }
    expect(await gatelab(['export', String(done), '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(new RegExp(`run ${done} \\(completed\\) has no checkpoint to export yet`)) });
    expect(await gatelab(['knockout', String(done), '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/has no checkpoint yet: knockouts and gate reports analyse a trained model/) });
    expect(await gatelab(['knockout', String(done), '--resamples', 'lots', '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/--resamples must be a whole number of at least 1 \(got 'lots'\)/) });
    expect(await gatelab(['split', String(done), '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(/trained on synthetic data/) });
    expect(await gatelab(['resume', String(done), '--home', home])).toMatchObject({ code: 2, err: expect.stringMatching(new RegExp(`run ${done} is completed: only paused or interrupted runs can be resumed`)) });
    expect(await gatelab(['runs', '--status', 'finished', '--home', home])).toMatchObject({ code: 2 });
    expect((await runsInLab()).map((r) => r.status)).toEqual(['completed']); // nothing changed
  });
});

describe('exit code 1: the lab itself fails (here its home cannot be made: it is under a file)', () => {
  it('train and sweep say what failed, with 1 (not 2: the request was fine)', async () => {
    const notAFolder = join(home, 'short.csv', 'lab');
    const train = await gatelab(['train', '--home', notAFolder, '--epochs', '1', '--json']);
    expect(train.code).toBe(1);
    expect(JSON.parse(train.out.trim())).toMatchObject({ run: null, status: 'error', error: expect.stringMatching(/ENOTDIR/) });
    writeFileSync(join(home, 'demo-sweep.json'), JSON.stringify({ config: { epochs: 1 }, seeds: 1 }));
    expect(await gatelab(['sweep', join(home, 'demo-sweep.json'), '--home', notAFolder])).toMatchObject({ code: 1, err: expect.stringMatching(/ENOTDIR/) });
    expect(await gatelab(['resume', '1', '--home', notAFolder])).toMatchObject({ code: 1 });
  });
});
