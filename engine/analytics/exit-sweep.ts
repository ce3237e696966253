// The early-exit compute–accuracy curve without retraining: from one evaluation that reports every exit's
// prediction and every exit gate's value per sample, re-decide the exits at each threshold (first gate
// above it), score the resulting predictions and count the FLOPs each sample needs.
import type { ExitCurve, ExitCurvePoint } from '../../common/analytics';
import { exitSkips, exitStages } from './accounting';

export interface ExitSweepInput {
  /** Per exit, its prediction per sample (width values each, sample-major). */
  predictions: readonly Float64Array[];
  width: number;
  /** Per exit but the last, its gate value per sample. */
  gates: readonly ArrayLike<number>[];
  /** FLOPs of each stage (block + head + gate), from forwardCosts/groupFlops. */
  stageFlops: readonly number[];
  /** Scores predictions (width values per sample) against the task; higher or lower is better per metric. */
  metric: { name: string; score(pred: Float64Array): number };
  thresholds: readonly number[];
  /** The trained threshold (marked as the operating point). */
  chosen: number;
}

export function exitCurve(s: ExitSweepInput): ExitCurve {
  const samples = s.predictions[0].length / s.width;
  const dense = s.stageFlops.reduce((a, b) => a + b, 0);
  const thresholds = [...new Set([...s.thresholds, s.chosen])].sort((a, b) => a - b);
  const points: ExitCurvePoint[] = thresholds.map((threshold) => {
    const at = exitStages(s.gates, samples, threshold);
    const pred = new Float64Array(samples * s.width);
    const counts = new Array<number>(s.predictions.length).fill(0);
    for (let n = 0; n < samples; n++) {
      counts[at[n]]++;
      pred.set(s.predictions[at[n]].subarray(n * s.width, (n + 1) * s.width), n * s.width);
    }
    const skipped = exitSkips(s.stageFlops, at).reduce((a, b) => a + b, 0);
    return { threshold, metric: s.metric.score(pred), meanFlops: dense - skipped / samples, exitRates: counts.map((c) => c / samples) };
  });
  return { metric: s.metric.name, denseFlops: dense, points, chosen: s.chosen };
}
