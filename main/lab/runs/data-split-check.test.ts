// A run whose split its trainer can only refuse (a forecasting run on a random or given split, a 'given'
// split by name) used to be queued and fail at step 0, leaving a failed run in the list. It is refused
// before it is queued (exit 2 in the CLI: a mistake in the command), naming the split and what to use,
// and nothing is stored; the app's Start (runs port) refuses it with the same words. A split by time
// still trains. In-process through the CLI's entry point, with real trainer processes for the runs that train.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from '../../cli/testing/gatelab';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { openLabDatasets } from '../datasets/index';
import { openRunsPort } from './runs-port';
import { labHomeWithDemos } from '../testing/lab-home';

let home: string;

/** The runs stored in the lab (none after a refusal). */
function runsLeft(): Array<{ id: number; status: string }> {
  const store = openLabStore(labPaths(home).database);
  try {
    return store.runs.list().map((r) => ({ id: r.id, status: r.status }));
  } finally {
    store.close();
  }
}

const FORECAST = ['--template', 'dlinear', '--set', 'lookback=24', '--set', 'horizon=4', '--epochs', '1', '--set', 'max-steps=2'];
const BY_TIME = "forecasting splits by time, so that no window crosses from train into test";
const USE_INSTEAD = 'Use --set split=chronological (70/10/20 by row order) or --set split=ett (the ETT protocol: 12/4/4 months), or leave split out for the default (chronological)';

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-split-check-'); // demos recorded, none made: this test needs none
  const hour = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeFileSync(join(home, 'load.csv'), ['time,load,temp', ...Array.from({ length: 400 }, (_, i) => `${hour(i)},${(10 + Math.sin(i / 5)).toFixed(3)},${(i % 24) / 2}`)].join('\n'));
  writeFileSync(join(home, 'clicks.csv'), ['user,item,clicked', ...Array.from({ length: 400 }, (_, i) => `u${i % 30},i${(i * 7) % 40},${(i * 13) % 3 === 0 ? 1 : 0}`)].join('\n'));
  expect((await gatelab(['import', join(home, 'load.csv'), '--name', 'load', '--home', home])).code).toBe(0);
  expect((await gatelab(['import', join(home, 'clicks.csv'), '--name', 'clicks', '--home', home])).code).toBe(0);
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('a split the run cannot train on is refused before it is queued', () => {
  it("forecasting with split=random or split=given: exit 2, the split named with the splits by time to use, no run stored", async () => {
    const random = await gatelab(['train', '--dataset', 'load', ...FORECAST, '--set', 'split=random', '--home', home]);
    expect(random.err).toBe(`gatelab train: run config: data.split 'random' shuffles the rows, and template dlinear forecasts a series: ${BY_TIME}. ${USE_INSTEAD}\n`);
    expect(random.code).toBe(2);
    const given = await gatelab(['train', '--dataset', 'load', ...FORECAST, '--set', 'split=given', '--home', home]);
    expect(given.err).toBe(`gatelab train: run config: data.split 'given' matches the rows to split files, and template dlinear forecasts a series: ${BY_TIME}. ${USE_INSTEAD}\n`);
    expect(given.code).toBe(2);
    expect(runsLeft()).toEqual([]);
  }, 60_000);

  it("split=given by name on a CTR dataset: its rows are in a stored split only, so the message says how to store one, then names it by id", async () => {
    const none = await gatelab(['train', '--dataset', 'clicks', '--target', 'clicked', '--template', 'lr', '--set', 'split=given', '--home', home]);
    expect(none.err).toContain("gatelab train: run config: data.split 'given' reads the rows of your split files, which only a stored split keeps, and dataset 'clicks' has none: " +
      'store one with gatelab datasets split clicks --kind given --train FILE --test FILE and train with --set data.splitId=SPLIT (the id it prints)');
    expect(none.out).toMatch(/target of dataset \d+ left as it was: the run was refused/);
    expect(none.code).toBe(2);
    // split files stored as a given split: the refusal names its id
    writeFileSync(join(home, 'clicks-train.csv'), ['user,item,clicked', ...Array.from({ length: 300 }, (_, i) => `u${i % 30},i${(i * 7) % 40},${(i * 13) % 3 === 0 ? 1 : 0}`)].join('\n'));
    writeFileSync(join(home, 'clicks-test.csv'), ['user,item,clicked', ...Array.from({ length: 100 }, (_, j) => j + 300).map((i) => `u${i % 30},i${(i * 7) % 40},${(i * 13) % 3 === 0 ? 1 : 0}`)].join('\n'));
    const stored = await gatelab(['datasets', 'split', 'clicks', '--kind', 'given', '--train', join(home, 'clicks-train.csv'), '--test', join(home, 'clicks-test.csv'), '--name', 'files', '--home', home]);
    expect(stored.code, stored.err).toBe(0);
    const id = Number(/data\.splitId=(\d+)/.exec(stored.out)![1]);
    const named = await gatelab(['train', '--dataset', 'clicks', '--target', 'clicked', '--template', 'lr', '--set', 'split=given', '--home', home]);
    expect(named.err).toContain(`run config: data.split 'given' reads the rows of your split files, which only a stored split keeps: name one of dataset 'clicks' by its id instead: --set data.splitId=${id} ('files')`);
    expect(named.code).toBe(2);
    expect(runsLeft()).toEqual([]);
  }, 60_000);

  it("a stored random split named by a forecasting run: refused in the CLI and in the app's Start with the same words, naming the dataset's splits by time", async () => {
    const random = await gatelab(['datasets', 'split', 'load', '--kind', 'random', '--ratios', '0.8,0.1,0.1', '--name', 'shuffled', '--home', home]);
    const chrono = await gatelab(['datasets', 'split', 'load', '--kind', 'chronological', '--home', home]);
    const [randomId, chronoId] = [random, chrono].map((r) => Number(/data\.splitId=(\d+)/.exec(r.out)![1]));
    const said = `run config: data.splitId: split ${randomId} ('shuffled', random) shuffles the rows, and template dlinear forecasts a series: ${BY_TIME}. ` +
      `Use a split by time of dataset 'load': --set data.splitId=${chronoId} ('chronological'), or leave data.splitId out for the default (chronological 70/10/20)`;
    const cli = await gatelab(['train', '--dataset', 'load', ...FORECAST, '--set', `data.splitId=${randomId}`, '--home', home]);
    expect(cli.err).toBe(`gatelab train: ${said}\n`);
    expect(cli.code).toBe(2);
    // the app's Models view starts runs through the runs port: the same words, as the start's error
    const paths = labPaths(home);
    const lab = await openLabDatasets(paths, { demos: false });
    const port = openRunsPort({ store: lab.store, paths, registry: lab.registry, poolSize: 1 });
    try {
      const datasetId = String(lab.store.splits.get(randomId)!.datasetId);
      let refusal: unknown;
      try {
        await port.start({ template: 'dlinear', datasetId, config: { lookback: 24, horizon: 4, data: { splitId: randomId } }, seeds: 2, name: 'from the app' });
      } catch (e) {
        refusal = e;
      }
      expect(refusal).toMatchObject({ code: 'invalid-payload', message: said });
    } finally {
      await port.close();
      lab.close();
    }
    expect(runsLeft()).toEqual([]);
  }, 60_000);

  it('a forecasting run on a split by time is queued and trains', async () => {
    const r = await gatelab(['train', '--dataset', 'load', ...FORECAST, '--set', 'split=chronological', '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/run \d+ completed at step \d+: test loss/);
    expect(runsLeft()).toEqual([{ id: expect.any(Number), status: 'completed' }]);
  }, 60_000);
});
