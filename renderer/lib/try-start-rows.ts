// The rows Try it's box starts at: the first ten test rows, or all of them when the run's test split is
// smaller. A run on a small file (1 test row) used to start at "0-9", so its first Predict was refused.
// The test count comes from the run detail's split sizes (RunDataSummary.splitSizes: numbers the trainer
// sent, or the lab derived for an older run). Runs stored before those were kept are read from the data
// line's words; when neither says it (a run that has not started), the box keeps the first ten.
import type { RunDetail } from '../../common/lab-api';

/** The usual start: the first ten test rows (or windows). */
export const FIRST_TEN = '0-9';

/** What testCountOf reads of a run detail's data summary: its split sizes, else its line. */
type RunData = Pick<NonNullable<RunDetail['data']>, 'line' | 'splitSizes'>;

/**
 * The run's test count: its split sizes' `test`; for a run stored without them, its data line's words
 * ("fusion: 800 train / 100 validation / 100 test samples; …"; a synthetic run says "test rows"); null when
 * neither says it. A bare line is read as an old run's.
 */
export function testCountOf(data: RunData | string | null | undefined): number | null {
  if (data && typeof data === 'object' && data.splitSizes) return data.splitSizes.test;
  const line = typeof data === 'string' ? data : data?.line;
  const m = /\/ ([\d,]+) test (?:samples|rows|windows)\b/.exec(line ?? '');
  if (!m) return null;
  const n = Number(m[1].replaceAll(',', ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** The box's first text for a test split of `testCount` items (null: not known). */
export function startingRows(testCount: number | null): string {
  if (testCount === null || testCount >= 10) return FIRST_TEN;
  // an empty test split has nothing to try: "0" lets the lab say so in words on Predict
  return testCount <= 1 ? '0' : `0-${testCount - 1}`;
}
