// Schema migrations as data (ARCHITECTURE §1, STYLE 6): `migrations/NNNN_name.sql`, append-only.
// The file name is the version; all pending files run in ONE transaction and the version lands in
// PRAGMA user_version, so an upgrade either completes or leaves the user on the old schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads and checks the migration files: names NNNN_name.sql, versions 1..N with no gap or duplicate. */
export function loadMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = FILE_RE.exec(file);
    if (!m) throw new Error(`Migration file '${join(dir, file)}' must be named NNNN_lowercase_name.sql`);
    out.push({ version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  out.forEach((mig, i) => {
    if (mig.version !== i + 1) {
      throw new Error(
        `Migrations in ${dir} are not contiguous: expected version ${String(i + 1).padStart(4, '0')}, ` +
          `found ${String(mig.version).padStart(4, '0')}_${mig.name}.sql`,
      );
    }
  });
  return out;
}

export class NewerDatabaseError extends Error {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(
      `The lab database '${path}' was written by a newer GateLab (schema version ${found}; this GateLab knows ` +
        `up to version ${known}). It was left untouched. Update GateLab, or open another lab home with --home DIR.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` to the newest schema. Returns the versions applied (empty when already current).
 * Refuses a database newer than the migrations we know, without writing to it.
 */
export function migrate(db: Database.Database, migrations: Migration[], path = db.name): number[] {
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) throw new NewerDatabaseError(path, current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (e) {
        throw new Error(`Migration ${String(m.version).padStart(4, '0')}_${m.name}.sql failed: ${(e as Error).message}`);
      }
    }
    // user_version lives in the database header page, so it commits (or rolls back) with the DDL above.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return pending.map((m) => m.version);
}
