import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_MIGRATIONS_DIR, loadMigrations, migrate, schemaVersion, NewerDatabaseError } from './migrations';
import { openDatabase } from './database';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-migrations-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The version after the newest real migration, as a file-name prefix (tests add files after it). */
const NEXT = loadMigrations().length + 1;
const pad = (v: number) => String(v).padStart(4, '0');

/** A migrations folder holding the real 0001 plus the given extra files. */
function migrationsDir(extra: Record<string, string>): string {
  const m = join(dir, 'migrations');
  rmSync(m, { recursive: true, force: true });
  mkdirSync(m);
  for (const f of readdirSync(DEFAULT_MIGRATIONS_DIR)) writeFileSync(join(m, f), readFileSync(join(DEFAULT_MIGRATIONS_DIR, f)));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(m, name), sql);
  return m;
}

describe('migration files', () => {
  it('are numbered contiguously from 0001 and named NNNN_name.sql', () => {
    const files = readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+\\.sql$`)));
    expect(loadMigrations().map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('a gap in the numbering is refused with the missing version named', () => {
    const m = migrationsDir({ [`${pad(NEXT + 1)}_skipped.sql`]: 'SELECT 1;' });
    expect(() => loadMigrations(m)).toThrow(new RegExp(`expected version ${pad(NEXT)}, found ${pad(NEXT + 1)}_skipped\\.sql`));
  });

  it('0001 creates every table of the design', () => {
    const db = new Database(join(dir, 'a.sqlite'));
    migrate(db, loadMigrations());
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining([
      'settings', 'datasets', 'dataset_columns', 'splits', 'pipelines', 'models', 'runs', 'run_metrics', 'run_gate_stats', 'checkpoints', 'exports',
    ]));
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    db.close();
  });
});

describe('upgrading an old database', () => {
  // The fixture: a version-1 lab built by this GateLab's own code, holding a dataset, a run and metrics.
  function v1Fixture(path: string): void {
    const db = new Database(path);
    migrate(db, loadMigrations().slice(0, 1));
    db.prepare(`INSERT INTO datasets (name, source_hash, source_name, source_path, source_bytes, cache_dir, format, rows)
                VALUES ('old', 'abc', 'old.csv', 'datasets/abc/source.csv', 10, 'datasets/abc/cache', 'csv', 3)`).run();
    db.prepare(`INSERT INTO runs (config, status) VALUES ('{"lr":0.1}', 'completed')`).run();
    db.prepare(`INSERT INTO run_metrics (run_id, name, step, value) VALUES (1, 'loss', 1, 0.5), (1, 'loss', 2, 0.25)`).run();
    db.close();
  }

  it('keeps every row and lands on the newest version', () => {
    const path = join(dir, 'lab.sqlite');
    v1Fixture(path);
    const m = migrationsDir({ [`${pad(NEXT)}_dataset_tags.sql`]: `ALTER TABLE datasets ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';` });
    const { db, migrated } = openDatabase(path, { migrations: loadMigrations(m) });
    expect(migrated).toEqual(Array.from({ length: NEXT - 1 }, (_, i) => i + 2));
    expect(schemaVersion(db)).toBe(NEXT);
    expect(db.prepare('SELECT count(*) AS n FROM analytics_jobs').get()).toEqual({ n: 0 }); // 0002 ran on the old rows
    expect(db.prepare('SELECT name, rows, tags FROM datasets').all()).toEqual([{ name: 'old', rows: 3, tags: '[]' }]);
    expect(db.prepare('SELECT step, value FROM run_metrics ORDER BY step').all()).toEqual([{ step: 1, value: 0.5 }, { step: 2, value: 0.25 }]);
    db.close();
  });

  it('a failing migration rolls back all pending ones: the user stays on the old version with the old rows', () => {
    const path = join(dir, 'lab.sqlite');
    v1Fixture(path);
    const m = migrationsDir({
      [`${pad(NEXT)}_ok.sql`]: 'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
      [`${pad(NEXT + 1)}_broken.sql`]: 'ALTER TABLE no_such_table ADD COLUMN x;',
    });
    expect(() => openDatabase(path, { migrations: loadMigrations(m) })).toThrow(new RegExp(`${pad(NEXT + 1)}_broken\\.sql failed: .*no_such_table`));
    const db = new Database(path);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'notes'`).get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM run_metrics').get()).toEqual({ n: 2 });
    db.close();
  });

  it('a database from a newer GateLab is refused with a clear message and left untouched', () => {
    const path = join(dir, 'lab.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(path);
    let error: unknown;
    try { openDatabase(path); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toMatch(/written by a newer GateLab \(schema version 99; this GateLab knows up to version \d+\).*--home DIR/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
