// Paired bootstrap over test samples: resample sample indices with replacement (seeded), compute the
// metric of the trained model and of the knocked-out model on the SAME resample, and take percentiles of
// the difference. Pairing removes the between-sample variance both models share, so small but real
// effects of a gate get tight intervals.
// Independent draws assume independent samples. Forecasting test windows are not: at stride 1 two windows
// less than lookback + horizon apart share time steps, and their errors move together (lag-1
// autocorrelation 0.995 on ETTm1), so drawing windows one by one gave intervals 6–8× too narrow. For them
// `block` > 1 resamples runs of `block` consecutive windows (a circular block bootstrap: a run may wrap from
// the last window to the first, so every window is drawn equally often), which keeps the dependence inside
// a run; pairs stay together because both models are scored on the same indices.
import { seededRandom } from '../data/random';
import type { ConfidenceInterval } from './knockout';

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided level, default 0.95. */
  level?: number;
  /** Consecutive samples drawn together (1, the default: independent draws, as for CTR and fusion rows). */
  block?: number;
}

/** Percentile with linear interpolation (numpy's default) of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Fills `idx` with one resample of `samples` indices: independent draws (block 1), or runs of `block`
 * consecutive indices from uniform starts, wrapping past the end, the last run cut to fit.
 */
export function drawResample(idx: Int32Array, samples: number, block: number, random: () => number): void {
  if (block <= 1) {
    for (let i = 0; i < samples; i++) idx[i] = Math.floor(random() * samples);
    return;
  }
  for (let i = 0; i < samples;) {
    const start = Math.floor(random() * samples);
    for (let j = 0; j < block && i < samples; j++, i++) idx[i] = (start + j) % samples;
  }
}

/**
 * Interval of metric(variant) − metric(baseline), where `metric(which, indices)` scores the model on the
 * samples `indices` (repeats allowed). Resamples whose metric is undefined (e.g. AUC with one class) are
 * skipped and do not count. Block 1 draws exactly the resamples it always has (same seed, same interval).
 */
export function pairedBootstrap(
  samples: number,
  metric: (which: 'baseline' | 'variant', indices: Int32Array) => number,
  options: BootstrapOptions = {},
): ConfidenceInterval & { resamples: number } {
  const resamples = options.resamples ?? 1000, level = options.level ?? 0.95, block = options.block ?? 1;
  if (samples <= 0) throw new Error('bootstrap needs at least one test sample');
  if (!Number.isInteger(block) || block < 1 || block > samples) throw new Error(`bootstrap block length must be a whole number from 1 to the ${samples} samples (got ${block})`);
  const random = seededRandom(options.seed ?? 0);
  const deltas: number[] = [];
  const idx = new Int32Array(samples);
  for (let r = 0; r < resamples; r++) {
    drawResample(idx, samples, block, random);
    const d = metric('variant', idx) - metric('baseline', idx);
    if (Number.isFinite(d)) deltas.push(d);
  }
  deltas.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: percentile(deltas, tail), high: percentile(deltas, 1 - tail), level, resamples: deltas.length };
}
