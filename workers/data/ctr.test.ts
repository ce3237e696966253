// CTR batches from real MovieLens-100k rows, and a FinalMLP trained on them through the real engine.
import { describe, expect, it } from 'vitest';
import { computeSplit, fitPipeline, vocabularySize } from '../../common/data';
import { buildModel } from '../../engine/models';
import { lossDrop, trainTiny } from '../../engine/models/fixtures/tiny-train';
import { ctrShape, ctrSources, type CtrData } from './ctr';
import { ML_FIELDS, ML_GENRES, movielens } from './fixtures/movielens';
import { batchIndices, epochOrder } from './samples';

const data = movielens('u1.base', 20000);
const split = computeSplit({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 }, data);
const fitted = fitPipeline({
  steps: [
    ...ML_FIELDS.map((column) => ({ transform: 'vocabulary' as const, column })),
    { transform: 'multi-hot' as const, name: 'genres', columns: ML_GENRES },
    { transform: 'zscore' as const, column: 'rating' },
  ],
}, data, split.assignment);
const spec: CtrData = { fields: ML_FIELDS, multiHot: ['genres'], label: { column: 'rating', positiveAtLeast: 4 }, rating: 'rating' };

describe('CTR batches (MovieLens-100k, label rating ≥ 4)', () => {
  it('has vocabulary ids per field, genre flags as numeric features, and the label', () => {
    const shape = ctrShape(fitted, spec);
    expect(shape.fields[3]).toBe(3); // gender: OOV + M + F
    // genre flags seen in training + the out-of-vocabulary column (at most 19 + 1)
    expect(shape.numeric).toBeGreaterThan(15);
    expect(shape.numeric).toBeLessThanOrEqual(vocabularySize({ tokens: ML_GENRES }));
    const parts = ctrSources(data, split, fitted, spec);
    expect(parts.train.count + parts.val.count + parts.test.count).toBe(20000);
    const b = parts.val.batch([0, 1, 2, 3]);
    expect(b.fields.dims).toEqual([4, 6]);
    expect(b.numeric.dims).toEqual([4, shape.numeric]);
    const ids = b.fields.data as BigInt64Array;
    ids.forEach((id, i) => { expect(id).toBeGreaterThanOrEqual(0n); expect(Number(id)).toBeLessThan(shape.fields[i % 6]); });
    const labels = parts.train.batch(parts.train.count > 0 ? [...Array(2000).keys()] : []).label.data as Float32Array;
    const positive = labels.reduce((a, b) => a + b, 0) / labels.length;
    expect(positive).toBeGreaterThan(0.45); // 55% of MovieLens ratings are ≥ 4
    expect(positive).toBeLessThan(0.65);
  });

  it('a small FinalMLP trains on it: the training loss falls', async () => {
    const parts = ctrSources(data, split, fitted, spec);
    const shape = ctrShape(fitted, spec);
    const def = buildModel({ template: 'finalmlp', ...shape, embeddingDim: 8, stream1: [64, 32], stream2: [32], heads: 2 });
    const order = epochOrder(parts.train.count, 1, 0);
    const batches = batchIndices(order, 256);
    const run = await trainTiny(def, { steps: 60, lr: 3e-3, batch: (s) => { const b = parts.train.batch(batches[s]); return { fields: b.fields, numeric: b.numeric, label: b.label }; } });
    await run.release();
    const { first, last } = lossDrop(run.losses, 10);
    expect(last).toBeLessThan(first - 0.02);
    expect(run.lastStats['gate1.openness'][0]).toBeGreaterThan(0);
  });
});
