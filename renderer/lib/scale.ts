// Axis ranges and "nice" tick values for charts.
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi === lo) return [lo];
  const step = niceStep(lo, hi, count);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * The tick step niceTicks uses for a range, so a domain and its ticks agree (1, 2, 2.5 or 5 times a power of 10).
 */
function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
}

/**
 * A y domain widened out to whole tick steps, with its ticks: the lowest and highest values sit on or
 * between the outer gridlines. Ticks taken inside the raw range left a point above the top gridline (a
 * test.mae of 0.93 over a top tick of 0.9), so the axis read as if it stopped short of the data.
 * A degenerate range keeps its one tick.
 */
export function niceDomain(lo: number, hi: number, count = 5): { lo: number; hi: number; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return { lo, hi, ticks: niceTicks(lo, hi, count) };
  const step = niceStep(lo, hi, count);
  const round = (v: number) => Number(v.toPrecision(12));
  const first = round(Math.floor(lo / step + 1e-9) * step);
  const last = round(Math.ceil(hi / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) ticks.push(round(first + i * step));
  return { lo: first, hi: last, ticks };
}

/** The smallest and largest finite value of the arrays ([Infinity, -Infinity] when there is none). */
function finiteRange(arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

export function extent(arrays: ArrayLike<number>[]): [number, number] {
  const [lo, hi] = finiteRange(arrays);
  if (lo === Infinity) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1; // a constant (e.g. a fixed learning rate) sits mid-chart at its own scale
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

// one list for the app's charts and the HTML reports (expert 2 is the same colour in both)
export { PALETTE } from '../../common/analytics/chart-palette';

/**
 * A nearly flat range (0.99999…1.00001) widened to ±10% around its middle, as a constant is: stretched over
 * the whole height, its points, its one "1" tick and a reference line at 1 were drawn at three heights.
 */
export function widenFlat(lo: number, hi: number): [number, number] {
  const mid = (lo + hi) / 2;
  if (mid === 0 || hi - lo >= 1e-4 * Math.abs(mid)) return [lo, hi];
  return [mid - Math.abs(mid) * 0.1, mid + Math.abs(mid) * 0.1];
}

/**
 * The value of a flat chart (every finite value equal, or within the 1e-4 relative spread widenFlat
 * widens), or null. Such a chart gets one tick at that value: ticks spread over the ±10% a constant is
 * widened to (0.0028 / 0.003 / 0.0032 for a fixed learning rate) read as if the value moved.
 */
export function flatValue(arrays: ArrayLike<number>[]): number | null {
  const [lo, hi] = finiteRange(arrays);
  if (lo === Infinity) return null;
  const mid = (lo + hi) / 2;
  return hi - lo <= 1e-4 * Math.abs(mid) ? mid : null;
}
