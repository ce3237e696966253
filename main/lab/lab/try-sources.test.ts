// Try it's rows placed in the user's file. A user checks a prediction against their raw data by the
// dataset row, the file line and the time shown beside it, so those must be the row the model was fed:
// here they are checked against the trainer's own split (workers/data: the rows its test batches came
// from) and against the text of the file itself: a CTR file with a malformed line the import dropped
// (the lines after it shift by one), and a forecasting series whose test windows reach back into
// validation. Files whose lines cannot be told (a blank line, more drops than the import names) say why
// and still give the exact dataset row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { labPaths, type LabPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from '../datasets/index';
import { datasetResolver } from '../runs/dataset-runs';
import { parseRunConfig } from '../../../common/runs/config';
import { computeSplit, rowsOf, TEST, windowStarts } from '../../../common/data';
import { labDatasetRun } from '../../../workers/data/run-data';
import { readDatasetCache } from '../../../workers/data/cache';
import { openDatasetCache } from '../import/index';
import { RunManager } from '../runs/run-manager';
import { exportRun } from '../runs/export-run';
import type { RunsPort } from './runs-port';
import { TryIt } from './try-it';
import { checkedAgainst, lineRule, trySources, type SourceContext } from './try-sources';
import { countFileLines } from '../runs/file-line-count';

let home: string, paths: LabPaths, lab: LabDatasets, ctx: SourceContext;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-try-sources-'));
  paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  ctx = { store: lab.store, paths, resolveDataset: datasetResolver(lab.registry) };
}, 60_000);
afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** A run record on a dataset, as the run manager stores one (not trained: placing rows needs none). */
function runOn(datasetId: number, model: Record<string, unknown>, data: Record<string, unknown> = {}) {
  const id = lab.store.runs.create({ datasetId, config: parseRunConfig({ model, data: { kind: 'dataset', datasetId, ...data }, epochs: 1 }) });
  return lab.store.runs.get(id)!;
}

/** The test rows of the trainer's split (workers/data/run-data.ts, the code its batches come from). */
function trainerSplit(runId: number) {
  const run = lab.store.runs.get(runId)!;
  const { binding, assigned } = labDatasetRun(ctx.resolveDataset(run), run.config as never);
  return assigned ?? computeSplit(binding.split, readDatasetCache(binding.cacheDir));
}

describe('Try it rows in the user\'s file', () => {
  it('CTR with a malformed line dropped at import: each test row\'s dataset row is the trainer\'s, and its line holds that row\'s values', async () => {
    // prices unique per row, so a line is found by its text; line 6 of the file is a ragged row
    const good = Array.from({ length: 300 }, (_, i) => `u${i % 17},i${i % 23},${(1 + i * 0.013).toFixed(3)},${(i * 7) % 3 === 0 ? 1 : 0}`);
    const fileLines = ['user,item,price,clicked', ...good.slice(0, 4), 'u1,i1,oops', ...good.slice(4)];
    writeFileSync(join(home, 'clicks.csv'), `${fileLines.join('\n')}\n`);
    const { dataset } = await lab.registry.importDataset(join(home, 'clicks.csv'), { onInvalid: 'drop', roles: { user: 'categorical', item: 'categorical', clicked: 'target' } });
    expect(dataset.rows).toBe(300);
    const run = runOn(dataset.id, { template: 'lr' });
    const testRows = rowsOf(trainerSplit(run.id).assignment, TEST);
    const picks = [0, 1, 2, testRows.length - 1];
    const placed = await trySources(ctx, run, picks);
    expect(placed.sources).toEqual({ problem: null, file: 'clicks.csv', rowNote: expect.stringContaining('the import dropped 1 of 301 rows'),
      rowNumbering: { kind: 'imported', rows: 300, rowsRead: 301, dropped: 1, droppedLines: 'line 6', summaryRow: false, datasetId: dataset.id }, linesNote: null, timeColumn: null });
    expect(placed.count).toBe(testRows.length);
    const cache = openDatasetCache(dataset.cachePath);
    const price = cache.column('price').values;
    placed.rows!.forEach((s, i) => {
      expect(s.row).toBe(testRows[picks[i]]);
      expect(s.line).toBe(fileLines.indexOf(good[s.row]) + 1);
      // the line is the row: its price is the one the dataset holds at that row
      expect(Number(fileLines[s.line! - 1].split(',')[2])).toBeCloseTo(price[s.row], 5);
    });
    // rows before the dropped line keep their place; rows after it are one line further down
    const early = placed.rows!.find((s) => s.row < 4), late = placed.rows!.find((s) => s.row >= 4)!;
    if (early) expect(early.line).toBe(early.row + 2);
    expect(late.line).toBe(late.row + 3);
    // a count that is not the prediction's (a dataset changed under the run) places nothing
    expect(checkedAgainst(placed, testRows.length + 1)).toMatchObject({ rows: null, sources: { problem: expect.stringContaining(`${testRows.length} test rows or windows but the model was tried on ${testRows.length + 1}`) } });
    // a pick past the test split is said in the picker's numbers (test rows, from 0), not taken for a dataset row
    const outside = await trySources(ctx, run, [0, testRows.length]);
    expect(outside.rows).toBeNull();
    expect(outside.sources.problem).toBe(`test rows 0, ${testRows.length} are not all in the test split (test rows 0–${testRows.length - 1})`);
  });

  it('forecasting: test window k predicts from the split\'s first test row (or the lookback) on, with the times of its first step and lookback', async () => {
    const days = Array.from({ length: 700 }, (_, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), load: Math.sin(i / 7).toFixed(4), temp: (10 + Math.cos(i / 11)).toFixed(3) }));
    writeFileSync(join(home, 'series.csv'), ['date,load,temp', ...days.map((d) => `${d.date},${d.load},${d.temp}`)].join('\n') + '\n');
    const { dataset } = await lab.registry.importDataset(join(home, 'series.csv'), { roles: { date: 'time' } });
    const ett = await createSplit(lab.registry, dataset.id, 'ett', { kind: 'ett' });
    const lookback = 24, horizon = 8;
    const run = runOn(dataset.id, { template: 'dlinear', lookback, horizon }, { splitId: ett.id });
    const split = trainerSplit(run.id);
    const [testStart, testEnd] = split.ranges!.test;
    expect(testStart).toBeGreaterThan(lookback); // the first window reads validation rows
    const starts = windowStarts([testStart, testEnd], { lookback, horizon, stride: 1 }, true);
    const placed = await trySources(ctx, run, [0, 5, starts.length - 1]);
    expect(placed.count).toBe(starts.length);
    expect(placed.sources).toMatchObject({ problem: null, file: 'series.csv', linesNote: null, timeColumn: 'date' });
    const [first, fifth, last] = placed.rows!;
    expect(first.row).toBe(testStart);
    const at = (row: number) => ({ row, line: row + 2, time: `${days[row].date} 00:00:00` });
    expect(first).toEqual({ ...at(testStart), lookback: { first: at(testStart - lookback), last: at(testStart - 1) } });
    expect(fifth.row).toBe(starts[5]);
    expect(last.row + horizon).toBe(testEnd);
    expect(last.lookback!.last.row).toBe(last.row - 1);
  });

  it('a blank line in the file: no lines, with the reason; the dataset rows stay exact', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `u${i % 9},i${i % 5},${(i * 0.5).toFixed(1)},${i % 2}`);
    writeFileSync(join(home, 'gappy.csv'), ['user,item,price,clicked', ...rows.slice(0, 50), '', ...rows.slice(50)].join('\n') + '\n');
    const { dataset } = await lab.registry.importDataset(join(home, 'gappy.csv'), { roles: { user: 'categorical', item: 'categorical', clicked: 'target' } });
    const run = runOn(dataset.id, { template: 'lr' });
    const placed = await trySources(ctx, run, [0, 1]);
    expect(placed.sources.linesNote).toBe('gappy.csv has 122 lines for a header line and 120 rows: blank lines, a value with line breaks, or a units or summary row put rows on other lines than their position says');
    const testRows = rowsOf(trainerSplit(run.id).assignment, TEST);
    expect(placed.rows).toEqual([{ row: testRows[0], line: null, time: null }, { row: testRows[1], line: null, time: null }]);
  });

  it('a run on synthetic data has no file to point into', async () => {
    const id = lab.store.runs.create({ config: parseRunConfig({ data: { kind: 'synthetic', samples: 512 } }) });
    expect(await trySources(ctx, lab.store.runs.get(id)!, [0])).toMatchObject({ rows: null, sources: { problem: expect.stringMatching(/generated samples/) } });
  });
});

// Through Try it itself, on trained runs: the row the source names is the row the model was fed. The
// prediction's own target (the trainer's test batch) is the value in the file at the source's line
// (CTR), and a forecast's target follows the file's series from the source's row on, not a row later.
describe('Try it on trained runs', () => {
  it('each predicted row carries its source, and the source is the row the prediction\'s target came from', async () => {
    const manager = new RunManager({ store: lab.store, paths, poolSize: 2, resolveDataset: ctx.resolveDataset });
    try {
      const clicks = lab.store.datasets.list().find((d) => d.sourceName === 'clicks.csv')!;
      const series = lab.store.datasets.list().find((d) => d.sourceName === 'series.csv')!;
      const ett = lab.store.splits.list(series.id)[0];
      const ctr = manager.create({ model: { template: 'lr' } as never, data: { kind: 'dataset', datasetId: clicks.id }, epochs: 1, batchSize: 64 });
      const forecast = manager.create({ model: { template: 'dlinear', lookback: 24, horizon: 8 } as never, data: { kind: 'dataset', datasetId: series.id, splitId: ett.id }, epochs: 1, batchSize: 64 });
      for (const id of [ctr, forecast]) expect((await manager.waitFor(id)).status).toBe('completed');
      const port = { available: true, export: (id: string) => exportRun(lab.store, manager.files, Number(id), join(home, `run-${id}.onnx`)) } as unknown as RunsPort;
      const tryIt = new TryIt(lab.store, port, ctx.resolveDataset, undefined, paths);

      const fileLines = readFileSync(join(home, 'clicks.csv'), 'utf8').split('\n');
      const tried = await tryIt.predict(String(ctr), [0, 3, 9]);
      expect(tried.source).toMatchObject({ problem: null, file: 'clicks.csv', linesNote: null });
      for (const r of tried.rows) expect(r.target[0]).toBe(Number(fileLines[r.source!.line! - 1].split(',')[3]));

      const days = readFileSync(join(home, 'series.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
      const windows = await tryIt.predict(String(forecast), [0, 40]);
      expect(windows.source).toMatchObject({ problem: null, timeColumn: 'date' });
      for (const r of windows.rows) {
        const load = Array.from({ length: 8 }, (_, h) => r.target[h * 2]); // [horizon][channels], 'load' first
        const from = (row: number) => days.slice(row, row + 8);
        // the target is the file's values z-scored: an exact affine image of them, and of no other 8 rows
        expect(affineMisfit(load, from(r.source!.row))).toBeLessThan(1e-4);
        expect(affineMisfit(load, from(r.source!.row + 1))).toBeGreaterThan(1e-2);
        expect(affineMisfit(load, from(r.source!.row - 1))).toBeGreaterThan(1e-2);
      }
    } finally {
      await manager.close();
    }
  }, 120_000);
});

/** The largest residual of b fitted as α·a + β (least squares), relative to b's range. */
function affineMisfit(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0, aa = 0;
  a.forEach((x, i) => { ab += (x - ma) * (b[i] - mb); aa += (x - ma) ** 2; });
  const alpha = ab / aa, beta = mb - alpha * ma;
  return Math.max(...b.map((y, i) => Math.abs(y - (alpha * a[i] + beta)))) / (Math.max(...b) - Math.min(...b));
}

describe('lineRule: when a row\'s line is certain', () => {
  const meta = (o: { rows: number; read: number; dropped?: number; policy?: 'drop' | 'impute' | 'reject'; lines?: number[]; format?: 'csv' | 'jsonl' | 'parquet'; header?: boolean; preamble?: number }) => ({
    format: 'gatelab-cache', version: 1, rows: o.rows, columns: [], createdAt: '',
    source: { fileName: 'f.csv', bytes: 1, format: o.format ?? 'csv', encoding: 'utf-8', hasHeader: o.header ?? true, ...(o.preamble ? { preambleLines: o.preamble } : {}) },
    validation: {
      policy: o.policy ?? 'drop', rowsRead: o.read, rowsKept: o.rows, rowsDropped: o.dropped ?? 0, valuesImputed: 0,
      issues: o.lines ? [{ kind: 'unparsable', severity: 'warning', column: 'x', count: o.lines.length, message: '', examples: o.lines.map((line) => ({ line, column: 'x', value: '?' })) }] : [],
    },
  }) as never;
  const linesOf = (rule: ReturnType<typeof lineRule>, rows: number[]) => ('lineOf' in rule ? rows.map(rule.lineOf) : rule.why);

  it('shifts past every dropped line the report names, and gives up when it names fewer than were dropped', () => {
    // header, then rows at lines 2..11; lines 3 and 7 dropped: kept rows 0..7 are lines 2,4,5,6,8,9,10,11
    expect(linesOf(lineRule(meta({ rows: 8, read: 10, dropped: 2, lines: [7, 3] }), 11), [0, 1, 2, 3, 4, 7])).toEqual([2, 4, 5, 6, 8, 11]);
    expect(linesOf(lineRule(meta({ rows: 8, read: 10, dropped: 2, lines: [3] }), 11), [0])).toMatch(/dropped 2 rows of f\.csv and its report names the lines of only 1 of them/);
    // under 'impute' an unparsable value is replaced, not dropped: its line says nothing about drops
    expect(linesOf(lineRule(meta({ rows: 9, read: 10, dropped: 1, policy: 'impute', lines: [3] }), 11), [0])).toMatch(/names the lines of only 0/);
  });

  it("lines before the table ('sep=;', '#' comments) come before the header: rows start after them", () => {
    // sep= line, two comments, header at line 4, rows at lines 5..14; line 9 dropped
    expect(linesOf(lineRule(meta({ rows: 10, read: 10, preamble: 3 }), 14), [0, 9])).toEqual([5, 14]);
    expect(linesOf(lineRule(meta({ rows: 9, read: 10, dropped: 1, lines: [9], preamble: 3 }), 14), [3, 4])).toEqual([8, 10]);
    expect(linesOf(lineRule(meta({ rows: 10, read: 10, preamble: 3 }), 13), [0])).toMatch(/^f\.csv has 13 lines for 3 lines before the table, a header line and 10 rows: /);
  });

  it('JSON Lines have no header; Parquet has no lines at all', () => {
    expect(linesOf(lineRule(meta({ rows: 5, read: 5, format: 'jsonl', header: false }), 5), [0, 4])).toEqual([1, 5]);
    expect(linesOf(lineRule(meta({ rows: 5, read: 5, format: 'parquet' }), null), [0])).toBe("f.csv is a parquet file, which has rows but no lines: each dataset row is the file's row at the same position");
  });

  it('counts a file\'s lines as the importer does (trailing breaks start no line), gzip included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-lines-'));
    try {
      const text = 'a,b\r\n1,2\r\n\r\n3,4\r\n\r\n\r\n';
      writeFileSync(join(dir, 'x.csv'), text);
      writeFileSync(join(dir, 'x.csv.gz'), gzipSync(Buffer.from(text)));
      writeFileSync(join(dir, 'y.csv'), 'a\n1');
      expect(await countFileLines(join(dir, 'x.csv'))).toBe(4);
      expect(await countFileLines(join(dir, 'x.csv.gz'))).toBe(4);
      expect(await countFileLines(join(dir, 'y.csv'))).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
