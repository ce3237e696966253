// A run's average training speed, for its summary (`gatelab show`, `gatelab runs --json`): the live
// samples/s of the Runs view is gone once a run ends, and its stored curve (`samples_per_sec`, one point per
// trainer call of K steps, workers/run/train-run.ts) has only first/last/min/max in the metrics list.

/**
 * Samples trained per second spent training them, over the whole curve: each point is the rate of the
 * steps since the point before (the first: since step 0), so the run's rate is the steps over the time they
 * took, Σk / Σ(k / rate) — not the plain mean of the points, which a short slow call at the end of each
 * epoch would pull down as much as a long one. Validation and start-up are not in it, as in the live rate.
 * Null without a usable point (a run that never trained a step).
 */
export function meanSamplesPerSec(curve: { steps: ArrayLike<number>; values: ArrayLike<number> }): number | null {
  let steps = 0;
  let time = 0;
  let before = 0;
  for (let i = 0; i < curve.steps.length; i++) {
    const k = curve.steps[i] - before;
    const rate = curve.values[i];
    before = curve.steps[i];
    if (!(k > 0) || !(rate > 0) || !Number.isFinite(rate)) continue;
    steps += k;
    time += k / rate;
  }
  return time > 0 ? steps / time : null;
}
