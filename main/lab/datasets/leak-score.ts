// How well one feature alone predicts the target (its keys: leak-rule.ts): each key predicts its most
// frequent class, or its mean for a number to regress. A feature that nearly decides the target this way is
// most often known only after the outcome (a review's star rating beside "recommended"), and a model trained
// with it scores far better than it will on new rows. The rule is fitted on half the rows and scored on the
// other half (then the halves swap), so a feature whose values each belong to a few rows scores no better
// than the majority class instead of "predicting" the rows it memorised. Pure: typed arrays in, numbers out.
import { MIN_ROWS, type FeatureKeys } from './leak-rule';

/** Thresholds of the warning (README "Validation"): a rule this good on one feature is a leak, not a signal. */
export const LEAK_ACCURACY = 0.95;
/** ...and it removes at least this share of the majority-class baseline's errors (95% over a 94% baseline is no finding). */
export const LEAK_ERRORS_REMOVED = 0.8;
/**
 * ...or, on a two-class target, it ranks the rows this well (the area under the ROC curve of its keys' class
 * rates). A 1–5 star rating beside "recommended" misclassifies the 3-star reviews either way (94% accuracy) yet
 * ranks with AUC 0.97: the very AUC a model trained with it reports, learnt from that column alone.
 */
export const LEAK_AUC = 0.95;
export const LEAK_CORRELATION = 0.98;
export const LEAK_R2 = 0.95;
/** Cells of a key × class count table: beyond it (thousands of values × hundreds of classes) the feature is not scored. */
const MAX_TABLE = 4_000_000;

/**
 * The sampled positions with a target, in two halves by a fixed hash of the position: neither a sorted file
 * (the sample spans it) nor a repeating pattern (every other row a click) puts one kind of row in one half.
 */
function halves(has: (i: number) => boolean, n: number): [Int32Array, Int32Array] | null {
  const parts: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) if (has(i)) parts[(Math.imul(i + 1, 0x9e3779b1) >>> 31) as 0 | 1].push(i);
  if (parts[0].length + parts[1].length < MIN_ROWS || !parts[0].length || !parts[1].length) return null;
  return [Int32Array.from(parts[0]), Int32Array.from(parts[1])];
}

export interface ClassScore {
  /** Share of rows the feature's rule classifies right (each row scored by the rule of the other half). */
  accuracy: number;
  /** Share of rows in the majority class (of the other half), the rule that needs no feature. */
  baseline: number;
  /** Two classes only: the AUC of the rule's class-1 rate (each row scored by the other half's rate of its key). */
  auc?: number;
  rows: number;
}

/** The one-feature rule on a class target (`labels`: class 0..classes-1 per sampled row, -1: none); null: too few rows. */
export function classScore(f: FeatureKeys, labels: Int32Array, classes: number): ClassScore | null {
  const parts = halves((i) => labels[i] >= 0, labels.length);
  if (!parts || f.count * classes > MAX_TABLE) return null;
  const { keys, count } = f;
  const table = new Int32Array(count * classes);
  const overall = new Int32Array(classes);
  const rates = new Map<number, [number, number]>(); // class-1 rate -> rows of class 1, of class 0 (two classes)
  let right = 0;
  let base = 0;
  for (const [fit, check] of [[parts[0], parts[1]], [parts[1], parts[0]]]) {
    table.fill(0);
    overall.fill(0);
    for (const i of fit) { table[keys[i] * classes + labels[i]]++; overall[labels[i]]++; }
    const majority = argmax(overall, 0, classes);
    // each key's class (-1: a key this half never saw, which gets the majority) and class-1 rate
    const rule = new Int32Array(count).fill(-1);
    const rate = new Float64Array(count).fill(overall[1] / (overall[0] + overall[1]));
    for (let k = 0; k < count; k++) {
      let total = 0;
      for (let c = 0; c < classes; c++) total += table[k * classes + c];
      if (total === 0) continue;
      rule[k] = argmax(table, k * classes, classes);
      if (classes === 2) rate[k] = table[k * 2 + 1] / total;
    }
    for (const i of check) {
      const k = keys[i];
      if ((rule[k] >= 0 ? rule[k] : majority) === labels[i]) right++;
      if (majority === labels[i]) base++;
      if (classes !== 2) continue;
      const tally = rates.get(rate[k]) ?? rates.set(rate[k], [0, 0]).get(rate[k])!;
      tally[labels[i] === 1 ? 0 : 1]++;
    }
  }
  const rows = parts[0].length + parts[1].length;
  const auc = classes === 2 ? areaUnderRoc([...rates].map(([rate, [p, n]]) => [rate, p, n])) : undefined;
  return { accuracy: right / rows, baseline: base / rows, ...(auc !== undefined ? { auc } : {}), rows };
}

function argmax(a: Int32Array, from: number, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (a[from + c] > a[from + best]) best = c;
  return best;
}

/** AUC over [score, positives, negatives] groups, ties counted half (Mann–Whitney); undefined when a class is absent. */
export function areaUnderRoc(groups: [number, number, number][]): number | undefined {
  groups.sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let negatives = 0;
  let pairs = 0;
  for (const [, p, n] of groups) {
    pairs += p * (negatives + n / 2); // each positive beats the negatives scored lower, ties half
    positives += p;
    negatives += n;
  }
  return positives && negatives ? pairs / (positives * negatives) : undefined;
}

export interface NumberScore {
  /** Pearson correlation of a number feature with the target (null: a coded feature, or no spread). */
  pearson: number | null;
  /** R² of the one-feature rule (the mean of its key), scored on the other half. */
  r2: number;
  rows: number;
}

/** The one-feature rule on a number to regress (`target`: NaN when none); `numbers`: the feature's sampled values, for the correlation. */
export function numberScore(f: FeatureKeys, target: Float64Array, numbers: Float64Array | null): NumberScore | null {
  const parts = halves((i) => !Number.isNaN(target[i]), target.length);
  if (!parts) return null;
  const { keys, count } = f;
  const sums = new Float64Array(count);
  const counts = new Int32Array(count);
  let sse = 0;
  let sst = 0;
  for (const [fit, check] of [[parts[0], parts[1]], [parts[1], parts[0]]]) {
    sums.fill(0);
    counts.fill(0);
    let total = 0;
    for (const i of fit) { sums[keys[i]] += target[i]; counts[keys[i]]++; total += target[i]; }
    const mean = total / fit.length;
    let checkMean = 0;
    for (const i of check) checkMean += target[i] / check.length;
    for (const i of check) {
      const k = keys[i];
      sse += (target[i] - (counts[k] ? sums[k] / counts[k] : mean)) ** 2;
      sst += (target[i] - checkMean) ** 2;
    }
  }
  const rows = parts[0].length + parts[1].length;
  return { pearson: numbers ? pearson(numbers, target) : null, r2: sst > 0 ? 1 - sse / sst : 0, rows };
}

/** Pearson's r over the rows where both have a finite value; null without spread or with too few rows. */
export function pearson(x: Float64Array, y: Float64Array): number | null {
  // two passes (means first): large values (unix times, prices in cents) lose no digits to the sums
  let n = 0, mx = 0, my = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) { n++; mx += x[i]; my += y[i]; }
  if (n < MIN_ROWS) return null;
  mx /= n;
  my /= n;
  let vx = 0, vy = 0, cxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    vx += dx * dx; vy += dy * dy; cxy += dx * dy;
  }
  return vx > 0 && vy > 0 ? cxy / Math.sqrt(vx * vy) : null;
}

/** A class rule at or above LEAK_ACCURACY that removes LEAK_ERRORS_REMOVED of the baseline's errors, or ranks two classes with AUC ≥ LEAK_AUC. */
export function classRuleLeaks(s: ClassScore): boolean {
  if (s.baseline >= 1) return false; // one class: nothing to leak (the run says what is wrong with such a target)
  return (s.accuracy >= LEAK_ACCURACY && 1 - s.accuracy <= (1 - LEAK_ERRORS_REMOVED) * (1 - s.baseline)) || (s.auc ?? 0) >= LEAK_AUC;
}

export function numberRuleLeaks(s: NumberScore): boolean {
  return (s.pearson !== null && Math.abs(s.pearson) >= LEAK_CORRELATION) || s.r2 >= LEAK_R2;
}
