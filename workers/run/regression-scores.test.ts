// A regression's test metrics in the target's units, against a hand computation, and the same bits whether
// the split arrives whole or in chunks (evaluate.ts streams it).
import { describe, expect, it } from 'vitest';
import { regressionScores } from './eval-metrics';
import { MetricStream } from './metric-stream';

describe('regression scores', () => {
  it('mse, mae, rmse and r2 = 1 − SSE/SST about the scored targets’ own mean', () => {
    // targets 3, 5, 7, 9 (mean 6, SST = 9 + 1 + 1 + 9 = 20); errors −1, 0, +2, −1: SSE = 6, |e| sum = 4
    const s = regressionScores([2, 5, 9, 8], [3, 5, 7, 9]);
    expect(s.mse).toBe(6 / 4);
    expect(s.mae).toBe(4 / 4);
    expect(s.rmse).toBe(Math.sqrt(1.5));
    expect(s.r2).toBeCloseTo(1 - 6 / 20, 15);
    expect(regressionScores([6, 6, 6, 6], [3, 5, 7, 9]).r2).toBe(0); // predicting the mean explains nothing
    expect(regressionScores([3, 5, 7, 9], [3, 5, 7, 9])).toEqual({ mse: 0, mae: 0, rmse: 0, r2: 1 });
    expect(regressionScores([1, 2], [4, 4])).toEqual({ mse: 6.5, mae: 2.5, rmse: Math.sqrt(6.5) }); // every target the same: r2 undefined, left out
  });

  it('keeps its digits on large values (prices near a million)', () => {
    const y = [1_000_000.5, 1_000_001.5, 1_000_002.5], p = [1_000_000.5, 1_000_001.5, 1_000_003.5];
    expect(regressionScores(p, y).r2).toBeCloseTo(1 - 1 / 2, 12);
  });

  it('a stream scoring in chunks gives the same bits; forecasting streams keep mse and mae only', () => {
    const pred = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 50 + 200), y = Array.from({ length: 1000 }, (_, i) => Math.sin(i + 0.1) * 50 + 200);
    const stream = new MetricStream('regression', undefined, { r2: true });
    for (let from = 0; from < 1000; from += 300) stream.add(pred.slice(from, from + 300), y.slice(from, from + 300));
    expect(stream.result()).toEqual(regressionScores(pred, y));
    const forecast = new MetricStream('regression');
    forecast.add(pred, y);
    expect(Object.keys(forecast.result())).toEqual(['mse', 'mae']);
  });
});
