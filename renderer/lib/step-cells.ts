// Where the points of a vector statistic (a heatmap column, a stacked-area vertex) go on a step axis.
// Their steps need not be evenly spaced: training vectors are recorded once per training call, and the
// number of steps in a call follows machine load (2 steps under load, 50 when idle). Placing points by
// their index would stretch the loaded stretches of a run and squeeze the idle ones, and the hover
// (which finds the nearest *step* under the pointer, lib/decimate stepIndexAt) would name a different
// point than the one drawn there. So x is linear in the step, as in the line charts.

/** Points pooled into one pixel column: indices [a, b), their mean x, and the span of the plot they shade. */
export interface StepCell {
  a: number;
  b: number;
  /** Mean x of the pooled points, 0…plotW. */
  x: number;
  /** The cell's extent, 0…plotW: to the midpoints with its neighbours, so each pixel shows the nearest point. */
  x0: number;
  x1: number;
}

/**
 * Pools sorted `steps` into pixel columns of a plot `plotW` wide spanning the first to the last step
 * linearly. A single step (or all equal) gives one cell over the whole plot.
 */
export function stepCells(steps: ArrayLike<number>, plotW: number): StepCell[] {
  const n = steps.length;
  if (!n) return [];
  const s0 = steps[0], span = steps[n - 1] - s0;
  if (!(span > 0)) return [{ a: 0, b: n, x: plotW / 2, x0: 0, x1: plotW }];
  const at = (i: number) => ((steps[i] - s0) * plotW) / span;
  const cells: StepCell[] = [];
  for (let i = 0; i < n;) {
    const column = Math.min(Math.floor(at(i)), Math.max(0, Math.ceil(plotW) - 1));
    let j = i, sum = 0;
    while (j < n && Math.min(Math.floor(at(j)), Math.max(0, Math.ceil(plotW) - 1)) === column) sum += at(j++);
    cells.push({ a: i, b: j, x: sum / (j - i), x0: 0, x1: plotW });
    i = j;
  }
  for (let c = 1; c < cells.length; c++) cells[c].x0 = cells[c - 1].x1 = (cells[c - 1].x + cells[c].x) / 2;
  return cells;
}
