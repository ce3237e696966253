// The documented encoding (gatelab.preprocessing, applied by the test's reference encoder to raw cells)
// equals the trainer's own batches value for value, for the parts the trained-run test does not reach:
// multi-hot indicator columns, a float-stored id field, a missing price, a 3-class fusion label, and gaps in
// a forecasting series.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, fitPipeline, rowsOf, TEST, type DataColumn } from '../../../common/data';
import { pipelineFor, DataColumns } from '../../../common/models/binding';
import type { DatasetCacheMeta } from '../../../common/dataset-cache';
import { ctrSources } from '../../../workers/data/ctr';
import { fusionSources } from '../../../workers/data/fusion';
import { forecastingSource } from '../../../workers/data/forecasting';
import { preprocessingDoc } from './export-preprocessing';
import { numberFormatOf } from './export-number-format';
import { sourceColumnsRule, sourcePlaceOf } from './export-source-fields';
import { lazyDatasetCache } from './run-pipeline';
import { importFile } from '../import';
import type { PreprocessingDoc } from './preprocessing-doc';
import type { RunPipeline } from './run-pipeline';
import { encodeInputs, isPositive, type Row } from './testing/reference-encoder';

type Kind = 'categorical' | 'text' | 'float' | 'int';

/** Columns as the importer stores raw cells: coded strings (−1 missing), float32 or int32 numbers (NaN missing). */
function imported(rows: Row[], kinds: Record<string, Kind>): RunPipeline['data'] {
  const cols: Record<string, DataColumn> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const cells = rows.map((r) => r[name]);
    if (kind === 'categorical' || kind === 'text') {
      const dictionary = [...new Set(cells.filter((c) => c !== ''))];
      cols[name] = { values: Int32Array.from(cells, (c) => (c === '' ? -1 : dictionary.indexOf(c))), dictionary };
    } else cols[name] = { values: Float32Array.from(cells, (c) => (c === '' ? NaN : Number(c))) };
  }
  const meta = { columns: Object.entries(kinds).map(([name, type]) => ({ name, type, dtype: type === 'float' || type === 'int' ? 'float32' : 'int32', dim: 1 })) } as unknown as DatasetCacheMeta;
  return Object.assign(columnSource(rows.length, cols), { meta });
}

function pipeline(rows: Row[], kinds: Record<string, Kind>, binding: unknown): RunPipeline {
  const data = imported(rows, kinds);
  const columns = DataColumns.parse(binding);
  const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
  const fitted = fitPipeline(pipelineFor((n) => kinds[n], columns), data, split.assignment);
  return { columns, fitted, split, data, window: {} };
}

const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];

describe('gatelab.preprocessing applied to raw cells equals the trainer\'s batches', () => {
  it('CTR: ids, a float-stored item id, a scaled price with missing cells, multi-hot indicator columns, the label rule', () => {
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      user: `u${pick([1, 2, 3, 5, 8, 13, 21], i)}`, item: String(pick([7, 12.5, 40, 3, 0.1], i)), price: i % 11 === 0 ? '' : String((i % 17) * 1.25),
      g_action: String(i % 2), g_comedy: String(Number(i % 3 === 0)), rating: String(1 + (i % 5)),
    }));
    const kinds: Record<string, Kind> = { user: 'categorical', item: 'float', price: 'float', g_action: 'int', g_comedy: 'int', rating: 'int' };
    const p = pipeline(rows, kinds, { family: 'recsys', fields: ['user', 'item'], numeric: ['price'], multiHot: [{ name: 'genres', columns: ['g_action', 'g_comedy'] }], label: { column: 'rating', positiveAtLeast: 4 } });
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
    const test = ctrSources(p.data, p.split, p.fitted, { fields: ['user', 'item'], numeric: ['price'], multiHot: ['genres'], label: { column: 'rating', positiveAtLeast: 4 } }).test;
    const ids = rowsOf(p.split.assignment, TEST);
    const batch = test.batch(Int32Array.from(ids, (_, i) => i));
    const raw = Array.from(ids, (r) => [rows[r]]);
    expect(raw.some(([r]) => r.price === '')).toBe(true);
    for (const input of doc.inputs) expect(Array.from(encodeInputs(input, raw, doc).data as Float32Array)).toEqual(Array.from(batch[input.name].data as Float32Array));
    expect(Array.from(batch.label.data as Float32Array)).toEqual(raw.map(([r]) => (isPositive(doc.outputs[0].label!, r.rating) ? 1 : 0)));
  });

  it('CTR: a heavy-tailed price (missing cells too) is log1p-scaled, documented as log1p: true, and encoded value for value', () => {
    const prices = [0, 3.5, 12, 150, 2e3, 0.25, 88]; // and 1 row in 50 at 1e6: skewness ≈ 7
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      user: `u${pick([1, 2, 3, 5, 8], i)}`, price: i % 13 === 0 ? '' : i % 50 === 7 ? '1000000' : String(pick(prices, i) * (1 + (i % 7) / 10)), clicked: String(Number(i % 3 === 0)),
    }));
    const kinds: Record<string, Kind> = { user: 'categorical', price: 'float', clicked: 'int' };
    const binding = { family: 'recsys', fields: ['user'], numeric: ['price'], multiHot: [], label: { column: 'clicked' } };
    const p = pipeline(rows, kinds, binding);
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
    expect(doc.inputs[1].features[0]).toMatchObject({ kind: 'zscore', column: 'price', log1p: true });
    const test = ctrSources(p.data, p.split, p.fitted, { fields: ['user'], numeric: ['price'], multiHot: [], label: { column: 'clicked' } }).test;
    const ids = rowsOf(p.split.assignment, TEST);
    const batch = test.batch(Int32Array.from(ids, (_, i) => i));
    const raw = Array.from(ids, (r) => [rows[r]]);
    expect(raw.some(([r]) => r.price === '')).toBe(true);
    for (const input of doc.inputs) expect(Array.from(encodeInputs(input, raw, doc).data as Float32Array)).toEqual(Array.from(batch[input.name].data as Float32Array));
    // a price below 0 (none in training) reads as 0, not NaN
    expect(Number.isFinite((encodeInputs(doc.inputs[1], [[{ ...rows[0], price: '-5' }]], doc).data as Float32Array)[0])).toBe(true);
  });

  it('forecasting: a gap takes the last value before it in the series (rule \'previous\'), from before the window too, never a later one', () => {
    // gaps of 2 rows in load and single 'NA's in temp: with lookback 8, some test windows start inside a gap
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => ({ load: i % 7 === 3 || i % 7 === 4 ? '' : String(Math.sin(i / 5).toFixed(3)), temp: i % 11 === 6 ? 'NA' : String(10 + (i % 13)) }));
    const kinds: Record<string, Kind> = { load: 'float', temp: 'float' };
    const data = imported(rows, kinds);
    const columns = DataColumns.parse({ family: 'forecasting', channels: ['load', 'temp'] });
    const split = computeSplit({ kind: 'chronological' }, data);
    const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor((n) => kinds[n], columns), data, split.assignment), window: { lookback: 8, horizon: 2 } };
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['y'] });
    expect(doc.inputs[0].features.map((f) => ('missing' in f ? f.missing : null))).toEqual(['previous', 'previous']);
    expect(doc.cells.missingRules.previous).toMatch(/also from before the window: the lab fills the whole series forward before it cuts windows/);
    const test = forecastingSource(p.data, p.split, p.fitted, { channels: ['load', 'temp'], lookback: 8, horizon: 2 }, 'test');
    const [s] = split.ranges!.test;
    const all = Array.from({ length: test.count }, (_, i) => i);
    const batch = test.batch(Int32Array.from(all));
    // a consumer following the document: the series up to each window's end, filled, its last 8 rows
    const series = all.map((i) => rows.slice(0, s + i));
    const mine = encodeInputs(doc.inputs[0], series, doc).data as Float32Array;
    expect(Array.from(mine)).toEqual(Array.from(batch.x.data as Float32Array));
    // the window's rows alone differ exactly where a window starts inside a gap
    const startsInGap = all.filter((i) => rows[s - 8 + i].load === '' || rows[s - 8 + i].temp === 'NA');
    expect(startsInGap.length).toBeGreaterThan(3);
    const alone = encodeInputs(doc.inputs[0], all.map((i) => rows.slice(s - 8 + i, s + i)), doc).data as Float32Array;
    const differs = all.filter((i) => alone.subarray(i * 16, (i + 1) * 16).some((v, k) => v !== mine[i * 16 + k]));
    expect(differs).toEqual(startsInGap);
    // a window in which one channel has no value at all (no history at hand): that channel is its training mean (0 scaled), not NaN
    const blind = encodeInputs(doc.inputs[0], [rows.slice(s - 8, s).map((r) => ({ ...r, temp: '' }))], doc).data as Float32Array;
    expect(Array.from(blind).filter((_, k) => k % 2 === 1)).toEqual(Array(8).fill(0));
  });

  it('number cells of a ;-separated file: the decimal comma and thousands dots the importer read are in the document, and raw cells encode as trained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-numfmt-'));
    try {
      // European export: '1.444,72' is 1444.72; a cell without a comma ('1.870') is a plain number, as the importer reads it
      const lines = Array.from({ length: 160 }, (_, i) => {
        const kwh = 1000 + ((i * 37) % 900) + (i % 4) / 4;
        const cell = i % 10 === 3 ? (kwh / 1000).toFixed(3) : kwh.toLocaleString('de-DE', { minimumFractionDigits: 2 });
        return `${String(1 + Math.floor(i / 24)).padStart(2, '0')}.10.2022 ${String(i % 24).padStart(2, '0')}:00;${cell};${(((i * 13) % 40) - 20) / 10}`.replace(/;(-?\d+)\.(\d)$/, ';$1,$2');
      });
      writeFileSync(join(dir, 'eu.csv'), ['Zeitpunkt;Verbrauch;Temperatur', ...lines].join('\n'));
      await importFile(join(dir, 'eu.csv'), join(dir, 'cache'));
      const data = lazyDatasetCache(join(dir, 'cache'));
      const columns = DataColumns.parse({ family: 'forecasting', channels: ['Verbrauch', 'Temperatur'] });
      const split = computeSplit({ kind: 'chronological' }, data);
      const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(() => 'float', columns), data, split.assignment), window: { lookback: 6, horizon: 2 } };
      const doc = preprocessingDoc(p, { float: 'float32', targets: ['y'] });
      expect(doc.source).toMatchObject({ file: 'eu.csv', format: 'csv', encoding: 'utf-8', delimiter: ';', header: true });
      for (const f of doc.inputs[0].features) expect(f).toMatchObject({ cell: 'number', number: { decimal: ',', thousands: '.' } });
      expect(doc.cells.numberFormat).toMatch(/'1\.444,72' → 1444\.72/);
      // a consumer reading the raw cells by the document gets the trainer's inputs, value for value
      const raw = lines.map((l) => { const [, v, t] = l.split(';'); return { Verbrauch: v, Temperatur: t }; });
      expect(raw.some((r) => /^\d\.\d{3},\d+$/.test(r.Verbrauch))).toBe(true); // 1.444,72
      expect(raw.some((r) => /^\d\.\d{3}$/.test(r.Verbrauch))).toBe(true); // 1.234: a plain number, no comma
      expect(raw.some((r) => /^-\d,\d$/.test(r.Temperatur))).toBe(true); // -1,8
      const test = forecastingSource(p.data, p.split, p.fitted, { channels: ['Verbrauch', 'Temperatur'], lookback: 6, horizon: 2 }, 'test');
      const [s] = split.ranges!.test;
      const all = Array.from({ length: test.count }, (_, i) => i);
      const mine = encodeInputs(doc.inputs[0], all.map((i) => raw.slice(0, s + i)), doc).data as Float32Array;
      expect(Array.from(mine)).toEqual(Array.from(test.batch(Int32Array.from(all)).x.data as Float32Array));
      // read with '.' as the decimal point instead, the same cells would be other numbers: the field matters
      const pointDoc = { ...doc, inputs: [{ ...doc.inputs[0], features: doc.inputs[0].features.map((f) => ({ ...f, number: { decimal: '.', thousands: ',' } })) }] } as PreprocessingDoc;
      const misread = encodeInputs(pointDoc.inputs[0], all.map((i) => raw.slice(0, s + i)), pointDoc).data as Float32Array;
      expect(Array.from(misread)).not.toEqual(Array.from(mine));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a TSV whose header repeats `category`, pads ` price ` and leaves a cell empty: each feature names its header cell and field, and an encoder reading cells by field gets the trainer\'s batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-dup-header-'));
    try {
      // the second `category` (field 3) carries most of the signal; looked up by the first one's name, it reads field 1
      const header = ['impression', 'category', ' price ', 'category', '', 'clicked'];
      const cells = Array.from({ length: 300 }, (_, i) => [
        String(5000 + i), `cat_${i % 4}`, i % 13 === 0 ? '' : ((i % 17) * 1.25).toFixed(2), `x${(i * 7) % 5}`, `s${i % 3}`, (i * 7) % 5 < 2 ? 'yes' : 'no',
      ]);
      writeFileSync(join(dir, 'clicks.tsv'), [header, ...cells].map((r) => r.join('\t')).join('\n') + '\n');
      await importFile(join(dir, 'clicks.tsv'), join(dir, 'cache'));
      const data = lazyDatasetCache(join(dir, 'cache'));
      expect(data.meta.columns.map((c) => c.name)).toEqual(['impression', 'category', 'price', 'category_2', 'column_5', 'clicked']);
      const binding = { fields: ['category', 'category_2', 'column_5'], numeric: ['price'], multiHot: [], label: { column: 'clicked' } };
      const columns = DataColumns.parse({ family: 'recsys', ...binding });
      const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
      const typeOf = (n: string) => data.meta.columns.find((c) => c.name === n)?.type;
      const p: RunPipeline = { columns, split, data, fitted: fitPipeline(pipelineFor(typeOf, columns), data, split.assignment), window: {} };
      const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
      const places = doc.inputs.flatMap((i) => i.features).map((f) => [f.column, f.sourceColumn, f.sourceIndex]);
      expect(places).toEqual([['category', 'category', 1], ['category_2', 'category', 3], ['column_5', '', 4], ['price', ' price ', 2]]);
      expect(doc.outputs[0].label).toMatchObject({ column: 'clicked', sourceColumn: 'clicked', sourceIndex: 5 });
      expect(doc.source).toMatchObject({ format: 'tsv', delimiter: '\t', header: true, columns: expect.stringMatching(/^recorded at import: .*read each cell by sourceIndex/) });
      // a consumer following the document by position: row[f.column] is only the reference encoder's key for the cell at f.sourceIndex
      const byField = (r: string[]): Row => Object.fromEntries([...doc.inputs.flatMap((i) => i.features), doc.outputs[0].label!].map((f) => [f.column!, r[f.sourceIndex!]]));
      const ids = rowsOf(split.assignment, TEST);
      const raw = Array.from(ids, (r) => [byField(cells[r])]);
      const batch = ctrSources(p.data, p.split, p.fitted, binding).test.batch(Int32Array.from(ids, (_, i) => i));
      for (const input of doc.inputs) expect(Array.from(encodeInputs(input, raw, doc).data as Float32Array)).toEqual(Array.from(batch[input.name].data as Float32Array));
      expect(Array.from(batch.label.data as Float32Array)).toEqual(raw.map(([r]) => (isPositive(doc.outputs[0].label!, r.clicked) ? 1 : 0)));
      // the header lookup README's recipe used to imply finds no `category_2`, and `price` only untrimmed
      expect(header.indexOf('category_2')).toBe(-1);
      expect(header.indexOf('price')).toBe(-1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a dataset imported before headers were recorded: fields by position, header names only where the import cannot have renamed them, said in source.columns', () => {
    const meta = (hasHeader: boolean) => ({
      source: { fileName: 'old.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader },
      columns: ['id', 'category', 'category_2', 'column_4', 'x_2'].map((name) => ({ name })),
    }) as unknown as DatasetCacheMeta;
    const old = meta(true);
    expect(['id', 'category', 'category_2', 'column_4', 'x_2'].map((c) => sourcePlaceOf(old, c))).toEqual([
      { sourceColumn: 'id', sourceIndex: 0 }, { sourceColumn: 'category', sourceIndex: 1 }, { sourceIndex: 2 }, { sourceIndex: 3 }, { sourceColumn: 'x_2', sourceIndex: 4 },
    ]);
    expect(sourceColumnsRule(old)).toMatch(/^the dataset was imported before GateLab recorded each column's header: sourceIndex is the column's position/);
    expect(sourcePlaceOf(meta(false), 'category_2')).toEqual({ sourceColumn: null, sourceIndex: 2 });
    expect(sourceColumnsRule(meta(false))).toMatch(/^the file has no header row: sourceColumn is null/);
    const parquet = { source: { fileName: 'p.parquet', format: 'parquet', encoding: 'utf-8' }, columns: [{ name: 'a' }] } as unknown as DatasetCacheMeta;
    expect(sourcePlaceOf(parquet, 'a')).toEqual({ sourceColumn: 'a' });
  });

  it('number cells of a ,-separated file read "." as the decimal point; a binary source has no number format', () => {
    const meta = (format: string, delimiter?: string) => ({ source: { fileName: 'f', format, encoding: 'utf-8', delimiter }, columns: [{ name: 'x' }] }) as unknown as DatasetCacheMeta;
    expect(numberFormatOf(meta('csv', ','), 'x', false)).toEqual({ decimal: '.', thousands: ',' });
    expect(numberFormatOf(meta('csv', ','), 'x', true)).toEqual({ decimal: '.', thousands: ',' });
    expect(numberFormatOf(meta('tsv', '\t'), 'x', false)).toEqual({ decimal: '.', thousands: ',' });
    // a number type given by the user reads decimal commas in any file not separated by ','
    expect(numberFormatOf(meta('tsv', '\t'), 'x', true)).toEqual({ decimal: ',', thousands: '.' });
    expect(numberFormatOf(meta('parquet'), 'x', false)).toBeUndefined();
  });

  it('fusion: hashed text (missing → no n-grams), one-hot, scaled numbers, and three classes named in id order', () => {
    const words = ['soft', 'fabric', 'runs', 'small', 'lovely', 'colour', "isn't", 'Great'];
    const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({
      review: i % 13 === 0 ? '' : Array.from({ length: 3 + (i % 5) }, (_, k) => pick(words, i + k)).join(' '), size: pick(['S', 'M', 'L', ''], i),
      age: i % 9 === 0 ? 'NA' : String(20 + (i % 40)), grade: pick(['low', 'mid', 'high'], i),
    }));
    const kinds: Record<string, Kind> = { review: 'text', size: 'categorical', age: 'int', grade: 'categorical' };
    const p = pipeline(rows, kinds, { family: 'fusion', modalities: [{ name: 'text', columns: ['review'] }, { name: 'tab', columns: ['size', 'age'] }], label: 'grade', textBuckets: 64 });
    const doc = preprocessingDoc(p, { float: 'float32', targets: ['label'] });
    expect(doc.outputs[0]).toMatchObject({ kind: 'class-logits', shape: ['batch', 3], label: { classes: ['high', 'low', 'mid'] } });
    // the word n-gram joiner is in the document (the reference encoder joins with it: any other string hashes elsewhere)
    expect(doc.inputs[0].features[0]).toMatchObject({ kind: 'hashed-ngrams', unit: 'word', joiner: ' ' });
    expect(doc.cells.boolean).toMatch(/trimmed/);
    // a multi-hot's tokens are trimmed and empty ones dropped, as the lab splits them (common/data/vocabulary.ts)
    expect(doc.cells.list).toMatch(/trims each token of surrounding spaces and drops empty ones/);
    const test = fusionSources(p.data, p.split, p.fitted, { modalities: [{ name: 'text', columns: ['review'] }, { name: 'tab', columns: ['size', 'age'] }], label: 'grade' }).test;
    const ids = rowsOf(p.split.assignment, TEST);
    const batch = test.batch(Int32Array.from(ids, (_, i) => i));
    const raw = Array.from(ids, (r) => [rows[r]]);
    for (const input of doc.inputs) {
      const mine = encodeInputs(input, raw, doc).data as Float32Array, theirs = batch[input.name].data as Float32Array;
      expect(mine.length).toBe(theirs.length);
      mine.forEach((v, j) => expect(v).toBeCloseTo(theirs[j], 6));
    }
    expect(Array.from(batch.label.data as BigInt64Array, Number)).toEqual(raw.map(([r]) => doc.outputs[0].label!.classes!.indexOf(r.grade)));
  });
});
