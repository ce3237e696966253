// The benchmark's three real datasets, prepared with each family's published protocol:
//   ETTh1: the ETT split (12/4/4 months), z-scored on train, multivariate (7 in, 7 out);
//   MovieLens-100k: the official u1 split, validation a seeded 10% of u1.base, label rating ≥ 4;
//   clothing reviews: stratified seeded 80/10/10 on `Recommended IND`, review text hashed into n-grams.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../engine/nn/random';
import type { SplitResult } from '../../common/data';
import { importFile } from '../../main/lab/import';
import { datasetRunData, runDataFrom, type DatasetRun } from '../../workers/data';
import { ML_FIELDS, ML_GENRES, movielens } from '../../workers/data/fixtures/movielens';

const SHARED = '/work/shared/data';
const caches = new Map<string, string>();

async function cacheOf(file: string): Promise<string> {
  let dir = caches.get(file);
  if (!dir) {
    dir = join(mkdtempSync(join(tmpdir(), 'gatelab-bench-')), 'cache');
    await importFile(file, dir);
    caches.set(file, dir);
  }
  return dir;
}

export const ETT_CHANNELS = ['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT'];

export async function etth1(lookback: number, horizon: number): Promise<DatasetRun> {
  return datasetRunData({ cacheDir: await cacheOf(`${SHARED}/forecasting/ETTh1.csv`), split: { kind: 'ett' }, columns: { family: 'forecasting', channels: ETT_CHANNELS } }, { lookback, horizon });
}

/** u1.base rows then u1.test rows; train / validation (seeded 10% of u1.base) / test = u1.test. */
export function movielensU1(): DatasetRun {
  const base = movielens('u1.base'), test = movielens('u1.test');
  const rows = base.rows + test.rows;
  const both = movielens('u1.base+u1.test');
  const rng = seededRandom(42, 'movielens-validation');
  const assignment = new Uint8Array(rows);
  let val = 0;
  for (let r = 0; r < rows; r++) assignment[r] = r >= base.rows ? 2 : rng.uniform() < 0.1 ? (val++, 1) : 0;
  const split: SplitResult = { assignment, counts: { train: base.rows - val, val, test: test.rows }, ranges: null };
  return runDataFrom(both, () => undefined, split, {
    family: 'recsys', fields: ML_FIELDS, numeric: [], multiHot: [{ name: 'genres', columns: ML_GENRES }],
    label: { column: 'rating', positiveAtLeast: 4 }, rating: 'rating',
  });
}

export async function reviews(modalities: { name: string; columns: string[] }[]): Promise<DatasetRun> {
  return datasetRunData({
    cacheDir: await cacheOf(`${SHARED}/multimodal/womens_clothing_ecommerce_reviews.csv`),
    split: { kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'Recommended IND', seed: 42 },
    columns: { family: 'fusion', modalities, label: 'Recommended IND', classes: 1, textBuckets: 4096 },
  });
}

export const TEXT = { name: 'text', columns: ['Title', 'Review Text'] };
export const TABULAR = { name: 'tabular', columns: ['Age', 'Positive Feedback Count', 'Division Name', 'Department Name', 'Class Name'] };
