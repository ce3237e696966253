// Which series points a chart's hover tooltip lists: per series, its stored point nearest the cursor's
// step, and only when that point is within a few pixels of the cursor along the step axis, so a sparse
// series (test.loss at the last step) is not listed while the cursor is at step 741.
import { nearestIndex } from './decimate';

export interface HoverSeries { label: string; color: string; steps: ArrayLike<number>; values: ArrayLike<number> }
export interface HoverRow { label: string; color: string; value: number; step: number }

/** `px` is the cursor's x within the plot (0 at the first step of `xr`), `plotW` the plot width in pixels. */
export function hoverRows(lines: HoverSeries[], px: number, xr: [number, number], plotW: number, withinPx = 8): HoverRow[] {
  const [x0, x1] = xr;
  const span = x1 - x0 || 1;
  const step = x0 + (px / plotW) * span;
  const rows: HoverRow[] = [];
  for (const l of lines) {
    const i = nearestIndex(l.steps, step);
    if (i < 0 || Math.abs(((l.steps[i] - x0) / span) * plotW - px) > withinPx) continue;
    rows.push({ label: l.label, color: l.color, value: l.values[i], step: l.steps[i] });
  }
  return rows;
}
