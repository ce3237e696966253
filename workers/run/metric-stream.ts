// Task metrics over a split that arrives in chunks (evaluate.ts). Regression sums its squared and absolute
// errors as the chunks come (a forecasting split is windows × horizon × channels values: 20 M on a wide
// file, which as number[] predictions and targets cost ~300 MB); classification keeps predictions and labels
// in typed arrays, since AUC ranks them all at the end. Sums run in the same order as eval-metrics.ts over
// the whole arrays, so the results are bit-identical to it.
import { RegressionSums, taskMetrics, type Task } from './eval-metrics';
import { classBreakdown, type ClassBreakdown } from './class-metrics';

type Values = ArrayLike<number | bigint>;

/** A Float64Array that grows by doubling. */
class Float64Buffer {
  private data = new Float64Array(1024);
  length = 0;

  push(values: Values): void {
    if (this.length + values.length > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, this.length + values.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    for (let i = 0; i < values.length; i++) this.data[this.length + i] = Number(values[i]);
    this.length += values.length;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class MetricStream {
  private se = 0;
  private ae = 0;
  private count = 0;
  private readonly preds = new Float64Buffer();
  private readonly targets = new Float64Buffer();
  /** A regressed dataset target: mse, mae, rmse and r2 (eval-metrics.ts regressionScores); forecasting keeps mse and mae. */
  private readonly explained?: RegressionSums;

  constructor(readonly task: Task, readonly classes?: number, o: { r2?: boolean } = {}) {
    if (task === 'regression' && o.r2) this.explained = new RegressionSums();
  }

  /** Predictions and targets of one chunk (regression: element by element; classification: logits and labels). */
  add(pred: Values, target: Values): void {
    if (this.task !== 'regression') {
      this.preds.push(pred);
      this.targets.push(target);
      return;
    }
    if (pred.length !== target.length) throw new Error(`a chunk has ${pred.length} predictions for ${target.length} targets: the model's forecast and the data's target differ in shape`);
    if (this.explained) {
      this.explained.add(pred, target);
      this.count += pred.length;
      return;
    }
    for (let i = 0; i < pred.length; i++) {
      const d = Number(pred[i]) - Number(target[i]);
      this.se += d * d;
      this.ae += Math.abs(d);
    }
    this.count += pred.length;
  }

  /** Predicted values seen so far (elements). */
  get seen(): number {
    return this.task === 'regression' ? this.count : this.preds.length;
  }

  result(): Record<string, number> {
    if (this.explained) return this.explained.result();
    if (this.task === 'regression') return { mse: this.se / this.count, mae: this.ae / this.count };
    return taskMetrics(this.task, this.preds.view(), this.targets.view(), this.classes);
  }

  /** Classification: per-class metrics and the confusion matrix of what was added (class-metrics.ts). */
  classBreakdown(names: readonly string[]): ClassBreakdown {
    if (this.task === 'regression') throw new Error('a regression has no classes to break its metrics down by');
    return classBreakdown(this.task, this.preds.view(), this.targets.view(), names);
  }
}
