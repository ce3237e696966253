// Forecasting batches: sliding windows [B, L, C] → [B, H, C] over scaled channels. Windows of one part
// have their targets inside the part; validation and test windows may look back into the previous part
// (the Informer / Time-Series-Library protocol), as common/data's windowStarts does. A missing value is
// filled with the last value before it (a leading gap: the first value) before scaling, so one blank cell
// does not turn every window around it, and the loss, into NaN; forward, so no input sees its horizon.
import { assertFiniteInputs, fillGapsForward } from './finite';
import { applyScaler, gatherWindows, windowStarts, type ColumnSource, type FittedPipeline, type PartName, type SplitResult } from '../../common/data';
import { stateFor } from './fitted';
import type { SampleSource } from './samples';

export interface ForecastingData {
  /** The channels, in and out (multivariate), in this order. */
  channels: string[];
  lookback: number;
  horizon: number;
  /** Window stride in the training part (1 in the ETT protocol); evaluation always uses every window. */
  stride?: number;
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
  if (!split.ranges) throw new Error('forecasting needs a chronological split (kind chronological or ett): windows must not mix time periods');
  const starts = windowStarts(split.ranges[part], { lookback: o.lookback, horizon: o.horizon, stride: part === 'train' ? (o.stride ?? 1) : 1 }, part !== 'train');
  if (starts.length === 0) throw new Error(windowMisfit(split.ranges, part, o.lookback, o.horizon));
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
  };
}

type Ranges = NonNullable<SplitResult['ranges']>;
const PART_WORD: Record<PartName, string> = { train: 'training', val: 'validation', test: 'test' };

/**
 * Why `part` has no window, and the largest lookback (at this horizon) and horizon (at this lookback) every
 * part fits. A training window needs lookback + horizon rows inside the part; a validation or test window
 * only needs its horizon there (its lookback may reach back into the rows before), and a lookback that
 * ends inside the file.
 */
export function windowMisfit(ranges: Ranges, part: PartName, lookback: number, horizon: number): string {
  const len = ([s, e]: [number, number]) => e - s;
  const [s, e] = ranges[part];
  const n = len(ranges[part]);
  const rows = `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
  // a lookback helps only when the horizon fits the validation and test parts
  const maxLookback = horizon <= Math.min(len(ranges.val), len(ranges.test))
    ? Math.min(len(ranges.train) - horizon, ranges.val[1] - horizon, ranges.test[1] - horizon) : 0;
  const maxHorizon = Math.min(len(ranges.train) - lookback, len(ranges.val), len(ranges.test), ranges.val[1] - lookback, ranges.test[1] - lookback);
  const why = part === 'train'
    ? `the training part (rows ${s}..${e}, ${rows}) is shorter than lookback ${lookback} + horizon ${horizon}: a training window must lie inside it`
    : n < horizon
      ? `the ${PART_WORD[part]} part (rows ${s}..${e}, ${rows}) is shorter than horizon ${horizon}: its windows' targets must lie inside it (their lookback may reach into the rows before)`
      : `lookback ${lookback} reaches before the first row for every window of the ${PART_WORD[part]} part (rows ${s}..${e})`;
  const fits = [
    maxLookback >= 1 ? `lookback ≤ ${maxLookback} with horizon ${horizon} (--set model.lookback=${maxLookback})` : null,
    maxHorizon >= 1 ? `horizon ≤ ${maxHorizon} with lookback ${lookback} (--set model.horizon=${maxHorizon})` : null,
  ].filter(Boolean);
  // Neither alone fits: the largest pair in the same lookback : horizon proportion that does
  const fitsAll = (l: number, h: number) => l >= 1 && h >= 1 && l + h <= len(ranges.train) && h <= Math.min(len(ranges.val), len(ranges.test)) && l <= Math.min(ranges.val[1], ranges.test[1]) - h;
  let pair: [number, number] | null = null;
  for (let h = Math.min(horizon, len(ranges.train) - 1); !fits.length && !pair && h >= 1; h--) {
    const l = Math.max(1, Math.floor((h * lookback) / horizon));
    if (fitsAll(l, h)) pair = [l, h];
  }
  const both = pair ? `shorten both, e.g. lookback ${pair[0]} with horizon ${pair[1]} (--set model.lookback=${pair[0]} --set model.horizon=${pair[1]})` : 'shorten both';
  return `${why}. ${fits.length ? `What fits this split: ${fits.join(', or ')}` : `No window fits this split with this lookback or this horizon: ${both}`}. ` +
    'Or use a longer file or larger parts';
}

/** The three parts over one scaled copy of the series. */
export function forecastingSources(data: ColumnSource, split: SplitResult, fitted: FittedPipeline, o: ForecastingData): Record<PartName, SampleSource> {
  if (!split.ranges) throw new Error('forecasting needs a chronological split (kind chronological or ett): windows must not mix time periods');
  const scaled = scaledChannels(data, fitted, o.channels);
  return { train: forecastingSource(data, split, fitted, o, 'train', scaled), val: forecastingSource(data, split, fitted, o, 'val', scaled), test: forecastingSource(data, split, fitted, o, 'test', scaled) };
}
