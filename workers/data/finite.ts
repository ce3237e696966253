// The last check before batches leave the data side: every float input is finite. Missing values are
// filled where the family has a rule (forecasting: interpolation; CTR and fusion: the training mean, 0
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

/** Fills the gaps (NaN: missing) of a series linearly between the nearest values in row order; edges take the nearest value. */
export function interpolateGaps(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values);
  const n = out.length;
  let last = -1; // index of the last value before the current gap
  for (let i = 0; i <= n; i++) {
    if (i < n && Number.isNaN(out[i])) continue;
    for (let j = last + 1; j < i; j++) {
      if (last < 0) out[j] = out[i]; // leading gap: the first value
      else if (i === n) out[j] = out[last]; // trailing gap: the last value
      else out[j] = out[last] + ((out[i] - out[last]) * (j - last)) / (i - last);
    }
    last = i;
  }
  return out; // a column with no value at all stays NaN (its scaler refuses it first)
}
