// The naive forecasts a forecasting run's test errors are read against: repeat-last-value and the training
// mean, scored on the same windows as the model, per channel and as the channels' mean (as the headline is).
import { describe, expect, it } from 'vitest';
import { forecastBaselines } from './forecast-baselines';
import { lazyRows } from './run-data';

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
