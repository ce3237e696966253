// Split actions on a lab whose database failed its start-up check (open read-only): creating or deleting a
// split says the lab cannot write and what to do (the lab's notice), before any work, never SQLite's raw
// 'attempt to write a readonly database'; the app hears 'not-available' (the request was fine, the lab is
// not). A real lab home with one damaged page, as store-datasets.test.ts makes it; the file stays as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { createPipeline, createSplit, openLabDatasets } from '../datasets/index';
import { LabError } from '../../../common/lab-api';
import { LabSplits } from './splits';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

async function damagedLab(): Promise<{ home: string; datasetId: number; splitId: number }> {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-splits-read-only-'));
  homes.push(home);
  const file = join(home, 'small.csv');
  writeFileSync(file, ['x,y,label', ...Array.from({ length: 40 }, (_, i) => `${i},${i * 0.5},${i % 2}`)].join('\n'));
  const setup = await openLabDatasets(labPaths(home), { demos: false });
  const datasetId = (await setup.registry.importDataset(file)).dataset.id;
  const splitId = (await createSplit(setup.registry, datasetId, 'random', { kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 1 })).id;
  // rows enough that the middle page of the file is theirs, not the schema's, the dataset's or the split's
  setup.store.metrics.append(setup.store.runs.create({ config: {} }), Array.from({ length: 20_000 }, (_, i) => ({ step: i, name: 'loss', value: 1 / (i + 1) })));
  setup.close();
  const database = labPaths(home).database;
  const fd = openSync(database, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(statSync(database).size / 4096 / 2) * 4096);
  closeSync(fd);
  return { home, datasetId, splitId };
}

async function rejection(action: () => unknown): Promise<Error> {
  try { await action(); } catch (e) { return e as Error; }
  throw new Error('the action did not fail');
}

describe('split actions on a lab database open read-only', () => {
  it("create and delete answer 'not-available' with the lab's notice; the split and the file stay", async () => {
    const { home, datasetId, splitId } = await damagedLab();
    const database = labPaths(home).database;
    const before = readFileSync(database);
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    try {
      expect(lab.notice).toContain('failed its integrity check');
      const splits = new LabSplits(lab.store, labPaths(home));
      const created = await rejection(() => splits.create(String(datasetId), undefined, { kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 2 }));
      expect(created).toBeInstanceOf(LabError);
      expect([(created as LabError).code, created.message]).toEqual(['not-available', `Cannot create a split: ${lab.notice}`]);
      const deleted = await rejection(() => splits.delete(String(datasetId), String(splitId)));
      expect([(deleted as LabError).code, deleted.message]).toEqual(['not-available', `Cannot delete a split: ${lab.notice}`]);
      // the CLI's path (createSplit, createPipeline) in the same words
      expect((await rejection(() => createSplit(lab.registry, datasetId, 'other', { kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }))).message).toBe(`Cannot create a split: ${lab.notice}`);
      expect((await rejection(() => createPipeline(lab.registry, splitId, 'scaled', { steps: [] }))).message).toBe(`Cannot create a pipeline: ${lab.notice}`);
      expect(splits.list(String(datasetId)).map((s) => s.name)).toEqual(['random']);
    } finally {
      lab.close();
    }
    expect(readFileSync(database).equals(before)).toBe(true);
  });
});
