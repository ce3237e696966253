// Series decimation for transfer: the lab sends Compare at most a few points per pixel column instead
// of every stored point (20 runs × 100k points were ~40 MB of JSON). Per step bucket it keeps the first,
// the minimum, the maximum and the last point (M4), so extremes, best values and the curve's envelope
// are exact stored points; exact values anywhere are fetched on demand (runs.pointsAt).

export interface StepSeries { steps: number[]; values: number[] }

/** Returns the series itself when it has at most `maxPoints` points, else an M4-decimated copy (≤ maxPoints). */
export function decimateSeries(s: StepSeries, maxPoints: number): StepSeries {
  const n = s.steps.length;
  if (n <= maxPoints) return s;
  const buckets = Math.max(1, Math.floor(maxPoints / 4));
  const x0 = s.steps[0];
  const span = s.steps[n - 1] - x0 || 1;
  const steps: number[] = [];
  const values: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < n; b++) {
    const edge = b === buckets - 1 ? Infinity : x0 + ((b + 1) * span) / buckets;
    let first = -1, min = -1, max = -1, last = -1;
    let minV = Infinity, maxV = -Infinity;
    for (; i < n && s.steps[i] < edge; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      if (first < 0) first = i;
      if (v < minV) { minV = v; min = i; }
      if (v > maxV) { maxV = v; max = i; }
      last = i;
    }
    if (first < 0) continue;
    const picked = [first, min, max, last].sort((p, q) => p - q);
    for (let k = 0; k < 4; k++) {
      if (k > 0 && picked[k] === picked[k - 1]) continue;
      steps.push(s.steps[picked[k]]);
      values.push(s.values[picked[k]]);
    }
  }
  return { steps, values };
}

/** Index of the stored point nearest to `step` (steps sorted); -1 for an empty series. */
export function nearestStep(steps: ArrayLike<number>, step: number): number {
  let lo = 0, hi = steps.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (steps[mid] < step) lo = mid + 1; else hi = mid; }
  if (lo >= steps.length) return steps.length - 1;
  if (lo > 0 && step - steps[lo - 1] <= steps[lo] - step) return lo - 1;
  return lo;
}
