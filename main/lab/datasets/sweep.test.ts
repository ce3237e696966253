// The start-up sweep never deletes an imported dataset a database does not know: the audit's repro (import,
// move the damaged database aside as GateLab advises, start again) in a real temp lab home.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths, type LabPaths } from '../home';
import { openLabDatasets } from './index';
import { openDatasetCache } from '../import/index';
import { sweepAbandonedImports } from './sweep';

let home: string;
let files: string;
let said: string[];
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-sweep-'));
  files = mkdtempSync(join(tmpdir(), 'gatelab-sweep-files-'));
  said = [];
  vi.spyOn(console, 'warn').mockImplementation((line: unknown) => { said.push(String(line)); });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const CSV = 'x,y,label\n' + Array.from({ length: 40 }, (_, i) => `${i},${(i * 0.37).toFixed(2)},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';

/** Imports a small CSV the user has elsewhere; returns its folder in the lab home. */
async function importUserFile(paths: LabPaths, demos = false): Promise<{ dir: string; name: string }> {
  const file = join(files, 'measurements.csv');
  writeFileSync(file, CSV);
  const lab = await openLabDatasets(paths, { demos });
  try {
    const { dataset } = await lab.registry.importDataset(file);
    return { dir: join(paths.datasets, dataset.sourceHash), name: dataset.name };
  } finally {
    lab.close();
  }
}

/** Every folder older than the sweep's age limit, as after a day's pause. */
function ageEverything(paths: LabPaths): void {
  for (const name of readdirSync(paths.datasets)) utimesSync(join(paths.datasets, name), new Date(0), new Date(0));
}

/** What GateLab tells the user to do with a damaged database: move it (and its journal files) aside. */
function moveDatabaseAside(paths: LabPaths): string {
  const aside = `${paths.database}.damaged`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(paths.database + suffix)) renameSync(paths.database + suffix, aside + suffix);
  return aside;
}

describe('a finished import no database row refers to', () => {
  it('survives a start on a new database, is named with how to get it back, and works again once the old database is back', async () => {
    const paths = labPaths(home);
    const { dir, name } = await importUserFile(paths, true);
    ageEverything(paths);
    const aside = moveDatabaseAside(paths);
    said = [];

    const fresh = await openLabDatasets(paths);
    fresh.close();
    expect(readFileSync(join(dir, 'source.csv'), 'utf8')).toBe(CSV);
    expect(existsSync(join(dir, 'cache', 'meta.json'))).toBe(true);
    // one warning, judged on the user's data although the new database got the demos again
    expect(said).toEqual([
      `warning: this lab home has data from an earlier database: ${paths.datasets} (1 entry); the database ${paths.database} is new or empty. ` +
      'If the earlier database was moved aside or damaged, put it back before training; new runs move clashing run folders aside, they never overwrite them. ' +
      `The dataset imported with it is kept, nothing is deleted: ${join(dir, 'source.csv')} (40 rows; columns x, y, label). ` +
      `To use it with this database, import its file again, e.g. gatelab import ${join(dir, 'source.csv')}`,
    ]);

    // a second start on the new database (now holding only demos) still keeps it
    ageEverything(paths);
    (await openLabDatasets(paths, { demos: false })).close();
    expect(existsSync(join(dir, 'cache', 'meta.json'))).toBe(true);

    // the earlier database put back: its dataset trains as before
    rmSync(paths.database, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(paths.database + suffix, { force: true });
    renameSync(aside, paths.database);
    const restored = await openLabDatasets(paths, { demos: false });
    try {
      const d = restored.registry.resolve(name);
      expect(d.rows).toBe(40);
      // what training reads (the audit saw "cache/meta.json … ENOENT; re-import" here)
      expect(Array.from(openDatasetCache(d.cachePath).column('x').values)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    } finally {
      restored.close();
    }
  });

  it('the command the warning gives makes it a dataset of the new database, from the lab\'s own copy', async () => {
    const paths = labPaths(home);
    const { dir } = await importUserFile(paths);
    rmSync(join(files, 'measurements.csv')); // e.g. uploaded from a browser: the lab's copy is the only one
    ageEverything(paths);
    moveDatabaseAside(paths);
    const lab = await openLabDatasets(paths, { demos: false });
    try {
      const { dataset, created } = await lab.registry.importDataset(join(dir, 'source.csv'), { name: 'measurements' });
      expect(created).toBe(true);
      expect(join(paths.datasets, dataset.sourceHash)).toBe(dir);
      expect(readFileSync(join(dir, 'source.csv'), 'utf8')).toBe(CSV);
      expect(dataset.rows).toBe(40);
    } finally {
      lab.close();
    }
  });
});

describe('the start-up sweep', () => {
  it('removes an old half-import, keeps an old finished one and any folder a row owns', () => {
    const datasets = labPaths(home).datasets;
    const half = join(datasets, 'halfhash');
    const finished = join(datasets, 'finishedhash');
    const cacheOnly = join(datasets, 'cacheonlyhash'); // killed between the cache's rename and the source copy
    const owned = join(datasets, 'ownedhash');
    mkdirSync(join(half, 'cache'), { recursive: true });
    for (const d of [finished, cacheOnly]) mkdirSync(join(d, 'cache'), { recursive: true });
    writeFileSync(join(finished, 'cache', 'meta.json'), '{"rows":3}');
    writeFileSync(join(finished, 'source.csv'), 'a\n1\n2\n3\n');
    writeFileSync(join(cacheOnly, 'cache', 'meta.json'), '{"rows":3}');
    mkdirSync(owned);
    for (const d of [half, finished, cacheOnly, owned]) utimesSync(d, new Date(0), new Date(0));
    expect(sweepAbandonedImports(datasets, (hash) => hash === 'ownedhash')).toEqual([half]);
    for (const d of [finished, cacheOnly, owned]) expect(existsSync(d)).toBe(true);
    expect(readFileSync(join(finished, 'source.csv'), 'utf8')).toBe('a\n1\n2\n3\n');
  });

  it('sweeps nothing in the first start of a new database in a used home, and sweeps half-imports again after', async () => {
    const paths = labPaths(home);
    await importUserFile(paths);
    const half = join(paths.datasets, 'halfhash');
    mkdirSync(join(half, 'cache'), { recursive: true });
    ageEverything(paths);
    moveDatabaseAside(paths);
    (await openLabDatasets(paths, { demos: false })).close();
    expect(existsSync(half)).toBe(true);
    expect(said).toHaveLength(1);
    // the user imports into the new database: later starts judge folders by it and clean the half-import
    const other = join(files, 'other.csv');
    writeFileSync(other, 'p,q\n1,2\n3,4\n');
    const lab = await openLabDatasets(paths, { demos: false });
    await lab.registry.importDataset(other);
    lab.close();
    utimesSync(half, new Date(0), new Date(0));
    (await openLabDatasets(paths, { demos: false })).close();
    expect(existsSync(half)).toBe(false);
  });
});
