// The naive forecasts a forecasting run's test errors are read against: repeat-last-value and the training
// mean, scored on the same windows as the model, per channel and as the channels' mean (as the headline is).
import { describe, expect, it } from 'vitest';
import { forecastBaselines, trainingTargetMeans } from './forecast-baselines';
import { lazyRows, type Rows } from './run-data';
import { columnSource, computeSplit } from '../../common/data';
import { seededRandom } from '../../engine/nn/random';
import { runDataFrom } from '../data/run-data';
import { horizonWeightedMeans } from '../data/forecasting';

/** A part whose windows are cut from two scaled channels, as the trainer's forecasting parts are. */
function windows(series: number[][], starts: number[], L: number, H: number) {
  const C = series.length;
  return lazyRows({
    count: starts.length,
    specs: { x: { dtype: 'float32', shape: [L, C] }, y: { dtype: 'float32', shape: [H, C] } },
    batch: (indices) => {
      const x = new Float32Array(indices.length * L * C), y = new Float32Array(indices.length * H * C);
      Array.from(indices).forEach((i, w) => {
        for (let t = 0; t < L + H; t++) for (let c = 0; c < C; c++) {
          const v = series[c][starts[i] + t];
          if (t < L) x[(w * L + t) * C + c] = v; else y[(w * H + t - L) * C + c] = v;
        }
      });
      return { x: { data: x, dims: [indices.length, L, C] }, y: { data: y, dims: [indices.length, H, C] } };
    },
  });
}

describe('naive forecasting baselines', () => {
  it('score repeat-last-value and the training mean on the test windows, per channel and averaged', () => {
    const a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const b = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1];
    // lookback 2, horizon 2; training windows start at 0 and 1 (targets rows 2-3 and 3-4), test windows at 5 and 6
    const r = forecastBaselines(windows([a, b], [0, 1], 2, 2), windows([a, b], [5, 6], 2, 2), ['a', 'b'])!;
    // training means of the targets: a (2+3+3+4)/4 = 3, b (1-1-1+1)/4 = 0
    // repeat last, a: window 5 inputs 5,6 → predicts 6,6 for 7,8 (errors 1,2); window 6 → 7,7 for 8,9 (1,2): mse 2.5, mae 1.5
    // repeat last, b: window 5 last input (row 6) 1 → targets -1,1 (errors 2,0); window 6 last -1 → 1,-1 (2,0): mse 2, mae 1
    expect(r.lastValue.channels).toEqual([{ name: 'a', mse: 2.5, mae: 1.5 }, { name: 'b', mse: 2, mae: 1 }]);
    expect(r.lastValue).toMatchObject({ mse: 2.25, mae: 1.25 });
    // training mean, a: 3 against 7,8,8,9 (errors 4,5,5,6): mse 25.5, mae 5; b: 0 against ±1: mse 1, mae 1
    expect(r.trainMean.channels).toEqual([{ name: 'a', mse: 25.5, mae: 5 }, { name: 'b', mse: 1, mae: 1 }]);
    expect(r.trainMean).toMatchObject({ mse: 13.25, mae: 3 });
  });

  it('is left out when a part has no window', () => {
    expect(forecastBaselines(windows([[1, 2, 3]], [], 1, 1), windows([[1, 2, 3]], [0], 1, 1), ['v'])).toBeUndefined();
    expect(forecastBaselines(windows([[1, 2, 3]], [0], 1, 1), windows([[1, 2, 3]], [], 1, 1), ['v'])).toBeUndefined();
  });
});

describe('the training mean, from the series instead of every window', () => {
  // a forecasting run's parts as its trainer builds them (workers/data/forecasting.ts), on 3 noisy channels
  function run(stride: number) {
    const rng = seededRandom(5, 'baseline-series');
    const rows = 700;
    const columns: Record<string, { values: Float32Array }> = {};
    for (const [c, name] of ['a', 'b', 'c'].entries()) columns[name] = { values: Float32Array.from({ length: rows }, (_, t) => c * 3 + Math.sin((2 * Math.PI * (t + 7 * c)) / 24) + 0.5 * rng.normal()) };
    const data = columnSource(rows, columns);
    const split = computeSplit({ kind: 'chronological', ratios: { train: 0.7, val: 0.1, test: 0.2 } }, data);
    return runDataFrom(data, () => 'float', split, { family: 'forecasting', channels: ['a', 'b', 'c'], stride }, { lookback: 48, horizon: 12 }).data;
  }
  /** The same part read the former way: every window gathered (a source that cannot give its target means). */
  const windowByWindow = (r: Rows): Rows => lazyRows({ count: r.source!.count, specs: r.source!.specs, batch: (i) => r.source!.batch(i) });

  for (const stride of [1, 5, 20]) {
    it(`gives the mean of every training window's targets (stride ${stride}) without gathering a window`, () => {
      const data = run(stride);
      expect(data.train.source?.targetMeans).toBeDefined();
      const gathered: number[] = [];
      const watched = lazyRows({ ...data.train.source!, batch: (i) => (gathered.push(i.length), data.train.source!.batch(i)) });
      const fast = trainingTargetMeans(watched, 3)!;
      expect(gathered).toEqual([]);
      const before = trainingTargetMeans(windowByWindow(data.train), 3)!;
      fast.forEach((m, c) => expect(m).toBeCloseTo(before[c], 12));
      // the means are not trivially 0: the channels' training rows are z-scored, the windows' targets are a subset weighted by coverage
      expect(Math.max(...before.map(Math.abs))).toBeGreaterThan(1e-4);
      // and the baselines scored with it are the former ones
      const now = forecastBaselines(data.train, data.test, ['a', 'b', 'c'])!;
      const then = forecastBaselines(windowByWindow(data.train), data.test, ['a', 'b', 'c'])!;
      expect(now.trainMean.mse).toBeCloseTo(then.trainMean.mse, 12);
      expect(now.trainMean.mae).toBeCloseTo(then.trainMean.mae, 12);
      expect(now.lastValue).toEqual(then.lastValue);
    });
  }

  it('weights each row by the windows whose horizon covers it', () => {
    // windows' targets at rows 2-3, 3-4 and 7-8 of one channel valued by its row number: (2+3+3+4+7+8)/6
    expect(Array.from(horizonWeightedMeans([Float32Array.from({ length: 10 }, (_, t) => t)], [2, 3, 7], 2))).toEqual([27 / 6]);
  });
});
