// A stratified split by free text or a many-valued category degenerates as one by a continuous number does
// (splits-stratified-number.test.ts): each value is a class, a class of a row or a few always lands in
// training, so validation and test get a few rows or none. Refused before anything is stored, naming the
// column, its distinct count, the counts it would give and the fix (a random split, or a column of a few
// classes the dataset has); stratifying by a category of a few classes works as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from './index';

let home: string;
let lab: LabDatasets;
let datasetId: number;
const ROWS = 400;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-split-text-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // a review body of its own in every row, an SKU shared by two rows, a rating of 1..5, a division of three
  const lines = ['review,sku,rating,division'];
  for (let r = 0; r < ROWS; r++) lines.push(`"this dress number ${r} fits ${['well', 'badly', 'oddly'][r % 3]} and I wore it ${r * 3} times",sku-${Math.floor(r / 2)},${1 + (r % 5)},${['General', 'Petite', 'Intimates'][r % 3]}`);
  writeFileSync(join(home, 'reviews.csv'), lines.join('\n') + '\n');
  const imported = await lab.registry.importDataset(join(home, 'reviews.csv'), { family: 'fusion', columnTypes: { review: 'text', sku: 'categorical' }, roles: { division: 'target' } });
  datasetId = imported.dataset.id;
}, 60_000);
afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const stratified = (column: string, ratios = { train: 0.8, val: 0.1, test: 0.1 }) => ({ kind: 'stratified' as const, column, ratios, seed: 42 });

describe('stratified splits by text or many categories', () => {
  it('a review body, every value in one row: refused with its distinct count, the counts it would give and the fix; nothing is stored', async () => {
    await expect(createSplit(lab.registry, datasetId, 'by-review', stratified('review'))).rejects.toThrow(
      "'review' (text) has 400 distinct values in 400 rows: stratifying by it makes every row a class of its own, and a class of one row always lands in training " +
      '(0 validation rows, 0 test rows). Use --kind random, or stratify by a column of a few classes (--column division, --column rating)');
    expect(lab.store.splits.list(datasetId)).toEqual([]);
  });

  it('every class a single row is refused even when no part is asked for beside training', async () => {
    await expect(createSplit(lab.registry, datasetId, 'by-review', stratified('review', { train: 1, val: 0, test: 0 }))).rejects.toThrow(/^'review' \(text\) has 400 distinct values in 400 rows: stratifying by it makes every row a class of its own/);
  });

  it('a category of two rows per value: the per-class rule of older splits gave validation and test no rows and is refused; the current rule sizes the parts as asked', async () => {
    await expect(createSplit(lab.registry, datasetId, 'by-sku', { ...stratified('sku'), allocation: 'per-class' as const })).rejects.toThrow(
      "'sku' (categorical) has 200 distinct values in 400 rows: stratifying by it makes most values a class of a few rows, and those land in training (0 validation rows, 0 test rows). Use --kind random");
    expect(lab.store.splits.list(datasetId)).toEqual([]);
    // part totals as the ratios (common/data/split.ts 'part-totals'): every class keeps a training row, the rest fill the parts
    const bySku = await createSplit(lab.registry, datasetId, 'by-sku', stratified('sku'));
    expect(bySku.counts).toEqual({ train: 320, val: 40, test: 40 });
  });

  it('a category of a few classes stratifies as before', async () => {
    const byDivision = await createSplit(lab.registry, datasetId, 'by-division', stratified('division'));
    expect(byDivision.counts.train + byDivision.counts.val + byDivision.counts.test).toBe(ROWS);
    expect(byDivision.counts.val).toBeGreaterThanOrEqual(39);
    expect(byDivision.counts.test).toBeGreaterThanOrEqual(39);
  });
});
