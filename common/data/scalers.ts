// Numeric scalers fitted on the training rows only (fitting on all rows leaks the test set into
// training). Missing values (NaN) are skipped when fitting and stay NaN when applied.
import type { DataColumn } from './columns';

/**
 * `log1p`: the column was log-scaled first, then z-scored: mean/std are of the logged values. Without
 * `signed` the log is log1p(x) with values below 0 read as 0 (the column had none in training); with
 * `signed: true` (a column whose training values include negatives) it is the signed log
 * sign(x)·log1p(|x|), which equals log1p(x) for x ≥ 0.
 */
export interface ZScoreState { kind: 'zscore'; mean: number; std: number; log1p?: true; signed?: true }
export interface MinMaxState { kind: 'minmax'; min: number; max: number }
export type ScalerState = ZScoreState | MinMaxState;

function numericValues(c: DataColumn, what: string): ArrayLike<number> {
  if (c.dictionary) throw new Error(`${what}: a scaler needs a numeric column, this one is coded (categorical/text/boolean)`);
  return c.values;
}

/**
 * Skewness above which a column is log-scaled before its z-score ('auto'): of x for a non-negative column,
 * of |x| for one with negative values (a normal's |x| has skewness ≈ 1, so only a heavy tail on either
 * side passes: balance ~ N(0, 50) with 1% of rows at 1e9, z-scored raw, put every ordinary row at ≈ −0.1
 * and a DNN's test AUC fell from 0.86 to 0.50). Why skewness and
 * this number: a z-score divides by a std that the tail sets, so on a heavy-tailed column (prices
 * exp(N(5, 3)): skewness 13) almost every row lands in a sliver near −mean/std and a model cannot read it
 * (test AUC 0.61 for LR against 0.89 on log1p(price)). Helpful-vote counts (the reviews' Positive Feedback
 * Count) sit at 6, a log-normal with σ = 1 at 4 to 6, an exponential at 2, a normal or a uniform at 0.
 * A rule on quantiles (max > 100 × (p99 − median)) catches a single outlier but missed those prices
 * (max/(p99 − median) = 6: the tail is heavy in the bulk too), so skewness it is.
 */
export const SKEWNESS_FOR_LOG = 5;

/** log1p, reading a value below 0 (none were in the training rows) as 0; NaN (missing) stays NaN. */
const logOf = (x: number) => (x < 0 ? 0 : Math.log1p(x));

/** The signed log sign(x)·log1p(|x|): log1p(x) for x ≥ 0, and a mirror image below 0; NaN stays NaN. */
export const signedLog = (x: number) => (x < 0 ? -Math.log1p(-x) : Math.log1p(x));

/** The log a fitted z-score applies before its mean and std (identity when it logs nothing). */
const loggedBy = (s: ZScoreState) => (!s.log1p ? (x: number) => x : s.signed ? signedLog : logOf);

/** Whether any finite training value is below 0: such a column is logged with the signed log. */
export function hasNegatives(c: DataColumn, trainRows: Int32Array): boolean {
  const v = c.values;
  for (const r of trainRows) if (v[r] < 0) return true; // NaN < 0 is false
  return false;
}

/**
 * Whether a column's training values take more than two values and have a sample skewness above
 * SKEWNESS_FOR_LOG: of x when none is negative, of |x| when some are (the signed log then applies).
 * Two values (a 0/1 flag, however rare) are never logged: log1p of {0, 1} is a linear map, so the
 * z-score after it gives the same numbers and naming it would mislead.
 */
export function isHeavyTailed(c: DataColumn, trainRows: Int32Array): boolean {
  const v = c.values;
  const abs = hasNegatives(c, trainRows);
  const at = abs ? (r: number) => Math.abs(v[r]) : (r: number) => v[r];
  const some = new Set<number>();
  let n = 0, sum = 0;
  for (const r of trainRows) {
    const x = at(r);
    if (!Number.isFinite(x)) continue;
    if (some.size < 3) some.add(v[r]);
    sum += x; n++;
  }
  if (some.size < 3) return false;
  const mean = sum / n;
  let m2 = 0, m3 = 0;
  for (const r of trainRows) {
    const x = at(r);
    if (!Number.isFinite(x)) continue;
    const d = x - mean;
    m2 += d * d; m3 += d * d * d;
  }
  return m2 > 0 && m3 / n / (m2 / n) ** 1.5 > SKEWNESS_FOR_LOG;
}

/**
 * z-score with the population standard deviation (as scikit-learn's StandardScaler); std 0 becomes 1.
 * `log`: 'always' z-scores the log of x; 'auto' does so when the column is heavy-tailed (isHeavyTailed).
 * The log is the signed one when the training values include negatives, else log1p. A built model
 * re-derives with 'always' on the names its run stored: runs before the signed log only ever logged
 * columns without negative training values, so they get log1p again, exactly as they trained.
 */
export function fitZScore(c: DataColumn, trainRows: Int32Array, name = 'column', log: 'never' | 'auto' | 'always' = 'never'): ZScoreState {
  const raw = numericValues(c, name);
  const logged = log === 'always' || (log === 'auto' && isHeavyTailed(c, trainRows));
  const signed = logged && hasNegatives(c, trainRows);
  const f = signed ? signedLog : logOf;
  const at = logged ? (r: number) => f(raw[r]) : (r: number) => raw[r];
  let n = 0, sum = 0;
  for (const r of trainRows) { const x = at(r); if (Number.isFinite(x)) { sum += x; n++; } }
  if (n === 0) throw new Error(`${name}: no finite value in the training rows to fit a z-score scaler on`);
  const mean = sum / n;
  let ss = 0;
  for (const r of trainRows) { const x = at(r); if (Number.isFinite(x)) ss += (x - mean) ** 2; }
  const std = Math.sqrt(ss / n);
  return { kind: 'zscore', mean, std: std > 0 ? std : 1, ...(logged ? { log1p: true as const } : {}), ...(signed ? { signed: true as const } : {}) };
}

/** Scales to [0, 1] over the training range (values outside it fall outside [0, 1]); a constant column maps to 0. */
export function fitMinMax(c: DataColumn, trainRows: Int32Array, name = 'column'): MinMaxState {
  const v = numericValues(c, name);
  let min = Infinity, max = -Infinity;
  for (const r of trainRows) if (Number.isFinite(v[r])) { if (v[r] < min) min = v[r]; if (v[r] > max) max = v[r]; }
  if (min === Infinity) throw new Error(`${name}: no finite value in the training rows to fit a min-max scaler on`);
  return { kind: 'minmax', min, max };
}

export function scaleValue(s: ScalerState, x: number): number {
  if (s.kind === 'zscore') return (loggedBy(s)(x) - s.mean) / s.std;
  const span = s.max - s.min;
  return span > 0 ? (x - s.min) / span : x - s.min;
}

export function unscaleValue(s: ScalerState, y: number): number {
  if (s.kind === 'zscore') {
    const t = y * s.std + s.mean;
    if (!s.log1p) return t;
    return s.signed && t < 0 ? -Math.expm1(-t) : Math.expm1(t);
  }
  const span = s.max - s.min;
  return span > 0 ? y * span + s.min : y + s.min;
}

/** The whole column scaled, as Float32 (what graphs consume). */
export function applyScaler(s: ScalerState, c: DataColumn): Float32Array {
  const v = c.values;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = scaleValue(s, v[i]);
  return out;
}
