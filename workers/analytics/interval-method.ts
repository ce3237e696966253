// Which bootstrap a run's knockout intervals need. Forecasting test windows are cut at stride 1 (every
// window, workers/data/forecasting.ts), so windows fewer than lookback + horizon apart share time steps and
// their errors are dependent: they are resampled in runs of that many windows. Other rows (CTR, fusion,
// classification) are independent samples and are drawn one by one.
import { blockFor, type IntervalMethod } from '../../common/analytics/interval-method';
import type { RunData } from '../run/run-data';

/** Steps one forecast window covers (lookback + horizon), read from the test part's input and target shapes. */
export function windowSpan(data: RunData): number {
  const shapes = data.test.source?.specs ?? data.test.columns;
  const target = shapes[data.target]?.shape;
  const inputs = Object.entries(shapes).filter(([name]) => name !== data.target).map(([, s]) => s.shape);
  // a window's input is [lookback, channels] and its target [horizon, channels]
  if (!target || target.length !== 2 || inputs.length !== 1 || inputs[0].length !== 2) {
    throw new Error(`cannot tell the forecast windows' lookback and horizon from the test split's tensors (${Object.entries(shapes).map(([n, s]) => `${n} [${s.shape.join(', ')}]`).join(', ') || 'none'}); ` +
      'expected one input [lookback, channels] and the target [horizon, channels]');
  }
  return inputs[0][0] + target[0];
}

export function intervalMethod(data: RunData): IntervalMethod {
  // `channels` is set for forecasting data only (workers/data/run-data.ts)
  return data.channels ? blockFor(data.test.rows, windowSpan(data)) : { kind: 'independent' };
}
