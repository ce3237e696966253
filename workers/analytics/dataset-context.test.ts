// The original rows behind a report's test samples, on the real files through the real importer: ETTh1
// windows get the hour of their last lookback row; review rows line up with the fusion test split the
// model saw and give their own review text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSplit, fitPipeline } from '../../common/data';
import { pipelineFor } from '../../common/models/binding';
import { importFile } from '../../main/lab/import';
import { readDatasetCache } from '../data/cache';
import { fusionSources } from '../data/fusion';
import { datasetContext } from './dataset-context';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
const REVIEWS = '/work/shared/data/multimodal/womens_clothing_ecommerce_reviews.csv';
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-ctx-'));
  await importFile(ETTH1, join(home, 'ett'));
  await importFile(REVIEWS, join(home, 'reviews'));
  // long format: 3 stores × 100 hours, east without hour 10 (a gap), rows of an hour in no store order
  const lines = ['date,store,sales'];
  for (let h = 0; h < 100; h++) for (const store of ['south', 'north', 'east']) if (!(store === 'east' && h === 10)) lines.push(`${new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ')},${store},${(h % 7) + store.length}`);
  writeFileSync(join(home, 'long.csv'), lines.join('\n') + '\n');
  await importFile(join(home, 'long.csv'), join(home, 'long'));
  // a click log as users write it: yes/no flags, one of them the label
  const clicks = ['user,promo,clicked', ...Array.from({ length: 60 }, (_, i) => `u_${i % 7},${i % 3 ? 'yes' : 'no'},${i % 2 ? 'yes' : 'no'}`)];
  writeFileSync(join(home, 'clicks.csv'), clicks.join('\n') + '\n');
  await importFile(join(home, 'clicks.csv'), join(home, 'clicks'));
}, 120_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

const columnsOf = (dir: string) => readDatasetCache(dir).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.type === 'datetime' ? 'time' : 'feature' }));

describe('dataset context', () => {
  it('ETTh1 test windows: the last lookback row and its hour of day', () => {
    const cacheDir = join(home, 'ett');
    const ctx = datasetContext({ cacheDir, split: { kind: 'ett' }, columns: { family: 'forecasting', channels: ['HUFL', 'OT'] } }, columnsOf(cacheDir), { lookback: 336, horizon: 96 });
    expect(ctx.testRows.length).toBe(2880 - 96 + 1);
    expect(ctx.testRows[0]).toBe(8640 + 2880 - 1); // the first test window's targets start the test months
    const dates = readFileSync(ETTH1, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    for (const s of [0, 1, 500, 2784]) expect(ctx.hours![s]).toBe(Number(dates[ctx.testRows[s]].slice(11, 13)));
  });

  it('long format: test windows are over the pivot\'s times, with the binding before or after the pivot', () => {
    const cacheDir = join(home, 'long');
    const cols = readDatasetCache(cacheDir).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'date' ? 'time' : 'feature' }));
    const split = { kind: 'chronological' as const, ratios: { train: 0.7, val: 0.1, test: 0.2 } };
    // the trainer hands the analytics its binding with the pivot's channels; the run's snapshot has the file's
    for (const channels of [['east', 'north', 'south'], ['sales']]) {
      const ctx = datasetContext({ cacheDir, split, columns: { family: 'forecasting', channels } }, cols, { lookback: 12, horizon: 4 });
      // 100 times (not 299 rows): test times 80..99, windows whose targets start at 80..96, last lookback time t − 1
      expect(Array.from(ctx.testRows)).toEqual(Array.from({ length: 17 }, (_, i) => 79 + i));
      expect(Array.from(ctx.hours!)).toEqual(Array.from({ length: 17 }, (_, i) => (79 + i) % 24));
    }
  });

  it('a yes/no column is named by its file\'s words (the report\'s `promo=yes`), not the stored true/false', () => {
    const cacheDir = join(home, 'clicks');
    const cols = columnsOf(cacheDir);
    expect(cols.find((c) => c.name === 'promo')?.type).toBe('boolean');
    const split = { kind: 'random' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 };
    const ctx = datasetContext({ cacheDir, split, columns: { family: 'recsys', fields: ['user', 'promo'], numeric: [], multiHot: [], label: { column: 'clicked' } } as never }, cols, {});
    const words = Array.from(ctx.testRows, (r) => ctx.token('promo', r));
    expect(new Set(words)).toEqual(new Set(Array.from(ctx.testRows, (r) => (r % 3 ? 'yes' : 'no'))));
    expect(ctx.token('user', ctx.testRows[0])).toBe(`u_${ctx.testRows[0] % 7}`);
  });

  it('reviews: test rows line up with the fusion test split, and the text is the row’s own review', () => {
    const cacheDir = join(home, 'reviews');
    const columns = { family: 'fusion' as const, modalities: [{ name: 'text', columns: ['Review Text'] }, { name: 'tabular', columns: ['Age'] }], label: 'Recommended IND', classes: 1, textBuckets: 64 };
    const split = { kind: 'stratified' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'Recommended IND', seed: 42 };
    const cols = columnsOf(cacheDir);
    const ctx = datasetContext({ cacheDir, split, columns }, cols, {});
    expect(ctx.textColumn).toBe('Review Text');
    // a title before the review in the text modality: the snippet is still the review (it says more)
    const both = { ...columns, modalities: [{ name: 'text', columns: ['Title', 'Review Text'] }, columns.modalities[1]] };
    expect(cols.find((c) => c.name === 'Title')?.type).toBe('text');
    expect(datasetContext({ cacheDir, split, columns: both }, cols, {}).textColumn).toBe('Review Text');
    // what the model saw: the test part of the fusion source, its label and its (scaled) age
    const data = readDatasetCache(cacheDir);
    const typeOf = (n: string) => cols.find((c) => c.name === n)?.type;
    const s = computeSplit(split, data);
    const test = fusionSources(data, s, fitPipeline(pipelineFor(typeOf, columns), data, s.assignment), { modalities: columns.modalities, label: columns.label, classes: 1 }).test;
    expect(ctx.testRows.length).toBe(test.count);
    const seen = test.batch(Int32Array.from({ length: test.count }, (_, i) => i));
    const label = data.column('Recommended IND').values, age = data.column('Age').values;
    const ageSeen = seen.m_tabular.data as Float32Array, width = seen.m_tabular.dims[1];
    const scale = (ageSeen[width - 1] - ageSeen[2 * width - 1]) / (age[ctx.testRows[0]] - age[ctx.testRows[1]]);
    for (let i = 0; i < test.count; i += 97) {
      expect(seen.label.data[i]).toBe(label[ctx.testRows[i]]);
      if (i > 1) expect(ageSeen[i * width + width - 1] - ageSeen[width - 1]).toBeCloseTo((age[ctx.testRows[i]] - age[ctx.testRows[0]]) * scale, 4);
    }
    const raw = readFileSync(REVIEWS, 'utf8');
    const texts = Array.from({ length: 20 }, (_, i) => ctx.token('Review Text', ctx.testRows[i])).filter((t): t is string => !!t);
    expect(texts.length).toBeGreaterThan(15);
    for (const t of texts) expect(raw).toContain(t.slice(0, 80).replace(/"/g, '""'));
  });
});
