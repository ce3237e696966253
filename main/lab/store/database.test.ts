import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, openSync, writeSync, closeSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase, quickCheck } from './database';
import { openLabStore } from './index';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-db-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the lab database', () => {
  it('creates a new database in WAL mode with foreign keys on and the newest schema', () => {
    const { db, readOnly, migrated } = openDatabase(join(dir, 'lab.sqlite'));
    expect(readOnly).toBe(false);
    expect(migrated[0]).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // foreign keys really are enforced
    expect(() => db.prepare(`INSERT INTO run_metrics (run_id, name, step, value) VALUES (42, 'loss', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('re-opening applies nothing and keeps the data', () => {
    const path = join(dir, 'lab.sqlite');
    const a = openLabStore(path);
    a.settings.set('threads', 2);
    a.close();
    const b = openLabStore(path);
    expect(b.settings.get('threads', 0)).toBe(2);
    b.close();
    const { db, migrated } = openDatabase(path);
    expect(migrated).toEqual([]);
    db.close();
  });

  it('a database that fails quick_check is kept byte-for-byte, opened read-only, and the user is told what to do', () => {
    const path = join(dir, 'lab.sqlite');
    const store = openLabStore(path);
    const run = store.runs.create({ config: { template: 'mlp' } });
    store.metrics.append(run, Array.from({ length: 20_000 }, (_, i) => ({ step: i, name: 'loss', value: 1 / (i + 1) })));
    store.close();
    // Damage one b-tree page in the middle of the file (header intact, so SQLite still recognises it).
    const pageSize = 4096;
    const pages = statSync(path).size / pageSize;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const damaged = readFileSync(path);

    const opened = openLabStore(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.notice).toMatch(/failed its integrity check/);
    expect(opened.notice).toMatch(/read-only/);
    expect(opened.notice).toContain(path);
    expect(opened.notice).toMatch(/move .* aside|--home DIR/);
    // readable parts still read; writes are refused by SQLite itself
    expect(opened.runs.get(run)?.config).toEqual({ template: 'mlp' });
    expect(() => opened.settings.set('x', 1)).toThrow(/readonly/);
    opened.close();
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('a file that is not a database at all fails with the path and the way out', () => {
    const path = join(dir, 'lab.sqlite');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    expect(() => openLabStore(path)).toThrow(/lab\.sqlite' is damaged and cannot be opened .*--home DIR/);
    expect(readFileSync(path).equals(Buffer.alloc(8192, 0x41))).toBe(true);
  });

  it("a damaged header: SQLite's words said once, not once per attempt to open it", () => {
    const path = join(dir, 'lab.sqlite');
    openLabStore(path).close();
    // the header's page count (offset 28) says more pages than the file has: "database disk image is malformed"
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4, 0xff), 0, 4, 28);
    closeSync(fd);
    expect(() => openLabStore(path)).toThrow(`The lab database '${path}' is damaged and cannot be opened (database disk image is malformed). GateLab kept the file unchanged. To start fresh`);
  });

  it('quickCheck reports ok databases as healthy', () => {
    const db = new Database(join(dir, 'ok.sqlite'));
    db.exec('CREATE TABLE t (x)');
    expect(quickCheck(db)).toBeNull();
    db.close();
  });
});
