// The app's path (RunManager.create, the shared pre-queue check): a CTR run on a label whose two values are
// one value spelt two ways is refused before it is queued, with the advice to write it one way; nothing
// is stored. Before, it queued and trained on the spellings, saying so only in the run's data line.
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
  home = mkdtempSync(join(tmpdir(), 'gatelab-label-spellings-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a CTR label spelt two ways, started from the app', () => {
  it('is refused before queueing with the trim/lowercase advice, and no run is stored', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `u${i % 17},i${i % 23},${i % 3 ? 'clicked' : '"Clicked "'}`);
    writeFileSync(join(home, 'clicks.csv'), ['user,item,click', ...lines].join('\n'));
    const { dataset } = await lab.registry.importDataset(join(home, 'clicks.csv'), { family: 'recsys', roles: { click: 'target' } });
    const config = { model: { template: 'dnn' }, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1 } as never;
    expect(() => manager.create(config)).toThrow(
      /the label 'click' has 2 values that are one once case and surrounding spaces are ignored \('Clicked ' \/ 'clicked'\): .*str\.strip\(\)\.str\.lower\(\)\) and import it again/,
    );
    expect(lab.store.runs.list()).toEqual([]);
  });
});
