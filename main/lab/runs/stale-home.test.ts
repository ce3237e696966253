// A fresh database in a lab home that has folders from an earlier one: nothing of the earlier data is
// overwritten or deleted, and the user is told. Real store file and folders in a temp home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { labPaths } from '../home';
import { moveStaleRunFolder, warnAboutEarlierData } from './stale-home';

let home: string;
beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-stale-')); });
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('a lab home with data from an earlier database', () => {
  it('a 0-byte database beside run folders and dataset files: warned once, naming the folders', () => {
    const paths = labPaths(home);
    mkdirSync(join(paths.checkpoints, 'run-1'));
    writeFileSync(join(paths.checkpoints, 'run-1', 'best.ckpt'), 'old');
    writeFileSync(join(paths.datasets, 'abc123.csv'), 'a,b\n1,2\n');
    writeFileSync(paths.database, '');
    const store = openLabStore(paths.database);
    try {
      const said: string[] = [];
      const line = warnAboutEarlierData(store, paths, (l) => said.push(l));
      expect(line).toBe(`warning: this lab home has data from an earlier database: ${paths.checkpoints} (1 run folder), ${paths.datasets} (1 entry); ` +
        `the database ${paths.database} is new or empty. If the earlier database was moved aside or damaged, put it back before training; new runs move clashing run folders aside, they never overwrite them`);
      expect(warnAboutEarlierData(store, paths, (l) => said.push(l))).toBeNull();
      expect(said).toHaveLength(1);
    } finally {
      store.close();
    }
    // A database with runs of its own is not warned about.
    const other = mkdtempSync(join(tmpdir(), 'gatelab-stale-'));
    try {
      const p2 = labPaths(other);
      mkdirSync(join(p2.checkpoints, 'run-1'));
      const s2 = openLabStore(p2.database);
      s2.runs.create({ config: {}, seed: 1 } as Parameters<typeof s2.runs.create>[0]);
      expect(warnAboutEarlierData(s2, p2, () => {})).toBeNull();
      s2.close();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("a new run's folder left by another database is moved aside with its files, never deleted; an empty one stays", () => {
    const paths = labPaths(home);
    const folder = join(paths.checkpoints, 'run-1');
    mkdirSync(folder);
    expect(moveStaleRunFolder(folder, 1, () => {})).toBeNull();
    writeFileSync(join(folder, 'epoch-00000001-step-00000010.ckpt'), 'earlier run 1');
    const said: string[] = [];
    const aside = moveStaleRunFolder(folder, 1, (l) => said.push(l))!;
    expect(aside).toMatch(/run-1\.orphan-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(join(aside, 'epoch-00000001-step-00000010.ckpt'), 'utf8')).toBe('earlier run 1');
    expect(readdirSync(paths.checkpoints)).toEqual([aside.split('/').at(-1)]);
    expect(said).toEqual([`run 1: the folder ${folder} held files from an earlier database (not this run's); moved it to ${aside.split('/').at(-1)} beside it, nothing deleted`]);
  });
});

describe('finished imports no dataset row refers to', () => {
  /** A dataset folder as the registry leaves it: the lab's copy of the file and a cache with its meta.json. */
  function finishedImport(datasets: string, hash: string, rows: number, columns: string[] = [], fileName = 'data.csv'): string {
    const dir = join(datasets, hash);
    mkdirSync(join(dir, 'cache'), { recursive: true });
    writeFileSync(join(dir, 'cache', 'meta.json'), JSON.stringify({ rows, columns: columns.map((name) => ({ name })), source: { fileName } }));
    writeFileSync(join(dir, 'source.csv'), 'a\n1\n');
    return dir;
  }

  it('in a database with datasets of its own (one restored from an older copy): kept and named, with the command that adopts them', () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    try {
      store.runs.create({ config: {}, seed: 1 } as Parameters<typeof store.runs.create>[0]);
      const a = finishedImport(paths.datasets, 'aaa111', 1234, ['time', 'load', 'temp', 'hum', 'wind']);
      const b = finishedImport(paths.datasets, 'bbb222', 5);
      mkdirSync(join(paths.datasets, 'ccc333', 'cache'), { recursive: true }); // a half-import: the sweep's, not named
      const said: string[] = [];
      expect(warnAboutEarlierData(store, paths, (l) => said.push(l))).toBe(
        `warning: 2 imported datasets in ${paths.datasets} are in no dataset of the database ${paths.database}, kept (nothing is deleted): ` +
        `${join(a, 'source.csv')} (1,234 rows; columns time, load, temp, hum, …), ${join(b, 'source.csv')} (5 rows). If this database replaced the one they were imported with, put that one back; ` +
        `otherwise, to use one, import its file again, e.g. gatelab import ${join(a, 'source.csv')} (or delete the folder if you do not need it)`,
      );
      expect(said).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('a new database holding only the demos is judged empty: the earlier user dataset is warned about, demo folders are not', () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    try {
      finishedImport(paths.datasets, 'demohash', 10);
      // a demo of the earlier database this one has not installed (yet): the lab's, not the user's
      finishedImport(paths.datasets, 'olddemohash', 26_280, ['time'], 'demo-grid-load.csv');
      const user = finishedImport(paths.datasets, 'userhash', 7);
      store.db.prepare(`INSERT INTO datasets (name, source_hash, source_name, source_path, source_bytes, cache_dir, format, rows, import_options, validation, is_demo)
        VALUES ('Demo', 'demohash', 'demo.csv', 'datasets/demohash/source.csv', 4, 'datasets/demohash/cache', 'csv', 10, '{}', '{}', 1)`).run();
      const line = warnAboutEarlierData(store, paths, () => {});
      expect(line).toBe(`warning: this lab home has data from an earlier database: ${paths.datasets} (1 entry); the database ${paths.database} is new or empty. ` +
        'If the earlier database was moved aside or damaged, put it back before training; new runs move clashing run folders aside, they never overwrite them. ' +
        `The dataset imported with it is kept, nothing is deleted: ${join(user, 'source.csv')} (7 rows). To use it with this database, import its file again, e.g. gatelab import ${join(user, 'source.csv')}`);
    } finally {
      store.close();
    }
  });
});
