// A dataset run keeps its windows in their source: the trainer gathers each call's batches (K capped so a
// call stays ~64 MB) and each eval chunk (~128 MB with its activations) from it and never builds every window at once. The run
// is bit-identical to the same run over the windows built in memory (the former path): same batches,
// same losses, same metrics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit } from '../../common/data';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import { seededRandom } from '../../engine/nn/random';
import { runDataFrom } from '../data/run-data';
import type { SampleSource } from '../data/samples';
import { rangeBatch, sliceRows, type Rows, type RunData } from './run-data';
import { trainRun } from './train-run';
import { evalChunkRows } from './eval-chunk';
import { modelFor } from './model-for';

const ROWS = 3400, C = 128, L = 96, H = 96, BATCH = 256;
const SAMPLE_BYTES = (L + H) * C * 4;

/** A noisy daily cycle per channel, phase-shifted. */
function series() {
  const rng = seededRandom(11, 'lazy-series');
  const columns: Record<string, { values: Float32Array }> = {};
  for (let c = 0; c < C; c++) columns[`c${c}`] = { values: Float32Array.from({ length: ROWS }, (_, t) => Math.sin((2 * Math.PI * (t + c)) / 24) + 0.3 * rng.normal()) };
  return columnSource(ROWS, columns);
}

function datasetRun() {
  const data = series();
  const split = computeSplit({ kind: 'chronological', ratios: { train: 0.4, val: 0.07, test: 0.53 } }, data);
  const channels = Array.from({ length: C }, (_, c) => `c${c}`);
  return runDataFrom(data, () => 'float', split, { family: 'forecasting', channels, stride: 1 }, { lookback: L, horizon: H }).data;
}

/** A part that records the size of every batch asked of it and refuses to be built whole (what else its source can say, it still says). */
function watched(r: Rows, sizes: number[]): Rows {
  const s = r.source!;
  const source: SampleSource = { ...s, batch: (i) => (sizes.push(i.length), s.batch(i)) };
  return { rows: r.rows, source, get columns(): Rows['columns'] { throw new Error('the trainer built every window of a part'); } };
}

/** The same part with every window built in memory (the trainer's former data). */
const inMemory = (r: Rows): Rows => ({ rows: r.rows, columns: r.columns });

async function train(data: RunData) {
  const config = parseRunConfig({
    model: { template: 'dlinear', lookback: L, horizon: H, channels: C },
    data: { kind: 'dataset', datasetId: 1 }, epochs: 1, batchSize: BATCH, stepsPerCall: 1000, earlyStopping: { patience: 0 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-lazy-'));
  const events: FromTrainer[] = [];
  try {
    await trainRun({ runId: 1, config, checkpointDir: dir }, data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const finished = events.find((e) => e.type === 'finished');
  if (finished?.type !== 'finished' || finished.status !== 'completed') throw new Error(`the run did not complete: ${JSON.stringify(events.at(-1))}`);
  const losses = events.flatMap((e) => (e.type === 'metrics' ? e.points.filter((p) => p.name === 'loss').map((p) => p.value) : []));
  const calls = events.flatMap((e) => (e.type === 'progress' ? [e.stepsPerCall] : []));
  const ready = events.find((e) => e.type === 'ready');
  return { finished, losses, calls, stepsPerEpoch: ready?.type === 'ready' ? ready.stepsPerEpoch : NaN };
}

describe('a forecasting run over lazy windows', () => {
  it('gathers batches per call and per eval chunk, and matches the in-memory run bit for bit', async () => {
    const run = datasetRun();
    expect(run.train.source).toBeDefined();
    const sizes = { train: [] as number[], validation: [] as number[], test: [] as number[] };
    const lazy = await train({ ...run, train: watched(run.train, sizes.train), validation: watched(run.validation, sizes.validation), test: watched(run.test, sizes.test) });

    // K×B windows per call: K capped at 64 MB of batch (2 steps of 256 windows of 98 KB), though 1,000 were asked
    const kFits = Math.floor((64 << 20) / (BATCH * SAMPLE_BYTES));
    expect(kFits).toBe(2);
    expect(lazy.calls.length).toBeGreaterThan(1);
    expect(Math.max(...lazy.calls)).toBe(kFits);
    expect(sizes.train).toContain(kFits * BATCH);
    // every read of the training part stays within 64 MB: the calls' K×B windows
    expect(Math.max(...sizes.train) * SAMPLE_BYTES).toBeLessThanOrEqual(64 << 20);
    // and only the training steps read it: the naive forecast baselines' training mean comes from the series
    // (forecast-baselines.ts), not from every training window gathered again after training
    expect(sizes.train.reduce((a, b) => a + b, 0)).toBe(lazy.stepsPerEpoch * BATCH);
    // evaluation in chunks of ~128 MB of input and DLinear's intermediates (eval-chunk.ts): the test part takes several
    const chunk = evalChunkRows(modelFor(parseRunConfig({ model: { template: 'dlinear', lookback: L, horizon: H, channels: C }, data: { kind: 'dataset', datasetId: 1 } })), SAMPLE_BYTES, 'float32');
    expect(chunk).toBeLessThan(Math.floor((128 << 20) / SAMPLE_BYTES));
    expect(run.test.rows).toBeGreaterThan(chunk);
    const evalChunks = [...Array(Math.floor(run.test.rows / chunk)).fill(chunk), ...(run.test.rows % chunk ? [run.test.rows % chunk] : [])];
    expect(sizes.test.slice(0, evalChunks.length)).toEqual(evalChunks);
    // then the naive forecast baselines read the test part again, within 64 MB at a time
    expect(sizes.test.length).toBeGreaterThan(evalChunks.length);
    expect(Math.max(...sizes.test) * SAMPLE_BYTES).toBeLessThanOrEqual(64 << 20);
    expect(Math.max(...sizes.validation)).toBeLessThanOrEqual(chunk);

    const memory = await train({ ...run, train: inMemory(run.train), validation: inMemory(run.validation), test: inMemory(run.test) });
    expect(lazy.losses.length).toBe(memory.losses.length);
    expect(lazy.losses).toEqual(memory.losses);
    expect(lazy.finished.validation).toEqual(memory.finished.validation);
    expect(lazy.finished.test).toEqual(memory.finished.test);
    expect(lazy.finished.test.mse).toBeGreaterThan(0);
  }, 120_000);

  it('slices and ranges of a lazy part are the same windows as of the built part', () => {
    const run = datasetRun();
    const built = inMemory(run.validation);
    const lazySlice = sliceRows(run.validation, 10, 20), builtSlice = sliceRows(built, 10, 20);
    expect(lazySlice.source).toBeDefined();
    expect(lazySlice.columns.x.data).toEqual(builtSlice.columns.x.data);
    const a = rangeBatch(run.validation, 5, 9), b = rangeBatch(built, 5, 9);
    expect(a.y.dims).toEqual([4, H, C]);
    expect(a.y.data).toEqual(b.y.data);
  });
});
