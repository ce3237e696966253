// Task metrics computed from eval-graph predictions: forecasting MSE/MAE (on normalized data),
// CTR/binary AUC + logloss + accuracy, classification accuracy + macro-F1 (over the classes that occur, as
// scikit-learn's) + AUC (two classes: of the margin; more: one-vs-rest on the softmax probabilities,
// macro-averaged, as scikit-learn's roc_auc_score(multi_class='ovr', average='macro')) + logloss (the mean
// −log softmax probability of the true class, computed as the binary one is: from the logits, unclipped).
// Two classes also score ap, the average precision of class 1 (average-precision.ts): what an imbalanced
// label (5% fraud, 10% clicks) is read by. Early stopping keeps choosing by the validation loss.
import { averagePrecision } from './average-precision';

export type Task = 'regression' | 'binary' | 'multiclass';

/** Area under the ROC curve by the rank statistic (ties get their average rank). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0, rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (labels[idx[t]] > 0.5) { pos++; rankSum += avg; }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** AUC is undefined on a part with one class (a small validation split can have one): leave it out then. */
const withAuc = (a: number): { auc?: number } => (Number.isNaN(a) ? {} : { auc: a });

/**
 * AUC and AP of class 1 ranked by `scores`, both left out on a part of one class (no stored NaN, no 0 in
 * their place): sklearn's AP of an all-positive part is 1 whatever the model, which beside an undefined
 * AUC would read as a perfect ranking.
 */
function rankingMetrics(scores: ArrayLike<number>, labels: ArrayLike<number>): { auc?: number; ap?: number } {
  const a = auc(scores, labels);
  return Number.isNaN(a) ? {} : { auc: a, ap: averagePrecision(scores, labels) };
}

/** Binary metrics from logits. */
export function binaryMetrics(logits: ArrayLike<number>, labels: ArrayLike<number>): Record<string, number> {
  let ll = 0, tp = 0, tn = 0, fp = 0, fn = 0;
  const n = logits.length;
  for (let i = 0; i < n; i++) {
    const z = logits[i], y = labels[i];
    // log(1 + e^-|z|) form: stable for large logits.
    ll += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    const p = sigmoid(z) >= 0.5, t = y > 0.5;
    if (p && t) tp++; else if (!p && !t) tn++; else if (p) fp++; else fn++;
  }
  return { ...rankingMetrics(logits, labels), logloss: ll / n, accuracy: (tp + tn) / n, f1: macroF1([tp, tn], [fp, fn], [fn, fp]) };
}

/**
 * Macro-F1 as scikit-learn's f1_score(average='macro'): the mean of the per-class F1 over the classes that
 * occur as a label or a prediction. A class absent from both says nothing about the model; counting it as
 * F1 0 (dividing by every class) scored a 60-row test part 0.27 where sklearn says 0.40. (sklearn's
 * classification_report(labels=every class) would count it as 0 with an "ill-defined" warning: the same
 * predictions would then score lower the more classes the model knows.) The per-class table leaves it out
 * of its macro avg too and prints '—' for it (common/runs/test-classes.ts isUnscored), and the run's data
 * line says which part lacks which class (part-classes.ts): a binary test part without positives scores
 * f1 1.0 for a model that predicts none, and only that note says the positives were never tested.
 */
export function macroF1(tp: ArrayLike<number>, fp: ArrayLike<number>, fn: ArrayLike<number>): number {
  let sum = 0, present = 0;
  for (let c = 0; c < tp.length; c++) {
    if (tp[c] + fp[c] + fn[c] === 0) continue;
    sum += (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]);
    present++;
  }
  return present ? sum / present : 0;
}

/**
 * −log softmax(z)[y] of one row of logits, as log Σ exp(z_c − max) + max − z_y: exp of a raw logit of 800
 * overflows, and log(p) of a p that underflowed to 0 is −∞. Not clipped, as the binary logloss is not: a
 * confident wrong answer costs what it costs (a two-class row [0, z] gives binaryMetrics' loss of logit z).
 */
function rowLogloss(logits: ArrayLike<number>, offset: number, classes: number, y: number): number {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, logits[offset + c]);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp(logits[offset + c] - max);
  return Math.log(sum) + max - logits[offset + y];
}

/**
 * Multiclass metrics from logits [n, C] and integer labels. logloss is the plain mean over rows (no class
 * weights, no router auxiliary losses: the training `loss` can carry both), so runs compare on it as binary
 * runs do.
 */
export function multiclassMetrics(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number): Record<string, number> {
  const n = labels.length;
  const tp = new Float64Array(classes), fp = new Float64Array(classes), fn = new Float64Array(classes);
  let correct = 0, ll = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c] > logits[i * classes + best]) best = c;
    const y = Number(labels[i]);
    if (best === y) { correct++; tp[y]++; } else { fp[best]++; fn[y]++; }
    ll += rowLogloss(logits, i * classes, classes, y);
  }
  const out: Record<string, number> = { accuracy: correct / n, f1: macroF1(tp, fp, fn), logloss: ll / n };
  if (classes === 2) {
    const margin = Array.from({ length: n }, (_, i) => logits[i * 2 + 1] - logits[i * 2]);
    Object.assign(out, rankingMetrics(margin, Array.from({ length: n }, (_, i) => Number(labels[i]))));
  } else if (classes > 2) Object.assign(out, withAuc(oneVsRestAuc(logits, labels, classes)));
  return out;
}

/** Macro average over classes of the AUC of p(class) against the rest; classes absent from (or alone in) the part are skipped. */
export function oneVsRestAuc(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number {
  const n = labels.length;
  const p = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) {
    let max = -Infinity, sum = 0;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[i * classes + c]);
    for (let c = 0; c < classes; c++) sum += (p[i * classes + c] = Math.exp(logits[i * classes + c] - max));
    for (let c = 0; c < classes; c++) p[i * classes + c] /= sum;
  }
  let total = 0, counted = 0;
  for (let c = 0; c < classes; c++) {
    const a = auc(Array.from({ length: n }, (_, i) => p[i * classes + c]), Array.from({ length: n }, (_, i) => (Number(labels[i]) === c ? 1 : 0)));
    if (!Number.isNaN(a)) { total += a; counted++; }
  }
  return counted ? total / counted : NaN;
}

export function regressionMetrics(pred: ArrayLike<number>, target: ArrayLike<number>): Record<string, number> {
  let se = 0, ae = 0;
  for (let i = 0; i < pred.length; i++) {
    const d = pred[i] - target[i];
    se += d * d;
    ae += Math.abs(d);
  }
  return { mse: se / pred.length, mae: ae / pred.length };
}

/**
 * A regression's scores in the target's own units: mse, mae, rmse = √mse and r2 = 1 − SSE/SST, SST taken
 * about the scored targets' own mean (scikit-learn's r2_score: predicting that mean scores 0, a perfect
 * fit 1, worse than the mean below 0; left out when every target is the same). The sums run in the order
 * metric-stream.ts accumulates them, target mean and SST by Welford's update (a price of 1e6 squared and
 * summed would lose SST's digits), so both give the same bits.
 */
export function regressionScores(pred: ArrayLike<number>, target: ArrayLike<number>): Record<string, number> {
  const r = new RegressionSums();
  r.add(pred, target);
  return r.result();
}

/** The running sums behind regressionScores, added chunk by chunk. */
export class RegressionSums {
  private se = 0;
  private ae = 0;
  private n = 0;
  private mean = 0;
  private sst = 0;

  add(pred: ArrayLike<number | bigint>, target: ArrayLike<number | bigint>): void {
    for (let i = 0; i < pred.length; i++) {
      const y = Number(target[i]);
      const d = Number(pred[i]) - y;
      this.se += d * d;
      this.ae += Math.abs(d);
      this.n++;
      const delta = y - this.mean;
      this.mean += delta / this.n;
      this.sst += delta * (y - this.mean);
    }
  }

  result(): Record<string, number> {
    const mse = this.se / this.n;
    // every target the same: r2 is undefined, left out as AUC is on a part with one class (no NaN is stored)
    return { mse, mae: this.ae / this.n, rmse: Math.sqrt(mse), ...(this.sst > 0 ? { r2: 1 - this.se / this.sst } : {}) };
  }
}

export function taskMetrics(task: Task, pred: ArrayLike<number>, target: ArrayLike<number>, classes = 2): Record<string, number> {
  if (task === 'regression') return regressionMetrics(pred, target);
  if (task === 'binary') return binaryMetrics(pred, target);
  return multiclassMetrics(pred, target, classes);
}
