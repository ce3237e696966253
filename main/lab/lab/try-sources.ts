// Where each "Try it" row comes from in the user's data: its dataset row, its line in the imported file
// when that is certain, and its time. The rows are `gatelab split RUN`'s (run-split-rows.ts: the lab's
// re-derivation of the trainer's split, checked against the run's data line), not a second split: test
// row i is the i-th dataset row the split puts in test (row families, in row order as the trainer takes
// them), or the i-th test window, placed by its first predicted step (forecasting).
//
// The import keeps no line per row, so a line is given only when the file proves it: a text file whose
// line count is exactly its header plus the rows the import read (no blank lines, no value running over
// several lines, no units or summary row) and whose dropped rows (if any) are all named in the import's
// report. Anything else gets no line and a sentence saying why; the dataset row is always exact.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEST, rowsOf } from '../../../common/data';
import type { DatasetCacheMeta, IssueKind } from '../../../common/dataset-cache';
import type { TryPoint, TryRowSource, TrySources } from '../../../common/lab-api/try-source';
import { rowNumberWords, type RowNumbering } from '../../../common/lab-api/row-numbering';
import type { LabStore, RunRecord } from '../store/index';
import type { LabPaths } from '../home';
import { runSplitRows, type RunSplitRows } from '../runs/run-split-rows';
import { lazyDatasetCache } from '../runs/run-pipeline';
import { cellOf } from './cells';
import { countFileLines } from '../runs/file-line-count';

const n = (x: number) => x.toLocaleString('en-US');

/** The dataset row each test row starts at, and how many test rows there are. */
export interface TestRowStarts {
  count: number;
  /** Row families: the row. Forecasting: the window's first predicted step. */
  start(testRow: number): number;
  /** Forecasting: how many rows before `start` the window reads (0 for row families). */
  lookback: number;
}

export function testRowStarts(split: RunSplitRows): TestRowStarts {
  if (split.windows) {
    const test = split.windows.parts.test;
    return { count: test.windows, start: (i) => test.targets[0] + i * test.stride, lookback: split.windows.lookback };
  }
  const rows = rowsOf(split.assignment, TEST);
  return { count: rows.length, start: (i) => rows[i], lookback: 0 };
}

/** A dataset row's 1-based line in the file, or why the file cannot tell. */
export type LineRule = { lineOf(row: number): number } | { why: string };

/** Issue kinds whose every example is a row the import dropped, by policy (workers/import: table-writer, delimited). */
const DROPPING: Record<string, IssueKind[]> = {
  drop: ['ragged_row', 'unparsable', 'nan_inf', 'target_missing'],
  impute: ['target_missing'],
  reject: [],
};
const TEXT_FORMATS = new Set(['csv', 'tsv', 'jsonl']);

/**
 * How dataset rows map to lines of the file the cache was imported from. `fileLines`: the file's line count
 * (to its last non-blank line), or null when it could not be read.
 */
export function lineRule(meta: DatasetCacheMeta, fileLines: number | null): LineRule {
  const file = meta.source.fileName;
  const v = meta.validation;
  const dropped = v.rowsDropped;
  if (!TEXT_FORMATS.has(meta.source.format)) {
    // said in no base: the app shows these rows from 1, the command line from 0
    const rows = dropped ? `; the import dropped ${n(dropped)} of its rows, so after the first of them the numbers differ` : ": each dataset row is the file's row at the same position";
    return { why: `${file} is a ${meta.source.format} file, which has rows but no lines${rows}` };
  }
  if (meta.source.encoding === 'utf-16le' || meta.source.encoding === 'utf-16be') return { why: `lines of a UTF-16 file are not counted (${file})` };
  if (fileLines === null) return { why: `the lab's copy of ${file} could not be read to count its lines` };
  // lines the import skipped before the table ('sep=' line, '#' comments: workers/import/preamble.ts) come first
  const preamble = meta.source.preambleLines ?? 0;
  const header = (meta.source.format !== 'jsonl' && meta.source.hasHeader ? 1 : 0);
  const before = preamble + header;
  if (v.rowsRead - dropped !== meta.rows || fileLines !== before + v.rowsRead) {
    const lead = [preamble ? `${n(preamble)} line${preamble === 1 ? '' : 's'} before the table` : '', header ? 'a header line' : ''].filter(Boolean).join(', ');
    return { why: `${file} has ${n(fileLines)} lines for ${lead ? `${lead} and ` : ''}${n(v.rowsRead)} rows: blank lines, a value with line breaks, or a units or summary row put rows on other lines than their position says` };
  }
  if (dropped === 0) return { lineOf: (row) => row + before + 1 };
  const kinds = DROPPING[v.policy] ?? [];
  const lines = new Set<number>();
  for (const issue of v.issues) if (kinds.includes(issue.kind)) for (const e of issue.examples) lines.add(e.line);
  // each of those lines is a dropped row; when they are all of them, the kept rows' lines follow
  if (lines.size !== dropped) {
    return { why: `the import dropped ${n(dropped)} rows of ${file} and its report names the lines of only ${n(lines.size)} of them, so a row's line after the first unnamed one is not known` };
  }
  const droppedLines = [...lines].sort((a, b) => a - b);
  return {
    lineOf(row) {
      let line = row + before + 1;
      for (const d of droppedLines) if (d <= line) line++;
      return line;
    },
  };
}

export interface SourceContext {
  store: LabStore;
  paths: LabPaths;
  resolveDataset: (run: RunRecord) => Record<string, unknown>;
}

interface SplitFacts { starts: TestRowStarts; file: string; numbering: RowNumbering; long?: RunSplitRows['long'] }
const splits = new Map<string, SplitFacts>();
const KEPT_SPLITS = 4;

/**
 * The run's test rows by `gatelab split`'s code (runSplitRows re-derives the run's pipeline: half a second
 * on 100k rows), kept for the few runs tried last: picking other rows of the same run asks again and again.
 * The key holds what would change them: the run (its id may be reused after a delete, so with its creation
 * time and config), its data line and the cache it reads (a rebuilt cache is a new meta.json).
 */
function splitOf(ctx: SourceContext, run: RunRecord, cacheDir: string): SplitFacts {
  const key = [run.id, run.createdAt, JSON.stringify(run.config), run.dataSummary?.line ?? '', cacheDir, statSync(join(cacheDir, 'meta.json')).mtimeMs].join('\u0000');
  const kept = splits.get(key);
  if (kept) return kept;
  const split = runSplitRows(ctx.store, ctx.paths, run.id);
  const facts = { starts: testRowStarts(split), file: split.dataset.file, numbering: split.rowNumbering, ...(split.long ? { long: split.long } : {}) };
  splits.set(key, facts);
  if (splits.size > KEPT_SPLITS) splits.delete(splits.keys().next().value!);
  return facts;
}

/** Placed rows, or a problem for all of them; `count`: the test rows the split has (null with a problem). */
export interface Placed {
  sources: TrySources;
  rows: TryRowSource[] | null;
  count: number | null;
}

const none = (problem: string): Placed => ({
  sources: { problem, file: null, rowNote: null, rowNumbering: null, linesNote: null, timeColumn: null },
  rows: null,
  count: null,
});

/**
 * The sources of test rows `rows` of run `run`. Never throws: what stops it is the `problem`. Rows outside
 * the test split are the prediction's to refuse; they get no source here.
 */
export async function trySources(ctx: SourceContext, run: RunRecord, rows: number[]): Promise<Placed> {
  if ((run.config as { data?: { kind?: string } }).data?.kind !== 'dataset') return none('the run trained on generated samples (the demo model\'s synthetic data), which come from no file');
  try {
    const payload = ctx.resolveDataset(run) as { cacheDir: string; columns: { name: string; role: string }[] };
    const { starts, file, numbering, long } = splitOf(ctx, run, payload.cacheDir);
    // test rows (the picker's numbers, from 0 within the test split), not the dataset rows placed below
    if (rows.some((r) => !(r >= 0 && r < starts.count))) return { ...none(`test rows ${rows.join(', ')} are not all in the test split (test rows 0–${n(starts.count - 1)})`), count: starts.count };
    const cache = lazyDatasetCache(payload.cacheDir);
    const record = ctx.store.datasets.get(run.datasetId!);
    const original = record ? join(ctx.paths.home, record.sourcePath) : null;
    const fileLines = !long && original && existsSync(original) ? await countFileLines(original).catch(() => null) : null;
    // a pivoted long-format run's rows are its times (one wide row per time, every series): a row is then
    // the time's index, its time read from the pivot's times, and no single line of the file holds it
    const lines: LineRule = long ? { why: `the run pivots ${cache.meta.source.fileName}, a long-format file (${long.note}): a row is a time, which the file's rows of every series share, not one line` }
      : lineRule(cache.meta, fileLines);
    const timeColumn = long?.timeColumn ?? payload.columns.find((c) => c.role === 'time')?.name ?? null;
    const info = timeColumn ? cache.meta.columns.find((c) => c.name === timeColumn) : undefined;
    const timeCol = info ? { info, values: long ? long.times : cache.column(info.name).values, dictionary: long ? null : cache.column(info.name).dictionary ?? null } : null;
    const point = (row: number): TryPoint => {
      const cell = timeCol ? cellOf(timeCol, row) : null;
      return { row, line: 'lineOf' in lines ? lines.lineOf(row) : null, time: cell === null ? null : String(cell) };
    };
    const sourced = rows.map((r): TryRowSource => {
      const start = starts.start(r);
      if (!starts.lookback) return point(start);
      return { ...point(start), lookback: { first: point(start - starts.lookback), last: point(start - 1) } };
    });
    // rows are sent 0-based (pandas' index, `gatelab split`'s numbers) with the facts of what they number,
    // which the app words 1-based as Preview numbers rows (renderer/lib/try-rows.ts). A pivoted run's rows
    // are times, not the file's rows its split note speaks of.
    const rowNumbering: RowNumbering = long ? { kind: 'times', times: long.times.length, timeColumn: long.timeColumn } : numbering;
    return {
      sources: { problem: null, file: file || cache.meta.source.fileName, rowNote: rowNumberWords(rowNumbering, 'cli'), rowNumbering, linesNote: 'why' in lines ? lines.why : null, timeColumn: timeCol ? timeColumn : null },
      rows: sourced,
      count: starts.count,
    };
  } catch (e) {
    return none((e as Error).message);
  }
}

/**
 * The placed rows if the split gives as many test rows as the prediction's (the trainer's) test part has;
 * otherwise a problem for all: row i of one would not be row i of the other.
 */
export function checkedAgainst(placed: Placed, testRows: number): Placed {
  if (placed.count === null || placed.count === testRows) return placed;
  return none(`the split re-derived now has ${n(placed.count)} test rows or windows but the model was tried on ${n(testRows)}, so rows are not placed in the data`);
}
