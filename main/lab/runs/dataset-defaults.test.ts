// What a new dataset run takes from the lab, with a real store and registry: a fixed split seed, the
// dataset's binary-label rule, a stored split checked against the run's dataset and handed to the trainer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from '../datasets/index';
import { LabelRules } from '../lab/label-rules';
import { parseRunConfig } from '../../../common/runs/config';
import type { RunRecord } from '../store/index';
import { SPLIT_SEED, withDatasetDefaults } from './dataset-defaults';
import { datasetResolver } from './dataset-runs';
import { labDatasetRun } from '../../../workers/data/run-data';

let home: string;
let lab: LabDatasets;
let clicks: number;
let other: number;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-defaults-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  const rows = ['user,item,rating', ...Array.from({ length: 200 }, (_, i) => `u${i % 17},i${i % 23},${1 + (i % 5)}`)];
  writeFileSync(join(home, 'ratings.csv'), rows.join('\n'));
  clicks = (await lab.registry.importDataset(join(home, 'ratings.csv'), { roles: { rating: 'target', user: 'categorical', item: 'categorical' } })).dataset.id;
  writeFileSync(join(home, 'other.csv'), rows.slice(0, 50).join('\n'));
  other = (await lab.registry.importDataset(join(home, 'other.csv'))).dataset.id;
}, 60_000);
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const config = (data: Record<string, unknown>, model: Record<string, unknown> = {}) =>
  parseRunConfig({ model: { template: 'finalmlp', ...model }, data: { kind: 'dataset', datasetId: clicks, ...data } });

describe('dataset run defaults', () => {
  it('fixes the split seed and takes the dataset\'s label rule unless the run config sets them', () => {
    new LabelRules(lab.store.settings).set(String(clicks), { positiveAtLeast: 4 });
    const c = withDatasetDefaults(config({}), lab.store);
    expect(c.data).toMatchObject({ splitSeed: SPLIT_SEED, splitByTime: true }); // new runs: chronological splits by the time column
    expect(c.model).toMatchObject({ positiveAtLeast: 4 });
    expect(c.metrics).toEqual({ ratingUnits: 'rating' }); // new runs: MMoE's rating error in stars, not standard deviations
    const own = withDatasetDefaults({ ...config({ splitSeed: 3 }, { positiveAtLeast: 5 }), metrics: { ratingUnits: 'scaled' } }, lab.store);
    expect(own.data).toMatchObject({ splitSeed: 3 });
    expect(own.model).toMatchObject({ positiveAtLeast: 5 });
    expect(own.metrics).toEqual({ ratingUnits: 'scaled' }); // asked for (to compare with runs from before): kept
    // a stored run from before the marker reads back without one (its trainer keeps scaled units on resume)
    expect(parseRunConfig({ model: { template: 'mmoe' }, data: { kind: 'dataset', datasetId: clicks } }).metrics).toBeUndefined();
    const synthetic = parseRunConfig({ data: { kind: 'synthetic' } });
    // a synthetic (demo) run gets no data defaults, only the temperature rule every new run records
    expect(withDatasetDefaults(synthetic, lab.store)).toEqual({ ...synthetic, temperatureAtStepNumber: true });
  });

  it('marks the rating units on recommendation runs only: a forecasting or fusion run\'s stored config has no metrics.ratingUnits', () => {
    const of = (template: string) => withDatasetDefaults(parseRunConfig({ model: { template }, data: { kind: 'dataset', datasetId: clicks } }), lab.store);
    expect(of('mmoe').metrics).toEqual({ ratingUnits: 'rating' });
    expect(of('dlinear').metrics).toBeUndefined();
    expect(of('tsmixer-gated')).not.toHaveProperty('metrics');
    expect(of('gmu').metrics).toBeUndefined();
    // units the user asked for are theirs, whatever the family
    const asked = parseRunConfig({ model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: clicks }, metrics: { ratingUnits: 'scaled' } });
    expect(withDatasetDefaults(asked, lab.store).metrics).toEqual({ ratingUnits: 'scaled' });
  });

  it('records the router temperature rule on every new run; a stored run from before reads back without it', () => {
    expect(withDatasetDefaults(config({}), lab.store).temperatureAtStepNumber).toBe(true);
    expect(withDatasetDefaults(parseRunConfig({}), lab.store).temperatureAtStepNumber).toBe(true); // the demo model on synthetic rows
    // a resumed old run keeps its rule (workers/run/model-for.ts trains it at the τ of the steps before)
    expect(parseRunConfig({ model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: clicks } }).temperatureAtStepNumber).toBeUndefined();
    expect(withDatasetDefaults({ ...config({}), temperatureAtStepNumber: false }, lab.store).temperatureAtStepNumber).toBe(false);
  });

  it('a stored split must exist and belong to the run\'s dataset; the trainer gets its spec', async () => {
    const split = await createSplit(lab.registry, clicks, 'halves', { kind: 'random', ratios: { train: 0.5, val: 0.25, test: 0.25 }, seed: 9 });
    const theirs = await createSplit(lab.registry, other, 'theirs', { kind: 'chronological' });
    expect(() => withDatasetDefaults(config({ splitId: 999 }), lab.store)).toThrow(/data.splitId: split 999 does not exist \(gatelab datasets show \d+ lists/);
    expect(() => withDatasetDefaults(config({ splitId: theirs.id }), lab.store)).toThrow(new RegExp(`split ${theirs.id} is a split of dataset ${other}, not of dataset ${clicks}`));
    const c = withDatasetDefaults(config({ splitId: split.id }), lab.store);
    const run = { id: 1, datasetId: clicks, config: c } as unknown as RunRecord;
    expect(datasetResolver(lab.registry)(run)).toMatchObject({ split: { kind: 'random', ratios: { train: 0.5, val: 0.25, test: 0.25 }, seed: 9 } });
    expect(datasetResolver(lab.registry)({ ...run, config: config({}) } as unknown as RunRecord)).not.toHaveProperty('split');
  });

  it('a stored given split (rows matched to split files) reaches the trainer as rows and is trained on exactly', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `u${i % 17},i${i % 23},${1 + (i % 5)}`);
    writeFileSync(join(home, 'train.csv'), ['user,item,rating', ...rows.slice(0, 150)].join('\n'));
    writeFileSync(join(home, 'test.csv'), ['user,item,rating', ...rows.slice(150)].join('\n'));
    const split = await createSplit(lab.registry, clicks, 'files', { kind: 'given', files: { train: join(home, 'train.csv'), test: join(home, 'test.csv') }, seed: 1 });
    expect(split.counts).toEqual({ train: 135, val: 15, test: 50 });
    const c = withDatasetDefaults(config({ splitId: split.id }, { positiveAtLeast: 4 }), lab.store);
    const payload = datasetResolver(lab.registry)({ id: 3, datasetId: clicks, config: c } as unknown as RunRecord);
    expect(payload).toHaveProperty('splitAssignment');
    const run = labDatasetRun(payload, { model: c.model as Record<string, unknown>, data: c.data as { splitSeed?: number }, seed: 1 });
    expect([run.data.train.rows, run.data.validation.rows, run.data.test.rows]).toEqual([135, 15, 50]);
  });

  it('a run keeps the columns and roles it was created with when the dataset\'s roles change later', () => {
    const c = withDatasetDefaults(config({}), lab.store);
    const run = { id: 2, datasetId: clicks, config: c } as unknown as RunRecord;
    const before = datasetResolver(lab.registry)(run).columns;
    expect(before).toEqual([
      { name: 'user', type: 'categorical', role: 'categorical', modality: null },
      { name: 'item', type: 'categorical', role: 'categorical', modality: null },
      { name: 'rating', type: 'int', role: 'target', modality: null },
    ]);
    lab.registry.setColumns(clicks, [{ column: 'item', role: 'ignore' }]);
    expect(datasetResolver(lab.registry)(run).columns).toEqual(before);
    // a run from before the snapshot existed reads the current roles, as it always did
    const { columns: _old, ...oldData } = c.data as Record<string, unknown>;
    const old = { ...run, config: { ...c, data: oldData } } as unknown as RunRecord;
    expect((datasetResolver(lab.registry)(old).columns as { role: string }[])[1].role).toBe('ignore');
    lab.registry.setColumns(clicks, [{ column: 'item', role: 'categorical' }]);
    expect(() => withDatasetDefaults(config({ datasetId: 999 }), lab.store)).toThrow(/data.datasetId: dataset 999 does not exist/);
  });

  it('a new fusion run stores the text buckets and one-hot cap it is built with; a run stored without them derives the same inputs', async () => {
    // a city with 1,500 values (past the 1,000 cap) and a text column: both encodings matter to the inputs
    const words = ['good', 'bad', 'slow', 'fast', 'cheap', 'dear'];
    const rows = ['review,city,label', ...Array.from({ length: 3000 }, (_, i) => `${words[i % 6]} and ${words[(i * 7) % 6]} service at table ${i},c${i % 1500},${i % 3 === 0 ? 1 : 0}`)];
    writeFileSync(join(home, 'reviews.csv'), rows.join('\n'));
    const reviews = (await lab.registry.importDataset(join(home, 'reviews.csv'), { roles: { review: 'feature', city: 'categorical', label: 'target' } })).dataset.id;
    const fusion = (model: Record<string, unknown> = {}) =>
      parseRunConfig({ model: { template: 'concat-fusion', ...model }, data: { kind: 'dataset', datasetId: reviews } });
    const c = withDatasetDefaults(fusion(), lab.store);
    expect(c.model).toMatchObject({ textBuckets: 4096, maxCategories: 1000 });
    // the word rule is stored too (a later rule must not change what this run reads); a rule the user gives stays
    expect(c.model).toMatchObject({ textWords: 'unicode-v2' });
    expect(withDatasetDefaults(fusion({ textWords: 'letters-v1' }), lab.store).model).toMatchObject({ textWords: 'letters-v1' });
    expect(withDatasetDefaults(config({}), lab.store).model).not.toHaveProperty('textWords');
    expect(withDatasetDefaults(fusion({ textBuckets: 512, maxCategories: 20 }), lab.store).model).toMatchObject({ textBuckets: 512, maxCategories: 20 }); // the user's stay
    expect(withDatasetDefaults(config({}), lab.store).model).not.toHaveProperty('textBuckets'); // not a fusion template: no such fields

    const { textBuckets: _t, maxCategories: _m, textWords: _w, ...before } = c.model as Record<string, unknown>; // as runs from before the fields were stored
    const shapeOf = (model: Record<string, unknown>) => {
      const run = { id: 4, datasetId: reviews, config: { ...c, model } } as unknown as RunRecord;
      return labDatasetRun(datasetResolver(lab.registry)(run), { model, data: c.data as { splitSeed?: number }, seed: 1 }).model;
    };
    const stored = shapeOf(c.model as Record<string, unknown>);
    expect(stored.modalities).toEqual(shapeOf(before).modalities);
    // 4,096 text buckets; 1,000 city values + one "other"
    expect((stored.modalities as { dim: number }[]).map((m) => m.dim).sort((a, b) => a - b)).toEqual([1001, 4096]);
  }, 60_000);
});
