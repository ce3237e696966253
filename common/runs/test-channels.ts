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
  baselines: z.object({
    lastValue: ForecastBaseline,
    trainMean: ForecastBaseline,
    /**
     * Repeat the last season: step h of the horizon is the input value m·ceil(h/m) steps before it, m the
     * season of the time step (seasonLength: 24 for hourly rows, 12 for monthly...). Absent when the step has
     * no season, the lookback is shorter than one, or the run is from before it existed.
     */
    seasonal: ForecastBaseline.extend({ season: z.number().int().positive() }).optional(),
  }).optional(),
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

/**
 * The season of a time step, in steps, for the seasonal-naive forecast: a day of sub-daily steps (24 hourly,
 * 96 at 15 minutes), a week of daily steps (7), a year of weekly (52), monthly (12) or quarterly (4) steps.
 * Undefined for a step with no such season (yearly, irregular, or no time column).
 */
export function seasonLength(stepSeconds: number | undefined): number | undefined {
  if (stepSeconds === undefined || !Number.isFinite(stepSeconds) || stepSeconds <= 0) return undefined;
  const day = 86_400;
  if (stepSeconds < day) {
    const perDay = day / stepSeconds;
    return Math.abs(perDay - Math.round(perDay)) < 1e-6 && Math.round(perDay) >= 2 ? Math.round(perDay) : undefined;
  }
  const days = stepSeconds / day;
  if (Math.abs(days - 1) < 1e-6) return 7;
  if (Math.abs(days - 7) < 1e-6) return 52;
  if (days >= 28 && days <= 31) return 12;
  if (days >= 89 && days <= 92) return 4;
  return undefined;
}

/** The naive forecasts in `gatelab show`'s words, each with what the warning calls it (the app's panel says the same). */
export const NAIVE = [
  { key: 'lastValue', label: 'repeat last value', warning: 'repeating the last value' },
  { key: 'trainMean', label: 'training mean', warning: 'always the training mean' },
  { key: 'seasonal', label: 'seasonal naive', warning: 'repeating the last season' },
] as const;
export type NaiveForecast = (typeof NAIVE)[number] & ForecastBaseline & { season?: number };

/** The run's naive forecasts, in NAIVE order, those it has (the seasonal one only where the step has a season). */
export function naiveForecasts(t: TestChannels): NaiveForecast[] {
  const b = t.baselines;
  if (!b) return [];
  return NAIVE.flatMap((n) => { const f = b[n.key]; return f ? [{ ...n, ...f }] : []; });
}

/** A forecast's name with its season: "seasonal naive (season 12)". */
export const naiveLabel = (n: NaiveForecast): string => (n.season !== undefined ? `${n.label} (season ${n.season})` : n.label);

/**
 * The naive forecasts the model's headline test mse does not beat (not strictly lower), or null when the run
 * has none (runs from before them) or no test mse yet.
 */
export function naiveNotBeaten(t: TestChannels, testMse: number | undefined): NaiveForecast[] | null {
  if (!t.baselines || testMse === undefined) return null;
  return naiveForecasts(t).filter((n) => !(testMse < n.mse));
}

/** A forecasting run's target-role columns that are channels, with their own test errors (the headline averages every channel); none for one channel. */
export function testTargetsOf(t: TestChannels | null, config: unknown): Array<{ name: string; mse: number; mae: number }> {
  const columns = (config as { data?: { columns?: Array<{ name?: unknown; role?: unknown }> } } | null)?.data?.columns;
  if (!t?.channels.length || !Array.isArray(columns)) return [];
  const targets = new Set(columns.filter((c) => c?.role === 'target').map((c) => String(c.name)));
  return t.channels.filter((c) => targets.has(c.name));
}

/** How a face names the advice's settings: the CLI's flags, or the Models form's fields. */
export interface AdviceWords { revin: string; nlinear: string; or: string; lookback: string; epochs: string }
export const CLI_ADVICE_WORDS: AdviceWords = { revin: '--set model.revin=true', nlinear: 'template nlinear', or: ' or ', lookback: 'lookback', epochs: 'epochs' };

/**
 * What to try when the model does not beat a naive forecast, for the run's own settings: RevIN or nlinear
 * (both take out each window's level) only when the run does not already do that (an nlinear run is offered
 * RevIN, a run with RevIN neither); a lookback of whole seasons when the seasonal forecast wins; more epochs.
 */
export function naiveAdvice(config: unknown, notBeaten: readonly NaiveForecast[], w: AdviceWords = CLI_ADVICE_WORDS): string {
  const model = ((config as { model?: Record<string, unknown> } | null)?.model ?? {}) as { template?: unknown; revin?: unknown; lookback?: unknown };
  const revin = model.revin === true, nlinear = model.template === 'nlinear';
  const level = revin ? null
    : nlinear ? `${w.revin} (it also scales each window)`
    : `${w.revin}${w.or}${w.nlinear} (both take out each window's level)`;
  const m = notBeaten.find((n) => n.key === 'seasonal' && n.season !== undefined)?.season;
  const L = typeof model.lookback === 'number' ? model.lookback : undefined;
  // the seasonal forecast wins: the model needs whole seasons to see the pattern (two at least, else one more)
  const lookback = m !== undefined && (L === undefined || L < 2 * m) ? `a ${w.lookback} of at least two seasons (${2 * m} steps) so the model sees the pattern the seasonal forecast repeats`
    : m !== undefined ? `a longer ${w.lookback} in whole seasons (${(Math.floor(L! / m) + 1) * m} steps)`
    : level === null || nlinear ? `a longer ${w.lookback}` : `a shorter ${w.lookback}`;
  return `Try ${[level, lookback].filter((x) => x !== null).join(', ')}, or more ${w.epochs}`;
}

const num = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

/**
 * `gatelab show` lines beside a forecasting run's headline test mse/mae: the target channel's own errors
 * (a target role selects no channel, so the headline is every channel's mean), the naive forecasts on the
 * same windows, and, plainly, which of them the model does not beat on mse, with advice for its settings.
 */
export function forecastHeadlineText(t: TestChannels | null, test: Record<string, number>, config: unknown, indent = '  '): string[] {
  if (!t?.channels.length) return [];
  // one channel: the headline is the target's own error already
  const lines = t.channels.length < 2 ? [] : testTargetsOf(t, config).map((c) =>
    `${indent}test of target '${c.name}': mse ${num(c.mse)}  mae ${num(c.mae)} (its own channel; the headline is the mean of ${t.channels.length} channels)`);
  const naive = naiveForecasts(t);
  if (!naive.length) return lines;
  lines.push(`${indent}naive forecasts on the same test windows: ${naive.map((n) => `${naiveLabel(n)} mse ${num(n.mse)}  mae ${num(n.mae)}`).join('; ')}`);
  const notBeaten = naiveNotBeaten(t, test.mse);
  if (notBeaten?.length) {
    lines.push(`${indent}warning: the model does not beat ${notBeaten.map((n) => `${n.warning} (mse ${num(n.mse)})`).join(' or ')}: its test mse is ${num(test.mse)}. ` +
      naiveAdvice(config, notBeaten));
  }
  return lines;
}
