// A signed number with huge outliers (audit: balance ~ N(0, 50) with 1% of rows at 1e9, click from the
// balance's sign and size). z-scored raw, the outliers set the std (1e8), every ordinary balance lands at
// ≈ −0.1 and a DNN scored test AUC 0.50; with the signed log sign(x)·log1p(|x|) fitted on the training
// rows it reads the signal. The same trainer, the same rows, with and without the rule.
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
  const rng = seededRandom(7, 'balances');
  const balance = new Float32Array(N), user = new Int32Array(N), y = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const outlier = rng.uniform() < 0.01;
    balance[i] = outlier ? 1e9 : 50 * rng.normal();
    user[i] = rng.int(20);
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-(outlier ? 0 : balance[i] / 25))) ? 1 : 0;
  }
  return columnSource(N, { balance: { values: balance }, user: { values: user, dictionary: Array.from({ length: 20 }, (_, k) => `u${k}`) }, y: { values: y } });
}
const typeOf = (c: string) => (c === 'user' ? 'categorical' : c === 'y' ? 'int' : 'float');
const columns = { family: 'recsys' as const, fields: ['user'], numeric: ['balance'], multiHot: [], label: { column: 'y' } };

async function testAuc(run: DatasetRun): Promise<number> {
  const config = parseRunConfig({
    model: { template: 'dnn', ...run.shape, embeddingDim: 4, hidden: [16], dropout: 0 },
    data: { kind: 'dataset', datasetId: 1 }, epochs: 4, batchSize: 64, earlyStopping: { patience: 0 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-signedlog-'));
  const events: FromTrainer[] = [];
  try {
    await trainRun({ runId: 1, config, checkpointDir: dir }, run.data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const finished = events.find((e) => e.type === 'finished');
  if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
  return finished.test.auc;
}

describe('a heavy-tailed signed number is read with the signed log', () => {
  const data = clicks();
  const split = computeSplit({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 }, data);

  it('names it in the data line and a small DNN reads the signal (raw z-score: chance)', async () => {
    const logged = runDataFrom(data, typeOf, split, columns);
    expect(logged.data.describe).toMatch(/; log-scaled: balance \(skewed, signed log\)/);
    expect(logged.data.logScaled).toEqual(['balance']);
    const plain = runDataFrom(data, typeOf, split, columns, {}, [], { logScaled: [] }); // what runs trained before the rule
    const [a, b] = [await testAuc(logged), await testAuc(plain)];
    expect(a).toBeGreaterThan(0.8);
    expect(a - b).toBeGreaterThan(0.15);
  }, 90_000);
});
