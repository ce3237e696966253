// The start-up sweep only tidies (leftovers of killed imports and retypes, copies kept for deleted runs):
// when it fails, the lab must still open, warn once on stderr saying what failed and that nothing was
// deleted, and keep the user's datasets. A real SQLite lab in a temp home; the failure is forced.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { DatasetRegistry, openLabDatasets } from './index';

let home: string;
beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-open-')); });
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

describe('opening the lab when the start-up sweep fails', () => {
  it('opens with its datasets, warns once per home naming the failure and that nothing was deleted', async () => {
    const first = await openLabDatasets(labPaths(home), { demos: false });
    const file = join(home, 'data.csv');
    writeFileSync(file, 'x,y\n1,2\n3,4\n5,6\n');
    const { dataset } = await first.registry.importDataset(file);
    first.store.runs.create({ datasetId: dataset.id, config: {} }); // the lab holds runs: the sweep runs (stale-home.ts)
    first.close();

    const sweep = vi.spyOn(DatasetRegistry.prototype, 'sweep').mockImplementation(() => {
      throw new Error("EACCES: permission denied, rmdir '/lab/datasets/abc/cache.trained-1'");
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 2; i++) {
      const lab = await openLabDatasets(labPaths(home), { demos: false });
      try {
        expect(lab.registry.list().map((d) => d.id)).toEqual([dataset.id]);
      } finally {
        lab.close();
      }
    }
    expect(sweep).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toContain(`could not finish tidying the lab home ${home} at start-up`);
    expect(line).toContain("EACCES: permission denied, rmdir '/lab/datasets/abc/cache.trained-1'");
    expect(line).toContain('Nothing was deleted because of this');
  });
});
