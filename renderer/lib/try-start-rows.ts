// The rows Try it's box starts at: the first ten test rows, or all of them when the run's test split is
// smaller. A run on a small file (1 test row) used to start at "0-9", so its first Predict was refused.
// The test count comes from the run's data line, the only place the run detail states it (RunDataSummary);
// when the line does not say it (a run that has not started), the box keeps the first ten.

/** The usual start: the first ten test rows (or windows). */
export const FIRST_TEN = '0-9';

/**
 * The run's test count from its data line ("fusion: 800 train / 100 validation / 100 test samples; …";
 * a synthetic run says "test rows"), or null when the line does not say it.
 */
export function testCountOf(line: string | null | undefined): number | null {
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
