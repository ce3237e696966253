// Which test rows Try it may predict. The numbers a user picks are positions within the run's test part
// (from 0, as the app's picker says), not dataset rows or file lines, and a forecasting run's test part is
// windows: the refusal says so, and which numbers are valid, so the next pick is right.

/** What one item of the test part is called: a forecasting run's are windows. */
export interface TestItems { one: string; many: string }

export const ROWS: TestItems = { one: 'row', many: 'rows' };
export const WINDOWS: TestItems = { one: 'window', many: 'windows' };

const n = (x: number) => x.toLocaleString('en-US');

/** Why `rows` cannot be tried on a test part of `testRows` items, or null when every one is in it. */
export function testRowsRefusal(rows: readonly number[], testRows: number, items: TestItems = ROWS): string | null {
  const bad = rows.filter((r) => !Number.isInteger(r) || r < 0 || r >= testRows);
  if (!bad.length) return null;
  const shown = `${bad.slice(0, 5).join(', ')}${bad.length > 5 ? `, … (${n(bad.length)} in all)` : ''}`;
  // "test rows 7 are …" even for one, as the lab's other Try it messages list picked rows
  const picked = `test ${items.many} ${shown} are outside the test split`;
  if (testRows === 0) return `${picked}: the run's test split has no ${items.many}, so there is nothing to try; train a run whose split leaves ${items.many} in test`;
  const range = testRows === 1 ? `only test ${items.one} 0` : `test ${items.many} 0–${n(testRows - 1)}`;
  return `${picked}, which has ${n(testRows)} ${testRows === 1 ? items.one : items.many} numbered from 0 within the split (not dataset rows or file lines): pick ${range}`;
}
