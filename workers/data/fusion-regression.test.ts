// A fusion model regressing a number end to end: a generated CSV (price = 3·x1 − 2·x2 + 5 when the review
// says "premium", + noise, around 100) through the real importer and cache, the trainer's own data path,
// training, the test metrics in the price's units, and the exported ONNX graph answering in prices too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { seededRandom } from '../../engine/nn/random';
import { labDatasetRun, shownScale } from './run-data';
import { readDatasetCache } from './cache';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import { trainRun } from '../run/train-run';
import { readCheckpoint } from '../run/checkpoint-file';
import { modelFor, optimizerFor } from '../run/model-for';
import { compileTraining } from '../../engine/train/compile';
import { exportInference } from '../../engine/train/export';
import { rangeBatch } from '../run/run-data';
import { runPipeline } from '../../main/lab/runs/run-pipeline';
import { preprocessingDoc } from '../../main/lab/runs/export-preprocessing';

let home: string;
const ROWS = 600;
const prices: number[] = [];
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-regr-'));
  const rng = seededRandom(11, 'regression');
  const lines = ['review,x1,x2,price'];
  for (let i = 0; i < ROWS; i++) {
    const x1 = rng.uniform() * 4 - 2, x2 = rng.uniform() * 4 - 2, premium = rng.uniform() < 0.5;
    const price = 100 + 3 * x1 - 2 * x2 + (premium ? 5 : 0) + (rng.uniform() - 0.5) * 0.5;
    prices.push(price);
    lines.push(`"${premium ? 'premium leather' : 'plain cotton'} item ${i % 7}",${x1.toFixed(4)},${x2.toFixed(4)},${i === 5 ? '' : price.toFixed(3)}`);
  }
  writeFileSync(join(home, 'items.csv'), lines.join('\n'));
  await importFile(join(home, 'items.csv'), join(home, 'items'), { columnTypes: { review: 'text' } });
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

const payload = () => {
  const meta = readDatasetCache(join(home, 'items')).meta;
  return { cacheDir: join(home, 'items'), columns: meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'price' ? 'target' : 'feature', modality: null })) };
};

describe('the scale on the data line', () => {
  it('has 4 significant digits at any scale (a tiny target read "mean 0.000298 and std 0.000062")', () => {
    expect(shownScale(0.000298123)).toBe('0.0002981');
    expect(shownScale(0.0000621449)).toBe('6.214e-5');
    expect(shownScale(-3.14159)).toBe('-3.142');
    expect(shownScale(101.23456)).toBe('101.2');
    expect(shownScale(1234567)).toBe('1,235,000');
    expect(shownScale(0)).toBe('0');
  });
});

describe('fusion regression', () => {
  it('reads a price as a number to regress: one output, standardized on the training rows, split at random, the row without a price left out', () => {
    const run = labDatasetRun(payload(), { model: { template: 'concat-fusion', textBuckets: 32 }, data: {} });
    expect(run.data.task).toBe('regression');
    expect(run.model).toMatchObject({ task: 'regression', classes: 1 });
    expect(run.data.describe).toMatch(/regressing 'price': a number with 596 distinct values \(\d+\.\d+, .*\); metrics mse, mae, rmse, r2 in its own units; use --set task=classification/);
    expect(run.data.describe).toMatch(/1 row without a target left out/);
    expect(run.data.describe).toMatch(/split at random \(a number to regress has no classes to stratify by\)/);
    const { train, validation, test } = run.data;
    expect([train.rows, validation.rows, test.rows]).toEqual([479, 60, 60]); // 80/10/10 of 599
    // the scale is the training rows' (not all rows'): their mean and population std of the price
    const y = Array.from(train.columns.y.data as Float32Array);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const std = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    const scale = run.model.targetScale as { mean: number; std: number };
    expect(scale.mean).toBeCloseTo(mean, 3);
    expect(scale.std).toBeCloseTo(std, 3);
    // the data line shows that scale to 4 significant digits (≈ 100 and ≈ 3.5)
    expect(run.data.describe).toContain(`standardized with the training rows' mean ${Number(scale.mean.toPrecision(4))} and std ${Number(scale.std.toPrecision(4))}`);
    const z = train.columns.label.data as Float32Array;
    expect(z[0]).toBeCloseTo((y[0] - scale.mean) / scale.std, 5);
  });

  it('task=classification reads the same prices as classes (the user asked for them)', () => {
    const asClasses = labDatasetRun(payload(), { model: { template: 'concat-fusion', textBuckets: 32, task: 'classification' }, data: {} });
    expect(asClasses.data.task).toBe('multiclass');
    expect(asClasses.data.classes).toBe(596); // distinct float32 prices: classes only because the user asked
  });

  it('trains to R² > 0.8 in the price units; the exported graph predicts the same prices', async () => {
    const run = labDatasetRun(payload(), { model: { template: 'gmu', textBuckets: 32, hidden: [32] }, data: {} });
    const config = parseRunConfig({
      model: run.model, data: { kind: 'dataset', datasetId: 1 }, epochs: 12, batchSize: 32, seed: 3,
      optimizer: { kind: 'adam', lr: 0.01, weightDecay: 0 }, earlyStopping: { patience: 4 },
    });
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-regr-run-'));
    const events: FromTrainer[] = [];
    try {
      await trainRun({ runId: 1, config, checkpointDir: dir }, run.data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
      const finished = events.find((e) => e.type === 'finished');
      if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
      const t = finished.test;
      expect(Object.keys(t).sort()).toEqual(['loss', 'mae', 'mse', 'r2', 'rmse']);
      // predicting the training mean scores r2 ≈ 0 and an MSE of the prices' variance (≈ 15): the model must do far better
      expect(t.r2).toBeGreaterThan(0.8);
      expect(t.rmse).toBeCloseTo(Math.sqrt(t.mse), 12);
      expect(t.mae).toBeLessThan(2);

      // export: the best checkpoint as ONNX, run in a fresh session, answers in prices (the scaler is in the graph)
      const kept = readCheckpoint(join(dir, 'best.ckpt'));
      const def = modelFor(config);
      const { layout } = compileTraining(def, { dtype: config.dtype, optimizer: optimizerFor(config) });
      const bytes = exportInference(def, { dtype: config.dtype, layout, params: kept.params, step: kept.header.step });
      const session = await ort.InferenceSession.create(Buffer.from(bytes));
      try {
        const batch = rangeBatch(run.data.test, 0, run.data.test.rows);
        const feeds = Object.fromEntries(session.inputNames.map((n) => [n, new ort.Tensor('float32', batch[n].data as Float32Array, batch[n].dims)]));
        const out = await session.run(feeds);
        const pred = out.prediction.data as Float32Array, y = batch.y.data as Float32Array;
        let se = 0;
        for (let i = 0; i < pred.length; i++) se += (pred[i] - y[i]) ** 2;
        expect(se / pred.length).toBeCloseTo(t.mse, 2); // the lab's test MSE, from the exported file alone
        const z = out.standardized.data as Float32Array;
        const scale = run.model.targetScale as { mean: number; std: number };
        expect(pred[0]).toBeCloseTo(z[0] * scale.std + scale.mean, 3);
      } finally {
        await session.release();
      }

      // the export's preprocessing document names the prediction in raw units and the scaler behind `standardized`
      const doc = preprocessingDoc(runPipeline(payload(), { model: config.model as Record<string, unknown>, data: {} }), { float: 'float32', targets: ['label'], classes: 1 });
      expect(doc.outputs.map((o) => [o.name, o.kind])).toEqual([['prediction', 'regression'], ['standardized', 'regression']]);
      expect(doc.outputs[1].scaler).toEqual({ kind: 'zscore', ...(run.model.targetScale as object) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
