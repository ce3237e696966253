// `gatelab split RUN`: the rows a run used, as a researcher reproducing its numbers elsewhere needs them.
// Real runs trained by the run manager on temp CSVs: a CTR run on its family's default split (rows without a
// label left out), a run on a stored 'given' split, and a forecasting run on a stored ETT split (rows after
// month 20 unused). The written parts must equal the trainer's own split (workers/data, the code that built
// the run's batches) and its data line; rebuilt from the CSV, the test rows scored by the exported ONNX model
// give the run's stored test AUC, and the test windows cut from the printed row range its stored test MSE.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { main } from '../cli';
import { labPaths } from '../lab/home';
import { openLabDatasets, type LabDatasets } from '../lab/datasets/index';
import { createSplit } from '../lab/datasets/splits';
import { RunManager } from '../lab/runs/run-manager';
import { datasetResolver } from '../lab/runs/dataset-runs';
import { exportRun } from '../lab/runs/export-run';
import { lastMetrics } from '../lab/runs/run-report';
import { labDatasetRun } from '../../workers/data/run-data';
import { computeSplit } from '../../common/data';
import { readDatasetCache } from '../../workers/data/cache';
import { seededRandom } from '../../engine/nn/random';
import type { PreprocessingDoc } from '../lab/runs/preprocessing-doc';
import { encodeInputs, isPositive, parseCsv, type Row } from '../lab/runs/testing/reference-encoder';

let home: string, lab: LabDatasets, manager: RunManager;
const PARTS = ['train', 'validation', 'test', 'unused'];
const runs = { ctr: 0, given: 0, forecast: 0 };
let clicks: Row[], series: Row[];

/** `gatelab split ...` in this process, its stdout and stderr captured. */
async function gatelab(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => { out += `${a.join(' ')}\n`; });
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => { err += `${a.join(' ')}\n`; });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  try {
    return { code: await main([...args, '--home', home]), out, err };
  } finally {
    log.mockRestore(); error.mockRestore(); write.mockRestore();
  }
}

const csvParts = (text: string) => {
  const [head, ...lines] = text.trim().split('\n');
  expect(head).toBe('row,split');
  return lines.map((l, i) => { const [row, part] = l.split(','); expect(Number(row)).toBe(i); return part; });
};
const unlabelled = () => clicks.filter((c) => c.clicked === '').length;
const rowsIn = (parts: string[], part: string) => parts.flatMap((p, i) => (p === part ? [i] : []));
const lineCounts = (id: number) => {
  const m = /^\w+: ([\d,]+) train \/ ([\d,]+) validation \/ ([\d,]+) test samples/.exec(lab.store.runs.get(id)!.dataSummary!.line)!;
  return { train: Number(m[1].replace(/,/g, '')), validation: Number(m[2].replace(/,/g, '')), test: Number(m[3].replace(/,/g, '')) };
};

/** The split the trainer builds the run's batches from (workers/data/run-data.ts), as part names per row. */
function trainerParts(id: number): string[] {
  const run = lab.store.runs.get(id)!;
  const config = run.config as { model: Record<string, unknown>; data: { split?: string; splitSeed?: number }; seed?: number };
  const { binding, assigned } = labDatasetRun(datasetResolver(lab.registry)(run), config);
  // `assigned`: a stored split's rows, or the computed split less the rows without a target; else the computed split as is
  const split = assigned ?? computeSplit(binding.split, readDatasetCache(binding.cacheDir));
  return Array.from(split.assignment, (a) => PARTS[a]);
}

async function onnxOf(id: number): Promise<{ session: ort.InferenceSession; doc: PreprocessingDoc }> {
  const path = join(home, `run-${id}.onnx`);
  exportRun(lab.store, manager.files, id, path);
  const meta = Object.fromEntries((onnxProto.onnx.ModelProto.decode(readFileSync(path)).metadataProps ?? []).map((p) => [p.key!, p.value!]));
  return { session: await ort.InferenceSession.create(readFileSync(path), { intraOpNumThreads: 1 }), doc: JSON.parse(meta['gatelab.preprocessing']) };
}

async function predict(session: ort.InferenceSession, doc: PreprocessingDoc, items: Row[][]): Promise<Float32Array> {
  const feeds = Object.fromEntries(doc.inputs.map((input) => { const e = encodeInputs(input, items, doc); return [input.name, new ort.Tensor(e.dtype, e.data as never, e.dims)]; }));
  const out = await session.run(feeds);
  return out[doc.outputs[0].name].data as Float32Array;
}

/** ROC AUC as the Mann-Whitney statistic, tied scores sharing their mean rank (scikit-learn's roc_auc_score). */
function rocAuc(scores: ArrayLike<number>, labels: number[]): number {
  const order = labels.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const rank = new Array<number>(labels.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) rank[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const pos = labels.filter((l) => l === 1).length, neg = labels.length - pos;
  const sum = labels.reduce((s, l, i) => s + (l === 1 ? rank[i] : 0), 0);
  return (sum - (pos * (pos + 1)) / 2) / (pos * neg);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-split-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 2, resolveDataset: datasetResolver(lab.registry) });
  // clicks: the label follows user and price (an AUC well above 0.5), a few rows have none
  const rng = seededRandom(11, 'split-rows');
  clicks = Array.from({ length: 700 }, (_, i) => {
    const user = Math.floor(rng.uniform() * 25), price = rng.uniform() * 10;
    const p = 1 / (1 + Math.exp(-((user % 5) - 2 + (price - 5) / 2)));
    return { user: `u${user}`, item: `i${Math.floor(rng.uniform() * 30)}`, price: price.toFixed(2), clicked: i % 61 === 7 ? '' : String(Number(rng.uniform() < p)) };
  });
  writeFileSync(join(home, 'clicks.csv'), ['user,item,price,clicked', ...clicks.map((r) => `${r.user},${r.item},${r.price},${r.clicked}`)].join('\n') + '\n');
  const { dataset: c } = await lab.registry.importDataset(join(home, 'clicks.csv'), { roles: { user: 'categorical', item: 'categorical' } as never });
  lab.registry.setColumns(c.id, [{ column: 'clicked', role: 'target' }]); // after the import: its rows without a label stay in the dataset
  // the same file's official split, as the user's own files: lines 0-499 train, 500-659 test, the rest in neither
  const file = (name: string, rows: Row[]) => writeFileSync(join(home, name), ['user,item,price,clicked', ...rows.map((r) => `${r.user},${r.item},${r.price},${r.clicked}`)].join('\n') + '\n');
  file('train.csv', clicks.slice(0, 500));
  file('test.csv', clicks.slice(500, 660));
  const given = await createSplit(lab.registry, c.id, 'official', { kind: 'given', files: { train: join(home, 'train.csv'), test: join(home, 'test.csv') } });
  // a daily series of 700 days: ETT's 12 / 4 / 4 months of 30 rows, days 600-699 unused
  series = Array.from({ length: 700 }, (_, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), load: (Math.sin(i / 7) + 0.1 * Math.cos(i / 3)).toFixed(4), temp: (10 + Math.cos(i / 11)).toFixed(3) }));
  writeFileSync(join(home, 'series.csv'), ['date,load,temp', ...series.map((r) => `${r.date},${r.load},${r.temp}`)].join('\n') + '\n');
  const { dataset: s } = await lab.registry.importDataset(join(home, 'series.csv'), { roles: { date: 'time' } as never });
  const ett = await createSplit(lab.registry, s.id, 'ett', { kind: 'ett' });
  runs.ctr = manager.create({ model: { template: 'lr' } as never, data: { kind: 'dataset', datasetId: c.id }, epochs: 2, batchSize: 64, optimizer: { lr: 0.05 } });
  runs.given = manager.create({ model: { template: 'lr' } as never, data: { kind: 'dataset', datasetId: c.id, splitId: given.id }, epochs: 1, batchSize: 64 });
  runs.forecast = manager.create({ model: { template: 'dlinear', lookback: 24, horizon: 8 } as never, data: { kind: 'dataset', datasetId: s.id, splitId: ett.id }, epochs: 1, batchSize: 64 });
  for (const id of Object.values(runs)) {
    const r = await manager.waitFor(id);
    expect(r.status, r.error ?? '').toBe('completed');
  }
}, 120_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('gatelab split RUN: the rows a run used', () => {
  it('CTR on the default split: the trainer\'s rows and data line; the test rows rebuilt from the CSV give the stored test AUC', async () => {
    const out = join(home, 'ctr-rows.csv');
    const r = await gatelab('split', String(runs.ctr), '--out', out);
    expect(r.code, r.err).toBe(0);
    const parts = csvParts(readFileSync(out, 'utf8'));
    expect(parts).toHaveLength(700);
    expect(parts).toEqual(trainerParts(runs.ctr));
    // the rows without a label are the unused ones, and the parts are the run's data line
    expect(rowsIn(parts, 'unused')).toEqual(clicks.flatMap((c, i) => (c.clicked === '' ? [i] : [])));
    const counts = lineCounts(runs.ctr);
    expect({ train: rowsIn(parts, 'train').length, validation: rowsIn(parts, 'validation').length, test: rowsIn(parts, 'test').length }).toEqual(counts);
    expect(r.out).toContain(`run ${runs.ctr}: 700 rows of dataset`);
    expect(r.out).toContain('split: the recommendation default: random 80/10/10, seed 42');
    expect(r.out).toContain(`${counts.train} train / ${counts.validation} validation / ${counts.test} test / ${unlabelled()} unused rows`);
    expect(r.out).toMatch(/the counts run \d+ trained on, as its data line says: "recsys: \d+ train/);
    expect(r.out).toContain("the index pandas.read_csv(file) gives it");
    // as a researcher would: the test rows of the file, scored by the exported model, give the run's test AUC
    const test = rowsIn(parts, 'test').map((i) => clicks[i]);
    const { session, doc } = await onnxOf(runs.ctr);
    try {
      const logits = await predict(session, doc, test.map((row) => [row]));
      const labels = test.map((row) => (isPositive(doc.outputs[0].label!, row.clicked) ? 1 : 0));
      const stored = lastMetrics(lab.store, runs.ctr, 'test.').auc;
      expect(stored).toBeGreaterThan(0.6);
      expect(rocAuc(logits, labels)).toBeCloseTo(stored, 6);
      // the validation rows would not: the CSV's parts are not interchangeable
      const val = rowsIn(parts, 'validation').map((i) => clicks[i]);
      expect(Math.abs(rocAuc(await predict(session, doc, val.map((row) => [row])), val.map((row) => (isPositive(doc.outputs[0].label!, row.clicked) ? 1 : 0))) - stored)).toBeGreaterThan(1e-6);
    } finally {
      await session.release();
    }
  });

  it('without --out the CSV goes to stdout (the summary to stderr); --json has the summary and the parts', async () => {
    const piped = await gatelab('split', String(runs.ctr));
    expect(piped.code).toBe(0);
    expect(piped.out).toBe(readFileSync(join(home, 'ctr-rows.csv'), 'utf8'));
    expect(piped.err).toMatch(/^run \d+: 700 rows of dataset \d+ 'clicks'\n {2}split: /);
    const json = JSON.parse((await gatelab('split', String(runs.ctr), '--json')).out);
    expect(json).toMatchObject({ run: runs.ctr, dataset: { rows: 700, name: 'clicks', file: 'clicks.csv' }, split: { origin: 'the recommendation default', spec: { kind: 'random', seed: 42 } }, windows: null });
    expect(json.counts).toEqual({ ...lineCounts(runs.ctr), unused: unlabelled() });
    expect(json.dataLine.samples).toEqual(lineCounts(runs.ctr));
    expect(json.assignment).toEqual(trainerParts(runs.ctr));
    const written = JSON.parse((await gatelab('split', String(runs.ctr), '--json', '--out', join(home, 'again.csv'))).out);
    expect(written.out).toBe(join(home, 'again.csv'));
    expect(written.assignment).toBeUndefined();
  });

  it('a stored given-files split: the run\'s rows are the files\' rows less those without a label; --stored lists the split as stored', async () => {
    const r = await gatelab('split', String(runs.given), '--out', join(home, 'given.csv'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/split: stored split 'official' \(id \d+\): given files \(train .*train\.csv, test .*test\.csv; validation 10% of train, seed 42\)/);
    const parts = csvParts(readFileSync(join(home, 'given.csv'), 'utf8'));
    expect(parts).toEqual(trainerParts(runs.given));
    expect(rowsIn(parts, 'test')).toEqual(clicks.flatMap((c, i) => (i >= 500 && i < 660 && c.clicked !== '' ? [i] : [])));
    expect(parts.slice(660).every((p) => p === 'unused')).toBe(true);
    const counts = lineCounts(runs.given);
    expect({ train: rowsIn(parts, 'train').length, validation: rowsIn(parts, 'validation').length, test: rowsIn(parts, 'test').length }).toEqual(counts);
    const splitId = (lab.store.runs.get(runs.given)!.config as { data: { splitId: number } }).data.splitId;
    const stored = csvParts((await gatelab('split', '--stored', String(splitId))).out);
    expect(stored).toEqual(Array.from(lab.store.splits.get(splitId)!.assignment, (a) => PARTS[a]));
    // the run differs from its stored split exactly by the rows without a label
    expect(stored.flatMap((p, i) => (p !== parts[i] ? [i] : []))).toEqual(clicks.flatMap((c, i) => (c.clicked === '' && i < 660 ? [i] : [])));
  });

  it('forecasting on a stored ETT split: row ranges, unused tail, the windows per part; the test windows cut from the printed rows give the stored test MSE', async () => {
    const r = await gatelab('split', String(runs.forecast), '--out', join(home, 'series-rows.csv'));
    expect(r.code, r.err).toBe(0);
    const parts = csvParts(readFileSync(join(home, 'series-rows.csv'), 'utf8'));
    expect(parts).toEqual(trainerParts(runs.forecast));
    expect(parts).toEqual([...Array(360).fill('train'), ...Array(120).fill('validation'), ...Array(120).fill('test'), ...Array(100).fill('unused')]);
    expect(r.out).toContain('360 train / 120 validation / 120 test / 100 unused rows');
    expect(r.out).toContain('windows (lookback 24, horizon 8): a window at row t reads rows t-24..t-1 and predicts rows t..t+7');
    expect(r.out).toContain('train       329 windows: targets in rows 24–359 (df.iloc, from 0), rows 0–23 (df.iloc, from 0) lookback only; reads df.iloc[0:360]');
    expect(r.out).toContain('test        113 windows: targets in rows 480–599 (df.iloc, from 0), looking back into rows 456–479 (df.iloc, from 0); reads df.iloc[456:600]');
    const { windows, dataLine } = JSON.parse((await gatelab('split', String(runs.forecast), '--json', '--out', join(home, 'w.csv'))).out);
    const count = { train: windows.parts.train.windows, validation: windows.parts.validation.windows, test: windows.parts.test.windows };
    expect(count).toEqual(lineCounts(runs.forecast));
    expect(dataLine.samples).toEqual(count);
    expect(windows.parts.test).toEqual({ rows: [480, 600], windows: 113, targets: [480, 600], reads: [456, 600], stride: 1 });
    expect(windows.parts.train).toMatchObject({ rows: [0, 360], targets: [24, 360], reads: [0, 360] });
    // every test window from the printed slice only: a window at t reads [t - 24, t) and predicts [t, t + 8)
    const [from, to] = windows.parts.test.reads as [number, number];
    const slice = series.slice(from, to);
    const starts = Array.from({ length: windows.parts.test.windows }, (_, k) => windows.parts.test.targets[0] + k);
    const { session, doc } = await onnxOf(runs.forecast);
    try {
      const forecast = await predict(session, doc, starts.map((t) => slice.slice(t - 24 - from, t - from)));
      const channels = doc.outputs[0].channels!;
      let se = 0;
      starts.forEach((t, b) => {
        for (let h = 0; h < 8; h++) channels.forEach((ch, c) => { se += (forecast[(b * 8 + h) * channels.length + c] - (Math.fround(Number(series[t + h][ch.column])) - ch.mean!) / ch.std!) ** 2; });
      });
      const stored = lastMetrics(lab.store, runs.forecast, 'test.').mse;
      expect(Math.abs(se / forecast.length - stored) / stored).toBeLessThan(1e-5);
    } finally {
      await session.release();
    }
  });

  it('refuses, naming the reason and writing nothing, when the rows no longer match the run\'s data line', async () => {
    const out = join(home, 'kept.csv');
    writeFileSync(out, 'my earlier file\n');
    const run = lab.store.runs.get(runs.ctr)!;
    const summary = run.dataSummary!;
    lab.store.runs.setStatus(runs.ctr, 'completed', { dataSummary: { ...summary, line: summary.line.replace(/^recsys: [\d,]+ train/, 'recsys: 1 train') } });
    try {
      const r = await gatelab('split', String(runs.ctr), '--out', out);
      expect(r.code).toBe(2); // refused: nothing written
      expect(r.err).toMatch(/^gatelab split: the split re-derived now gives \d+ train \/ \d+ validation \/ \d+ test rows, but run \d+ trained on 1 \/ \d+ \/ \d+ .*so no rows are written/);
      expect(readFileSync(out, 'utf8')).toBe('my earlier file\n');
    } finally {
      lab.store.runs.setStatus(runs.ctr, 'completed', { dataSummary: summary });
    }
  });

  it('says why a run has no rows to list, and what is wrong with the command line', async () => {
    const synthetic = lab.store.runs.create({ config: { data: { kind: 'synthetic', samples: 256 } } });
    expect((await gatelab('split', String(synthetic))).err).toMatch(/run \d+ trained on synthetic data \(the demo model's generated samples\): it has no dataset rows to list/);
    const orphan = lab.store.runs.create({ config: { data: { kind: 'dataset', datasetId: 77 } } });
    expect((await gatelab('split', String(orphan))).err).toMatch(/run \d+'s dataset \(77\) was deleted: its rows are gone with it; import the file again/);
    expect(await gatelab('split', '999')).toMatchObject({ code: 2, err: expect.stringMatching(/no run 999 in .* \(gatelab runs lists them\)/) });
    expect(await gatelab('split', String(runs.ctr), '--out', join(home, 'no', 'such', 'x.csv'))).toMatchObject({ code: 2, err: expect.stringMatching(/--out: the folder '.*no\/such' does not exist/) });
    expect(await gatelab('split')).toMatchObject({ code: 2, err: expect.stringMatching(/give a run id \(gatelab runs lists them\), or --stored SPLIT/) });
    expect(await gatelab('split', '1', '--stored', '1')).toMatchObject({ code: 2, err: expect.stringMatching(/not both/) });
  });
});
