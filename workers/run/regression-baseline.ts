// The baseline of a regression run: an r2 of 0.3 or an rmse of 12.4 says little alone, so the run reports
// what a model that always predicts the training split's mean scores on the test split, beside its own
// metrics (classification has the majority class instead: workers/data/baseline.ts). The mean is taken on
// the training rows only (a constant predictor can only learn it from them) and scored with the same sums
// as the model's test metrics (eval-metrics.ts RegressionSums), in the target's own units.
import type { RegressionBaseline } from '../../common/trainer-protocol';
import { RegressionSums } from './eval-metrics';
import { chunkOf, rangeBatch, sampleBytes, type Rows } from './run-data';

/** The target's values of a part, chunk by chunk (~64 MB of samples at a time, as class-weights.ts reads labels). */
function eachTargetChunk(rows: Rows, target: string, part: string, use: (values: ArrayLike<number | bigint>) => void): void {
  const chunk = chunkOf(sampleBytes(rows), 64 << 20, 1 << 16);
  for (let from = 0; from < rows.rows; from += chunk) {
    const values = rangeBatch(rows, from, Math.min(rows.rows, from + chunk))[target]?.data;
    if (!values) throw new Error(`the ${part} rows have no target '${target}' to compute the mean baseline from`);
    use(values);
  }
}

/**
 * Always predicting the training rows' mean target, scored on the test rows; undefined when either part has
 * no row (nothing to learn the mean from, or nothing to score it on). `target`: the tensor holding the target
 * in its own units (a fusion regression's `y`, not the standardized label the model learns).
 */
export function meanBaseline(train: Rows, test: Rows, target: string): RegressionBaseline | undefined {
  if (train.rows === 0 || test.rows === 0) return undefined;
  // Welford's running mean: a sum of a million prices of 1e6 would lose the mean's last digits
  let n = 0, mean = 0;
  eachTargetChunk(train, target, 'training', (values) => {
    for (let i = 0; i < values.length; i++) { n++; mean += (Number(values[i]) - mean) / n; }
  });
  const sums = new RegressionSums();
  eachTargetChunk(test, target, 'test', (values) => sums.add(new Float64Array(values.length).fill(mean), values));
  const scores = sums.result();
  return { mean, mse: scores.mse, mae: scores.mae, rmse: scores.rmse, ...(scores.r2 !== undefined ? { r2: scores.r2 } : {}) };
}
