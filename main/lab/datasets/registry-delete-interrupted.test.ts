// Deleting a dataset moves its folder out of datasets/ before the row goes, so a kill in between never leaves
// a finished import no row refers to (which the start-up warning would ask the user to import again at every
// start). A kill is simulated by leaving the disk and the store as the killed process would, under a pid
// that no longer runs; the next start settles it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths, type LabPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { openDatasetCache } from '../import/index';
import { deletionAsidePath } from './deletion-aside';

let home: string;
let paths: LabPaths;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-delete-'));
  paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
});
afterEach(() => {
  lab.close();
  vi.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

async function imported(): Promise<{ id: number; hash: string }> {
  const file = join(home, 'shop.csv');
  writeFileSync(file, ['units,price', ...Array.from({ length: 30 }, (_, i) => `${i},${(i * 1.5).toFixed(1)}`)].join('\n'));
  const { dataset } = await lab.registry.importDataset(file);
  return { id: dataset.id, hash: dataset.sourceHash };
}

/** A pid no process has now: a child that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

/** Closes the lab and opens it again (a new start), returning what it warned. */
async function restart(): Promise<string[]> {
  lab.close();
  const warned: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => { warned.push(line); });
  lab = await openLabDatasets(paths, { demos: false });
  return warned;
}

const tmpEntries = () => (existsSync(join(home, 'tmp')) ? readdirSync(join(home, 'tmp')) : []);

describe('deleting a dataset', () => {
  it('moves the folder out of datasets/ before the row goes, then removes it', async () => {
    const { id, hash } = await imported();
    const deleteRow = lab.store.datasets.delete.bind(lab.store.datasets);
    const seenAtRowDelete: Array<{ inDatasets: boolean; aside: string[] }> = [];
    lab.store.datasets.delete = (n: number) => {
      seenAtRowDelete.push({ inDatasets: existsSync(join(paths.datasets, hash)), aside: tmpEntries() });
      return deleteRow(n);
    };
    lab.registry.delete(id);
    expect(seenAtRowDelete).toEqual([{ inDatasets: false, aside: [expect.stringMatching(new RegExp(`^deleted-dataset-${hash}-${process.pid}-[0-9a-f]+$`))] }]);
    expect(lab.registry.get(id)).toBeUndefined();
    expect(existsSync(join(paths.datasets, hash))).toBe(false);
    expect(tmpEntries()).toEqual([]);
  });

  it('a row that cannot be removed puts the folder back: the dataset stays whole', async () => {
    const { id, hash } = await imported();
    lab.store.datasets.delete = () => { throw new Error('database is locked'); };
    expect(() => lab.registry.delete(id)).toThrow('database is locked');
    const d = lab.registry.get(id)!;
    expect(openDatasetCache(d.cachePath).column('units').values.length).toBe(30);
    expect(existsSync(join(paths.datasets, hash))).toBe(true);
    expect(tmpEntries()).toEqual([]);
  });

  it('killed after the row went, before the folder was removed: the next start removes it and warns of nothing', async () => {
    const { id, hash } = await imported();
    const aside = deletionAsidePath(paths, hash, deadPid());
    mkdirSync(join(home, 'tmp'), { recursive: true });
    renameSync(join(paths.datasets, hash), aside);
    lab.store.datasets.delete(id);
    const warned = await restart();
    expect(warned).toEqual([]);
    expect(existsSync(aside)).toBe(false);
    expect(readdirSync(paths.datasets)).toEqual([]);
    expect(lab.registry.list()).toEqual([]);
  });

  it('killed after the folder moved, before the row went: the next start puts it back, the dataset readable', async () => {
    const { id, hash } = await imported();
    const aside = deletionAsidePath(paths, hash, deadPid());
    mkdirSync(join(home, 'tmp'), { recursive: true });
    renameSync(join(paths.datasets, hash), aside);
    const warned = await restart();
    expect(warned).toEqual([]);
    expect(existsSync(aside)).toBe(false);
    const d = lab.registry.get(id)!;
    expect(Array.from(openDatasetCache(d.cachePath).column('units').values.slice(0, 3))).toEqual([0, 1, 2]);
  });

  it('a folder another live lab is still deleting is left to it, however old the folder (the scratch sweep skips it)', async () => {
    const { id, hash } = await imported();
    const aside = deletionAsidePath(paths, hash, process.ppid); // another process that runs
    mkdirSync(join(home, 'tmp'), { recursive: true });
    renameSync(join(paths.datasets, hash), aside);
    // a rename keeps the folder's mtime: an import made hours ago is "old scratch" by age
    const hoursAgo = new Date(Date.now() - 3 * 3600_000);
    utimesSync(aside, hoursAgo, hoursAgo);
    await restart();
    expect(existsSync(aside)).toBe(true);
    expect(lab.registry.get(id)).toBeDefined(); // its row is still there: nothing of the dataset was removed
  });

  it('a lab restarted under the pid of the one killed mid-delete (pid 1 in a container) settles its folder', async () => {
    const { id, hash } = await imported();
    const aside = deletionAsidePath(paths, hash); // this process's pid, as the killed lab's was
    mkdirSync(join(home, 'tmp'), { recursive: true });
    renameSync(join(paths.datasets, hash), aside);
    const hoursAgo = new Date(Date.now() - 3 * 3600_000);
    utimesSync(aside, hoursAgo, hoursAgo);
    await restart();
    expect(existsSync(aside)).toBe(false);
    const d = lab.registry.get(id)!; // the row stayed: the folder is back and reads
    expect(Array.from(openDatasetCache(d.cachePath).column('units').values.slice(0, 3))).toEqual([0, 1, 2]);
  });
});
