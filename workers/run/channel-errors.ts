// Forecasting error per channel: the test MSE is one number over all channels (ETT's protocol), which
// hides a channel the model cannot forecast behind six it can. Predictions and targets are [B, H, C]
// with the channel last, so element i belongs to channel i mod C. The headline MSE is these channels'
// mean (each channel has the same number of values).
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CHANNELS_FILE, type TestChannels } from '../../common/runs/test-channels';
import type { ForecastBaseline } from '../../common/runs/test-channels';
export interface ChannelError { name: string; mse: number; mae: number }

export class ChannelErrors {
  private readonly se: Float64Array;
  private readonly ae: Float64Array;
  private count = 0;

  constructor(readonly names: readonly string[]) {
    this.se = new Float64Array(names.length);
    this.ae = new Float64Array(names.length);
  }

  add(pred: ArrayLike<number | bigint>, target: ArrayLike<number | bigint>): void {
    const C = this.names.length;
    if (pred.length % C !== 0) throw new Error(`a forecast of ${pred.length} values is not a whole number of steps of ${C} channels (${this.names.join(', ')})`);
    addChannelErrors(pred, target, 0, pred.length, this.se, this.ae);
    this.count += pred.length / C;
  }

  result(): ChannelError[] {
    return this.names.map((name, c) => ({ name, mse: this.se[c] / this.count, mae: this.ae[c] / this.count }));
  }
}

/**
 * Adds each channel's squared errors (and absolute errors, given `ae`) over the values [from, to) of a forecast
 * laid out channel last, `from` at a step's first channel: value i is channel (i - from) mod C, C = se.length.
 * The run's test channels (ChannelErrors, over every window at once): each channel by addOneChannelErrors,
 * the one rule of which value belongs to which channel.
 */
export function addChannelErrors(pred: ArrayLike<number | bigint>, target: ArrayLike<number | bigint>, from: number, to: number, se: Float64Array, ae?: Float64Array): void {
  for (let c = 0; c < se.length; c++) addOneChannelErrors(pred, target, from, to, c, se, ae);
}

/**
 * Adds channel `channel`'s squared errors to se[channel] (and its absolute errors to ae[channel], given `ae`)
 * over the values [from, to) laid out as addChannelErrors reads them (C = se.length), touching only that
 * channel's values: a knockout's target-channel MSE (workers/analytics/task-scores.ts, one [horizon, channels]
 * window at a time) scores one channel of C, so it does 1/C of the all-channel work. The sum runs in the
 * same order as over every channel, so both give the same bits.
 */
export function addOneChannelErrors(pred: ArrayLike<number | bigint>, target: ArrayLike<number | bigint>, from: number, to: number, channel: number, se: Float64Array, ae?: Float64Array): void {
  const C = se.length;
  let squared = se[channel], absolute = ae ? ae[channel] : 0;
  for (let i = from + channel; i < to; i += C) {
    const d = Number(pred[i]) - Number(target[i]);
    squared += d * d;
    absolute += Math.abs(d);
  }
  se[channel] = squared;
  if (ae) ae[channel] = absolute;
}

/**
 * The run's per-channel test errors as `test-channels.json` in its folder (temp file + rename: never
 * half-written), with the naive baselines on the same windows (./forecast-baselines.ts) when scored.
 */
export function writeTestChannels(dir: string, step: number, channels: ChannelError[], baselines?: { lastValue: ForecastBaseline; trainMean: ForecastBaseline }): void {
  const t: TestChannels = { step, units: 'scaled values (z-scores fitted on the training rows), like the test mse/mae', channels, ...(baselines ? { baselines } : {}) };
  const path = join(dir, TEST_CHANNELS_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(t));
  renameSync(`${path}.tmp`, path);
}
