// The Runs view's per-channel test errors (components/TestChannelsPanel.svelte) without the markup: the
// order `gatelab show` lists them in, how many before "Show all", each channel's share of the headline
// test MSE and the number format, so they can be checked without a DOM.
import { naiveAdvice as sharedAdvice, testTargetsOf, type NaiveForecast, type TestChannels } from '../../common/runs/test-channels';

/** Channels listed before "Show all", as `gatelab show` prints them: a 321-channel run would bury the curves. */
export const CHANNEL_ROWS = 12;

export type ListedChannel = TestChannels['channels'][number] & { /** Of the summed channel MSEs, i.e. of the headline test mse (their mean). */ share: number };

/** Worst (highest MSE) first, ties kept in file order, as `gatelab show` lists them; at most `max`. */
export function worstChannels(t: TestChannels, max = CHANNEL_ROWS): ListedChannel[] {
  const total = t.channels.reduce((s, c) => s + c.mse, 0);
  return [...t.channels]
    .sort((a, b) => b.mse - a.mse)
    .slice(0, max)
    .map((c) => ({ ...c, share: total > 0 ? c.mse / total : 0 }));
}

/** An error as `gatelab show` prints it: 4 decimals, an exponent when that would hide the value. */
export const formatError = (v: number): string => (Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

/** A channel's own test errors (a target's; the model's headline or a naive forecast's over all channels). */
export type Errors = { mse: number; mae: number };

/**
 * The run's target-role columns that are channels, with their own test errors: the headline averages every
 * channel, so a target hidden behind easier channels (or harder ones) needs its own line. None for one
 * channel (the headline is its error already). `gatelab show`'s own code (common/runs/test-channels.ts).
 */
export function targetChannels(t: TestChannels, config: unknown): Array<Errors & { name: string }> {
  return t.channels.length < 2 ? [] : testTargetsOf(t, config);
}

// The naive forecasts (repeat last value, training mean, seasonal naive), which of them the model does not
// beat, and their names: one implementation with `gatelab show`'s (common/runs/test-channels.ts).
export { NAIVE, naiveForecasts, naiveLabel, naiveNotBeaten, type NaiveForecast } from '../../common/runs/test-channels';

/**
 * `gatelab show`'s advice when the model does not beat a naive forecast, for the run's own settings (no
 * "nlinear" for an nlinear run), said with the Models form's words: "New run from this" opens it with the run's settings.
 */
export const naiveAdvice = (revinLabel: string, config: unknown, notBeaten: readonly NaiveForecast[]): string =>
  `${sharedAdvice(config, notBeaten, { revin: `${revinLabel} on`, nlinear: 'the nlinear template', or: ', or ', lookback: 'Lookback', epochs: 'Epochs' })}: New run from this opens Models with this run's settings`;
