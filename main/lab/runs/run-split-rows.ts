// Which dataset rows a run trained, validated and tested on, one part per row, so a researcher can rebuild
// the same parts elsewhere (scikit-learn on the test rows, say). Not a second split implementation: the
// rows come from runPipeline (run-pipeline.ts), the lab's re-derivation of the trainer's data that the export
// already relies on: the same dataset payload the trainer gets, the same binding (default, named or stored
// split), computeSplit or a stored 'given' assignment, and the rows without a target left out as the trainer
// leaves them out. The counts are then checked against the data line the run's trainer stored when it
// started: rows that disagree with what the run trained on are refused, never written. The split stated is
// the one runPipeline cut the rows by (a regressed target's is random, not its binding's stratified one).
import { join } from 'node:path';
import { readCacheMeta } from '../../../common/dataset-cache';
import { parseModelConfig } from '../../../common/models';
import { runBinding } from '../../../common/models/run-binding';
import { SplitSpec, windowStarts, type PartName } from '../../../common/data';
import type { LabStore, RunRecord } from '../store/index';
import type { LabPaths } from '../home';
import { DatasetRegistry } from '../datasets/index';
import { datasetResolver } from './dataset-runs';
import { runPipeline, type DatasetPayload, type RunConfigView } from './run-pipeline';
import { longFileParts } from './long-file-parts';
import { rowNumberWords, type RowNumbering } from '../../../common/lab-api/row-numbering';
import { countFileLinesSync } from './file-line-count';
import { cacheFolderFiles } from '../import/cache-io';
import { pyString } from '../../../common/text/python-string';

/** A row's part, by its assignment code (0 train, 1 validation, 2 test, 3 unused). */
export const ROW_PARTS = ['train', 'validation', 'test', 'unused'] as const;
export type RowPart = (typeof ROW_PARTS)[number];
type HeldOut = Exclude<RowPart, 'unused'>;

/** A forecasting part's windows: each reads rows [t - lookback, t) and predicts rows [t, t + horizon). */
export interface PartWindows {
  /** The part's rows [start, end) (its targets lie inside them). */
  rows: [number, number];
  windows: number;
  /** Rows the windows predict: [first target start, last target start + horizon). */
  targets: [number, number];
  /** Every row the windows read, lookback context included: [first input row, end of the last target). */
  reads: [number, number];
  /** Rows between two window starts (training stride; 1 for validation and test). */
  stride: number;
}

export interface SplitRows {
  dataset: { id: number; name: string; rows: number; file: string };
  /**
   * Where the split comes from, in words ("the recommendation default", "stored split 'u1' (id 4)"), and
   * why, when `spec` is not the split it names (a regressed target's split cut at random).
   */
  origin: string;
  spec: SplitSpec;
  /** One code per dataset row: 0 train, 1 validation, 2 test, 3 unused (ROW_PARTS). */
  assignment: Uint8Array;
  counts: Record<RowPart, number>;
  /** How a row number maps to the imported file (rows dropped at import shift it), in `gatelab split`'s 0-based words. */
  rowNote: string;
  /** The same as facts, for a face that words them in its own base (the app's rows are 1-based). */
  rowNumbering: RowNumbering;
}

export interface RunSplitRows extends SplitRows {
  run: number;
  /** Forecasting runs: the windows of each part; null for row-per-sample families. */
  windows: { lookback: number; horizon: number; parts: Record<HeldOut, PartWindows> } | null;
  /** The run's stored data line and its sample counts, which these rows equal (null: it has no line yet, or one without counts). */
  dataLine: { line: string; samples: Record<HeldOut, number> } | null;
  /** Why the rows were not checked against the data line; null when they were. */
  unchecked: string | null;
  /**
   * A long-format file the run pivoted: the split and the windows are over its times (`windows` counts
   * times, not file rows), and `assignment` gives each file row the part of its time. Absent otherwise.
   */
  long?: { note: string; timeColumn: string; times: Float64Array; timeParts: Uint8Array; seriesColumn: string; values: string[] };
}

const n = (x: number) => x.toLocaleString('en-US');
const FAMILY_WORDS: Record<string, string> = { forecasting: 'forecasting', recsys: 'recommendation', fusion: 'fusion' };

function countsOf(assignment: Uint8Array): Record<RowPart, number> {
  const c = [0, 0, 0, 0];
  for (const a of assignment) c[Math.min(a, 3)]++;
  return { train: c[0], validation: c[1], test: c[2], unused: c[3] };
}

/** "random 80/10/10, seed 42": a split spec as a user reads it. */
export function specWords(spec: SplitSpec): string {
  const pct = (r: { train: number; val: number; test: number }) => [r.train, r.val, r.test].map((x) => +(x * 100).toFixed(2)).join('/');
  switch (spec.kind) {
    case 'random': return `random ${pct(spec.ratios)}, seed ${spec.seed}`;
    case 'stratified': return `stratified by '${spec.column}' ${pct(spec.ratios)}, seed ${spec.seed}`;
    case 'chronological': return `chronological ${pct(spec.ratios)}${spec.timeColumn ? ` ordered by '${spec.timeColumn}'` : ' by row order'}`;
    case 'ett': return `ett (12 / 4 / 4 months${spec.rowsPerHour !== undefined ? `, ${spec.rowsPerHour} rows per hour` : spec.timeColumn ? `, rows per hour from '${spec.timeColumn}'` : ''}; later rows unused)`;
    case 'leave-last-out': return `leave-last-out per '${spec.userColumn}' by '${spec.timeColumn}'`;
    case 'given': return `given files (train ${spec.files.train}, test ${spec.files.test}${spec.files.val ? `, validation ${spec.files.val}` : `; validation ${+(spec.validationFraction * 100).toFixed(2)}% of train, seed ${spec.seed}`})`;
  }
}

/** Dropped-line ranges named in a row note; the rest are counted (the full list is in the dataset's report). */
const NOTE_RANGES = 20;

/** "lines 3, 7–9, 15": the file lines of the dropped rows, the first NOTE_RANGES ranges and how many more. */
export function droppedLinesWords(ranges: ReadonlyArray<readonly [number, number]>): string {
  const words = ranges.slice(0, NOTE_RANGES).map(([a, z]) => (a === z ? `${a}` : `${a}–${z}`)).join(', ');
  const more = ranges.length - NOTE_RANGES;
  const single = ranges.length === 1 && ranges[0][0] === ranges[0][1];
  return `${single ? 'line' : 'lines'} ${words}${more > 0 ? `, … (${n(more)} more ranges)` : ''}`;
}

/**
 * What a row number is in terms of the file the user imported (the cache keeps no line per row), as facts
 * each face words in its own base (common/lab-api/row-numbering.ts). An import records the file lines of
 * every row it dropped (`droppedLineRanges`, workers/import/validation.ts): the facts name them, so the user
 * can map row numbers back to lines; older imports only counted them.
 */
export function rowNumbering(store: LabStore, datasetId: number, rows: number, home?: string): RowNumbering {
  const d = store.datasets.get(datasetId);
  const v = d?.validation as { rowsRead?: number; rowsDropped?: number; droppedLineRanges?: Array<[number, number]>; issues?: Array<{ kind: string; message: string }> } | undefined;
  const dropped = v?.rowsDropped ?? 0;
  const summaryRow = v?.issues?.some((i) => i.kind === 'note' && /summary row/.test(i.message)) ?? false;
  if (dropped || summaryRow) {
    const ranges = v?.droppedLineRanges;
    return { kind: 'imported', rows, rowsRead: v?.rowsRead ?? rows + dropped, dropped, droppedLines: ranges?.length ? droppedLinesWords(ranges) : null, summaryRow, datasetId };
  }
  const reading = d && home ? sourceReading(join(home, d.cacheDir)) : NO_READING;
  const args = [
    pandasSep(d?.format === 'tsv' ? '\t' : d?.delimiter),
    reading.preambleLines ? `skiprows=${reading.preambleLines}` : '',
    reading.skipInitialSpace ? 'skipinitialspace=True' : '',
    d?.hasHeader === false ? 'header=None' : '',
  ].filter(Boolean).map((a) => `, ${a}`).join('');
  const reader = d?.format === 'csv' || d?.format === 'tsv' ? `pandas.read_csv(file${args})`
    : d?.format === 'jsonl' ? 'pandas.read_json(file, lines=True)'
    : d?.format === 'json' ? 'pandas.read_json(file)' : null;
  // the line to open in an editor: pandas' index plus the header line (a JSON Lines file has none) and one
  const header = d?.format !== 'jsonl' && d?.format !== 'json' && d?.hasHeader !== false;
  // a JSON array's item may span several lines (indented): no line to give
  const preamble = reader && d?.format !== 'json' ? reading.preambleLines : 0;
  const lineOffset = reader && d?.format !== 'json' ? (header ? 2 : 1) + preamble : null;
  // a row's line is its index + lineOffset only with one line a row: count the file's lines to be sure
  // (file-line-count.ts; UTF-16 lines are not counted, as Try it does not)
  const fileLines = lineOffset !== null && d && home && !/^utf-16/.test(d.encoding ?? '') ? countFileLinesSync(join(home, d.sourcePath)) : null;
  const linesBefore = lineOffset === null ? 0 : lineOffset - 1;
  if (fileLines !== null && fileLines !== linesBefore + rows) {
    return { kind: 'file', rows, reader, lineOffset: null, ...(preamble ? { preambleLines: preamble } : {}), linesCounted: { fileLines, linesBefore } };
  }
  return { kind: 'file', rows, reader, lineOffset, ...(preamble ? { preambleLines: preamble } : {}) };
}

interface SourceReading { preambleLines: number; skipInitialSpace: boolean }
const NO_READING: SourceReading = { preambleLines: 0, skipInitialSpace: false };

/**
 * How the import read the file's lines (recorded in its cache's source): the lines it skipped before the
 * table and whether it dropped spaces after each delimiter, so the pandas call reads the same rows. An
 * unreadable cache gives the plain reading: the note then misses only these arguments.
 */
function sourceReading(cacheDir: string): SourceReading {
  try {
    const meta = readCacheMeta(cacheFolderFiles(cacheDir));
    return { preambleLines: meta.source.preambleLines ?? 0, skipInitialSpace: meta.source.skipInitialSpace ?? false };
  } catch {
    return NO_READING;
  }
}

/** A split's row note: the facts, and the command line's 0-based words for them. */
function numberingOf(store: LabStore, datasetId: number, rows: number, home?: string): Pick<SplitRows, 'rowNote' | 'rowNumbering'> {
  const facts = rowNumbering(store, datasetId, rows, home);
  return { rowNote: rowNumberWords(facts, 'cli'), rowNumbering: facts };
}

/**
 * The read_csv arguments that split the file as the import did: none for a comma; `sep='\t'`, `sep=';'` for
 * another one character; a longer delimiter (MovieLens-1M's '::') only with engine='python', which reads
 * `sep` as a regular expression, so its characters are escaped ('||' would otherwise split on nothing).
 */
export function pandasSep(delimiter: string | null | undefined): string {
  if (!delimiter || delimiter === ',') return '';
  // whitespace-aligned columns (workers/import/whitespace-columns.ts): any run of spaces and tabs
  if (delimiter === 'whitespace') return "sep=r'\\s+'";
  if (delimiter.length === 1) return `sep=${pyString(delimiter)}`;
  return `sep=${pyString(delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))}, engine='python'`;
}

function datasetOf(store: LabStore, datasetId: number, rows: number) {
  const d = store.datasets.get(datasetId);
  return { id: datasetId, name: d?.name ?? `#${datasetId}`, rows, file: d?.sourceName ?? '' };
}

/** The trainer's data line's sample counts ("recsys: 473 train / 60 validation / 60 test samples ..."), or null. */
export function dataLineSamples(line: string): Record<HeldOut, number> | null {
  const m = /^\w+: ([\d,]+) train \/ ([\d,]+) validation \/ ([\d,]+) test samples/.exec(line);
  if (!m) return null;
  const num = (s: string) => Number(s.replace(/,/g, ''));
  return { train: num(m[1]), validation: num(m[2]), test: num(m[3]) };
}

function originOf(store: LabStore, run: RunRecord, family: string): string {
  const data = (run.config as { data?: { splitId?: number; split?: string } }).data ?? {};
  if (data.splitId !== undefined) {
    const s = store.splits.get(data.splitId);
    return `stored split '${s?.name ?? '?'}' (id ${data.splitId})`;
  }
  if (data.split !== undefined) return `data.split=${data.split}`;
  return `the ${FAMILY_WORDS[family] ?? family} default`;
}

/**
 * Said after the origin when the run's split is not the one it asked for: a stratified split by a target the
 * run regresses is cut at random (regression-split.ts), the same shares and seed. The origin alone ("the
 * fusion default") would read as the stratified split fusion's default is for classes.
 */
function cutAtRandomWords(asked: SplitSpec, used: SplitSpec): string {
  if (asked.kind !== 'stratified' || used.kind !== 'random') return '';
  return `, cut at random for the regressed target '${asked.column}' (stratifying needs classes)`;
}

/** The windows of each part, cut as the trainer cuts them (workers/data/forecasting.ts). */
function windowsOf(ranges: Record<PartName, [number, number]>, lookback: number, horizon: number, stride: number): Record<HeldOut, PartWindows> {
  const part = (p: PartName): PartWindows => {
    const s = p === 'train' ? stride : 1;
    const starts = windowStarts(ranges[p], { lookback, horizon, stride: s }, p !== 'train');
    const [first, last] = [starts[0], starts.at(-1)];
    // no window (a run that has not started and never could: its trainer refuses it): an empty span at the part
    if (first === undefined || last === undefined) return { rows: ranges[p], windows: 0, targets: [ranges[p][0], ranges[p][0]], reads: [ranges[p][0], ranges[p][0]], stride: s };
    return { rows: ranges[p], windows: starts.length, targets: [first, last + horizon], reads: [first - lookback, last + horizon], stride: s };
  };
  return { train: part('train'), validation: part('val'), test: part('test') };
}

/**
 * The rows run `runId` trained on, one part per dataset row. Throws, with what to do, for a run without
 * dataset rows (synthetic data, a deleted dataset) and for rows that no longer match its data line.
 */
export function runSplitRows(store: LabStore, paths: LabPaths, runId: number): RunSplitRows {
  const run = store.runs.get(runId);
  if (!run) throw new Error(`no run ${runId} in ${paths.home} (gatelab runs lists them)`);
  const config = run.config as RunConfigView & { data: { kind?: string; datasetId?: number } };
  if (config.data?.kind !== 'dataset') throw new Error(`run ${runId} trained on synthetic data (the demo model's generated samples): it has no dataset rows to list; train on a dataset (gatelab train --dataset FILE --template T) to get rows`);
  if (run.datasetId == null) throw new Error(`run ${runId}'s dataset (${config.data.datasetId ?? '?'}) was deleted: its rows are gone with it; import the file again and train a new run on it`);
  const payload = datasetResolver(new DatasetRegistry(store, paths))(run) as unknown as DatasetPayload;
  const pipeline = runPipeline(payload, config);
  const { family, binding } = runBinding(payload.columns, config, payload.split);
  // the spec the rows were cut by, which is not the binding's for a regressed target (regression-split.ts)
  const asked = SplitSpec.parse(binding.split);
  const spec = SplitSpec.parse(pipeline.splitSpec);
  // a pivoted run's split is over times: each file row takes its time's part (rows without a time or a series: unused)
  const long = pipeline.long;
  const timeColumn = long?.pivot.layout.time;
  const times = long ? long.pivot.source.column(timeColumn!).values as Float64Array : undefined;
  const assignment = long ? longFileParts(long.raw, long.pivot.layout, times!, pipeline.split.assignment) : pipeline.split.assignment;
  const counts = countsOf(assignment);
  let windows: RunSplitRows['windows'] = null;
  if (pipeline.columns.family === 'forecasting' && pipeline.split.ranges) {
    const m = parseModelConfig(config.model) as { lookback: number; horizon: number };
    windows = { lookback: m.lookback, horizon: m.horizon, parts: windowsOf(pipeline.split.ranges, m.lookback, m.horizon, pipeline.columns.stride) };
  }
  const line = run.dataSummary?.line;
  const samples = line ? dataLineSamples(line) : null;
  const mine: Record<HeldOut, number> = windows
    ? { train: windows.parts.train.windows, validation: windows.parts.validation.windows, test: windows.parts.test.windows }
    : { train: counts.train, validation: counts.validation, test: counts.test };
  if (samples && (samples.train !== mine.train || samples.validation !== mine.validation || samples.test !== mine.test)) {
    const what = windows ? 'windows' : 'rows';
    throw new Error(`the split re-derived now gives ${n(mine.train)} train / ${n(mine.validation)} validation / ${n(mine.test)} test ${what}, but run ${runId} trained on ` +
      `${n(samples.train)} / ${n(samples.validation)} / ${n(samples.test)} (its data line: "${line!.split(';')[0]}"): dataset ${run.datasetId} no longer gives the rows it trained on ` +
      `(its cache was rebuilt since, or the run predates a change of the split rules), so no rows are written: they would not be the run's. A new run on the dataset as it is now has rows this command can list`);
  }
  return {
    run: runId,
    dataset: datasetOf(store, run.datasetId, assignment.length),
    origin: `${originOf(store, run, family)}${cutAtRandomWords(asked, spec)}`,
    spec,
    assignment,
    counts,
    ...numberingOf(store, run.datasetId, assignment.length, paths.home),
    windows,
    dataLine: line && samples ? { line, samples } : null,
    unchecked: !line ? `run ${runId} has no data line yet (it has not started): these are the rows it will train on`
      : !samples ? `run ${runId}'s data line ("${line.split(';')[0]}") gives no sample counts to check them against` : null,
    ...(long ? { long: { note: long.pivot.note, timeColumn: timeColumn!, times: times!, timeParts: pipeline.split.assignment, seriesColumn: long.pivot.layout.series, values: long.pivot.values } } : {}),
  };
}

/** The rows of a stored split (`gatelab datasets split` made it), as stored. */
export function storedSplitRows(store: LabStore, splitId: number, home?: string): SplitRows {
  const s = store.splits.get(splitId);
  if (!s) throw new Error(`no stored split ${splitId} (gatelab datasets show ID lists a dataset's splits with their ids)`);
  return {
    dataset: datasetOf(store, s.datasetId, s.assignment.length),
    origin: `stored split '${s.name}' (id ${s.id})`,
    spec: SplitSpec.parse(s.spec),
    assignment: s.assignment,
    counts: countsOf(s.assignment),
    ...numberingOf(store, s.datasetId, s.assignment.length, home),
  };
}

/** The row assignment as CSV: a `row,split` header, then one line per dataset row, in row order. */
export function splitRowsCsv(assignment: Uint8Array): string {
  const lines = new Array<string>(assignment.length + 1);
  lines[0] = 'row,split';
  for (let r = 0; r < assignment.length; r++) lines[r + 1] = `${r},${ROW_PARTS[Math.min(assignment[r], 3)]}`;
  return `${lines.join('\n')}\n`;
}
