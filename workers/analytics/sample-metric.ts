// The knockout metric per task, on any multiset of test samples (bootstrap resamples): AUC for binary
// targets, accuracy for classes, MSE for regression (forecasts on normalized data).
import { auc, type Task } from '../run/eval-metrics';
import type { PerSample } from './evaluate-graph';

export interface SampleMetric {
  name: string;
  higherIsBetter: boolean;
  /** The metric of predictions `pred` on the samples `idx` (repeats allowed). */
  on(pred: PerSample, idx: Int32Array): number;
}

export function sampleMetric(task: Task, target: ArrayLike<number>, classes = 2): SampleMetric {
  if (task === 'binary') {
    return {
      name: 'auc',
      higherIsBetter: true,
      on: (pred, idx) => {
        const scores = new Float64Array(idx.length), labels = new Float64Array(idx.length);
        idx.forEach((i, k) => { scores[k] = pred.data[i * pred.width]; labels[k] = target[i]; });
        return auc(scores, labels);
      },
    };
  }
  if (task === 'multiclass') {
    return {
      name: 'accuracy',
      higherIsBetter: true,
      on: (pred, idx) => {
        let correct = 0;
        for (const i of idx) {
          let best = 0;
          for (let c = 1; c < classes; c++) if (pred.data[i * classes + c] > pred.data[i * classes + best]) best = c;
          if (best === Number(target[i])) correct++;
        }
        return correct / idx.length;
      },
    };
  }
  return {
    name: 'mse',
    higherIsBetter: false,
    on: (pred, idx) => {
      const w = pred.width;
      let se = 0;
      for (const i of idx) for (let j = 0; j < w; j++) { const d = pred.data[i * w + j] - target[i * w + j]; se += d * d; }
      return se / (idx.length * w);
    },
  };
}
