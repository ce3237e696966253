// A regression run on a target the importer kept as categories (its values read as numbers) is refused before
// it is queued, and the retype advice names the dataset in a command the user can paste: "gatelab datasets
// types 3 verdict=float" (before: "gatelab datasets types with verdict=float", which names no dataset).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';

let home: string, lab: LabDatasets, manager: RunManager;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-advice-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the retype advice of a refused regression run', () => {
  it('names the dataset by id and name in the command it gives', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i % 2 ? 'fine work' : 'poor fit'},${18 + (i % 40)},${(1 + (i % 9) / 2).toFixed(1)}`);
    writeFileSync(join(home, 'appeals.csv'), ['review,age,verdict', ...lines].join('\n'));
    const { dataset } = await lab.registry.importDataset(join(home, 'appeals.csv'), { columnTypes: { verdict: 'categorical' }, family: 'fusion', roles: { verdict: 'target' } });
    const config = { model: { template: 'concat-fusion', task: 'regression' }, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1 } as never;
    expect(() => manager.create(config)).toThrow(`retype it as a number in dataset ${dataset.id} 'appeals' (gatelab datasets types ${dataset.id} verdict=float)`);
    expect(lab.store.runs.list()).toEqual([]);
  });
});
