// Curves with 10^6 points stay smooth by drawing at most a few points per pixel column: for each
// bucket of x, keep the first, min, max and last point (M4 decimation), which preserves the exact
// envelope a full-resolution plot would show. The stored data is never decimated; hover reads it.

export interface XY {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** Index of the first element >= target in sorted `xs` (binary search). */
export function lowerBound(xs: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the point whose x is nearest to `target` (xs sorted), or -1 when empty. */
export function nearestIndex(xs: ArrayLike<number>, target: number): number {
  if (xs.length === 0) return -1;
  const i = lowerBound(xs, target);
  if (i === 0) return 0;
  if (i >= xs.length) return xs.length - 1;
  return target - xs[i - 1] <= xs[i] - target ? i - 1 : i;
}

/**
 * M4 decimation of the points with x in [x0, x1] into `buckets` columns. Returns indices into the
 * input (sorted, unique), so callers can draw them and still know the exact original points.
 * Non-finite y values are skipped (a NaN loss is shown as a gap by the caller, not as zero).
 */
export function decimate(data: XY, x0: number, x1: number, buckets: number): number[] {
  const n = data.x.length;
  const start = Math.max(0, lowerBound(data.x, x0) - 1);
  const end = Math.min(n, lowerBound(data.x, x1) + 1);
  if (end - start <= buckets * 4) {
    const all: number[] = [];
    for (let i = start; i < end; i++) if (Number.isFinite(data.y[i])) all.push(i);
    return all;
  }
  // Bucket edges by binary search (x is sorted), then one tight min/max scan per bucket.
  const out: number[] = [];
  const width = (x1 - x0) / buckets || 1;
  let lo = start;
  for (let bi = 0; bi < buckets && lo < end; bi++) {
    const hi = bi === buckets - 1 ? end : Math.max(lo, Math.min(end, lowerBound(data.x, x0 + (bi + 1) * width)));
    let first = -1, min = -1, max = -1, last = -1;
    let minV = Infinity, maxV = -Infinity;
    for (let i = lo; i < hi; i++) {
      const y = data.y[i];
      if (!(y === y) || y === Infinity || y === -Infinity) continue; // not finite
      if (first < 0) first = i;
      if (y < minV) { minV = y; min = i; }
      if (y > maxV) { maxV = y; max = i; }
      last = i;
    }
    if (first >= 0) {
      const picked = [first, min, max, last].sort((p, q) => p - q);
      for (let k = 0; k < 4; k++) if (k === 0 || picked[k] !== picked[k - 1]) out.push(picked[k]);
    }
    lo = hi;
  }
  return out;
}

/** Exponential moving average smoothing (TensorBoard-style, debiased), weight in [0, 1). */
export function smooth(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  if (weight <= 0) {
    for (let i = 0; i < values.length; i++) out[i] = values[i];
    return out;
  }
  let acc = 0;
  let norm = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    acc = acc * weight + (1 - weight) * v;
    norm = norm * weight + (1 - weight);
    out[i] = acc / norm;
  }
  return out;
}

/**
 * The index of the step under a pointer at `px` in a chart whose step axis spans [padLeft, width − padRight]
 * linearly from the first to the last step; null outside the plot or without steps.
 */
export function stepIndexAt(px: number, width: number, pad: { l: number; r: number }, steps: ArrayLike<number>): number | null {
  const f = (px - pad.l) / (width - pad.l - pad.r);
  if (f < 0 || f > 1 || !steps.length) return null;
  return nearestIndex(steps, steps[0] + f * (steps[steps.length - 1] - steps[0]));
}
