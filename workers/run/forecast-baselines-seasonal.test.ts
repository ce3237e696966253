// The seasonal-naive forecast: step h repeats the input value m·ceil(h/m) steps back. On a series with a
// season it is the naive forecast a model must beat (an audit's monthly run: model 0.0637, seasonal naive
// 0.0465, while repeat-last and the training mean said 1.89 and 1.27, so no warning was given).
import { describe, expect, it } from 'vitest';
import { forecastBaselines } from './forecast-baselines';
import { lazyRows } from './run-data';

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

describe('seasonal naive', () => {
  it('repeats the last season: exact on a purely periodic series, where repeat-last and the mean are not', () => {
    const period = [0, 3, 1, 4];
    const a = Array.from({ length: 40 }, (_, t) => period[t % 4]);
    const r = forecastBaselines(windows([a], [0, 1, 2], 8, 6), windows([a], [20, 21, 22], 8, 6), ['a'], { season: 4 })!;
    expect(r.seasonal).toEqual({ mse: 0, mae: 0, channels: [{ name: 'a', mse: 0, mae: 0 }], season: 4 });
    expect(r.lastValue.mse).toBeGreaterThan(1);
  });

  it('reads x[t+h−m·ceil(h/m)] (checked by hand on a ramp with m = 3, horizon 4)', () => {
    const ramp = Array.from({ length: 30 }, (_, t) => t);
    // lookback 3, window at 10: inputs rows 10..12, targets rows 13..16
    // h=1..3 read rows 13-3..15-3 = 10,11,12 (error 3 each); h=4 reads row 16-6 = 10 (error 6): mse (9·3+36)/4 = 15.75, mae 3.75
    const r = forecastBaselines(windows([ramp], [0], 3, 4), windows([ramp], [10], 3, 4), ['v'], { season: 3 })!;
    expect(r.seasonal).toMatchObject({ mse: 15.75, mae: 3.75, season: 3 });
  });

  it('is left out when the lookback is shorter than a season, or the step has none', () => {
    const a = Array.from({ length: 60 }, (_, t) => Math.sin(t));
    expect(forecastBaselines(windows([a], [0], 6, 2), windows([a], [30], 6, 2), ['a'], { season: 12 })!.seasonal).toBeUndefined();
    expect(forecastBaselines(windows([a], [0], 6, 2), windows([a], [30], 6, 2), ['a'])!.seasonal).toBeUndefined();
  });
});
