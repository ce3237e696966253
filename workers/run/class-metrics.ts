// Per-class precision, recall, F1 and support and the confusion matrix of a classification part, from the
// model's logits, as scikit-learn's precision_recall_fscore_support and confusion_matrix compute them. The
// predicted class is the one eval-metrics.ts scores accuracy and macro-F1 with (binary: sigmoid ≥ 0.5;
// classes: the first largest logit), so the table's macro F1 is the run's test f1.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CLASSES_FILE, isUnscored, type TestClasses } from '../../common/runs/test-classes';
import type { Task } from './eval-metrics';
import type { RunData } from './run-data';

export type ClassBreakdown = Omit<TestClasses, 'step'>;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The predicted class of each sample: a binary model's one logit per sample, or [n, classes] logits. */
export function predictedClasses(task: Exclude<Task, 'regression'>, logits: ArrayLike<number>, classes: number): Int32Array {
  if (task === 'binary') return Int32Array.from({ length: logits.length }, (_, i) => (sigmoid(logits[i]) >= 0.5 ? 1 : 0));
  const n = Math.floor(logits.length / classes);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[i * classes + c] > logits[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** confusion[true][predicted] counts. A binary label is 1 above 0.5. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number, binary = false): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predicted.length; i++) {
    const y = binary ? (labels[i] > 0.5 ? 1 : 0) : Number(labels[i]);
    if (!(y >= 0 && y < classes)) throw new Error(`test row ${i} has class ${labels[i]}, outside the model's ${classes} classes`);
    m[y][predicted[i]]++;
  }
  return m;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Per-class metrics and their macro and weighted averages from a confusion matrix; `names` in class-id order. */
export function classBreakdownOf(confusion: number[][], names: readonly string[]): ClassBreakdown {
  if (names.length !== confusion.length) throw new Error(`${names.length} class names for ${confusion.length} classes`);
  const classes = confusion.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((s, v) => s + v, 0);
    const predicted = confusion.reduce((s, r) => s + r[c], 0);
    return {
      name: names[c],
      precision: ratio(tp, predicted),
      recall: ratio(tp, support),
      f1: ratio(2 * tp, support + predicted), // 2tp / (2tp + fp + fn)
      support,
      predicted,
    };
  });
  // sklearn averages over the labels that occur in y_true or y_pred (eval-metrics.ts macroF1 says why): a
  // class with no test rows that is never predicted has no F1 to average, and reports print '—' for it
  const present = classes.filter((c) => !isUnscored(c));
  const total = classes.reduce((s, c) => s + c.support, 0);
  const mean = (key: 'precision' | 'recall' | 'f1') => ratio(present.reduce((s, c) => s + c[key], 0), present.length);
  const weightedMean = (key: 'precision' | 'recall' | 'f1') => ratio(classes.reduce((s, c) => s + c[key] * c.support, 0), total);
  return {
    classes,
    confusion,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    weighted: { precision: weightedMean('precision'), recall: weightedMean('recall'), f1: weightedMean('f1') },
  };
}

/** The breakdown of a part from its logits and labels (binary: one logit per sample; else [n, classes]). */
export function classBreakdown(task: Exclude<Task, 'regression'>, logits: ArrayLike<number>, labels: ArrayLike<number>, names: readonly string[]): ClassBreakdown {
  // the model's classes: the logits' width (a name list of another length is refused by classBreakdownOf)
  const k = task === 'binary' ? 2 : labels.length ? Math.round(logits.length / labels.length) : names.length;
  const predicted = predictedClasses(task, logits, k);
  return classBreakdownOf(confusionMatrix(labels, predicted, k, task === 'binary'), names);
}

/**
 * The class names of a run's target in class-id order: the data's (a binary label's two values as the file
 * writes them, negative then positive; a multi-class target's values, sorted), else "negative"/"positive"
 * for a binary label without names (the synthetic demo data), else the ids.
 */
export function classNamesOf(data: Pick<RunData, 'task' | 'classes' | 'classNames'>): string[] {
  const k = data.task === 'binary' ? 2 : data.classes ?? 2;
  if (data.classNames?.length === k) return data.classNames;
  return data.task === 'binary' ? ['negative', 'positive'] : Array.from({ length: k }, (_, c) => String(c));
}

/** The run's per-class test metrics as `test-classes.json` in its folder (temp file + rename: never half-written). */
export function writeTestClasses(dir: string, step: number, breakdown: ClassBreakdown): void {
  const t: TestClasses = { step, ...breakdown };
  const path = join(dir, TEST_CLASSES_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(t));
  renameSync(`${path}.tmp`, path);
}
