// Forecasting batches from the real ETTh1 file, through the real importer and cache, with the ETT split.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnSource, computeSplit, fitPipeline, type FittedPipeline, type SplitResult } from '../../common/data';
import { importFile } from '../../main/lab/import';
import { readDatasetCache, type CachedDataset } from './cache';
import { forecastingSource, scaledChannels } from './forecasting';
import { windowMisfit } from '../../common/data/forecasting-rows';
import { batchIndices, epochOrder, stackBatches } from './samples';
import { buildModel } from '../../engine/models';
import { lossDrop, trainTiny } from '../../engine/models/fixtures/tiny-train';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
const CHANNELS = ['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT'];
let home: string, data: CachedDataset, split: SplitResult, fitted: FittedPipeline;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-fc-'));
  await importFile(ETTH1, join(home, 'cache'));
  data = readDatasetCache(join(home, 'cache'));
  split = computeSplit({ kind: 'ett' }, data);
  fitted = fitPipeline({ steps: CHANNELS.map((column) => ({ transform: 'zscore' as const, column })) }, data, split.assignment);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('forecasting windows on ETTh1 (ETT protocol, L=336, H=96)', () => {
  it('has the standard number of windows per part', () => {
    const o = { channels: CHANNELS, lookback: 336, horizon: 96 };
    expect(forecastingSource(data, split, fitted, o, 'train').count).toBe(8640 - 336 - 96 + 1);
    expect(forecastingSource(data, split, fitted, o, 'val').count).toBe(2880 - 96 + 1);
    expect(forecastingSource(data, split, fitted, o, 'test').count).toBe(2880 - 96 + 1);
  });

  it('a test window holds the raw values z-scored with the training rows’ mean and std', () => {
    const raw = readFileSync(ETTH1, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
    const ot = raw.slice(0, 8640).map((r) => r[6]);
    const mean = ot.reduce((a, b) => a + b, 0) / ot.length;
    const std = Math.sqrt(ot.reduce((a, b) => a + (b - mean) ** 2, 0) / ot.length);
    const src = forecastingSource(data, split, fitted, { channels: CHANNELS, lookback: 336, horizon: 96 }, 'test');
    const b = src.batch([0, 5]);
    expect(b.x.dims).toEqual([2, 336, 7]);
    expect(b.y.dims).toEqual([2, 96, 7]);
    // window 5 of the test part: targets start at row 11520 + 5, inputs reach back 336 rows into validation
    const x = b.x.data as Float32Array, y = b.y.data as Float32Array;
    expect(x[(336 + 0) * 7 + 6]).toBeCloseTo((raw[11520 + 5 - 336][6] - mean) / std, 4);
    expect(y[(96 + 95) * 7 + 6]).toBeCloseTo((raw[11520 + 5 + 95][6] - mean) / std, 4);
  });

  it('shuffles epochs reproducibly and stacks K batches for a Loop-K graph', () => {
    const src = forecastingSource(data, split, fitted, { channels: CHANNELS, lookback: 96, horizon: 24 }, 'train');
    const a = epochOrder(src.count, 7, 0), b = epochOrder(src.count, 7, 0), c = epochOrder(src.count, 7, 1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect([...a].sort((p, q) => p - q)).toEqual([...Array(src.count).keys()]);
    const batches = batchIndices(a, 32).slice(0, 3);
    const stacked = stackBatches(src, batches);
    expect(stacked.x.dims).toEqual([3, 32, 96, 7]);
    expect((stacked.y.data as Float32Array).subarray(32 * 24 * 7, 33 * 24 * 7)).toEqual(src.batch(batches[1]).y.data.subarray(0, 24 * 7));
  });

  it('refuses a split without time ranges, saying why', () => {
    const random = computeSplit({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 } }, data);
    expect(() => forecastingSource(data, random, fitted, { channels: CHANNELS, lookback: 96, horizon: 24 }, 'train')).toThrow(/chronological split/);
  });
});

describe('forecasting templates train on ETTh1 (L=96, H=24)', () => {
  for (const template of ['dlinear', 'tsmixer-gated'] as const) {
    it(`${template}: the training loss falls and validation MSE beats predicting the window mean`, async () => {
      const o = { channels: CHANNELS, lookback: 96, horizon: 24 };
      const train = forecastingSource(data, split, fitted, o, 'train');
      const val = forecastingSource(data, split, fitted, o, 'val');
      const def = buildModel({ template, lookback: 96, horizon: 24, channels: 7, ...(template === 'tsmixer-gated' ? { ffDim: 16, dropout: 0.1 } : {}) });
      const batches = batchIndices(epochOrder(train.count, 1, 0), 64);
      const run = await trainTiny(def, { steps: 120, lr: 3e-3, batch: (s) => train.batch(batches[s]) });
      const v = val.batch(Int32Array.from({ length: 512 }, (_, i) => i * 5));
      const out = await run.evaluate(v);
      await run.release();
      const { first, last } = lossDrop(run.losses, 10);
      expect(last).toBeLessThan(first * 0.8);
      // baseline: each channel's lookback mean repeated over the horizon
      const x = v.x.data as Float32Array, y = v.y.data as Float32Array;
      let se = 0;
      for (let b = 0; b < 512; b++) for (let c = 0; c < 7; c++) {
        let m = 0;
        for (let t = 0; t < 96; t++) m += x[(b * 96 + t) * 7 + c] / 96;
        for (let t = 0; t < 24; t++) se += (y[(b * 24 + t) * 7 + c] - m) ** 2;
      }
      expect(out.loss.data[0] as number).toBeLessThan(se / (512 * 24 * 7));
    });
  }
});

describe('scaling a large-valued series (a meter reading near 1.5e9)', () => {
  it('scales in float64: meter = 1.5e9 + 3.7·OT scales to the same values as OT', () => {
    // float32 holds 1.5e9 only to steps of 128 (3.7·OT moves ~30 per std): rounding before the z-score
    // turned the series into noise (test MSE 7.35 where OT itself scored 0.18)
    const ot = data.column('OT').values;
    const meter = Float64Array.from(ot, (v) => 1.5e9 + 3.7 * v);
    const both = columnSource(data.rows, { OT: data.column('OT'), meter: { values: meter } });
    const f = fitPipeline({ steps: ['OT', 'meter'].map((column) => ({ transform: 'zscore' as const, column })) }, both, split.assignment);
    const [a, b] = scaledChannels(both, f, ['OT', 'meter']);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-5);
  });
});

describe('a split too short for the windows says what fits', () => {
  // 150 hourly rows, chronological 70/10/20: train 0..105, validation 105..120, test 120..150
  const rows = 150;
  const short = columnSource(rows, { v: { values: Float64Array.from({ length: rows }, (_, i) => Math.sin(i / 5) + i / 100) } });
  const cut = computeSplit({ kind: 'chronological' }, short);
  const f = fitPipeline({ steps: [{ transform: 'zscore' as const, column: 'v' }] }, short, cut.assignment);
  const windows = (lookback: number, horizon: number) => (['train', 'val', 'test'] as const).map((p) => forecastingSource(short, cut, f, { channels: ['v'], lookback, horizon }, p).count);

  it('training part: lookback + horizon must fit inside it; the largest horizon that fits is named, and fits', () => {
    expect(cut.ranges).toEqual({ train: [0, 105], val: [105, 120], test: [120, 150] });
    expect(() => windows(96, 96)).toThrow('the training part (rows 1-105, 105 rows) is shorter than lookback 96 + horizon 96: a training window must lie inside it. ' +
      'What fits this split: horizon ≤ 9 with lookback 96 (--set model.horizon=9), or lookback ≤ 90 with horizon 15 (no lookback fits horizon 96: the validation part has 15 rows; ' +
      '--set model.lookback=90 --set model.horizon=15). Or use a longer file or larger parts');
    expect(windows(96, 9)).toEqual([1, 7, 22]);
    expect(() => windows(96, 10)).toThrow(/horizon ≤ 9 /);
  });

  it('validation part: only the horizon must fit inside it (the lookback reaches back); not blamed on the lookback', () => {
    expect(() => windows(24, 20)).toThrow('the validation part (rows 106-120, 15 rows) is shorter than horizon 20: its windows\' targets must lie inside it ' +
      '(their lookback may reach into the rows before). What fits this split: horizon ≤ 15 with lookback 24 (--set model.horizon=15). Or use a longer file or larger parts');
    expect(windows(24, 15)).toEqual([105 - 24 - 15 + 1, 1, 16]);
    // with a horizon that fits every part, the largest lookback is the training part's
    expect(windowMisfit(cut.ranges!, 'train', 100, 10)).toMatch(/What fits this split: lookback ≤ 95 with horizon 10 \(--set model.lookback=95\)/);
    expect(windows(95, 10)[0]).toBe(1);
  });

  it('neither alone fits: the largest pair in the same proportion is named, and fits', () => {
    // 336 + 96 on 150 rows: no lookback fits horizon 96 (validation has 15 rows), no horizon fits lookback 336
    const message = windowMisfit(cut.ranges!, 'train', 336, 96);
    const [, l, h] = /No window fits this split with this lookback or this horizon: shorten both, e\.g\. lookback (\d+) with horizon (\d+) \(--set model\.lookback=\1 --set model\.horizon=\2\)/.exec(message) ?? [];
    expect([Number(l), Number(h)]).toEqual([52, 15]); // 15 × 336/96 = 52.5; horizon 15 is the validation part's length
    expect(Math.min(...windows(Number(l), Number(h)))).toBeGreaterThan(0);
  });
});
