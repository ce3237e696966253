// Paired bootstrap over test samples: resample sample indices with replacement (seeded), compute the
// metric of the trained model and of the knocked-out model on the SAME resample, and take percentiles of
// the difference. Pairing removes the between-sample variance both models share, so small but real
// effects of a gate get tight intervals.
import { seededRandom } from '../data/random';
import type { ConfidenceInterval } from './knockout';

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided level, default 0.95. */
  level?: number;
}

/** Percentile with linear interpolation (numpy's default) of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Interval of metric(variant) − metric(baseline), where `metric(which, indices)` scores the model on the
 * samples `indices` (repeats allowed). Resamples whose metric is undefined (e.g. AUC with one class) are
 * skipped and do not count.
 */
export function pairedBootstrap(
  samples: number,
  metric: (which: 'baseline' | 'variant', indices: Int32Array) => number,
  options: BootstrapOptions = {},
): ConfidenceInterval & { resamples: number } {
  const resamples = options.resamples ?? 1000, level = options.level ?? 0.95;
  if (samples <= 0) throw new Error('bootstrap needs at least one test sample');
  const random = seededRandom(options.seed ?? 0);
  const deltas: number[] = [];
  const idx = new Int32Array(samples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < samples; i++) idx[i] = Math.floor(random() * samples);
    const d = metric('variant', idx) - metric('baseline', idx);
    if (Number.isFinite(d)) deltas.push(d);
  }
  deltas.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: percentile(deltas, tail), high: percentile(deltas, 1 - tail), level, resamples: deltas.length };
}
