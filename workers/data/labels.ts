// A binary label must have both classes among the training rows: with one class the model learns a
// constant, AUC is undefined, and the run would fail later with a message about a metric instead of
// the data. Typical causes: a threshold above (or below) every value, or a rare class that the split left
// out of the training rows.
import type { TargetCoding } from '../../common/models/target';

/** Throws a message naming the column, the labelling rule and the fix when the training labels hold one class. */
export function assertBothClasses(labels: Float32Array, column: string, threshold: number | undefined, target?: TargetCoding): void {
  let positives = 0;
  for (const y of labels) positives += y;
  if (labels.length === 0 || (positives > 0 && positives < labels.length)) return;
  const n = labels.length.toLocaleString('en-US');
  if (target?.kind === 'binary' && target.rule === undefined) {
    const value = positives === 0 ? target.negative : target.positive;
    throw new Error(`the label '${column}' is '${value}' in all ${n} training rows (the other value, '${positives === 0 ? target.positive : target.negative}', is too rare to reach them): ` +
      'import more rows with that value, or choose another target column');
  }
  const which = positives === 0 ? 'negative (0)' : 'positive (1)';
  const rule = threshold === undefined ? 'without a threshold, values above 0 count as 1' : `values ≥ ${threshold} count as 1`;
  throw new Error(`the label '${column}' is ${which} in all ${n} training rows (${rule}). ` +
    `Set a ${threshold === undefined ? '' : 'different '}threshold (\`--set positiveAtLeast=T\`, or in the app the target's "label = value ≥ t" rule), or choose another target column`);
}
