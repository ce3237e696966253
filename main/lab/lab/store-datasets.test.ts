// The app's dataset actions (serve and Electron reach them through the Lab) tell a lab that cannot write from
// a request it refused: a lab database open read-only after its start-up check failed is 'not-available'
// with the words that say what to do, never 'invalid-payload' (the user's request was fine). A real lab home
// whose database has one damaged page, as store/database.test.ts makes it; the file is left as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { LabError } from '../../../common/lab-api';
import { openLabStore } from './store-datasets';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

describe('dataset actions on a lab database open read-only', () => {
  it("rename answers 'not-available' with the lab's notice; listing still works; the file is unchanged", async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-store-datasets-'));
    homes.push(home);
    const file = join(home, 'small.csv');
    writeFileSync(file, 'x,y\n1,1.5\n2,2.5\n3,3.5\n');
    const setup = await openLabDatasets(labPaths(home), { demos: false });
    const id = (await setup.registry.importDataset(file)).dataset.id;
    // rows enough that the middle page of the file is theirs, not the schema's or the dataset's
    setup.store.metrics.append(setup.store.runs.create({ config: {} }), Array.from({ length: 20_000 }, (_, i) => ({ step: i, name: 'loss', value: 1 / (i + 1) })));
    setup.close();
    const database = labPaths(home).database;
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(statSync(database).size / 4096 / 2) * 4096);
    closeSync(fd);
    const before = readFileSync(database);

    const { datasets, notice } = await openLabStore(labPaths(home));
    try {
      expect(notice).toContain('failed its integrity check');
      expect((await datasets.list()).map((d) => d.id)).toEqual([String(id)]);
      const failed = (action: () => unknown): LabError => {
        try { action(); } catch (e) { return e as LabError; }
        throw new Error('the action did not fail');
      };
      const rename = failed(() => datasets.rename!(String(id), 'renamed'));
      expect(rename).toBeInstanceOf(LabError);
      expect([rename.code, rename.message]).toEqual(['not-available', `Cannot rename: ${notice}`]);
    } finally {
      datasets.close();
    }
    expect(readFileSync(database).equals(before)).toBe(true);
  });
});
