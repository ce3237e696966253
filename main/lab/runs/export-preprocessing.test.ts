// The proof that an exported model is usable on new raw rows: three real runs (CTR on MovieLens-100k rows,
// DLinear on ETTh1, GMU fusion on review text + tabular) trained by the run manager, exported, and then
// raw CSV cells → the file's `gatelab.preprocessing` JSON, applied by the small reference encoder below
// (written from the documented JSON only, nothing imported from the lab's pipeline code) → ONNX Runtime.
// The outputs must equal what Try it (the lab's own prediction path, in its child process) gives for the
// same test rows, and the targets Try it reports must equal the raw labels read by the documented rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun, runPreprocessing } from './export-run';
import { lastMetrics } from './run-report';
import { runPipeline, shapeMismatch, type DatasetPayload } from './run-pipeline';
import { TryIt } from '../lab/try-it';
import { LabelRules } from '../lab/label-rules';
import type { RunsPort } from '../lab/runs-port';
import type { PreprocessingDoc, Feature, InputDoc } from './preprocessing-doc';
import { labDatasetRun } from '../../../workers/data/run-data';
import { readDatasetCache } from '../../../workers/data/cache';
import { computeSplit, rowsOf, windowStarts, TEST } from '../../../common/data';
import { parseCsv, writeCsv, encodeInputs, isPositive, unscale, type Row } from './testing/reference-encoder';

const DATA = '/work/shared/data';
let home: string, lab: LabDatasets, manager: RunManager, tryIt: TryIt;
const runs: Record<'ctr' | 'forecast' | 'fusion', { id: number; rows: Row[] }> = {} as never;
/** The CTR run on a TSV whose header repeats a name: its raw rows as lists of cells (a header lookup cannot tell the two `id`s apart). */
const dup: { id: number; header: string[]; cells: string[][] } = {} as never;

function ctrRows(): Row[] {
  const users = new Map(readFileSync(`${DATA}/recsys/ml-100k/u.user`, 'latin1').trim().split('\n').map((l) => { const [id, age, gender, occupation] = l.split('|'); return [id, { age, gender, occupation }]; }));
  return readFileSync(`${DATA}/recsys/ml-100k/u.data`, 'latin1').trim().split('\n').slice(0, 1500).map((l, i) => {
    const [user, item, rating] = l.split('\t');
    const u = users.get(user)!;
    // a few missing ages: the documented missing-number rule is exercised on real rows
    return { user: `u${user}`, item, gender: u.gender, occupation: u.occupation, age: i % 37 === 0 ? '' : u.age, rating };
  });
}

/**
 * MovieLens ratings joined with their users as an export tool may write them: the user and the item are
 * both headed `id`, the age header is padded, and the zip code's header cell is empty. The import names
 * them id, id_2, age and column_6.
 */
function duplicateHeaderTsv(): { header: string[]; cells: string[][] } {
  const zips = new Map(readFileSync(`${DATA}/recsys/ml-100k/u.user`, 'latin1').trim().split('\n').map((l) => { const [id, age, gender, occupation, zip] = l.split('|'); return [id, [gender, occupation, age, zip]]; }));
  const cells = readFileSync(`${DATA}/recsys/ml-100k/u.data`, 'latin1').trim().split('\n').slice(1500, 3000).map((l) => {
    const [user, item, rating] = l.split('\t');
    const [gender, occupation, age, zip] = zips.get(user)!;
    return [`u${user}`, item, gender, occupation, age, zip, rating];
  });
  return { header: ['id', 'id', 'gender', 'occupation', ' age ', '', 'rating'], cells };
}

/** Runs of missing readings (blank, 'NA'), in training and in the test part, where test windows start inside them. */
const GAPS: Array<[string, number, number, string]> = [['LULL', 300, 304, 'NA'], ['OT', 980, 984, ''], ['OT', 1000, 1005, ''], ['HUFL', 1050, 1061, '']];
function withGaps(rows: Row[]): Row[] {
  for (const [column, from, to, cell] of GAPS) for (let r = from; r < to; r++) rows[r] = { ...rows[r], [column]: cell };
  return rows;
}

/** A column of raw cells as numbers, each missing one the last value before it (README: how the lab fills a series). */
function filledSeries(rows: Row[], column: string): number[] {
  const out: number[] = [];
  let last = NaN;
  for (const r of rows) { const v = r[column] === '' || r[column] === 'NA' ? NaN : Math.fround(Number(r[column])); out.push(Number.isNaN(v) ? last : (last = v)); }
  return out;
}

function reviewRows(): Row[] {
  const [header, ...records] = parseCsv(readFileSync(`${DATA}/multimodal/womens_clothing_ecommerce_reviews.csv`, 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const keep = ['Age', 'Title', 'Review Text', 'Positive Feedback Count', 'Department Name', 'Recommended IND'];
  return records.slice(0, 1200).map((r) => Object.fromEntries(keep.map((k) => [k, r[at(k)] ?? ''])));
}

async function train(file: string, rows: Row[], roles: Record<string, unknown>, model: Record<string, unknown>, labelRule?: { positiveAtLeast: number }): Promise<number> {
  writeFileSync(join(home, file), writeCsv(rows));
  const { dataset } = await lab.registry.importDataset(join(home, file), { roles: roles as never });
  if (labelRule) new LabelRules(lab.store.settings).set(String(dataset.id), labelRule);
  return manager.create({ model: model as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 64, optimizer: { lr: 0.01 } });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-export-pre-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 2, resolveDataset: datasetResolver(lab.registry) });
  const ctr = ctrRows();
  const ett = parseCsv(readFileSync(`${DATA}/forecasting/ETTh1.csv`, 'utf8'));
  const forecast = withGaps(ett.slice(1, 1201).map((r) => Object.fromEntries(ett[0].map((k, j) => [k, r[j]]))));
  const reviews = reviewRows();
  Object.assign(dup, duplicateHeaderTsv());
  writeFileSync(join(home, 'ratings-joined.tsv'), [dup.header, ...dup.cells].map((r) => r.join('\t')).join('\n') + '\n');
  const ids = await Promise.all([
    train('ratings.csv', ctr, { user: 'categorical', item: 'categorical', gender: 'categorical', occupation: 'categorical', age: 'feature', rating: 'target' },
      { template: 'finalmlp', embeddingDim: 4 }, { positiveAtLeast: 4 }),
    train('ett.csv', forecast, { date: 'time' }, { template: 'dlinear', lookback: 24, horizon: 8 }),
    train('reviews.csv', reviews, {
      'Review Text': { role: 'feature', modality: 'text' }, Title: { role: 'feature', modality: 'text' },
      Age: { role: 'feature', modality: 'tabular' }, 'Positive Feedback Count': { role: 'feature', modality: 'tabular' },
      'Department Name': { role: 'feature', modality: 'tabular' }, 'Recommended IND': 'target',
    }, { template: 'gmu', hidden: [8], gate: { kind: 'gmu', hidden: 8 } }),
    (async () => {
      const { dataset } = await lab.registry.importDataset(join(home, 'ratings-joined.tsv'), { roles: { id: 'categorical', id_2: 'categorical', gender: 'categorical', occupation: 'categorical', column_6: 'categorical', age: 'feature', rating: 'target' } });
      new LabelRules(lab.store.settings).set(String(dataset.id), { positiveAtLeast: 4 });
      return manager.create({ model: { template: 'finalmlp', embeddingDim: 4 } as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 64, optimizer: { lr: 0.01 } });
    })(),
  ]);
  for (const id of ids) {
    const r = await manager.waitFor(id);
    expect(r.status, r.error ?? '').toBe('completed');
  }
  runs.ctr = { id: ids[0], rows: ctr };
  runs.forecast = { id: ids[1], rows: forecast };
  runs.fusion = { id: ids[2], rows: reviews };
  dup.id = ids[3];
  const port = { available: true, export: (id: string) => exportRun(lab.store, manager.files, Number(id), join(paths.exports, `run-${id}.onnx`)) };
  tryIt = new TryIt(lab.store, port as unknown as RunsPort, datasetResolver(lab.registry));
}, 150_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

function metadataOf(path: string): Record<string, string> {
  const m = onnxProto.onnx.ModelProto.decode(readFileSync(path));
  return Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key!, p.value!]));
}

/** Test sample i of the run → the dataset rows it was built from, by the trainer's own split code. */
function testRowsOf(id: number): { rows: Int32Array; starts: Int32Array | null } {
  const run = lab.store.runs.get(id)!;
  const c = run.config as { model: Record<string, unknown>; data: { split?: string; splitSeed?: number }; seed?: number };
  const { binding } = labDatasetRun(datasetResolver(lab.registry)(run), c);
  const split = computeSplit(binding.split, readDatasetCache(binding.cacheDir));
  const starts = split.ranges ? windowStarts(split.ranges.test, { lookback: c.model.lookback as number, horizon: c.model.horizon as number, stride: 1 }, true) : null;
  return { rows: rowsOf(split.assignment, TEST), starts };
}

async function runOnnx(path: string, doc: PreprocessingDoc, items: Row[][]): Promise<Record<string, Float32Array | Float64Array>> {
  const session = await ort.InferenceSession.create(readFileSync(path), { intraOpNumThreads: 1 });
  try {
    const feeds = Object.fromEntries(doc.inputs.map((input: InputDoc) => [input.name, encodeInputs(input, items, doc)]));
    const out = await session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor(v.dtype, v.data as never, v.dims)])));
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.data as Float32Array]));
  } finally {
    await session.release();
  }
}

const PICK = [0, 1, 2, 5, 17, 40, 61, 99];

/** Area under the ROC curve by the rank statistic, ties at their average rank (the definition, not the lab's code). */
function rankAuc(scores: ArrayLike<number>, positive: boolean[]): number {
  const order = Array.from(positive.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) if (positive[order[k]]) rankSum += (i + j) / 2 + 1;
    i = j + 1;
  }
  const pos = positive.filter(Boolean).length, neg = positive.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** A raw row read the way the document says: each feature's and the label's cell at its sourceIndex (keyed by `column` only for the reference encoder). */
function byField(doc: PreprocessingDoc, cells: string[]): Row {
  const places = [...doc.inputs.flatMap((i) => i.features), doc.outputs[0].label!] as Array<{ column?: string; sourceIndex?: number }>;
  return Object.fromEntries(places.map((f) => {
    if (f.sourceIndex === undefined) throw new Error(`'${f.column}' has no sourceIndex`);
    return [f.column!, cells[f.sourceIndex]];
  }));
}

describe('an exported model on new raw rows', () => {
  it('CTR: raw ids (u196, item 242, occupation) → vocabulary ids, age z-scored (missing → 0): outputs equal Try it', async () => {
    const { rows } = testRowsOf(runs.ctr.id);
    const missingAge = Array.from(rows).findIndex((r) => runs.ctr.rows[r].age === '');
    expect(missingAge).toBeGreaterThanOrEqual(0);
    const picks = [...PICK, missingAge];
    const tried = await tryIt.predict(String(runs.ctr.id), picks);
    const meta = metadataOf(tried.onnxPath);
    const doc = JSON.parse(meta['gatelab.preprocessing']) as PreprocessingDoc;
    expect(doc).toMatchObject({ version: 1, family: 'recsys' });
    expect(doc.inputs.map((i) => i.name)).toEqual(['fields', 'numeric']);
    expect(doc.inputs[0].features.map((f) => (f as { column: string }).column)).toEqual(['user', 'item', 'gender', 'occupation']);
    expect(doc.outputs[0]).toMatchObject({ name: 'logit', kind: 'binary-logit', label: { column: 'rating', positiveIf: { atLeast: 4 } } });
    const raw = picks.map((i) => runs.ctr.rows[rows[i]]);
    const logit = (await runOnnx(tried.onnxPath, doc, raw.map((r) => [r]))).logit;
    tried.rows.forEach((r, k) => {
      expect(r.prediction[0]).toBeCloseTo(logit[k], 5);
      expect(r.target[0]).toBe(isPositive(doc.outputs[0].label!, raw[k].rating) ? 1 : 0);
    });
    // an id never seen in training goes to the documented unknown index, and the model still answers
    const unseen = (await runOnnx(tried.onnxPath, doc, [[{ ...raw[0], user: 'u99999', age: 'NA' }]])).logit;
    expect(Number.isFinite(unseen[0])).toBe(true);
  });

  it('forecasting: the series up to a window, filled and z-scored per channel, its last 24 rows → forecast; the test MSE reproduced on a file with gaps', async () => {
    const { starts } = testRowsOf(runs.forecast.id);
    const rows = runs.forecast.rows;
    // Try it on windows that start inside a gap, and others
    const inGap = Array.from(starts!.keys()).filter((i) => Object.values(rows[starts![i] - 24]).some((v) => v === '' || v === 'NA'));
    expect(inGap.length).toBeGreaterThanOrEqual(10);
    const picks = [...PICK, inGap[0], inGap[7]];
    const tried = await tryIt.predict(String(runs.forecast.id), picks);
    const doc = JSON.parse(metadataOf(tried.onnxPath)['gatelab.preprocessing']) as PreprocessingDoc;
    expect(doc.inputs[0]).toMatchObject({ name: 'x', shape: ['batch', 24, 7], rows: { window: 24 } });
    expect(doc.source).toMatchObject({ file: 'ett.csv', format: 'csv', delimiter: ',' });
    expect(doc.inputs[0].features[0]).toMatchObject({ number: { decimal: '.', thousands: ',' } });
    const out = doc.outputs[0];
    expect(out.channels!.map((c) => c.column)).toEqual(['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT']);
    // a consumer keeps the series: each window is encoded from the rows up to its end (the documented fill runs over them)
    const forecast = (await runOnnx(tried.onnxPath, doc, picks.map((i) => rows.slice(0, starts![i])))).forecast;
    const HC = 8 * 7;
    const filled = Object.fromEntries(out.channels!.map((ch) => [ch.column, filledSeries(rows, ch.column)]));
    tried.rows.forEach((r, k) => {
      r.prediction.forEach((v, j) => expect(v).toBeCloseTo(forecast[k * HC + j], 5));
      // Try it's target is the scaled future: unscaled by the documented channels it is the file's rows, filled
      r.target.forEach((v, j) => {
        const ch = out.channels![j % 7];
        expect(unscale(ch, v)).toBeCloseTo(filled[ch.column][starts![picks[k]] + Math.floor(j / 7)], 3);
      });
    });
    // every test window from raw rows: the MSE (on scaled values, the ETT protocol; targets filled as the
    // document's `targets` says) is the stored test.mse, to float precision
    const mse = async (items: Row[][]) => {
      const all = (await runOnnx(tried.onnxPath, doc, items)).forecast;
      let se = 0;
      starts!.forEach((t, b) => {
        for (let h = 0; h < 8; h++) out.channels!.forEach((ch, c) => { se += (all[b * HC + h * 7 + c] - (filled[ch.column][t + h] - ch.mean!) / ch.std!) ** 2; });
      });
      return se / all.length;
    };
    const stored = lastMetrics(lab.store, runs.forecast.id, 'test.').mse;
    const bySeries = await mse(Array.from(starts!, (t) => rows.slice(0, t)));
    expect(Math.abs(bySeries - stored) / stored).toBeLessThan(1e-6);
    // filling each window's own rows only (the rule the document used to state) misses it: the test can tell
    const byWindow = await mse(Array.from(starts!, (t) => rows.slice(t - 24, t)));
    expect(Math.abs(byWindow - stored) / stored).toBeGreaterThan(1e-5);
  });

  it('fusion: review text as hashed n-grams, tabular scaled + one-hot → m_text, m_tabular: outputs equal Try it', async () => {
    const { rows } = testRowsOf(runs.fusion.id);
    const noTitle = Array.from(rows).findIndex((r) => runs.fusion.rows[r].Title === '');
    expect(noTitle).toBeGreaterThanOrEqual(0);
    const picks = [...PICK, noTitle];
    const tried = await tryIt.predict(String(runs.fusion.id), picks);
    const doc = JSON.parse(metadataOf(tried.onnxPath)['gatelab.preprocessing']) as PreprocessingDoc;
    expect(doc.inputs.map((i) => i.name).sort()).toEqual(['m_tabular', 'm_text']);
    const kinds = doc.inputs.flatMap((i) => i.features.map((f: Feature) => f.kind)).sort();
    expect(kinds).toEqual(['hashed-ngrams', 'hashed-ngrams', 'one-hot', 'zscore', 'zscore']);
    // the helpful-vote count is heavy-tailed (skewness ≈ 6): log1p before its z-score, and the encoder applies it
    const votes = doc.inputs.flatMap((i) => i.features).find((f) => (f as { column?: string }).column === 'Positive Feedback Count');
    expect(votes).toMatchObject({ kind: 'zscore', log1p: true });
    expect(doc.outputs[0]).toMatchObject({ name: 'logits', kind: 'binary-logit', label: { column: 'Recommended IND', cell: 'boolean', positive: '1', negative: '0' } }); // the file's words, as the run names them
    const raw = picks.map((i) => runs.fusion.rows[rows[i]]);
    const logits = (await runOnnx(tried.onnxPath, doc, raw.map((r) => [r]))).logits;
    tried.rows.forEach((r, k) => {
      expect(r.prediction[0]).toBeCloseTo(logits[k], 5);
      expect(r.target[0]).toBe(isPositive(doc.outputs[0].label!, raw[k]['Recommended IND']) ? 1 : 0);
    });
  });

  it('CTR on a TSV whose header repeats `id`, pads ` age ` and leaves the zip code unnamed: each cell read by sourceIndex gives Try it\'s outputs and the lab\'s test AUC', async () => {
    const { rows } = testRowsOf(dup.id);
    const tried = await tryIt.predict(String(dup.id), PICK);
    const doc = JSON.parse(metadataOf(tried.onnxPath)['gatelab.preprocessing']) as PreprocessingDoc;
    const places = doc.inputs.flatMap((i) => i.features).map((f) => [f.column, f.sourceColumn, f.sourceIndex]);
    expect(places).toEqual([['id', 'id', 0], ['id_2', 'id', 1], ['gender', 'gender', 2], ['occupation', 'occupation', 3], ['column_6', '', 5], ['age', ' age ', 4]]);
    expect(doc.outputs[0].label).toMatchObject({ column: 'rating', sourceColumn: 'rating', sourceIndex: 6, positiveIf: { atLeast: 4 } });
    expect(doc.source).toMatchObject({ file: 'ratings-joined.tsv', format: 'tsv', delimiter: '\t', header: true, columns: expect.stringMatching(/read each cell by sourceIndex/) });
    // README's earlier recipe, row[f.column] over the header, has no `id_2` to read
    expect(dup.header).not.toContain('id_2');
    const raw = PICK.map((i) => byField(doc, dup.cells[rows[i]]));
    const logit = (await runOnnx(tried.onnxPath, doc, raw.map((r) => [r]))).logit;
    tried.rows.forEach((r, k) => expect(r.prediction[0]).toBeCloseTo(logit[k], 5));
    // every test row, from its raw cells: the lab's stored test AUC
    const test = Array.from(rows, (r) => byField(doc, dup.cells[r]));
    const all = (await runOnnx(tried.onnxPath, doc, test.map((r) => [r]))).logit;
    const positive = test.map((r) => isPositive(doc.outputs[0].label!, r.rating));
    const stored = lastMetrics(lab.store, dup.id, 'test.').auc;
    expect(test.length).toBe(150); // the 10% test part of 1,500 rows
    expect(stored).toBeGreaterThan(0.5);
    expect(rankAuc(all, positive)).toBeCloseTo(stored, 6);
    // the two ids swapped (what a by-name lookup of `id` for both would confuse) give other outputs: the fields matter
    const swapped = (await runOnnx(tried.onnxPath, doc, raw.map((r) => [{ ...r, id: r.id_2, id_2: r.id }]))).logit;
    expect(Array.from(swapped)).not.toEqual(Array.from(logit));
  });

  it('a run whose dataset no longer gives its model\'s shapes is detected (no wrong preprocessing is written)', () => {
    const run = lab.store.runs.get(runs.ctr.id)!;
    const config = run.config as { model: Record<string, unknown>; data: { split?: string; splitSeed?: number }; seed?: number };
    const pipeline = runPipeline(datasetResolver(lab.registry)(run) as unknown as DatasetPayload, config);
    expect(shapeMismatch(pipeline, config.model)).toBeNull();
    const fields = config.model.fields as number[];
    expect(shapeMismatch(pipeline, { ...config.model, fields: [fields[0] + 1, ...fields.slice(1)] })).toMatch(/^model.fields is \[\d+(,\d+)*\] but the dataset now gives/);
  });

  it('a dataset run whose dataset was deleted says so (not "synthetic data")', () => {
    const run = lab.store.runs.get(runs.ctr.id)!;
    const orphan = { ...run, datasetId: null }; // what the runs table holds after the dataset row is deleted
    const doc = runPreprocessing(lab.store, manager.files, orphan, null as never, 'float32');
    expect(doc).toMatchObject({ available: false });
    expect((doc as { reason: string }).reason).toBe(`run ${run.id}'s dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it`);
  });

  it('a synthetic-data run says why it has no preprocessing', async () => {
    const id = manager.create({ epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 256 } } as never);
    expect((await manager.waitFor(id)).status).toBe('completed');
    const r = exportRun(lab.store, manager.files, id, join(home, 'synthetic.onnx'));
    expect(r.preprocessing).toMatch(/synthetic data/);
    expect(JSON.parse(metadataOf(r.path)['gatelab.preprocessing'])).toMatchObject({ version: 1, available: false });
  });
});
