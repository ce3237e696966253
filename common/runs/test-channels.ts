// A forecasting run's test error per channel, as the trainer stores it beside its checkpoints
// (`test-channels.json` in the run's folder) and as `gatelab show` prints it. The headline test `mse`/`mae`
// stay one number over all channels (the ETT protocol's); this says which channels make it up.
// Kept out of the run's metric table on purpose: a 321-channel file would add 642 metrics to every list,
// chart legend and sort menu that shows test metrics.
import { z } from 'zod';

export const TEST_CHANNELS_FILE = 'test-channels.json';

const ChannelError = z.object({ name: z.string(), mse: z.number(), mae: z.number() });

/** A naive forecast scored on the test windows (workers/run/forecast-baselines.ts): over all channels (their mean, as the headline) and per channel. */
export const ForecastBaseline = z.object({ mse: z.number(), mae: z.number(), channels: z.array(ChannelError) });
export type ForecastBaseline = z.infer<typeof ForecastBaseline>;

export const TestChannels = z.object({
  /** The step of the parameters tested (the best-on-validation checkpoint's). */
  step: z.number().int(),
  /** Units of the errors: the scaled values (z-scores fitted on train), like the headline test mse/mae. */
  units: z.string(),
  channels: z.array(ChannelError),
  /**
   * Naive forecasts on the same test windows, in the same units: every step the window's last input value
   * (lastValue), or the channel's training mean (trainMean). Absent in runs from before they existed.
   */
  baselines: z.object({ lastValue: ForecastBaseline, trainMean: ForecastBaseline }).optional(),
});
export type TestChannels = z.infer<typeof TestChannels>;

const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

/**
 * Lines for a report, worst channel first: "OT    mse 0.0712  mae 0.2041". At most `max` channels; the
 * last line says how many more there are and where to find them all.
 */
export function testChannelLines(t: TestChannels, max = 12): string[] {
  const worst = [...t.channels].sort((a, b) => b.mse - a.mse);
  const shown = worst.slice(0, max);
  const width = Math.max(...shown.map((c) => c.name.length), 4);
  const lines = shown.map((c) => `${c.name.padEnd(width)}  mse ${fmt(c.mse)}  mae ${fmt(c.mae)}`);
  if (worst.length > max) lines.push(`… ${worst.length - max} more channel${worst.length - max === 1 ? '' : 's'} (--json lists every one)`);
  return lines;
}
