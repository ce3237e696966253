// A classification run through the trainer: it stores its test metrics per class and the confusion matrix
// beside its checkpoints (macro F1 = the headline test f1), and `loss.classWeights: 'balanced'` weighs the
// classes by n / (k · n_c) over the training rows (named in the data line), so a rare class that the
// unweighted model never predicts gets predicted. A forecasting run asking for class weights is refused.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CLASSES_FILE, TestClasses } from '../../common/runs/test-classes';
import type { FromTrainer } from '../../common/trainer-protocol';
import { columnSource, computeSplit, rowsOf, TEST, TRAIN, type DataColumn } from '../../common/data';
import { parseRunConfig } from '../../common/runs/config';
import { seededRandom } from '../../engine/nn/random';
import { runDataFrom } from '../data/run-data';
import { trainRun } from './train-run';
import { trainInTempFolder } from './fixtures/train-in-temp-folder';

const N = 1200;
const NAMES = ['common', 'mid', 'rare'];
const rng = seededRandom(4, 'classes');
// 85 / 10 / 5: the rare class sits one standard deviation off the common one in x1, overlapping it
const ids = Array.from({ length: N }, () => { const u = rng.uniform(); return u < 0.05 ? 2 : u < 0.15 ? 1 : 0; });
const x1 = Float32Array.from(ids, (c) => (c === 2 ? 1.3 : c === 1 ? -1.5 : 0) + rng.normal());
const x2 = Float32Array.from(ids, (c) => (c === 1 ? 1 : 0) + rng.normal());
const label: DataColumn = { values: Int32Array.from(ids), dictionary: NAMES };
const data = columnSource(N, { x1: { values: x1 }, x2: { values: x2 }, y: label });
const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
const run = runDataFrom(data, () => 'float', split, { family: 'fusion', modalities: [{ name: 'tab', columns: ['x1', 'x2'] }], label: 'y', classes: 1, textBuckets: 64 });

async function train(loss?: unknown) {
  const config = parseRunConfig({
    model: { template: 'concat-fusion', ...run.shape, hidden: [16], dropout: 0 }, data: { kind: 'dataset', datasetId: 1 },
    dtype: 'float32', epochs: 6, batchSize: 32, seed: 1, earlyStopping: { patience: 0 }, ...(loss ? { loss } : {}),
  });
  const { events, read } = await trainInTempFolder(config, run.data, { read: (dir) => readFileSync(join(dir, TEST_CLASSES_FILE), 'utf8') });
  const finished = events.find((e) => e.type === 'finished');
  const ready = events.find((e) => e.type === 'ready');
  if (finished?.type !== 'finished' || ready?.type !== 'ready' || read === undefined) throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
  return { finished, ready, classes: TestClasses.parse(JSON.parse(read)) };
}

const countsIn = (part: number) => NAMES.map((_, c) => [...rowsOf(split.assignment, part)].filter((r) => ids[r] === c).length);

describe('per-class test metrics and class weights of a classification run', () => {
  it('stores precision, recall, F1, support and the confusion matrix; balanced weights get the rare class predicted', async () => {
    const plain = await train();
    const t = plain.classes;
    expect(t.classes.map((c) => c.name)).toEqual(NAMES);
    expect(t.classes.map((c) => c.support)).toEqual(countsIn(TEST)); // the test rows of each class
    expect(t.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(countsIn(TEST));
    expect(t.macro.f1).toBeCloseTo(plain.finished.test.f1, 12); // the headline f1 is the table's macro F1
    const correct = t.confusion.reduce((s, row, c) => s + row[c], 0);
    expect(correct / run.data.test.rows).toBeCloseTo(plain.finished.test.accuracy, 12);
    expect(t.classes[2].predicted).toBe(0); // unweighted, the 5% class is never predicted
    expect(plain.ready.data).not.toMatch(/class weights/);

    const balanced = await train({ classWeights: 'balanced' });
    const n = countsIn(TRAIN), total = n.reduce((a, b) => a + b, 0);
    const short = (w: number) => String(Number(w.toPrecision(3)));
    expect(balanced.ready.data).toContain(`; class weights (balanced): ${NAMES.map((name, c) => `'${name}' ${short(total / (3 * n[c]))}`).join(', ')}`);
    const rare = balanced.classes.classes[2];
    expect(rare.predicted).toBeGreaterThan(0);
    expect(rare.recall).toBeGreaterThan(0.3);
    expect(balanced.classes.macro.recall).toBeGreaterThan(t.macro.recall); // balanced accuracy improves
  }, 120_000);

  it('a forecasting run asking for class weights fails with the fix, before it trains', async () => {
    const M = 200;
    const series = columnSource(M, { a: { values: Float32Array.from({ length: M }, (_, i) => Math.sin(i / 4)) } });
    const f = runDataFrom(series, () => 'float', computeSplit({ kind: 'chronological' }, series), { family: 'forecasting', channels: ['a'], stride: 1 }, { lookback: 8, horizon: 2 });
    const config = parseRunConfig({ model: { template: 'dlinear', ...f.shape }, data: { kind: 'dataset', datasetId: 1 }, loss: { classWeights: 'balanced' } });
    const events: FromTrainer[] = [];
    await expect(trainRun({ runId: 2, config, checkpointDir: tmpdir() }, f.data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true }))
      .rejects.toThrow(/loss.classWeights applies to classification runs \(a binary or multi-class target\); template dlinear predicts numbers: remove loss.classWeights from the run/);
    expect(events).toEqual([]);
  });
});
