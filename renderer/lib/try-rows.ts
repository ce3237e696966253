// What "Try it" shows for one predicted row, by task: a binary model's logit as a probability σ(logit)
// and the predicted class; a multi-class model's top class and its softmax probability; a forecast
// (horizon × channels numbers, row-major [h][c]) as per-channel series with the row's MSE; a regressed
// number (one prediction, one target) as the predicted and actual values and their difference; anything else
// as its first few values. Each row also says where it comes from in the user's data (dataset row, file
// line, time; a forecast by its first predicted step and its lookback). Pure functions, so the rules are
// tested without a DOM.
import type { TryResult } from '../../common/lab-api';
import type { TryPoint, TryRowSource, TrySources } from '../../common/lab-api/try-source';
import { rowNumberWords } from '../../common/lab-api/row-numbering';
import { runInputs, type InputsSource } from '../../common/analytics/run-inputs';
import { TEMPLATES } from '../../common/models';
// one rule for σ, softmax and the MSE with What if and `gatelab knockout --rows` (knockout-rows.ts rowTerms)
import { meanSquaredError, sigmoid, topClass } from '../../common/analytics/output-math';

export type TryRowView =
  | { kind: 'binary'; probability: number; predicted: 0 | 1; target: number | null }
  /** `top` and `target` are class ids (0..k-1); Try it names them by the run's classes (common/analytics/class-names.ts). */
  | { kind: 'class'; top: number; probability: number; classes: number; target: number | null }
  | { kind: 'forecast'; horizon: number; channels: number; mse: number; prediction: number[]; target: number[] }
  | { kind: 'number'; predicted: number; actual: number | null; error: number | null }
  | { kind: 'values'; prediction: number[]; target: number[]; mse: number | null };

/** The forecast's shape and channel names, read from the run's config (model.horizon/channels, data.columns). */
export interface ForecastShape { horizon: number; channels: number; names: string[] }

export function tryRowView(task: string, prediction: number[], target: number[], shape?: ForecastShape | null): TryRowView {
  const t = target.length === 1 ? target[0] : null;
  if (task !== 'regression' && prediction.length === 1) {
    const probability = sigmoid(prediction[0]);
    return { kind: 'binary', probability, predicted: probability >= 0.5 ? 1 : 0, target: t };
  }
  if (task !== 'regression' && prediction.length > 1) {
    const { id, probability } = topClass(prediction);
    return { kind: 'class', top: id, probability, classes: prediction.length, target: t };
  }
  const err = meanSquaredError(prediction, target);
  if (shape && shape.horizon * shape.channels === prediction.length && err !== null)
    return { kind: 'forecast', horizon: shape.horizon, channels: shape.channels, mse: err, prediction, target };
  // one number regressed (a fusion run's price): the prediction in the target's units beside the actual
  // value and their difference, which says more than the squared error of a single row
  if (task === 'regression' && prediction.length === 1 && target.length <= 1)
    return { kind: 'number', predicted: prediction[0], actual: t, error: t === null ? null : prediction[0] - t };
  return { kind: 'values', prediction, target, mse: err };
}

/** Channel c of a row-major [horizon][channels] forecast. */
export function channelSeries(values: number[], horizon: number, channels: number, c: number): number[] {
  return Array.from({ length: horizon }, (_, h) => values[h * channels + c]);
}

/**
 * The forecast shape of a run from its config: model.horizon and model.channels (filled in when the run
 * started), and the channels by the column names the model reads, in its order (common/analytics/run-inputs.ts:
 * the trainer's list in the run's data summary; for older runs, the column snapshot's binding less the
 * columns the data line says were left out, a constant one say); "channel i" when they cannot be told
 * (an older run without a data line and a column left out).
 */
export function forecastShape(config: Record<string, unknown> | null | undefined, data?: InputsSource | null): ForecastShape | null {
  const model = (config?.model ?? {}) as { horizon?: unknown; channels?: unknown };
  const horizon = Number(model.horizon), channels = Number(model.channels);
  if (!(Number.isInteger(horizon) && horizon > 0 && Number.isInteger(channels) && channels > 0)) return null;
  const named = runInputs(config, data).channels;
  const names = named?.length === channels ? named : Array.from({ length: channels }, (_, i) => `channel ${i}`);
  return { horizon, channels, names };
}

/** "0.1, 0.2, 0.3 … 672 values": the first few numbers of a long vector. */
export function firstValues(v: number[], n = 4): string {
  const shown = v.slice(0, n).map((x) => (Number.isInteger(x) ? String(x) : x.toPrecision(4))).join(', ');
  return v.length > n ? `${shown} … ${v.length.toLocaleString('en-US')} values` : shown;
}

/** What Try it calls one item of a run's test split, in the run's family's words. */
export interface TestUnit { one: string; many: string }

/**
 * A forecasting run's test split is windows (test window k forecasts from test row k after its lookback):
 * "12,000 test rows" misread as rows of the file. The other families predict one row each.
 */
export function testUnit(template: string | null | undefined): TestUnit {
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return family === 'forecasting' ? { one: 'window', many: 'windows' } : { one: 'row', many: 'rows' };
}

const count = (x: number) => x.toLocaleString('en-US');

/**
 * What sourcesOf reads of a Try it result: its sources (common/lab-api/try-source.ts; optional in TryResult, as
 * older labs send none) and its rows. Picked from TryResult so the two cannot drift apart.
 */
export type SourcedTryResult = Pick<TryResult, 'source' | 'rows'>;

/** The result's sources, when the lab sent them: once, and per row (none when the lab says why not). */
export function sourcesOf(result: SourcedTryResult): { info: TrySources | null; rows: Array<TryRowSource | null> } {
  const info = result.source ?? null;
  return { info, rows: result.rows.map((r) => (info && !info.problem ? r.source ?? null : null)) };
}

/**
 * The app's "row" is the number Preview gives a dataset row, from 1; the lab sends rows 0-based (the index
 * pandas gives them, and `gatelab split`'s numbers), so each is shown one more. A pivoted long-format run's
 * "row" is a time (the lab's row facts say so), which Preview does not number.
 */
export function previewRows(info: TrySources | null): boolean {
  return info?.rowNumbering?.kind !== 'times';
}

/**
 * "row 11,521 (as in Preview) · line 11,522 of the file · 2017-10-20 00:00:00": a dataset row as the user
 * finds it in the app and in their file (`preview`: false for a pivoted run's times, numbered from 1 too).
 */
export function pointText(p: TryPoint, preview = true): string {
  return [`row ${count(p.row + 1)}${preview ? ' (as in Preview)' : ''}`, p.line !== null ? `line ${count(p.line)} of the file` : null, p.time].filter((x) => x !== null).join(' · ');
}

/** A forecast's lookback: "lookback rows 11,497–11,520 (as in Preview) · lines 11,498–11,521 of the file · 2017-10-19 00:00:00 – 2017-10-19 23:00:00". */
export function lookbackText(s: TryRowSource, preview = true): string | null {
  if (!s.lookback) return null;
  const { first, last } = s.lookback;
  return [
    `lookback rows ${count(first.row + 1)}–${count(last.row + 1)}${preview ? ' (as in Preview)' : ''}`,
    first.line !== null && last.line !== null ? `lines ${count(first.line)}–${count(last.line)} of the file` : null,
    first.time !== null && last.time !== null ? `${first.time} – ${last.time}` : null,
  ].filter((x) => x !== null).join(' · ');
}

/**
 * What a row number is, worded from the lab's facts in the app's base (1, as Preview numbers rows) and with
 * the app's places for advice. A lab that sent no facts (an older one) gets the plain meaning: its sentence
 * counts from 0 and would contradict the numbers shown.
 */
function appRowNote(info: TrySources): string {
  return info.rowNumbering ? rowNumberWords(info.rowNumbering, 'app') : 'row is the dataset row as Preview numbers it, from 1';
}

/**
 * The sentence under the table saying what the numbers in the "In your data" column are, or why rows are
 * not placed; null when the lab sent nothing (an older lab).
 */
export function sourcesNote(info: TrySources | null, forecast: boolean, datasetName: string | null = null): string | null {
  if (!info) return null;
  if (info.problem) return `Rows are not placed in your data: ${info.problem}.`;
  const row = `${appRowNote(info)}${forecast ? '; a forecast is placed by its first predicted step, after the lookback rows it reads' : ''}.`;
  // the dataset as the app names it ("Demo: sensor + camera (fusion)"), its file after it: a user who never
  // saw "demo-two-sensors.csv" knows the dataset by its name
  const file = datasetName
    ? `the file of ${datasetName}${info.file && info.file !== datasetName ? ` (its file, ${info.file})` : ''}`
    : info.file ?? 'the imported file';
  const line = info.linesNote ? ` No file lines: ${info.linesNote}.` : ` Line: the 1-based line of ${file}.`;
  const time = info.timeColumn ? ` Time: column '${info.timeColumn}'.` : '';
  return `${row.charAt(0).toUpperCase()}${row.slice(1)}${line}${time}`;
}

/**
 * The column a regression run predicts, for Try it's headers ("Predicted price"): the run config's target
 * column when it has exactly one (a fusion run); null otherwise (the headers then say "Predicted").
 */
export function regressedColumn(config: Record<string, unknown> | null | undefined): string | null {
  const columns = (config?.data as { columns?: unknown } | undefined)?.columns;
  if (!Array.isArray(columns)) return null;
  const targets = columns.filter((c): c is { name: string } => typeof c === 'object' && c !== null && (c as { role?: unknown }).role === 'target' && typeof (c as { name?: unknown }).name === 'string');
  return targets.length === 1 ? targets[0].name : null;
}
