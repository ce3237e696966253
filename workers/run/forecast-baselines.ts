// Naive baselines of a forecasting run: a test MSE of 0.45 says little alone, and a model can score worse
// than predicting nothing at all (an audit's run without RevIN: test MSE 50.2 against 48.9 for the training
// mean). So the run reports, beside its own test errors, what two forecasts that learn nothing score on the
// same test windows, in the same scaled units (the z-scores or min-max values the model sees):
//   repeat-last: every step of the horizon is the window's last input value (the persistence forecast);
//   training mean: every step is the channel's mean over the training windows' targets (what a constant
//     forecast trained on the training loss learns; about 0 when the channels are z-scored on training rows).
//     A forecasting source computes it from its series, each row weighted by the windows covering it
//     (SampleSource.targetMeans): gathering every training window, lookback included, was GBs of copying
//     at Electricity's scale for one number per channel. Other parts are read window by window.
//   seasonal naive: step h of the horizon repeats the input value one season earlier, x[t+h−m·ceil(h/m)]
//     (m: the season of the time step, common/runs/test-channels.ts seasonLength: 12 for monthly rows, 24 for
//     hourly), only when the lookback holds a whole season. On monthly data with a yearly cycle it is the
//     forecast to beat: an audit's DLinear scored 0.0637 against its 0.0465 while the other two said 1.9 and 1.3.
//     Read from the same test windows in the same pass: no window is gathered for it.
// Scored per channel like the model (channel-errors.ts), so the headline is the channels' mean as the
// model's `mse`/`mae` is. Streamed in chunks, as evaluation is: a long test part is never held whole.
import type { ForecastBaseline } from '../../common/runs/test-channels';
import { ChannelErrors } from './channel-errors';
import { chunkOf, rangeBatch, sampleBytes, type Rows } from './run-data';

/**
 * Each chunk's `x` [B, L, C] and `y` [B, H, C] (a forecasting part's windows), ~64 MB at a time. False when
 * the part's samples are not such windows: the baselines are then left out, never the run's test results.
 */
function eachWindowChunk(rows: Rows, C: number, use: (x: ArrayLike<number>, y: ArrayLike<number>, b: number) => void): boolean {
  const chunk = chunkOf(sampleBytes(rows), 64 << 20, 4096);
  for (let from = 0; from < rows.rows; from += chunk) {
    const to = Math.min(rows.rows, from + chunk);
    const { x, y } = rangeBatch(rows, from, to);
    if (!x || !y || x.dims.length !== 3 || y.dims.length !== 3 || x.dims[2] !== C || y.dims[2] !== C) return false;
    use(x.data as ArrayLike<number>, y.data as ArrayLike<number>, to - from);
  }
  return true;
}

/** The mean of each channel's training targets: from the source's series when it can say (no window gathered), else window by window. */
export function trainingTargetMeans(train: Rows, C: number): number[] | undefined {
  const fromSeries = train.source?.targetMeans?.();
  if (fromSeries && fromSeries.length === C) return Array.from(fromSeries);
  // float64 sums: thousands of windows of float32 values
  const sum = new Float64Array(C);
  let steps = 0;
  const windows = eachWindowChunk(train, C, (_x, y) => {
    for (let i = 0; i < y.length; i++) sum[i % C] += y[i];
    steps += y.length / C;
  });
  if (!windows || steps === 0) return undefined;
  return Array.from(sum, (s) => s / steps);
}

/** The naive forecasts' scores on the test windows (common/runs/test-channels.ts TestChannels.baselines). */
export interface ForecastBaselines {
  lastValue: ForecastBaseline;
  trainMean: ForecastBaseline;
  seasonal?: ForecastBaseline & { season: number };
}

/**
 * The repeat-last-value, training-mean and (with `season`, when the lookback holds one) seasonal-naive
 * forecasts scored on the test windows, per channel and over all channels; undefined when either part has no window.
 */
export function forecastBaselines(train: Rows, test: Rows, channels: readonly string[], o: { season?: number } = {}): ForecastBaselines | undefined {
  if (train.rows === 0 || test.rows === 0 || channels.length === 0) return undefined;
  const C = channels.length;
  const mean = trainingTargetMeans(train, C);
  if (!mean) return undefined;
  const last = new ChannelErrors(channels), flat = new ChannelErrors(channels), seasonal = new ChannelErrors(channels);
  const m = o.season !== undefined && Number.isInteger(o.season) && o.season >= 1 ? o.season : undefined;
  let lookback = 0;
  const scoredAll = eachWindowChunk(test, C, (x, y, b) => {
    const L = x.length / (b * C), H = y.length / (b * C);
    lookback = L;
    // B×H×C values, one chunk: ~64 MB of windows at most (chunkOf above)
    const repeat = new Float64Array(y.length), constant = new Float64Array(y.length);
    for (let w = 0; w < b; w++) {
      const lastRow = (w * L + L - 1) * C;
      for (let h = 0; h < H; h++) {
        for (let c = 0; c < C; c++) {
          repeat[(w * H + h) * C + c] = x[lastRow + c];
          constant[(w * H + h) * C + c] = mean[c];
        }
      }
    }
    last.add(repeat, y);
    flat.add(constant, y);
    if (m !== undefined && L >= m) {
      // step h (1-based) is read m·ceil(h/m) steps back from the target: lookback row L - 1 + h - m·ceil(h/m)
      const season = new Float64Array(y.length);
      for (let w = 0; w < b; w++) {
        for (let h = 1; h <= H; h++) {
          const from = (w * L + L - 1 + h - m * Math.ceil(h / m)) * C;
          for (let c = 0; c < C; c++) season[(w * H + h - 1) * C + c] = x[from + c];
        }
      }
      seasonal.add(season, y);
    }
  });
  if (!scoredAll) return undefined;
  const scored = (e: ChannelErrors): ForecastBaseline => {
    const per = e.result();
    return { mse: per.reduce((s, c) => s + c.mse, 0) / C, mae: per.reduce((s, c) => s + c.mae, 0) / C, channels: per };
  };
  const withSeason = m !== undefined && lookback >= m ? { seasonal: { ...scored(seasonal), season: m } } : {};
  return { lastValue: scored(last), trainMean: scored(flat), ...withSeason };
}

/**
 * The season of a run's time step as its data carries it (RunData.seasonLength: set for forecasting runs on
 * a dataset whose time column has a step with a season, common/runs/test-channels.ts seasonLength); undefined
 * otherwise (synthetic series, no time column, a step with no season), and the seasonal forecast is left out.
 */
export function seasonOfRun(data: object): number | undefined {
  const m = (data as { seasonLength?: unknown }).seasonLength;
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 ? m : undefined;
}
