// A binary label must have both classes among the training rows: with one class the model learns a
// constant, AUC is undefined, and the run would fail later with a message about a metric instead of
// the data. Typical cause: a rating column used as the target without a threshold (every rating > 0).

/** Throws a message naming the column, the labelling rule and the fix when the training labels hold one class. */
export function assertBothClasses(labels: Float32Array, column: string, threshold: number | undefined): void {
  let positives = 0;
  for (const y of labels) positives += y;
  if (labels.length === 0 || (positives > 0 && positives < labels.length)) return;
  const which = positives === 0 ? 'negative (0)' : 'positive (1)';
  const rule = threshold === undefined ? 'without a threshold, values above 0 count as 1' : `values ≥ ${threshold} count as 1`;
  throw new Error(`the label '${column}' is ${which} in all ${labels.length.toLocaleString('en-US')} training rows (${rule}). ` +
    `Set a threshold (\`--set positiveAtLeast=4\`, or in the app the target's "label = value ≥ t" rule), or choose another target column`);
}
