// Numeric scalers fitted on the training rows only (fitting on all rows leaks the test set into
// training). Missing values (NaN) are skipped when fitting and stay NaN when applied.
import type { DataColumn } from './columns';

export interface ZScoreState { kind: 'zscore'; mean: number; std: number }
export interface MinMaxState { kind: 'minmax'; min: number; max: number }
export type ScalerState = ZScoreState | MinMaxState;

function numericValues(c: DataColumn, what: string): ArrayLike<number> {
  if (c.dictionary) throw new Error(`${what}: a scaler needs a numeric column, this one is coded (categorical/text/boolean)`);
  return c.values;
}

/** z-score with the population standard deviation (as scikit-learn's StandardScaler); std 0 becomes 1. */
export function fitZScore(c: DataColumn, trainRows: Int32Array, name = 'column'): ZScoreState {
  const v = numericValues(c, name);
  let n = 0, sum = 0;
  for (const r of trainRows) if (Number.isFinite(v[r])) { sum += v[r]; n++; }
  if (n === 0) throw new Error(`${name}: no finite value in the training rows to fit a z-score scaler on`);
  const mean = sum / n;
  let ss = 0;
  for (const r of trainRows) if (Number.isFinite(v[r])) ss += (v[r] - mean) ** 2;
  const std = Math.sqrt(ss / n);
  return { kind: 'zscore', mean, std: std > 0 ? std : 1 };
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
  if (s.kind === 'zscore') return (x - s.mean) / s.std;
  const span = s.max - s.min;
  return span > 0 ? (x - s.min) / span : x - s.min;
}

export function unscaleValue(s: ScalerState, y: number): number {
  if (s.kind === 'zscore') return y * s.std + s.mean;
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
