// The renderer's data shape against the trainer's: for each demo dataset of a real Lab, what the Models
// view derives from the column statistics must equal what the trainer computes from the dataset cache
// (workers/data/run-data.ts labDatasetRun: binding, fitted pipeline on the training split, dataShape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs test fixture (a real Lab in a child process)
import { startLabProcess } from '../fixtures/lab-process.mjs';
import { labDatasetRun } from '../../workers/data/run-data';
import { inProcessLab, type Dispatcher } from './in-process-lab';
import { DATA_FIELDS, dataShapeOf } from './data-shape';
import type { DatasetDetail, Family, LabApi } from '../../common/lab-api';

let lab: Dispatcher & { stop(): Promise<void>; home: string };
let api: LabApi;

beforeAll(async () => {
  lab = await startLabProcess();
  api = inProcessLab(lab);
});
afterAll(() => lab.stop());

/** The cache folder of a dataset in the lab's home (matched by its column names). */
function cacheOf(d: DatasetDetail): string {
  const root = join(lab.home, 'datasets');
  for (const hash of readdirSync(root)) {
    const dir = join(root, hash, 'cache');
    if (!existsSync(join(dir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { columns: { name: string }[] };
    if (meta.columns.map((c) => c.name).join() === d.columnInfo.map((c) => c.name).join()) return dir;
  }
  throw new Error(`no cache for ${d.name} under ${root}`);
}

async function demo(family: Family): Promise<DatasetDetail> {
  const list = await api.invoke('datasets.list', {});
  const summary = list.find((d) => d.family === family);
  if (!summary) throw new Error(`no ${family} demo dataset`);
  return api.invoke('datasets.get', { id: summary.id });
}

describe('dataShapeOf (the Models view) equals the trainer’s data shape', () => {
  const cases: [Family, Record<string, unknown>][] = [
    ['forecasting', { template: 'dlinear', lookback: 24, horizon: 4 }],
    ['recsys', { template: 'finalmlp' }],
    ['fusion', { template: 'gmu' }],
  ];
  for (const [family, model] of cases) {
    it(`${family} demo`, async () => {
      const d = await demo(family);
      const ours = dataShapeOf(family, d);
      expect(ours.problem).toBeNull();
      const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: d.columnInfo }, { model, data: {}, seed: 1 }).model;
      for (const field of DATA_FIELDS[family]) {
        expect(ours.values[field], field).toBeDefined();
        expect(ours.values[field], field).toEqual(trainer[field]);
      }
      for (const field of DATA_FIELDS[family]) expect(ours.shown[field], field).toBeTruthy();
    });
  }

  it('a 3-valued target gives 3 classes, as the trainer counts them', async () => {
    const d = await demo('fusion');
    // the weather condition (clear, fog, night) as the target instead of the label
    const columnInfo = d.columnInfo.map((c) => (c.name === 'condition' ? { ...c, role: 'target' as const, modality: null } : c.name === 'label' ? { ...c, role: 'ignore' as const } : c));
    const ours = dataShapeOf('fusion', { ...d, columnInfo });
    const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: columnInfo }, { model: { template: 'gmu' }, data: {}, seed: 1 }).model;
    expect(trainer.classes).toBe(3);
    expect(ours.values.classes).toBe(3);
    expect(ours.shown.classes).toBe('3 (the values of condition)');
  });

  it('names the fusion demo’s modalities with their widths', async () => {
    const ours = dataShapeOf('fusion', await demo('fusion'));
    expect(ours.shown.modalities).toMatch(/^context \(\d+\), sensor \(8\), camera \(8\)$/);
  });

  it('says what to set when the roles cannot feed the family (no target for recsys)', async () => {
    const d = await demo('recsys');
    const noTarget = { ...d, columnInfo: d.columnInfo.map((c) => (c.role === 'target' ? { ...c, role: 'feature' as const } : c)) };
    const ours = dataShapeOf('recsys', noTarget);
    expect(ours.values).toEqual({});
    expect(ours.problem).toMatch(/needs a target column/);
  });
});

describe('CTR numeric inputs: numeric columns and multi-hot tokens, counted as the trainer counts them', () => {
  // a click log with genre indicator columns (g4 is never on) and a column of '|'-separated tags
  let d: DatasetDetail;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-shape-'));
    const lines = ['user,item,price,g1,g2,g3,g4,tags,clicked'];
    for (let i = 0; i < 240; i++) lines.push(`u${i % 13},i${i % 17},${(i % 9) + 0.5},${i % 2},${i % 3 ? 0 : 1},${i % 5 ? 0 : 1},0,t${i % 7}|t${(i + 3) % 11},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(dir, 'genres.csv'), lines.join('\n'));
    const before = new Set((await api.invoke('datasets.list', {})).map((x) => x.id));
    await api.invoke('datasets.import', { path: join(dir, 'genres.csv') });
    for (let t = 0; t < 300; t++) {
      const id = (await api.invoke('datasets.list', {})).find((x) => !before.has(x.id))?.id;
      if (id) { d = await api.invoke('datasets.get', { id }); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!d) throw new Error('genres.csv was not imported within 30 s');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const roles = (r: Record<string, string>) => d.columnInfo.map((c) => ({ ...c, role: (r[c.name] ?? 'feature') as DatasetDetail['columnInfo'][number]['role'] }));
  const base = { user: 'categorical', item: 'categorical', clicked: 'target' };

  it('indicator columns: an input per column that is ever on, plus one for unseen tokens; equal to the trainer\'s count', () => {
    const columnInfo = roles({ ...base, g1: 'multi-hot', g2: 'multi-hot', g3: 'multi-hot', g4: 'multi-hot', tags: 'ignore' });
    const ours = dataShapeOf('recsys', { ...d, columnInfo });
    const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: columnInfo }, { model: { template: 'finalmlp' }, data: {}, seed: 1 }).model;
    expect(trainer.numeric).toBe(1 + 3 + 1); // price; g1..g3 (g4 is never on); the unseen-token input
    expect(ours.values.numeric).toBe(trainer.numeric);
    expect(ours.shown.numeric).toBe('5: price, multi_hot (4)');
    expect(ours.problem).toBeNull();
  });

  it('a column of \'|\'-separated lists: its tokens are counted when the run starts, not guessed from its distinct lists', () => {
    const ours = dataShapeOf('recsys', { ...d, columnInfo: roles({ ...base, tags: 'multi-hot', g1: 'ignore', g2: 'ignore', g3: 'ignore', g4: 'ignore' }) });
    expect(ours.values.numeric).toBeUndefined(); // the template keeps its value; the trainer sets the real one
    expect(ours.shown.numeric).toBe("1 + the tokens of 'tags' (counted when the run starts): price, tags");
  });

  it('more inputs than a CTR model takes: the dataset cannot feed it, naming the multi-hot and what to do', () => {
    // 4,100 indicator columns, each on somewhere: 1 + 4,100 + 1 inputs
    const genres = Array.from({ length: 4100 }, (_, k) => ({ ...d.columnInfo.find((c) => c.name === 'g1')!, name: `genre${k}`, role: 'multi-hot' as const }));
    const wide = { ...d, columnInfo: [...roles({ ...base, g1: 'ignore', g2: 'ignore', g3: 'ignore', g4: 'ignore', tags: 'ignore' }), ...genres] };
    const ours = dataShapeOf('recsys', wide);
    expect(ours.problem).toBe(`${d.name} cannot feed a recommendation model yet: its roles give 4,102 numeric inputs, more than the 4,096 a recommendation (CTR) model takes ` +
      "(each becomes an embedding the model reads): the multi-hot 'multi_hot' with 4,100 indicator columns in use (an input each, plus one for unseen tokens); 1 numeric column. " +
      `Give fewer columns the multi-hot or feature role: leave columns out with the role "ignore" in Datasets → ${d.name} → Schema`);
    // with a separated list beside them the count is a lower bound, and says so
    const withTags = dataShapeOf('recsys', { ...wide, columnInfo: wide.columnInfo.map((c) => (c.name === 'tags' ? { ...c, role: 'multi-hot' as const } : c)) });
    expect(withTags.problem).toMatch(/its roles give 4,102 or more numeric inputs/);
    expect(withTags.values.numeric).toBeUndefined();
  });
});

describe('fusion widths follow the form\'s encoding: text buckets and the categorical cap, as the trainer encodes', () => {
  // reviews with a text column, a 12-valued categorical and a number, in one modality each
  let d: DatasetDetail;
  let dir: string;
  const words = ['soft', 'fabric', 'runs', 'small', 'lovely', 'colour', 'too', 'long', 'great', 'fit', 'thin', 'warm'];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-shape-fusion-'));
    const lines = ['review,city,price,liked'];
    for (let i = 0; i < 240; i++) lines.push(`"${words[i % 12]} ${words[(i * 5) % 12]} and ${words[(i * 7 + 3) % 12]}, item ${i}",c${i % 12},${(i % 9) + 0.5},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(dir, 'reviews.csv'), lines.join('\n'));
    const before = new Set((await api.invoke('datasets.list', {})).map((x) => x.id));
    await api.invoke('datasets.import', { path: join(dir, 'reviews.csv') });
    for (let t = 0; t < 300; t++) {
      const id = (await api.invoke('datasets.list', {})).find((x) => !before.has(x.id))?.id;
      if (id) { d = await api.invoke('datasets.get', { id }); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!d) throw new Error('reviews.csv was not imported within 30 s');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const columnInfo = () => d.columnInfo.map((c) => ({
    ...c,
    // the review is text whatever the import's guess; the city a category
    type: c.name === 'review' ? 'text' as const : c.name === 'city' ? 'categorical' as const : c.type,
    role: (c.name === 'liked' ? 'target' : 'feature') as DatasetDetail['columnInfo'][number]['role'],
    modality: c.name === 'review' ? 'text' : c.name === 'liked' ? null : 'tabular',
  }));

  for (const model of [{ template: 'gmu' }, { template: 'gmu', textBuckets: 64, maxCategories: 5 }]) {
    it(`modality widths equal the trainer's with ${JSON.stringify(model)}`, () => {
      const info = columnInfo();
      const ours = dataShapeOf('fusion', { ...d, columnInfo: info }, 'gmu', model);
      const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: info }, { model, data: {}, seed: 1 }).model;
      expect(ours.values.modalities).toEqual(trainer.modalities);
    });
  }

  it('text buckets set the text width; a categorical with more values than the cap is the cap plus "other"', () => {
    const info = columnInfo();
    expect(dataShapeOf('fusion', { ...d, columnInfo: info }, 'gmu').values.modalities).toEqual([{ name: 'text', dim: 4096 }, { name: 'tabular', dim: 12 + 1 + 1 }]);
    expect(dataShapeOf('fusion', { ...d, columnInfo: info }, 'gmu', { textBuckets: 64, maxCategories: 5 }).values.modalities).toEqual([{ name: 'text', dim: 64 }, { name: 'tabular', dim: 5 + 1 + 1 }]);
    // a cap above the values changes nothing
    expect(dataShapeOf('fusion', { ...d, columnInfo: info }, 'gmu', { maxCategories: 50 }).values.modalities).toEqual([{ name: 'text', dim: 4096 }, { name: 'tabular', dim: 12 + 1 + 1 }]);
  });
});
