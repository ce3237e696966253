// Heavy-tailed numbers (audit: price = exp(N(5, 3)) capped at 1e6, click from log price): z-scored alone,
// almost every price lands in a sliver near −mean/std and LR scored test AUC 0.61; log-scaled first (fitted
// on the training rows) it reads the signal. The same trainer, the same rows, with and without the rule.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit } from '../../common/data';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import { seededRandom } from '../../engine/nn/random';
import { trainRun } from '../run/train-run';
import { runDataFrom, type DatasetRun } from './run-data';

const N = 4000;
function clicks() {
  const rng = seededRandom(11, 'prices');
  const price = new Float32Array(N), user = new Int32Array(N), y = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    price[i] = Math.min(1e6, Math.exp(5 + 3 * rng.normal()));
    user[i] = rng.int(20);
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-1.5 * (Math.log(price[i]) - 5) / 3 * 2)) ? 1 : 0;
  }
  return columnSource(N, { price: { values: price }, user: { values: user, dictionary: Array.from({ length: 20 }, (_, k) => `u${k}`) }, y: { values: y } });
}
const typeOf = (c: string) => (c === 'user' ? 'categorical' : c === 'y' ? 'int' : 'float');
const columns = { family: 'recsys' as const, fields: ['user'], numeric: ['price'], multiHot: [], label: { column: 'y' } };

async function testAuc(run: DatasetRun): Promise<number> {
  const config = parseRunConfig({ model: { template: 'lr', ...run.shape }, data: { kind: 'dataset', datasetId: 1 }, epochs: 3, batchSize: 64, earlyStopping: { patience: 0 } });
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-logscale-'));
  const events: FromTrainer[] = [];
  try {
    await trainRun({ runId: 1, config, checkpointDir: dir }, run.data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ready = events.find((e) => e.type === 'ready');
  expect(ready?.type === 'ready' && ready.logScaled).toEqual(run.data.logScaled); // stored with the run by the lab
  const finished = events.find((e) => e.type === 'finished');
  if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
  return finished.test.auc;
}

describe('a heavy-tailed numeric feature is log-scaled before its z-score', () => {
  const data = clicks();
  const split = computeSplit({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 }, data);

  it('the rule fires on the skewed price, names it in the data line, and the model reads the signal', async () => {
    const logged = runDataFrom(data, typeOf, split, columns);
    expect(logged.data.describe).toMatch(/; log-scaled: price \(skewed\)/);
    expect(logged.data.logScaled).toEqual(['price']);
    const plain = runDataFrom(data, typeOf, split, columns, {}, [], { logScaled: [] }); // what runs trained before the rule
    expect(plain.data.describe).not.toMatch(/log-scaled/);
    const [a, b] = [await testAuc(logged), await testAuc(plain)];
    expect(a).toBeGreaterThan(0.8);
    expect(a - b).toBeGreaterThan(0.1);
  }, 60_000);

  it('a near-normal column, a 0/1 flag and a near-normal column with negatives are left linear; a heavy-tailed one with a negative takes the signed log', () => {
    const rng = seededRandom(2, 'flat');
    const flag = Float32Array.from({ length: N }, () => (rng.uniform() < 0.01 ? 1 : 0)); // skewness ≈ 10, but two values
    const d = columnSource(N, { ...Object.fromEntries(['price', 'user', 'y'].map((c) => [c, data.column(c)])), age: { values: Float32Array.from({ length: N }, () => 40 + 10 * rng.normal()) },
      flag: { values: flag }, change: { values: Float32Array.from(data.column('price').values, (v, i) => (i === 0 ? -1 : v)) },
      delta: { values: Float32Array.from({ length: N }, () => 10 * rng.normal()) } });
    const r = runDataFrom(d, typeOf, split, { ...columns, numeric: ['age', 'flag', 'delta', 'change', 'price'] });
    // |change| is the price's tail: its one negative no longer keeps it linear (scalers.ts isHeavyTailed)
    expect(r.data.logScaled).toEqual(['change', 'price']);
    expect(r.data.describe).toMatch(/log-scaled: change \(skewed, signed log\), price \(skewed\)/);
  });

  it('classification reports the majority-class baseline on test: the training majority, scored on test', () => {
    const r = runDataFrom(data, typeOf, split, columns);
    const y = data.column('y').values;
    const test = Array.from(split.assignment.keys()).filter((i) => split.assignment[i] === 2);
    const positives = test.filter((i) => y[i] === 1).length / test.length;
    const train = Array.from(split.assignment.keys()).filter((i) => split.assignment[i] === 0);
    const majority = train.filter((i) => y[i] === 1).length * 2 > train.length ? 1 : 0;
    expect(r.data.baseline).toEqual({ accuracy: expect.closeTo(majority ? positives : 1 - positives, 12), majority: majority ? "'1'" : "'0'", majorityClass: String(majority), positiveRate: expect.closeTo(positives, 12) });
  });
});
