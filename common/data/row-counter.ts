// What "counts the rows" means, in one place for both readers of it: the lab at import, which starts such a
// column ignored (main/lab/datasets/ignored-on-import.ts), and a run's data line, which names a forecasting
// channel that still is one (workers/data/row-counter.ts: a dataset imported before the import rule, a time
// index kept as data, or a counter the user set back to feature).

/** Fewer rows than this rising by one say nothing: any short run of small numbers does. */
export const MIN_COUNTED_ROWS = 3;

/** Whether every value is its predecessor plus exactly 1, row after row (at least MIN_COUNTED_ROWS; a gap or a missing value breaks it). */
export function risesByOneEachRow(values: ArrayLike<number>): boolean {
  if (values.length < MIN_COUNTED_ROWS) return false;
  for (let i = 1; i < values.length; i++) if (values[i] - values[i - 1] !== 1) return false;
  return true;
}

/** Whether the values are the row numbers themselves: 0..n-1 or 1..n, in row order. */
export function numbersTheRows(values: ArrayLike<number>): boolean {
  return (values[0] === 0 || values[0] === 1) && risesByOneEachRow(values);
}
