// A run whose router temperature is still annealing when the best-on-validation checkpoint is kept: the
// test metrics are those of the kept parameters at the kept step's temperature (as they were trained),
// not at the final step's temperature, and each validation is evaluated at the step it happens at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import { compileTraining } from '../../engine/train/compile';
import { TrainSession } from '../train-session';
import { readCheckpoint } from './checkpoint-file';
import { evaluateSplit } from './evaluate';
import { modelFor, optimizerFor } from './model-for';
import type { Rows, RunData } from './run-data';
import { trainRun } from './train-run';
import { trainInTempFolder } from './fixtures/train-in-temp-folder';

const A = 4, Bw = 3, ROWS = 64, BATCH = 16;

/** Two modalities and a binary label that depends on both; `flip` inverts the label. */
function rows(flip: boolean): Rows {
  const a = Float64Array.from({ length: ROWS * A }, (_, i) => Math.sin(1.1 * i + 0.3));
  const b = Float64Array.from({ length: ROWS * Bw }, (_, i) => Math.cos(0.7 * i));
  const label = Float64Array.from({ length: ROWS }, (_, r) => Number((a[r * A] + b[r * Bw] > 0) !== flip));
  return { rows: ROWS, columns: { m_a: { data: a, shape: [A] }, m_b: { data: b, shape: [Bw] }, label: { data: label, shape: [1] } } };
}

describe('trainRun with a dense-to-sparse router schedule', () => {
  it('evaluates the kept checkpoint on test at the step it was kept at', async () => {
    const steps = 20, from = 4, to = 0.25;
    const tau = (s: number) => from * (to / from) ** Math.min(s / steps, 1);
    const config = parseRunConfig({
      model: { template: 'moe-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, expertHidden: [4],
        router: { kind: 'softmax-router', experts: 2, schedule: { kind: 'dense-to-sparse', from, to, steps } } },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 4, batchSize: BATCH, stepsPerCall: 2, dtype: 'float64',
      optimizer: { kind: 'adam', lr: 0.05, weightDecay: 0 }, earlyStopping: { patience: 0 },
    });
    // Validation (and test) labels are the training labels inverted: the better the model fits its
    // training rows, the worse it does on validation, so the best checkpoint is the first epoch's.
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(false), validation: rows(true), test: rows(true), describe: 'test rows' };
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-sched-'));
    const events: FromTrainer[] = [];
    try {
      await trainRun({ runId: 1, config, checkpointDir: dir }, data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
      const finished = events.find((e) => e.type === 'finished');
      if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
      const kept = readCheckpoint(join(dir, 'best.ckpt'));
      const finalStep = finished.step;
      expect(finalStep).toBe(4 * (ROWS / BATCH));
      expect(kept.header.step).toBe(ROWS / BATCH); // kept mid-schedule, long before the last step

      const compiled = compileTraining(modelFor(config), { dtype: 'float64', optimizer: optimizerFor(config) });
      const session = await TrainSession.open(compiled, kept.params, { graphs: ['eval'], step: kept.header.step });
      try {
        const atKept = await evaluateSplit(session, data, data.test, { params: kept.params, step: kept.header.step });
        const atFinal = await evaluateSplit(session, data, data.test, { params: kept.params, step: finalStep });
        expect(atKept.stats['router.temperature'][0]).toBeCloseTo(tau(kept.header.step), 12);
        expect(finished.test.loss).toBe(atKept.metrics.loss);
        expect((await evaluateSplit(session, data, data.test)).metrics.loss).toBe(atKept.metrics.loss); // a session opened at the checkpoint's step
        expect(Math.abs(atFinal.metrics.loss - atKept.metrics.loss)).toBeGreaterThan(1e-4); // the step matters here
        // each validation ran at its own step's temperature: epoch 1's loss is the kept parameters' at τ(4)
        const firstValidation = events.find((e) => e.type === 'eval' && e.split === 'validation');
        expect(firstValidation?.type === 'eval' && firstValidation.metrics.loss).toBe(atKept.metrics.loss);
      } finally {
        await session.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('trainRun threads', () => {
  it('trains the same run on 2 ONNX Runtime threads as on 1 (float64: equal to round-off)', async () => {
    const base = {
      model: { template: 'concat-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, hidden: [8] },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 2, batchSize: BATCH, dtype: 'float64', earlyStopping: { patience: 0 },
    } as const;
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(false), validation: rows(false), test: rows(false), describe: 'test rows' };
    const testLoss = async (threads: number) => {
      const { events } = await trainInTempFolder(parseRunConfig({ ...base, threads }), data);
      const finished = events.find((e) => e.type === 'finished');
      if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
      return finished.test.loss;
    };
    const [one, two] = [await testLoss(1), await testLoss(2)];
    expect(Number.isFinite(one)).toBe(true);
    expect(Math.abs(two - one)).toBeLessThan(1e-9 * Math.max(1, Math.abs(one)));
    expect(() => parseRunConfig({ threads: 0 })).toThrow(/run config: threads: Too small/);
  });
});

describe('trainRun on inputs holding NaN', () => {
  it('fails naming the input, not blaming the learning rate', async () => {
    const config = parseRunConfig({
      model: { template: 'concat-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1 },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 1, batchSize: BATCH, stepsPerCall: 2, dtype: 'float64',
    });
    const train = rows(false);
    (train.columns.m_a.data as Float64Array)[5] = NaN; // every batch order meets row 1 in the first epoch
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train, validation: rows(false), test: rows(false), describe: 'nan rows' };
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-nan-'));
    try {
      await expect(trainRun({ runId: 1, config, checkpointDir: dir }, data, () => {}, { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true }))
        .rejects.toThrow(/the model's input 'm_a' holds NaN or ±Infinity in the batches of steps \d+\.\.\d+, so the loss became NaN: .*leave its column out/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('trainRun capped by max-steps inside an epoch', () => {
  // Validation rows are the training rows, so more training is better on validation: the final weights of
  // a capped run must be validated and kept, not left behind the last epoch's end (or untested before it).
  const run = async (maxSteps: number) => {
    const config = parseRunConfig({
      model: { template: 'concat-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, hidden: [8] },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 5, maxSteps, batchSize: BATCH, stepsPerCall: 1, dtype: 'float64',
      optimizer: { kind: 'adam', lr: 0.05, weightDecay: 0 }, earlyStopping: { patience: 0 },
    });
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(false), validation: rows(false), test: rows(false), describe: 'capped' };
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-capped-'));
    const events: FromTrainer[] = [];
    try {
      await trainRun({ runId: 1, config, checkpointDir: dir }, data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
      const finished = events.find((e) => e.type === 'finished');
      if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
      const validations = events.filter((e) => e.type === 'eval' && e.split === 'validation').map((e) => (e.type === 'eval' ? e.step : -1));
      return { finished, validations, keptStep: readCheckpoint(join(dir, 'best.ckpt')).header.step };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('validates the final weights, keeps them when better, and tests them', async () => {
    const perEpoch = ROWS / BATCH; // 4 steps
    const mid = await run(perEpoch + 2);
    expect(mid.validations).toEqual([perEpoch, perEpoch + 2]);
    expect(mid.keptStep).toBe(perEpoch + 2);
    expect(mid.finished.test.loss).toBeCloseTo(mid.finished.validation.loss, 12); // same rows, same (final) weights
    // capped before the first epoch's end: validation is still reported, and best.ckpt exists
    const early = await run(2);
    expect(early.validations).toEqual([2]);
    expect(early.keptStep).toBe(2);
    expect(Object.keys(early.finished.validation)).toContain('loss');
    // capped exactly at an epoch's end: no second validation of the same weights
    expect((await run(perEpoch)).validations).toEqual([perEpoch]);
  });
});

/** The events of a small concat-fusion run with `batchSize` and `epochs`, on the file's rows, the data line `describe`. */
async function fusionEvents(o: { epochs: number; batchSize: number; describe: string }): Promise<FromTrainer[]> {
  const config = parseRunConfig({
    model: { template: 'concat-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, hidden: [8] },
    data: { kind: 'dataset', datasetId: 1 }, epochs: o.epochs, batchSize: o.batchSize, dtype: 'float64', earlyStopping: { patience: 0 },
  });
  const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(false), validation: rows(false), test: rows(false), describe: o.describe };
  return (await trainInTempFolder(config, data)).events;
}

describe('trainRun on a training split smaller than one batch', () => {
  it('trains on batches of all its rows and says so in the data line', async () => {
    const events = await fusionEvents({ epochs: 3, batchSize: 128, describe: 'small' });
    const ready = events.find((e) => e.type === 'ready');
    expect(ready?.type === 'ready' && ready.data).toBe(`small; batches of ${ROWS} samples (the training split has ${ROWS}, fewer than batchSize 128)`);
    expect(ready?.type === 'ready' && ready.stepsPerEpoch).toBe(1);
    const finished = events.find((e) => e.type === 'finished');
    if (finished?.type !== 'finished') throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
    expect(finished.step).toBe(3);
    expect(Number.isFinite(finished.test.loss)).toBe(true);
  });
});

describe('trainRun with a few full batches per epoch', () => {
  it('says in the data line how many steps an epoch has and how many rows it leaves out', async () => {
    const events = await fusionEvents({ epochs: 1, batchSize: 24, describe: 'fusion: 64 rows' });
    const ready = events.find((e) => e.type === 'ready');
    expect(ready?.type === 'ready' && ready.stepsPerEpoch).toBe(2);
    expect(ready?.type === 'ready' && ready.data).toBe('fusion: 64 rows; 2 optimizer steps per epoch (64 training samples in full batches of 24: each epoch leaves out 16 of them, ' +
      'drawn anew each epoch), so each epoch trains little: --set batchSize=6 gives 10 steps per epoch');
  });
});
