// Forecasting batches: sliding windows [B, L, C] → [B, H, C] over scaled channels. Windows of one part
// have their targets inside the part; validation and test windows may look back into the previous part
// (the Informer / Time-Series-Library protocol), as common/data's windowStarts does. A missing value is
// filled with the last value before it (a leading gap: the first value) before scaling, so one blank cell
// does not turn every window around it, and the loss, into NaN; forward, so no input sees its horizon.
import { assertFiniteInputs, fillGapsForward } from './finite';
import { applyScaler, gatherWindows, windowStarts, type ColumnSource, type FittedPipeline, type PartName, type SplitResult } from '../../common/data';
import { NOT_CHRONOLOGICAL, windowMisfit, type StepUnit } from '../../common/data/forecasting-rows';
import { stateFor } from './fitted';
import type { SampleSource } from './samples';

export interface ForecastingData {
  /** The channels, in and out (multivariate), in this order. */
  channels: string[];
  lookback: number;
  horizon: number;
  /** Window stride in the training part (1 in the ETT protocol); evaluation always uses every window. */
  stride?: number;
  /** 'time': a pivoted long-format file, whose rows are its times (the window refusal counts those). */
  unit?: StepUnit;
}

/** The channels scaled with the fitted z-score (or min-max) state of each, gaps filled forward: the whole series. */
export function scaledChannels(data: ColumnSource, fitted: FittedPipeline, channels: readonly string[]): Float32Array[] {
  return channels.map((c) => {
    const values = applyScaler(stateFor(fitted, c, ['zscore', 'minmax']), { values: fillGapsForward(data.column(c).values) });
    assertFiniteInputs(values, 1, null, () => c, 'x');
    return values;
  });
}

/** One part's windows. Channels are scaled with the fitted z-score (or min-max) state of each channel. */
export function forecastingSource(data: ColumnSource, split: SplitResult, fitted: FittedPipeline, o: ForecastingData, part: PartName,
  scaled: Float32Array[] = scaledChannels(data, fitted, o.channels)): SampleSource {
  if (!split.ranges) throw new Error(NOT_CHRONOLOGICAL);
  const starts = windowStarts(split.ranges[part], { lookback: o.lookback, horizon: o.horizon, stride: part === 'train' ? (o.stride ?? 1) : 1 }, part !== 'train');
  if (starts.length === 0) throw new Error(windowMisfit(split.ranges, part, o.lookback, o.horizon, o.unit));
  const C = o.channels.length;
  return {
    count: starts.length,
    specs: { x: { dtype: 'float32', shape: [o.lookback, C] }, y: { dtype: 'float32', shape: [o.horizon, C] } },
    // Windows are cut when a batch asks for them: the part holds only the series (shared by the three parts).
    batch(indices) {
      const picked = Int32Array.from(indices, (i) => starts[i]);
      const { inputs, targets } = gatherWindows(scaled, picked, o.lookback, o.horizon);
      return { x: { data: inputs, dims: [picked.length, o.lookback, C] }, y: { data: targets, dims: [picked.length, o.horizon, C] } };
    },
    // The mean over every window's targets is the scaled series weighted by how many windows' horizons cover
    // each row: one pass over the part's rows, instead of copying every window (lookback included) out.
    targetMeans: () => horizonWeightedMeans(scaled, starts, o.horizon),
  };
}

/** Each channel's mean of the values at rows start..start+horizon-1 over all `starts` (a row counts once per window covering it). */
export function horizonWeightedMeans(scaled: readonly ArrayLike<number>[], starts: ArrayLike<number>, horizon: number): Float64Array {
  const means = new Float64Array(scaled.length);
  if (starts.length === 0) return means.fill(NaN);
  let first = starts[0], last = starts[0];
  for (let i = 1; i < starts.length; i++) { first = Math.min(first, starts[i]); last = Math.max(last, starts[i]); }
  // windows covering each row of [first, last + horizon): +1 where a window's targets start, -1 after they end
  const cover = new Int32Array(last + horizon - first + 1);
  for (let i = 0; i < starts.length; i++) { cover[starts[i] - first]++; cover[starts[i] - first + horizon]--; }
  for (let t = 1; t < cover.length; t++) cover[t] += cover[t - 1];
  const count = starts.length * horizon;
  scaled.forEach((s, c) => {
    let sum = 0;
    for (let t = 0; t < cover.length - 1; t++) if (cover[t]) sum += cover[t] * s[first + t];
    means[c] = sum / count;
  });
  return means;
}

/** The three parts over one scaled copy of the series. */
export function forecastingSources(data: ColumnSource, split: SplitResult, fitted: FittedPipeline, o: ForecastingData): Record<PartName, SampleSource> {
  if (!split.ranges) throw new Error(NOT_CHRONOLOGICAL);
  const scaled = scaledChannels(data, fitted, o.channels);
  return { train: forecastingSource(data, split, fitted, o, 'train', scaled), val: forecastingSource(data, split, fitted, o, 'val', scaled), test: forecastingSource(data, split, fitted, o, 'test', scaled) };
}
