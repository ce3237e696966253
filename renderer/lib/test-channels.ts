// The Runs view's per-channel test errors (components/TestChannelsPanel.svelte) without the markup: the
// order `gatelab show` lists them in, how many before "Show all", each channel's share of the headline
// test MSE and the number format, so they can be checked without a DOM.
import type { TestChannels } from '../../common/runs/test-channels';

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
