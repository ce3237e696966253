// Splits and pipelines of a registered dataset: read the column cache, run the pure logic of
// common/data, store the result (assignment bytes, fitted state) so runs reproduce exactly.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatasetCache, importFile, type DatasetCache } from '../import/index';
import { computeSplit, rowKeys, CURRENT_STRATIFY_RULE } from '../../../common/data/split';
import { SplitSpec, type SplitSpecInput, type PartName } from '../../../common/data/split-spec';
import { fitPipeline, type PipelineSpecInput, type FittedPipeline } from '../../../common/data/pipeline';
import { tokenAt, type ColumnSource, type DataColumn } from '../../../common/data/columns';
import type { ImportFormat, TextEncoding } from '../../../common/dataset-cache';
import type { SplitRecord, PipelineRecord } from '../store/index';
import { orderedByTime } from '../../../common/models/binding';
import { timeColumnOf } from '../../../common/models/column-kinds';
import { regressionTarget } from '../../../common/models/regression-target';
import type { DatasetRegistry, Dataset } from './registry';
import { shellWord } from '../../../common/text/shell-word';
import { didYouMean } from '../../../common/text/did-you-mean';

/** The cache as split/pipeline code sees it. */
export function columnsOf(cache: DatasetCache): ColumnSource {
  return {
    rows: cache.rows,
    column(name: string): DataColumn {
      const c = cache.column(name);
      return { values: c.values, dictionary: c.dictionary ?? undefined, dim: c.info.dim };
    },
  };
}

export type StoredSplit = Omit<SplitRecord, 'assignment'>;

/** Computes a split of a dataset and stores it under `name` (replacing a split of that name). */
export async function createSplit(registry: DatasetRegistry, datasetRef: number | string, name: string, specInput: SplitSpecInput): Promise<StoredSplit> {
  // A read-only lab (its database failed the start-up check) says so and what to do, before the split is
  // computed, rather than SQLite's 'attempt to write a readonly database' after it.
  registry.assertWritable('create a split');
  const dataset = registry.resolve(datasetRef);
  const spec = withStratifyRule(byTimeColumn(withTimeColumn(SplitSpec.parse(specInput), dataset), dataset));
  // a column the spec names must be the dataset's: said with the dataset's name, not its cache folder
  const names = dataset.columns.map((c) => c.name);
  for (const [option, column] of Object.entries(splitColumns(spec))) {
    if (column !== undefined && !names.includes(column)) throw new Error(`dataset ${dataset.id} '${dataset.name}' has no column '${column}' (${option})${didYouMean(column, names)}; its columns: ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}`);
  }
  const cache = openDatasetCache(dataset.cachePath);
  const source = columnsOf(cache);
  const input = spec.kind === 'given' ? { ...source, ...(await givenKeys(registry, dataset, cache, spec)) } : source;
  const result = computeSplit(spec, input);
  refuseStratifiedByNumber(spec, source, dataset, result.counts);
  refuseStratifiedByManyValues(spec, source, dataset, result.counts);
  const id = registry.store.splits.save({ datasetId: dataset.id, name, spec, assignment: result.assignment, ranges: result.ranges, counts: result.counts });
  const { assignment: _bytes, ...stored } = registry.store.splits.get(id)!;
  return stored;
}

/**
 * A stratified split by a continuous number (the auto rule a fusion target is regressed by,
 * common/models/regression-reading.ts autoRegresses: fractions, or more distinct integers than a sane class
 * count) is refused when it degenerates: a value of its own is a class of one row, which always lands in
 * training, so validation and test get a row or two. Refused before anything is stored, with the counts it gave.
 */
function refuseStratifiedByNumber(spec: SplitSpec, source: ColumnSource, dataset: Dataset, counts: { train: number; val: number; test: number }): void {
  if (spec.kind !== 'stratified') return;
  const type = dataset.columns.find((c) => c.name === spec.column)?.type;
  let regressed: ReturnType<typeof regressionTarget>;
  try {
    regressed = regressionTarget(source.column(spec.column), spec.column, { type });
  } catch {
    return; // no number at all, or a constant: classes of their own kind, the split's counts say what it made
  }
  if (!regressed) return;
  // Only when it degenerates: half-star ratings (10 values) stratify fine; a price with 1,500 values gives
  // validation and test a row or two. Judged on what the split made against the shares asked for.
  if (!shortPart(spec, counts)) return;
  const rows = (n: number, part: string) => `${n.toLocaleString('en-US')} ${part} row${n === 1 ? '' : 's'}`;
  throw new Error(`'${spec.column}' is a number with ${regressed.distinct.toLocaleString('en-US')} distinct values: stratifying would make each value its own class ` +
    `(${rows(counts.val, 'validation')}, ${rows(counts.test, 'test')}). Use --kind random (or a threshold label)`);
}

/** Whether a part got under half the rows its share asks for (a class of a row or two always lands in training). */
function shortPart(spec: Extract<SplitSpec, { kind: 'stratified' }>, counts: { train: number; val: number; test: number }): boolean {
  const total = counts.train + counts.val + counts.test;
  const short = (n: number, share: number) => share > 0 && n < 0.5 * share * total;
  return short(counts.val, spec.ratios.val) || short(counts.test, spec.ratios.test);
}

/** Most columns named as ones to stratify by instead. */
const SUGGESTED = 3;
/** Most classes a suggested column may have (a few classes, each with rows in every part). */
const SUGGESTED_CLASSES = 50;

/**
 * A stratified split by text or categories degenerates as a continuous number does when nearly every value
 * is its own (a free-text review body, an id): each value is a class, a class of one to three rows always
 * lands in training, so validation and test get a few rows or none. Refused when a part gets under half its
 * share, or every class is a single row, naming the column, its distinct count and the fix: a random split,
 * or a column of a few classes (the dataset's own are named). Numbers are refuseStratifiedByNumber's.
 */
function refuseStratifiedByManyValues(spec: SplitSpec, source: ColumnSource, dataset: Dataset, counts: { train: number; val: number; test: number }): void {
  if (spec.kind !== 'stratified') return;
  const column = source.column(spec.column);
  if (!column.dictionary) return;
  // the classes as the split groups rows (common/data/split.ts stratified: a missing value is a class too)
  const values = new Set<string>();
  let missing = 0;
  for (let r = 0; r < source.rows; r++) { const k = tokenAt(column, r); if (k === null) missing++; else values.add(k); }
  const singletons = values.size + Math.min(missing, 1) === source.rows && source.rows > 1;
  if (!singletons && !shortPart(spec, counts)) return;
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = (x: number, part: string) => `${n(x)} ${part} row${x === 1 ? '' : 's'}`;
  const type = dataset.columns.find((c) => c.name === spec.column)?.type ?? 'categorical';
  const how = singletons ? 'every row a class of its own, and a class of one row always lands in training'
    : 'most values a class of a few rows, and those land in training';
  const others = dataset.columns
    .filter((c) => c.name !== spec.column && (c.type === 'categorical' || c.type === 'boolean' || c.type === 'int'))
    .filter((c) => fewClasses(c.stats as ClassStats))
    .sort((a, b) => Number(b.role === 'target') - Number(a.role === 'target'))
    .slice(0, SUGGESTED).map((c) => `--column ${shellWord(c.name)}`);
  throw new Error(`'${spec.column}' (${type}) has ${n(values.size)} distinct values in ${n(source.rows)} rows: stratifying by it makes ${how} ` +
    `(${rows(counts.val, 'validation')}, ${rows(counts.test, 'test')}). Use --kind random, or stratify by a column of a few classes${others.length ? ` (${others.join(', ')})` : ''}`);
}

type ClassStats = { cardinality?: number | null; min?: unknown; max?: unknown };
/** A column of 2..SUGGESTED_CLASSES values by its import statistics (integers are not counted there: their range says it). */
function fewClasses(stats: ClassStats): boolean {
  const k = typeof stats.cardinality === 'number' ? stats.cardinality
    : typeof stats.min === 'number' && typeof stats.max === 'number' && Number.isInteger(stats.min) && Number.isInteger(stats.max) ? stats.max - stats.min + 1 : 0;
  return k >= 2 && k <= SUGGESTED_CLASSES;
}

/** The columns a split spec names, by the CLI option that names them. */
function splitColumns(spec: SplitSpec): Record<string, string | undefined> {
  const s = spec as { column?: string; userColumn?: string; timeColumn?: string };
  return { '--column': s.column, '--user': s.userColumn, '--time': s.timeColumn };
}

// An ETT split without its rows per hour reads them from the dataset's time column (15-minute data: 4).
// A new ETT split refuses weekly or coarser data (its 30-day "months" would be a few rows).
function withTimeColumn(spec: SplitSpec, dataset: Dataset): SplitSpec {
  if (spec.kind !== 'ett') return spec;
  const strict = { ...spec, refuseCoarse: spec.refuseCoarse ?? true };
  if (spec.rowsPerHour !== undefined || spec.timeColumn !== undefined) return strict;
  const timeColumn = timeColumnOf(dataset.columns);
  return timeColumn ? { ...strict, timeColumn } : strict;
}

// A new stratified split records the rule that sizes its parts (part totals as the ratios: common/data/split.ts);
// splits stored before it have none and keep the per-class rule they were computed with.
function withStratifyRule(spec: SplitSpec): SplitSpec {
  return spec.kind === 'stratified' && spec.allocation === undefined ? { ...spec, allocation: CURRENT_STRATIFY_RULE } : spec;
}

// A chronological split of data that is not a forecasting series is cut in the order of its time column, as a
// new run's default split is (common/models/binding orderedByTime): a log grouped by user is not sorted by time.
// Stored with its timeColumn, so what the split says and the rows it stored agree.
function byTimeColumn(spec: SplitSpec, dataset: Dataset): SplitSpec {
  if (dataset.family === 'forecasting') return spec;
  return SplitSpec.parse(orderedByTime(spec, dataset.family ?? 'fusion', dataset.columns));
}

// Given split files (e.g. MovieLens u1.base / u1.test) are parsed by the same importer, with the
// dataset's own format settings, into a scratch cache; rows are then matched by their key columns.
async function givenKeys(registry: DatasetRegistry, dataset: Dataset, cache: DatasetCache, spec: Extract<SplitSpec, { kind: 'given' }>) {
  const keyNames = spec.keyColumns ?? cache.columns.map((c) => c.info.name);
  const source = columnsOf(cache);
  const scratchRoot = join(registry.paths.home, 'tmp');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'split-'));
  try {
    const keys: Partial<Record<PartName, string[]>> = {};
    for (const [part, file] of Object.entries(spec.files) as Array<[PartName, string | undefined]>) {
      if (!file) continue;
      const dir = join(scratch, part);
      await importFile(file, dir, {
        format: dataset.format as ImportFormat,
        delimiter: dataset.delimiter ?? undefined,
        header: dataset.hasHeader ?? undefined,
        encoding: (dataset.encoding ?? undefined) as TextEncoding | undefined,
      });
      const given = columnsOf(openDatasetCache(dir));
      keys[part] = rowKeys(given.rows, keyNames.map((n) => {
        try { return given.column(n); } catch { throw new Error(`The ${part} file '${file}' has no column '${n}' (the dataset's key columns are ${keyNames.join(', ')})`); }
      }));
    }
    return { givenKeys: keys, rowKeys: rowKeys(source.rows, keyNames.map((n) => source.column(n))) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Fits a pipeline on a stored split's training rows and stores its state beside the split. */
export function createPipeline(registry: DatasetRegistry, splitId: number, name: string, spec: PipelineSpecInput): PipelineRecord {
  registry.assertWritable('create a pipeline'); // as createSplit: the lab's words, before the fit
  const split = registry.store.splits.get(splitId);
  if (!split) throw new Error(`No split with id ${splitId}`);
  const dataset = registry.resolve(split.datasetId);
  const fitted: FittedPipeline = fitPipeline(spec, columnsOf(openDatasetCache(dataset.cachePath)), split.assignment);
  const id = registry.store.splits.savePipeline({ splitId, name, spec, fittedState: fitted });
  return registry.store.splits.pipelines(splitId).find((p) => p.id === id)!;
}

/** What a trainer needs to rebuild exactly this split's batches (sent with the run's start message). */
export interface TrainingData {
  datasetId: number;
  cachePath: string;
  splitId: number;
  /** Per row: 0 train, 1 validation, 2 test, 3 unused. */
  assignment: Uint8Array;
  ranges: Record<string, [number, number]> | null;
  /** The fitted state of the named pipeline, or null when none was asked for. */
  pipeline: FittedPipeline | null;
}

export function trainingData(registry: DatasetRegistry, splitId: number, pipelineName?: string): TrainingData {
  const split = registry.store.splits.get(splitId);
  if (!split) throw new Error(`No split with id ${splitId}`);
  const dataset = registry.resolve(split.datasetId);
  let pipeline: FittedPipeline | null = null;
  if (pipelineName !== undefined) {
    const p = registry.store.splits.pipelineByName(splitId, pipelineName);
    if (!p) {
      const known = registry.store.splits.pipelines(splitId).map((x) => x.name).join(', ') || 'none';
      throw new Error(`Split ${splitId} has no pipeline '${pipelineName}' (its pipelines: ${known})`);
    }
    pipeline = p.fittedState as FittedPipeline;
  }
  return { datasetId: dataset.id, cachePath: dataset.cachePath, splitId, assignment: split.assignment, ranges: split.ranges, pipeline };
}
