import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, copyFileSync, existsSync, readFileSync, writeFileSync, mkdirSync, utimesSync, readdirSync, truncateSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, createPipeline, trainingData, type LabDatasets } from './index';
import { ImportError, openDatasetCache } from '../import/index';
import { retypeDataset } from './retype';
import type { ZScoreState } from '../../../common/data/scalers';
import type { FittedPipeline } from '../../../common/data/pipeline';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-registry-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('importing into the registry', () => {
  it('registers ETTh1 under its content hash with a copy of the source and a cache; the same file twice is one dataset', async () => {
    const { dataset, created } = await lab.registry.importDataset(ETTH1);
    expect(created).toBe(true);
    expect(dataset).toMatchObject({ name: 'ETTh1', rows: 17_420, sourceHash: 'f18de3ad269cef59bb07b5438d79bb3042d3be49bdeecf01c1cd6d29695ee066' });
    expect(dataset.columns.map((c) => c.name)).toEqual(['date', 'HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT']);
    expect(dataset.columns[0]).toMatchObject({ type: 'datetime', role: 'time' });
    expect(existsSync(join(dataset.cachePath, 'meta.json'))).toBe(true);
    expect(sha(join(home, dataset.sourcePath))).toBe(dataset.sourceHash);
    // same bytes under another name and folder: still the same dataset
    const copy = join(home, 'renamed.csv');
    copyFileSync(ETTH1, copy);
    const again = await lab.registry.importDataset(copy, { name: 'other name' });
    expect(again.created).toBe(false);
    expect(again.dataset.id).toBe(dataset.id);
    expect(lab.registry.list()).toHaveLength(1);
    // a different file under the same file name: the first free name, so the name still picks one (dataset-name.ts)
    const other = join(home, 'ETTh1.csv');
    writeFileSync(other, 'date,x\n2020-01-01 00:00,1\n2020-01-01 01:00,2\n');
    const second = await lab.registry.importDataset(other);
    expect(second.dataset.name).toBe('ETTh1 (2)');
    expect(lab.registry.resolve('ETTh1').id).toBe(dataset.id);
    // two datasets with one name (a lab from before names were kept unique, set in its database): the name
    // no longer picks one
    lab.store.datasets.rename(second.dataset.id, 'ETTh1');
    expect(() => lab.registry.resolve('ETTh1')).toThrow(`2 datasets are named 'ETTh1' (ids ${dataset.id}, ${second.dataset.id}): give the id instead`);
    expect(lab.registry.resolve(String(second.dataset.id)).id).toBe(second.dataset.id);
  });

  it('a rejected file leaves no dataset row and no files; a missing file says so', async () => {
    const bad = join(home, 'ragged.csv');
    writeFileSync(bad, 'a,b\n1,2\n3\n');
    const error = await lab.registry.importDataset(bad).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/line 3/);
    expect(lab.registry.list()).toEqual([]);
    expect(readdirSync(labPaths(home).datasets)).toEqual([]);
    await expect(lab.registry.importDataset(join(home, 'nope.csv'))).rejects.toThrow(/nope\.csv: no such file/);
  });

  it('a dataset whose cache went missing is repaired by importing the file again (same id)', async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1);
    rmSync(dataset.cachePath, { recursive: true });
    const again = await lab.registry.importDataset(ETTH1);
    expect(again.dataset.id).toBe(dataset.id);
    expect(existsSync(join(dataset.cachePath, 'meta.json'))).toBe(true);
  });

  it('a cache with a truncated column file is rebuilt in place by importing the file again, keeping id, types, roles and splits', async () => {
    const file = join(home, 'shop.csv');
    writeFileSync(file, 'store,units,price\n1,10,2.5\n2,11,3.5\n1,12,2.25\n2,9,4\n1,8,1.5\n2,7,3\n');
    const { dataset } = await lab.registry.importDataset(file, { roles: { price: 'target' } });
    await retypeDataset(lab.registry, dataset.id, { store: 'categorical' });
    const split = await createSplit(lab.registry, dataset.id, 'mine', { kind: 'random', ratios: { train: 0.5, val: 0.25, test: 0.25 }, seed: 3 });
    const before = openDatasetCache(dataset.cachePath);
    const prices = Array.from(before.column('price').values);
    const units = join(dataset.cachePath, before.column('units').info.file);
    truncateSync(units, 5);
    expect(() => openDatasetCache(dataset.cachePath)).toThrow(/the cache is damaged, re-import the dataset/);

    const again = await lab.registry.importDataset(file);
    expect(again.created).toBe(false);
    expect(again.repaired).toBe(`the cache of dataset ${dataset.id} 'shop' was damaged (c0001.bin (column 'units'): 5 bytes, expected 24): rebuilt it from shop.csv, keeping its id, roles, splits and runs`);
    expect(again.dataset.id).toBe(dataset.id);
    expect(again.dataset.columns.map((c) => [c.name, c.type, c.role])).toEqual([['store', 'categorical', 'feature'], ['units', 'int', 'feature'], ['price', 'float', 'target']]);
    const cache = openDatasetCache(dataset.cachePath);
    expect(Array.from(cache.column('units').values)).toEqual([10, 11, 12, 9, 8, 7]);
    expect(Array.from(cache.column('price').values)).toEqual(prices);
    expect(cache.column('store').dictionary).toEqual(['1', '2']);
    expect(lab.store.splits.list(dataset.id).map((s) => s.id)).toEqual([split.id]);
    // whole again: the next import of the same bytes is a plain "already imported"
    expect((await lab.registry.importDataset(file)).repaired).toBeUndefined();
  });

  it('stores roles given on import and refuses roles for columns the file lacks', async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1, { roles: { OT: 'target', HUFL: { modality: 'high' } } });
    expect(dataset.columns.find((c) => c.name === 'OT')!.role).toBe('target');
    expect(dataset.columns.find((c) => c.name === 'HUFL')!.modality).toBe('high');
    // one target per dataset: a new target demotes the previous one
    const retargeted = lab.registry.setColumns(dataset.id, [{ column: 'HUFL', role: 'target' }]);
    expect(retargeted.columns.filter((c) => c.role === 'target').map((c) => c.name)).toEqual(['HUFL']);
    expect(retargeted.columns.find((c) => c.name === 'OT')!.role).toBe('feature');
    const updated = lab.registry.setColumns(dataset.id, [{ column: 'HULL', typeOverride: 'int', role: 'ignore' }]);
    expect(updated.columns.find((c) => c.name === 'HULL')).toMatchObject({ type: 'int', inferredType: 'float', role: 'ignore' });
    lab.registry.delete(dataset.id);
    await expect(lab.registry.importDataset(ETTH1, { roles: { nope: 'target' } })).rejects.toThrow(/column 'nope'.*columns: date, HUFL/);
    expect(readdirSync(labPaths(home).datasets)).toEqual([]);
  });
});

describe('default roles', () => {
  it('a saved row number (empty header, 0..n-1 shuffled) starts as ignore; an id column or a named count does not', async () => {
    const csv = join(home, 'saved-by-pandas.csv');
    const order = [3, 0, 4, 1, 5, 2];
    writeFileSync(csv, ',user,visits,y\n' + order.map((i, k) => `${i},${[7, 7, 8, 9, 9, 9][k]},${k},${k % 2}`).join('\n') + '\n');
    const { dataset } = await lab.registry.importDataset(csv);
    const role = (name: string) => dataset.columns.find((c) => c.name === name)!.role;
    expect(role('column_1')).toBe('ignore');
    expect(role('user')).toBe('feature'); // repeated values: not a row number
    expect(role('visits')).toBe('feature'); // 0..n-1 too, but a named column is the user's data
  });
});

describe('deleting a dataset a run uses', () => {
  it('is refused while a run waits for it or a live trainer reads it, and allowed once the runs are settled', async () => {
    const csv = join(home, 'tiny.csv');
    writeFileSync(csv, 'x,y\n1,2\n3,4\n5,6\n');
    const { dataset } = await lab.registry.importDataset(csv);
    const queued = lab.store.runs.create({ config: {}, datasetId: dataset.id });
    expect(() => lab.registry.delete(dataset.id)).toThrow(`dataset ${dataset.id} 'tiny' is in use by run ${queued} (queued): cancel it (gatelab cancel ${queued}) or wait until it ends, then delete the dataset`);
    lab.store.runs.setStatus(queued, 'running');
    // 'running' with this (live) process as the owner: a trainer reads the data now
    mkdirSync(join(labPaths(home).checkpoints, `run-${queued}`), { recursive: true });
    writeFileSync(join(labPaths(home).checkpoints, `run-${queued}`, 'owner.json'), JSON.stringify({ pid: process.pid }));
    expect(() => lab.registry.delete(dataset.id)).toThrow(/in use by run \d+ \(running\)/);
    // the owner died (a crashed lab): the run is only interrupted-to-be, the dataset can go
    writeFileSync(join(labPaths(home).checkpoints, `run-${queued}`, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    lab.registry.delete(dataset.id);
    expect(lab.registry.list()).toEqual([]);
  });
});

describe('splits and pipelines of a registered dataset', () => {
  it('ETTh1: the ETT split and a z-score pipeline fitted on its train rows are stored', async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1);
    const split = await createSplit(lab.registry, dataset.id, 'ett', { kind: 'ett' });
    expect(split.counts).toEqual({ train: 8640, val: 2880, test: 2880 });
    expect(lab.store.splits.get(split.id)!.assignment.length).toBe(17_420);
    const pipeline = createPipeline(lab.registry, split.id, 'scale', { steps: [{ transform: 'zscore', column: 'OT' }, { transform: 'windows', lookback: 96, horizon: 96 }] });
    const reference = JSON.parse(readFileSync(new URL('../../../common/data/fixtures/etth1-reference.json', import.meta.url), 'utf8'));
    const ot = (pipeline.fittedState as FittedPipeline).steps[0].state as ZScoreState;
    expect(ot.mean).toBeCloseTo(reference.mean[6], 4);
    expect(ot.std / reference.std[6]).toBeCloseTo(1, 5);
    expect(lab.store.splits.list(dataset.id).map((s) => s.name)).toEqual(['ett']);
    // what a trainer is handed: the cache, the exact rows and the fitted state
    const data = trainingData(lab.registry, split.id, 'scale');
    expect(data).toMatchObject({ cachePath: dataset.cachePath, ranges: { val: [8640, 11520] } });
    expect(data.assignment.filter((p) => p === 1).length).toBe(2880);
    expect((data.pipeline!.steps[1].state as { lookback: number }).lookback).toBe(96);
    expect(() => trainingData(lab.registry, split.id, 'nope')).toThrow(/no pipeline 'nope' \(its pipelines: scale\)/);
    // a column the split names is looked up in the dataset, and the message names the dataset, not its cache folder
    await expect(createSplit(lab.registry, dataset.id, 'strat', { kind: 'stratified', column: 'label', ratios: { train: 0.8, val: 0.1, test: 0.1 } }))
      .rejects.toThrow(new RegExp(`^dataset ${dataset.id} 'ETTh1' has no column 'label' \\(--column\\); its columns: date, HUFL`));
  });

  it('MovieLens u.data with the given files u1.base / u1.test', async () => {
    const ml = '/work/shared/data/recsys/ml-100k';
    const { dataset } = await lab.registry.importDataset(`${ml}/u.data`);
    expect(dataset.name).toBe('u.data');
    const split = await createSplit(lab.registry, 'u.data', 'u1', { kind: 'given', files: { train: `${ml}/u1.base`, test: `${ml}/u1.test` }, seed: 1 });
    expect(split.counts).toEqual({ train: 72_000, val: 8_000, test: 20_000 });
    expect(readdirSync(join(home, 'tmp'))).toEqual([]); // scratch caches of the split files are gone
  });
});

describe('sweeping what killed imports left behind', () => {
  it('removes staging folders of dead processes and old unreferenced folders, keeps live ones and datasets', async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1);
    const datasets = labPaths(home).datasets;
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const dead = join(datasets, dataset.sourceHash, `cache.importing-${deadPid}-abcd1234`);
    const live = join(datasets, 'livehash', `cache.importing-${process.pid}-abcd1234`);
    const orphan = join(datasets, 'orphanhash');
    for (const d of [dead, live, join(orphan, 'cache')]) mkdirSync(d, { recursive: true });
    utimesSync(orphan, new Date(0), new Date(0));
    const scratch = join(home, 'tmp', 'demo-old');
    const fresh = join(home, 'tmp', 'split-now');
    for (const d of [scratch, fresh]) mkdirSync(d, { recursive: true });
    utimesSync(scratch, new Date(0), new Date(0));
    const removed = lab.registry.sweep();
    expect(removed.sort()).toEqual([dead, orphan, scratch].sort());
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(join(dataset.cachePath, 'meta.json'))).toBe(true);
  });
});
