// The majority-class baseline of a classification run: on a 99:1 file a test accuracy of 0.99 is what a
// model that never predicts the rare class gets, so the run reports that figure beside its own. The class
// is the training split's most frequent one (a constant predictor can only learn it from the training
// rows); it is scored on the test split, with the test split's positive rate for a binary label.
import { TEST, TRAIN, type SplitResult } from '../../common/data';
import type { TargetCoding } from '../../common/models/target';
import type { TestBaseline } from '../../common/trainer-protocol';

/** The class as the data line names it: 'false', 'rating' < 4, 'neutral'. */
function className(t: TargetCoding, k: number): string {
  if (t.kind === 'classes') return `'${t.names[k]}'`;
  if (t.rule !== undefined) return `'${t.column}' ${k === 1 ? '≥' : '<'} ${t.rule}`;
  return `'${k === 1 ? t.positive : t.negative}'`;
}

/**
 * The class as the file writes it, without quotes, for a script to compare with its own labels (`majority`
 * is for reading: "'0'"): 0, false, neutral; a label made by a threshold rule has no value in the file, so
 * it is the rule, "rating ≥ 4" or "rating < 4".
 */
function plainClassName(t: TargetCoding, k: number): string {
  if (t.kind === 'classes') return t.names[k];
  if (t.rule !== undefined) return `${t.column} ${k === 1 ? '≥' : '<'} ${t.rule}`;
  return k === 1 ? t.positive : t.negative;
}

/** Undefined when the split has no labelled training or test row. */
export function majorityBaseline(t: TargetCoding, split: SplitResult): TestBaseline | undefined {
  const k = t.kind === 'classes' ? t.names.length : 2;
  const train = new Float64Array(k), test = new Float64Array(k);
  split.assignment.forEach((a, r) => {
    if (a !== TRAIN && a !== TEST) return;
    const label = t.labelOf(r);
    if (Number.isNaN(label)) return;
    (a === TRAIN ? train : test)[label]++;
  });
  const tested = test.reduce((n, c) => n + c, 0);
  if (tested === 0 || train.every((c) => c === 0)) return undefined;
  let majority = 0;
  train.forEach((c, i) => { if (c > train[majority]) majority = i; });
  return {
    accuracy: test[majority] / tested,
    majority: className(t, majority),
    majorityClass: plainClassName(t, majority),
    ...(t.kind === 'binary' ? { positiveRate: test[1] / tested } : {}),
  };
}

