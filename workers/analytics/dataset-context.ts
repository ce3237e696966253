// What the gate report needs from a dataset run's original rows, beside the model's encoded inputs: which
// original row each test sample is (fusion / CTR: the split's test rows in order; forecasting: the last
// row of each test window's lookback), the dataset's text column (snippets beside fusion weights), its
// time column (time of day of each forecast window) and the raw values of categorical fields (names of
// field values). Read from the same cache and the same deterministic split the trainer used.
import { computeSplit, rowsOf, TEST, tokenAt, windowStarts, type DataColumn, type SplitResult } from '../../common/data';
import { readDatasetCache } from '../data/cache';
import { splitForTarget } from '../../common/models/regression-split';
import type { DatasetRunInput } from '../data/run-data';
import { forecastingPivot } from '../../common/data/forecasting-long';
import { booleanWordsOf, shownBoolean } from '../../common/models/label-words';

export interface DatasetContext {
  /** Original row index of each test sample (forecasting: the window's last lookback row; a pivoted long-format file: its time's index). */
  testRows: Int32Array;
  /** A text column of the dataset (fusion: among the modality columns), if any. */
  textColumn?: string;
  /** The string value of a coded (categorical / text) column at an original row, a boolean in its file's words; null when missing. */
  token(column: string, row: number): string | null;
  /** Hour of day (UTC, 0–23) of each test sample's timestamp, when the dataset has a time column. */
  hours?: Int32Array;
}

export interface ColumnRole { name: string; type: string; role: string }

/**
 * The binding's channels as file columns. The trainer hands the analytics its binding after the pivot
 * (labDatasetRun: channels named '<series>/<value>'), which no file column is; then the file's number
 * columns that are neither time nor series stand in. Which ones does not matter here: the pivot's rows
 * (the times), its split and its windows are the same whatever values it carries.
 */
function fileChannels(channels: readonly string[], file: readonly { name: string }[], columns: readonly ColumnRole[]): string[] {
  const inFile = channels.filter((c) => file.some((f) => f.name === c));
  if (inFile.length) return inFile;
  return columns.filter((c) => (c.type === 'int' || c.type === 'float') && c.role !== 'ignore' && c.role !== 'time' && c.role !== 'series-id' && file.some((f) => f.name === c.name)).map((c) => c.name);
}

const hourOf = (epochSeconds: number) => (Number.isFinite(epochSeconds) ? ((Math.floor(epochSeconds / 3600) % 24) + 24) % 24 : -1);

/**
 * `model`: the run's model config as built, with `pivoted` (the dataset payload's: whether its trainer pivoted
 * a long-format file) where the lab knows it; without it a pivot is judged by the channel count alone.
 */
export function datasetContext(binding: DatasetRunInput, columns: readonly ColumnRole[], model: { lookback?: number; horizon?: number; channels?: unknown; pivoted?: boolean }, assigned?: SplitResult): DatasetContext {
  const raw = readDatasetCache(binding.cacheDir);
  // a long-format forecasting file is pivoted as its trainer pivoted it (workers/data/run-data.ts): the
  // split, the windows and the times are the wide rows' (one per time), the channels the pivot's; only if
  // the run's model was trained pivoted (forecastingPivot's `built`: the stored `pivoted`, else the channel count)
  const pivot = binding.columns.family === 'forecasting' ? forecastingPivot(raw, columns, fileChannels(binding.columns.channels, raw.meta.columns, columns), model) : null;
  const data = pivot?.source ?? raw;
  // a stored 'given' split comes as rows, not as a spec; a regressed target's default stratified split is
  // cut at random, a stored one refused as the trainer refuses it (binding.storedSplit, regression-split.ts)
  const typeOf = (n: string) => columns.find((x) => x.name === n)?.type;
  const split = assigned ?? computeSplit(splitForTarget(binding.split, data, binding.columns, typeOf, binding.storedSplit), data);
  const loaded = new Map<string, DataColumn>();
  const column = (name: string) => loaded.get(name) ?? loaded.set(name, data.column(name)).get(name)!;
  // a boolean is named by its file's words (`purchased=yes`, not the stored 'true'), as the run names its values
  const token = (name: string, row: number) => { const t = tokenAt(column(name), row); return t === null ? t : shownBoolean(t, booleanWordsOf(data, name)); };
  const c = binding.columns;
  if (c.family === 'forecasting') {
    if (!split.ranges) throw new Error('forecasting needs a chronological split');
    const lookback = model.lookback ?? 336, horizon = model.horizon ?? 96;
    // a window starting its targets at row t looks back over rows t − lookback … t − 1
    const testRows = windowStarts(split.ranges.test, { lookback, horizon, stride: 1 }, true).map((t) => t - 1);
    const time = pivot ? pivot.layout.time : columns.find((x) => x.role === 'time' || x.type === 'datetime')?.name;
    const hours = time ? Int32Array.from(testRows, (r) => hourOf(Number(column(time).values[r]))) : undefined;
    return { testRows, token, ...(hours && hours.some((h) => h >= 0) ? { hours } : {}) };
  }
  const testRows = rowsOf(split.assignment, TEST);
  const candidates = c.family === 'fusion' ? c.modalities.flatMap((m) => m.columns) : [];
  const texts = candidates.filter((n) => columns.find((x) => x.name === n)?.type === 'text');
  // With two text columns (a title and a review) the snippet is the one that says most: the most
  // characters over the first test rows (a short, often empty title would show blanks).
  const said = (n: string) => { let chars = 0; for (const r of testRows.subarray(0, 200)) chars += token(n, r)?.length ?? 0; return chars; };
  const textColumn = texts.length > 1 ? texts.reduce((a, b) => (said(b) > said(a) ? b : a)) : texts[0];
  return { testRows, token, ...(textColumn ? { textColumn } : {}) };
}
