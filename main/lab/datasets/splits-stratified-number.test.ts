// A stratified split by a continuous number (audit O1: `--kind stratified --column price` gave 1,498 train /
// 1 val / 1 test with no warning) is refused before anything is stored, with the counts it would have made
// and the fix; stratifying by classes, including whole numbers within a sane class count, still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from './index';

let home: string;
let lab: LabDatasets;
let datasetId: number;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-split-number-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // 1,500 rows: a price with 1,498 distinct values (each a class of one row, the last of three: none reach validation or test), a count of 1..300, 5 star classes
  const lines = ['size,stars,count,price,halfStars'];
  for (let r = 0; r < 1500; r++) lines.push(`${(r * 7) % 113},${1 + (r % 5)},${1 + (r % 300)},${(10 + Math.min(r, 1497) * 0.25).toFixed(2)},${0.5 + 0.5 * (r % 10)}`);
  writeFileSync(join(home, 'houses.csv'), lines.join('\n') + '\n');
  datasetId = (await lab.registry.importDataset(join(home, 'houses.csv'), { family: 'fusion', roles: { price: 'target' } })).dataset.id;
});
afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const stratified = (column: string) => ({ kind: 'stratified' as const, column, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 });

describe('stratified splits by a number', () => {
  it('a float with 1,498 distinct values is refused with the counts it would give and the fix; nothing is stored', async () => {
    await expect(createSplit(lab.registry, datasetId, 'by-price', stratified('price'))).rejects.toThrow(
      /^'price' is a number with 1,498 distinct values: stratifying would make each value its own class \((0|1) validation rows?, (0|1) test rows?\)\. Use --kind random \(or a threshold label\)$/);
    expect(lab.store.splits.list(datasetId)).toEqual([]);
  });

  it('whole numbers with more values than a sane class count (300): refused under the per-class rule of older splits; the current rule sizes the parts as asked', async () => {
    await expect(createSplit(lab.registry, datasetId, 'by-count', { ...stratified('count'), allocation: 'per-class' as const })).rejects.toThrow(/^'count' is a number with 300 distinct values: stratifying would make each value its own class \(\d+ validation rows?, \d+ test rows?\)\. Use --kind random/);
    expect(lab.store.splits.list(datasetId)).toEqual([]);
    const byCount = await createSplit(lab.registry, datasetId, 'by-count', stratified('count'));
    expect(byCount.counts).toEqual({ train: 1200, val: 150, test: 150 });
  });

  it('classes stratify as before: 5 star ratings keep 80/10/10; a random split by the price is fine', async () => {
    const byStars = await createSplit(lab.registry, datasetId, 'by-stars', stratified('stars'));
    expect(byStars.counts).toMatchObject({ train: 1200, val: 150, test: 150 });
    // half-star ratings have fractions (a fusion template would regress them) but 10 values of 150 rows each:
    // stratifying by them is sound and is not refused
    const byHalfStars = await createSplit(lab.registry, datasetId, 'by-half-stars', stratified('halfStars'));
    expect(byHalfStars.counts).toMatchObject({ train: 1200, val: 150, test: 150 });
    const random = await createSplit(lab.registry, datasetId, 'random', { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 42 });
    expect(random.counts).toMatchObject({ train: 1200, val: 150, test: 150 });
  });
});
