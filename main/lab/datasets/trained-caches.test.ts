// A start-up sweep lists the datasets, then prunes the copies of old caches kept for finished runs. When
// another process retypes a dataset in between, its new copy (made for a finished run) must survive the
// prune that was working from the list taken before: the run's export and Try it read that copy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { retypeDataset } from './retype';
import { cacheForRun, pruneTrainedCaches } from './trained-caches';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-kept-caches-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const kept = (cachePath: string) => readdirSync(dirname(cachePath)).filter((n) => n.startsWith('cache.trained-'));

describe('pruning kept caches', () => {
  it('keeps a copy made by a retype after the datasets were listed, and removes it once its run is deleted', async () => {
    const file = join(home, 'shop.csv');
    writeFileSync(file, `size,colour,label\n${Array.from({ length: 30 }, (_, i) => `${1 + (i % 5)},${['red', 'blue'][i % 2]},${i % 3 === 0 ? 1 : 0}`).join('\n')}\n`);
    const { dataset } = await lab.registry.importDataset(file, { roles: { label: 'target' } });
    const run = lab.store.runs.create({ datasetId: dataset.id, config: { data: { columns: dataset.columns.map((c) => ({ name: c.name, type: c.type, role: c.role })) } } });
    lab.store.runs.setStatus(run, 'completed');

    const listed = lab.registry.list(); // the sweep's list: 'size' is still int here
    // another process retypes 'size': the old cache is kept for the finished run
    await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
    expect(kept(dataset.cachePath)).toHaveLength(1);
    const copy = join(dirname(dataset.cachePath), kept(dataset.cachePath)[0]);

    expect(listed.flatMap((d) => pruneTrainedCaches(lab.store, d))).toEqual([]);
    expect(existsSync(copy)).toBe(true);
    expect(cacheForRun(lab.registry.get(dataset.id)!, lab.store.runs.get(run)!)).toBe(copy);
    expect(lab.registry.sweep().filter((p) => p.includes('cache.trained-'))).toEqual([]);

    lab.store.runs.delete(run);
    expect(pruneTrainedCaches(lab.store, listed[0])).toEqual([copy]);
    expect(existsSync(copy)).toBe(false);
  });
});
