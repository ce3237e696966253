// The last check before batches leave the data side: every float input is finite. Missing values are
// filled where the family has a rule (forecasting: the last value before the gap; CTR and fusion: the training mean, 0
// after scaling); what is left is an infinite or absurd value in the file, and without this check the
// run would fail at step 1 with "loss became NaN … lower optimizer.lr", blaming the learning rate.

/**
 * Throws naming the column and the dataset row when `values` ([samples, width], sample i = dataset row
 * rows[i], or row i when `rows` is null) holds a NaN or an infinity; `columnAt(j)` names the column that feeds position j of a sample.
 */
export function assertFiniteInputs(values: Float32Array, width: number, rows: ArrayLike<number> | null, columnAt: (position: number) => string, input: string): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (Number.isFinite(v)) continue;
    const i = Math.floor(k / width);
    const column = columnAt(k % width);
    throw new Error(`column '${column}' gives the model's input '${input}' the value ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Infinity' : '-Infinity'} at row ${((rows ? rows[i] : i) + 1).toLocaleString('en-US')} of the dataset: ` +
      `fix that value in the file (or import it with --on-invalid impute), or leave the column out (gatelab datasets roles ID '${column}'=ignore)`);
  }
}

/**
 * Fills the gaps (NaN: missing) of a series with the last value before them (forward fill); a leading gap
 * takes the first value. Causal on purpose: linear interpolation would fill a gap at the end of a lookback
 * window from a value inside its horizon, so the input would carry part of the target it is asked to forecast.
 * Float64, as the cache holds such a column: the values are scaled next, and a float32 copy made first
 * rounded a meter reading near 1.5e9 to steps of 128 before its (float64) z-score (test MSE 7.35 where the
 * exported model, fed float64 rows, scored 1.34). Scale in float64, cast to float32 after.
 */
export function fillGapsForward(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  let first = 0;
  while (first < out.length && Number.isNaN(out[first])) first++;
  if (first === out.length) return out; // a column with no value at all stays NaN (its scaler refuses it first)
  out.fill(out[first], 0, first);
  for (let i = first + 1; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = out[i - 1];
  return out;
}
