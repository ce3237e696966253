// Scoring a split against hand computations: MMoE's rating error in the rating's own units (the tower
// learns the z-scored rating), or in scaled units for a run created before that change, through the
// trainer's data path and a real ONNX Runtime session.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CHANNELS_FILE, TestChannels } from '../../common/runs/test-channels';
import type { FromTrainer } from '../../common/trainer-protocol';
import { trainRun } from './train-run';
import { columnSource, computeSplit, rowsOf, TEST, TRAIN, type DataColumn } from '../../common/data';
import { parseRunConfig } from '../../common/runs/config';
import { compileTraining } from '../../engine/train/compile';
import { TrainSession } from '../train-session';
import { runDataFrom } from '../data/run-data';
import { evaluateSplit } from './evaluate';
import { modelFor, optimizerFor } from './model-for';
import { rangeBatch } from './run-data';
import { inRatingUnitsOf } from './data-for';

const coded = (values: string[]): DataColumn => {
  const dictionary = [...new Set(values)];
  return { values: Int32Array.from(values, (v) => dictionary.indexOf(v)), dictionary };
};

describe('evaluateSplit', () => {
  it("scores MMoE's rating tower in rating points: predictions and targets unscaled with the fitted scaler", async () => {
    const N = 240;
    const rating = Float32Array.from({ length: N }, (_, i) => 1 + ((i * 7 + (i >> 3)) % 5)); // 1..5 stars
    const data = columnSource(N, {
      user: coded(Array.from({ length: N }, (_, i) => `u${i % 12}`)),
      item: coded(Array.from({ length: N }, (_, i) => `i${(i * 5) % 9}`)),
      rating: { values: rating },
    });
    const typeOf = (c: string) => (c === 'rating' ? 'int' : 'categorical');
    const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
    const r = runDataFrom(data, typeOf, split, { family: 'recsys', fields: ['user', 'item'], numeric: [], multiHot: [], label: { column: 'rating', positiveAtLeast: 4 }, rating: 'rating' });
    const config = parseRunConfig({
      model: { template: 'mmoe', ...r.shape, embeddingDim: 4, expertHidden: [8], towerHidden: [4] },
      data: { kind: 'dataset', datasetId: 1 }, dtype: 'float32', seed: 5,
    });
    const compiled = compileTraining(modelFor(config), { dtype: 'float32', optimizer: optimizerFor(config) });
    const session = await TrainSession.open(compiled, compiled.initialParams(5), { graphs: ['eval'] });
    try {
      const ev = await evaluateSplit(session, r.data, r.data.test);
      // by hand: the population mean/std of the training ratings, the raw test ratings in split order
      const train = [...rowsOf(split.assignment, TRAIN)].map((row) => rating[row]);
      const mean = train.reduce((a, b) => a + b, 0) / train.length;
      const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
      const truth = [...rowsOf(split.assignment, TEST)].map((row) => rating[row]);
      const scaled = (await session.evaluate(rangeBatch(r.data.test, 0, r.data.test.rows))).predictions.rating_pred.data;
      expect(scaled.length).toBe(truth.length);
      const errors = truth.map((t, i) => Number(scaled[i]) * std + mean - t);
      const rmse = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
      const mae = errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length;
      expect(std).toBeGreaterThan(1.2); // so rating points and standard deviations differ measurably
      expect(ev.metrics.rating_rmse).toBeCloseTo(rmse, 5);
      expect(ev.metrics.rating_mae).toBeCloseTo(mae, 5);
      expect(ev.metrics.rating_mse).toBeCloseTo(rmse * rmse, 5);
      // the loss stays the training objective (on the scaled rating): not rescaled
      expect(ev.metrics.loss).toBeGreaterThan(0);

      // The units follow the run's marker, as the trainer's dataFor applies it: a new run (marked 'rating')
      // in rating points; a run created before the marker (resumed, analysed) in standard deviations of
      // the rating, as its earlier points were, so its curves do not jump.
      const marked = await evaluateSplit(session, inRatingUnitsOf(parseRunConfig({ ...config, metrics: { ratingUnits: 'rating' } }), r.data), r.data.test);
      expect(marked.metrics.rating_rmse).toBeCloseTo(rmse, 5);
      const old = await evaluateSplit(session, inRatingUnitsOf(config, r.data), r.data.test);
      const zErrors = truth.map((t, i) => Number(scaled[i]) - (t - mean) / std);
      const zRmse = Math.sqrt(zErrors.reduce((a, e) => a + e * e, 0) / zErrors.length);
      expect(old.metrics.rating_rmse).toBeCloseTo(zRmse, 4);
      expect(old.metrics.rating_mae).toBeCloseTo(zErrors.reduce((a, e) => a + Math.abs(e), 0) / zErrors.length, 4);
      expect(old.metrics.rating_rmse).toBeCloseTo(rmse / std, 4); // the same error, one standard deviation per unit
      expect(old.metrics.auc).toBe(ev.metrics.auc); // the click task is scored as before either way
    } finally {
      await session.close();
    }
  }, 60_000);

  it('scores a forecast per channel too (test MSE/MAE of each channel), the headline MSE being their mean', async () => {
    const N = 400, names = ['load', 'temp', 'noise'];
    const series: Record<string, DataColumn> = {
      load: { values: Float32Array.from({ length: N }, (_, i) => 10 + 5 * Math.sin(i / 6)) },
      temp: { values: Float32Array.from({ length: N }, (_, i) => 20 + 0.05 * i) },
      noise: { values: Float32Array.from({ length: N }, (_, i) => Math.sin(i * i * 0.37) * 3) },
    };
    const data = columnSource(N, series);
    const split = computeSplit({ kind: 'chronological' }, data);
    const r = runDataFrom(data, () => 'float', split, { family: 'forecasting', channels: names, stride: 1 }, { lookback: 16, horizon: 4 });
    expect(r.data.channels).toEqual(names);
    const config = parseRunConfig({ model: { template: 'dlinear', ...r.shape }, data: { kind: 'dataset', datasetId: 1 }, dtype: 'float32', seed: 2 });
    const compiled = compileTraining(modelFor(config), { dtype: 'float32', optimizer: optimizerFor(config) });
    const session = await TrainSession.open(compiled, compiled.initialParams(2), { graphs: ['eval'] });
    try {
      const ev = await evaluateSplit(session, r.data, r.data.test);
      // by hand: forecast and target are [windows, horizon, channel]
      const batch = rangeBatch(r.data.test, 0, r.data.test.rows);
      const p = (await session.evaluate(batch)).predictions.forecast.data, y = batch.y.data;
      const want = names.map((name, c) => {
        let se = 0, ae = 0, n = 0;
        for (let i = c; i < p.length; i += names.length) { const d = Number(p[i]) - Number(y[i]); se += d * d; ae += Math.abs(d); n++; }
        return { name, mse: se / n, mae: ae / n };
      });
      expect(ev.channels).toHaveLength(3);
      ev.channels!.forEach((ch, c) => {
        expect(ch.name).toBe(want[c].name);
        expect(ch.mse).toBeCloseTo(want[c].mse, 6);
        expect(ch.mae).toBeCloseTo(want[c].mae, 6);
      });
      expect(ev.metrics.mse).toBeCloseTo(want.reduce((a, ch) => a + ch.mse, 0) / 3, 6); // headline unchanged: their mean
      expect(new Set(want.map((ch) => ch.mse.toFixed(3))).size).toBe(3); // the channels really differ
    } finally {
      await session.close();
    }
  }, 60_000);

  it('a forecasting run stores its per-channel test errors beside its checkpoints (mean = the headline test mse)', async () => {
    const N = 300, names = ['a', 'b'];
    const data = columnSource(N, { a: { values: Float32Array.from({ length: N }, (_, i) => Math.sin(i / 5)) }, b: { values: Float32Array.from({ length: N }, (_, i) => (i % 7) - 3) } });
    const r = runDataFrom(data, () => 'float', computeSplit({ kind: 'chronological' }, data), { family: 'forecasting', channels: names, stride: 1 }, { lookback: 12, horizon: 3 });
    const config = parseRunConfig({ model: { template: 'dlinear', ...r.shape }, data: { kind: 'dataset', datasetId: 1 }, dtype: 'float32', epochs: 1, batchSize: 32 });
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-channels-run-'));
    try {
      const events: FromTrainer[] = [];
      await trainRun({ runId: 1, config, checkpointDir: dir }, r.data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
      const finished = events.find((e) => e.type === 'finished');
      if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
      const stored = TestChannels.parse(JSON.parse(readFileSync(join(dir, TEST_CHANNELS_FILE), 'utf8')));
      expect(stored.channels.map((c) => c.name)).toEqual(names);
      expect((stored.channels[0].mse + stored.channels[1].mse) / 2).toBeCloseTo(finished.test.mse, 6);
      expect(Object.keys(finished.test).sort()).toEqual(['loss', 'mae', 'mse']); // the headline metrics only
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
