// The step axis of the training charts (LineChart): its range from the data, wheel zoom kept inside that
// range, and ticks on whole steps. A step is a whole number from 0 up: zooming out showed step −100, and a
// run with four points had ticks at 1.5, 2.5 and 3.5 — steps that cannot exist (newcomer audit G6).

/** A series' first and last step ([] when it has no points yet). */
export type StepSpan = readonly [number, number] | readonly [];

/**
 * Dots-only series sit on the first and last step: this share of the range past each end keeps them whole
 * instead of cut in half by the plot's edge.
 */
const DOT_MARGIN = 0.04;
/** The narrowest zoom, in steps: closer than this there is no whole step left between two ticks. */
export const MIN_ZOOM_STEPS = 2;

/**
 * The steps the chart shows when not zoomed: from the first step any series has to the last, plus a margin
 * when some series is drawn as dots (`dotsOnly`). Every point at one step (one validation per run) is
 * centred, not drawn on the plot's left edge.
 */
export function stepDomain(spans: readonly StepSpan[], dotsOnly: boolean): [number, number] {
  let a = Infinity;
  let b = -Infinity;
  for (const s of spans) {
    if (s.length !== 2 || !Number.isFinite(s[0]) || !Number.isFinite(s[1])) continue;
    a = Math.min(a, s[0]);
    b = Math.max(b, s[1]);
  }
  if (a === Infinity) return [0, 1];
  if (a === b) {
    const m = Math.max(1, Math.abs(a) * 0.05);
    return [a - m, b + m];
  }
  const pad = dotsOnly ? (b - a) * DOT_MARGIN : 0;
  return [a - pad, b + pad];
}

/**
 * The range after one wheel notch at step `at`: `factor` > 1 zooms out, < 1 in, keeping `at` under the
 * cursor. Never wider than `full` (the data's range): a zoom-out that reaches it returns null, the
 * unzoomed view; never narrower than MIN_ZOOM_STEPS; a range pushed past an end slides back inside.
 */
export function zoomSteps(current: readonly [number, number], at: number, factor: number, full: readonly [number, number]): [number, number] | null {
  const [x0, x1] = current;
  const [f0, f1] = full;
  const fullWidth = f1 - f0;
  const width = Math.max(Math.min(MIN_ZOOM_STEPS, fullWidth), (x1 - x0) * factor);
  if (width >= fullWidth) return null;
  // the cursor's share of the range stays where it was
  const share = x1 > x0 ? Math.min(1, Math.max(0, (at - x0) / (x1 - x0))) : 0.5;
  let lo = at - share * width;
  lo = Math.min(Math.max(lo, f0), f1 - width);
  return [lo, lo + width];
}

/**
 * About `count` ticks on whole, non-negative steps inside lo…hi, 1-2-5 spaced (…, 10, 20, 25, 50, 100, …):
 * a run of four steps gets 1, 2, 3, 4, never 1.5.
 */
export function stepTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const raw = (hi - lo) / Math.max(1, count);
  let step = 1;
  if (raw > 1) {
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * mag;
  }
  const out: number[] = [];
  for (let k = Math.ceil(Math.max(0, lo) / step); k * step <= hi; k++) out.push(k * step);
  return out;
}
