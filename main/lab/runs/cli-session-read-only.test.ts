// openCliRuns on a lab whose database failed its start-up check (open read-only) refuses with the notice,
// and closes the database it opened: a CLI verb that refuses must not keep the damaged file open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readdirSync, readlinkSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { openCliRuns } from './cli-session';

let home: string;
let database: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-cli-session-'));
  database = labPaths(home).database;
  const store = openLabStore(database);
  // filler rows make up the middle of the file, where the damage goes (the header stays intact: SQLite
  // opens it, GateLab's check fails and opens it read-only)
  store.db.exec('CREATE TABLE filler (x TEXT)');
  const add = store.db.prepare('INSERT INTO filler VALUES (?)');
  store.db.transaction(() => { for (let i = 0; i < 2_000; i++) add.run('f'.repeat(200)); })();
  store.close();
  const fd = openSync(database, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(statSync(database).size / 4096 / 2) * 4096);
  closeSync(fd);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** This process's open file descriptors on the lab database (Linux: /proc/self/fd). */
const openOnDatabase = () => readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`) === database; } catch { return false; } }).length;

describe('openCliRuns on a lab open read-only', () => {
  it.runIf(process.platform === 'linux')('refuses with the lab notice and leaves the database closed', () => {
    const before = openOnDatabase();
    let error: Error | undefined;
    try { openCliRuns(home); } catch (e) { error = e as Error; }
    expect(error?.name).toBe('LabUnavailable');
    expect(error?.message).toContain(`The lab database '${database}' failed its integrity check`);
    expect(openOnDatabase()).toBe(before);
  });

  it('leaves a store it was given open: the caller closes it', () => {
    const store = openLabStore(database);
    try {
      expect(store.readOnly).toBe(true);
      expect(() => openCliRuns(home, { store })).toThrow(/failed its integrity check/);
      expect(store.db.open).toBe(true);
    } finally {
      store.close();
    }
  });
});
