// Naive baselines of a forecasting run: a test MSE of 0.45 says little alone, and a model can score worse
// than predicting nothing at all (an audit's run without RevIN: test MSE 50.2 against 48.9 for the training
// mean). So the run reports, beside its own test errors, what two forecasts that learn nothing score on the
// same test windows, in the same scaled units (the z-scores or min-max values the model sees):
//   repeat-last: every step of the horizon is the window's last input value (the persistence forecast);
//   training mean: every step is the channel's mean over the training windows' targets (what a constant
//     forecast trained on the training loss learns; about 0 when the channels are z-scored on training rows).
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

/**
 * The repeat-last-value and training-mean forecasts scored on the test windows, per channel and over all
 * channels; undefined when either part has no window.
 */
export function forecastBaselines(train: Rows, test: Rows, channels: readonly string[]): { lastValue: ForecastBaseline; trainMean: ForecastBaseline } | undefined {
  if (train.rows === 0 || test.rows === 0 || channels.length === 0) return undefined;
  const C = channels.length;
  // the mean of each channel's training targets (float64: thousands of windows of float32 values)
  const sum = new Float64Array(C);
  let steps = 0;
  const windows = eachWindowChunk(train, C, (_x, y) => {
    for (let i = 0; i < y.length; i++) sum[i % C] += y[i];
    steps += y.length / C;
  });
  if (!windows || steps === 0) return undefined;
  const mean = Array.from(sum, (s) => s / steps);
  const last = new ChannelErrors(channels), flat = new ChannelErrors(channels);
  const scoredAll = eachWindowChunk(test, C, (x, y, b) => {
    const L = x.length / (b * C), H = y.length / (b * C);
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
  });
  if (!scoredAll) return undefined;
  const scored = (e: ChannelErrors): ForecastBaseline => {
    const per = e.result();
    return { mse: per.reduce((s, c) => s + c.mse, 0) / C, mae: per.reduce((s, c) => s + c.mae, 0) / C, channels: per };
  };
  return { lastValue: scored(last), trainMean: scored(flat) };
}
