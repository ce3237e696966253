// The knockout metric per task, on any multiset of test samples (bootstrap resamples): AUC for binary
// targets, accuracy for classes, MSE for regression (forecasts on normalized data), RMSE where a run reports
// it (MMoE's rating tower: task-scores.ts).
// A knockout never holds predictions: each chunk's predictions are reduced to what the metric needs of each
// sample (`scores`: AUC the score and the label, accuracy 1/0 for right/wrong, MSE the sample's mean squared
// error), and the metric of a resample is computed from those.
import { auc, type Task } from '../run/eval-metrics';
import type { PerSample } from './evaluate-graph';

type Values = ArrayLike<number>;

export interface SampleScores {
  name: string;
  higherIsBetter: boolean;
  /** Numbers kept per sample. */
  width: number;
  /** Writes samples [from, from + n)'s numbers into `out` (predictions and targets of those samples only). */
  score(pred: { data: Values; width: number }, target: Values | BigInt64Array, n: number, out: Float64Array, from: number): void;
  /** The metric on the samples `idx` (repeats allowed) of the kept numbers. */
  of(kept: Float64Array, idx: Int32Array): number;
}

/** `root`: a regression scored as RMSE (the root of the resample's MSE), as MMoE's rating tower is reported. */
export function sampleScores(task: Task, classes = 2, o: { root?: boolean } = {}): SampleScores {
  const mean = (kept: Float64Array, idx: Int32Array) => { let s = 0; for (const i of idx) s += kept[i]; return s / idx.length; };
  if (task === 'binary') {
    return {
      name: 'auc', higherIsBetter: true, width: 2,
      score: (pred, target, n, out, from) => { for (let s = 0; s < n; s++) { out[2 * (from + s)] = pred.data[s * pred.width]; out[2 * (from + s) + 1] = Number(target[s]); } },
      of: (kept, idx) => {
        const scores = new Float64Array(idx.length), labels = new Float64Array(idx.length);
        idx.forEach((i, k) => { scores[k] = kept[2 * i]; labels[k] = kept[2 * i + 1]; });
        return auc(scores, labels);
      },
    };
  }
  if (task === 'multiclass') {
    return {
      name: 'accuracy', higherIsBetter: true, width: 1,
      score: (pred, target, n, out, from) => {
        for (let s = 0; s < n; s++) {
          let best = 0;
          for (let c = 1; c < classes; c++) if (pred.data[s * classes + c] > pred.data[s * classes + best]) best = c;
          out[from + s] = best === Number(target[s]) ? 1 : 0;
        }
      },
      of: mean,
    };
  }
  return {
    name: o.root ? 'rmse' : 'mse', higherIsBetter: false, width: 1,
    // every sample has the same number of values, so the MSE of a resample is the mean of per-sample MSEs
    score: (pred, target, n, out, from) => {
      const w = pred.width;
      for (let s = 0; s < n; s++) { let se = 0; for (let j = 0; j < w; j++) { const d = pred.data[s * w + j] - Number(target[s * w + j]); se += d * d; } out[from + s] = se / w; }
    },
    of: o.root ? (kept, idx) => Math.sqrt(mean(kept, idx)) : mean,
  };
}

export interface SampleMetric {
  name: string;
  higherIsBetter: boolean;
  /** The metric of predictions `pred` (all test samples) on the samples `idx` (repeats allowed). */
  on(pred: PerSample, idx: Int32Array): number;
}

/** The metric on whole-split predictions held in memory (gate reports, exit curves). */
export function sampleMetric(task: Task, target: ArrayLike<number>, classes = 2): SampleMetric {
  const s = sampleScores(task, classes);
  return {
    name: s.name,
    higherIsBetter: s.higherIsBetter,
    on: (pred, idx) => {
      const n = pred.data.length / pred.width;
      const kept = new Float64Array(n * s.width);
      s.score(pred, target, n, kept, 0);
      return s.of(kept, idx);
    },
  };
}
