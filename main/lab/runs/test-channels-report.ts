// A forecasting run's test error per channel, read from `test-channels.json` in the run's folder (the
// trainer writes it after the test evaluation: workers/run/channel-errors.ts), for `gatelab show` /
// `gatelab runs show` and their --json. The run's folder is where its checkpoints are.
import { TEST_CHANNELS_FILE, TestChannels, testChannelLines } from '../../../common/runs/test-channels';
import type { LabStore } from '../store/index';
import { readRunSidecar } from './run-sidecar';

/** The run's per-channel test errors; null when it has none (not forecasting, not tested, or from before they existed). */
export function testChannelsOf(store: LabStore, runId: number): TestChannels | null {
  return readRunSidecar(store, runId, TEST_CHANNELS_FILE, TestChannels);
}

/** `gatelab show` lines: "  test per channel (worst first, scaled like mse/mae):" then a line per channel. */
export function testChannelsText(t: TestChannels | null, indent = '  '): string[] {
  if (!t?.channels.length) return [];
  return [`${indent}test per channel (worst first; scaled values, like the test mse/mae):`, ...testChannelLines(t).map((l) => `${indent}  ${l}`)];
}

/** A forecasting run's target-role columns that are channels, with their own test errors (the headline averages every channel). */
export function testTargetsOf(t: TestChannels | null, config: unknown): Array<{ name: string; mse: number; mae: number }> {
  const columns = (config as { data?: { columns?: Array<{ name?: unknown; role?: unknown }> } } | null)?.data?.columns;
  if (!t?.channels.length || !Array.isArray(columns)) return [];
  const targets = new Set(columns.filter((c) => c?.role === 'target').map((c) => String(c.name)));
  return t.channels.filter((c) => targets.has(c.name));
}

const num = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

/**
 * `gatelab show` lines beside a forecasting run's headline test mse/mae: the target channel's own errors
 * (a target role selects no channel, so the headline is every channel's mean), the naive forecasts on the
 * same windows, and, plainly, which of them the model does not beat on mse.
 */
export function forecastHeadlineText(t: TestChannels | null, test: Record<string, number>, config: unknown, indent = '  '): string[] {
  if (!t?.channels.length) return [];
  // one channel: the headline is the target's own error already
  const lines = t.channels.length < 2 ? [] : testTargetsOf(t, config).map((c) =>
    `${indent}test of target '${c.name}': mse ${num(c.mse)}  mae ${num(c.mae)} (its own channel; the headline is the mean of ${t.channels.length} channels)`);
  const b = t.baselines;
  if (!b) return lines;
  lines.push(`${indent}naive forecasts on the same test windows: repeat last value mse ${num(b.lastValue.mse)}  mae ${num(b.lastValue.mae)}; ` +
    `training mean mse ${num(b.trainMean.mse)}  mae ${num(b.trainMean.mae)}`);
  const mse = test.mse;
  if (mse === undefined) return lines;
  const beaten = [['repeating the last value', b.lastValue.mse], ['always the training mean', b.trainMean.mse]] as const;
  const notBeaten = beaten.filter(([, v]) => !(mse < v));
  if (notBeaten.length) {
    lines.push(`${indent}warning: the model does not beat ${notBeaten.map(([w, v]) => `${w} (mse ${num(v)})`).join(' or ')}: its test mse is ${num(mse)}. ` +
      'Try --set model.revin=true or template nlinear (both take out each window\'s level), a shorter lookback, or more epochs');
  }
  return lines;
}
