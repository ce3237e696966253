// Fusion batches from the real clothing-reviews file (text + tabular modalities), through the real
// importer and cache, and a GMU trained on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSplit, fitPipeline, type FittedPipeline, type SplitResult } from '../../common/data';
import { importFile } from '../../main/lab/import';
import { buildModel } from '../../engine/models';
import { lossDrop, trainTiny } from '../../engine/models/fixtures/tiny-train';
import { readDatasetCache, type CachedDataset } from './cache';
import { fusionShape, fusionSources, type FusionData } from './fusion';
import { stateFor } from './fitted';
import { batchIndices, epochOrder } from './samples';

const REVIEWS = '/work/shared/data/multimodal/womens_clothing_ecommerce_reviews.csv';
const TABULAR = ['Age', 'Division Name', 'Department Name', 'Class Name'];
const spec: FusionData = {
  modalities: [{ name: 'text', columns: ['Review Text'] }, { name: 'tabular', columns: TABULAR }],
  label: 'Recommended IND',
  classes: 1,
};
let home: string, data: CachedDataset, split: SplitResult, fitted: FittedPipeline, parts: ReturnType<typeof fusionSources>;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-fu-'));
  await importFile(REVIEWS, join(home, 'cache'));
  data = readDatasetCache(join(home, 'cache'));
  split = computeSplit({ kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'Recommended IND', seed: 1 }, data);
  fitted = fitPipeline({
    steps: [
      { transform: 'hashed-ngrams', column: 'Review Text', buckets: 256 },
      { transform: 'zscore', column: 'Age' },
      ...TABULAR.slice(1).map((column) => ({ transform: 'vocabulary' as const, column })),
    ],
  }, data, split.assignment);
  parts = fusionSources(data, split, fitted, spec);
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('fusion batches (clothing reviews: hashed review text + tabular)', () => {
  it('encodes each modality to a fixed width and keeps the 82% positive rate in every part', () => {
    const shape = fusionShape(data, fitted, spec);
    expect(shape[0]).toEqual({ name: 'text', dim: 256 });
    // age (1) + one-hot division (3 + OOV), department (6 + OOV), class (the classes seen in training + OOV)
    const classes = stateFor(fitted, 'Class Name', ['vocabulary']).tokens.length;
    expect(classes).toBeGreaterThan(15);
    expect(shape[1].dim).toBe(1 + 4 + 7 + classes + 1);
    expect(parts.train.count + parts.val.count + parts.test.count).toBe(23486);
    for (const p of [parts.train, parts.test]) {
      const y = p.batch([...Array(p.count).keys()]).label.data as Float32Array;
      expect(y.reduce((a, b) => a + b, 0) / y.length).toBeCloseTo(0.822, 2);
    }
    const b = parts.val.batch([0, 1]);
    expect(b.m_text.dims).toEqual([2, 256]);
    const tab = b.m_tabular.data as Float32Array;
    expect(tab.subarray(1, 5).reduce((a, v) => a + v, 0)).toBe(1); // exactly one division flag
  });

  it('a GMU trains on it: the training loss falls', async () => {
    const def = buildModel({ template: 'gmu', modalities: fusionShape(data, fitted, spec), hidden: [16], gate: { kind: 'gmu', hidden: 16 } });
    const batches = batchIndices(epochOrder(parts.train.count, 1, 0), 128);
    const run = await trainTiny(def, { steps: 80, lr: 3e-3, batch: (s) => parts.train.batch(batches[s]) });
    await run.release();
    const { first, last } = lossDrop(run.losses, 10);
    expect(last).toBeLessThan(first - 0.05);
    expect(run.lastStats['gmu.modality_weights'].length).toBe(2);
  });
});
