// Opening the lab database: WAL, foreign keys, busy timeout, a start-up integrity check with a
// read-only recovery path, then the migrations. One connection in the main process (ARCHITECTURE §6).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { loadMigrations, migrate, NewerDatabaseError, schemaVersion, type Migration } from './migrations';
import { LabUnavailable } from '../runs/refusal';

export interface OpenOptions {
  /** Defaults to the repository's migrations/ folder. */
  migrations?: Migration[];
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** True when the database could not be trusted for writing; `notice` says why and what to do. */
  readOnly: boolean;
  notice?: string;
  /** Migration versions applied while opening. */
  migrated: number[];
}

/** Runs PRAGMA quick_check; returns null when healthy, else the problems SQLite reported. */
export function quickCheck(db: Database.Database): string | null {
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length ? problems.slice(0, 5).join('; ') : null;
  } catch (e) {
    return (e as Error).message;
  }
}

function configure(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? loadMigrations();
  const busy = options.busyTimeoutMs ?? 5000;
  const existed = existsSync(path);
  let db: Database.Database | undefined;
  let problem: string | null = null;
  try {
    db = new Database(path);
    configure(db, busy);
    problem = existed ? quickCheck(db) : null;
  } catch (e) {
    problem = (e as Error).message;
  }
  if (problem !== null) {
    db?.close();
    return openForRecovery(path, problem, migrations, busy);
  }
  db = db!;
  try {
    // Refuse a newer schema before anything (even the journal mode) writes to the file.
    const version = schemaVersion(db);
    if (version > migrations.length) throw new NewerDatabaseError(path, version, migrations.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // WAL + NORMAL: durable across app crashes, one fsync per checkpoint
    const migrated = migrate(db, migrations, path);
    return { db, readOnly: false, migrated };
  } catch (e) {
    db.close();
    throw e;
  }
}

// The file failed its check: keep it exactly as it is, open it read-only so the user can still see
// (and export) what is readable, and say what to do. Never repair or recreate it behind their back.
function openForRecovery(path: string, problem: string, migrations: Migration[], busy: number): OpenedDatabase {
  const advice =
    `GateLab kept the file unchanged and opened it read-only: you can browse what is readable, but not import or train. ` +
    `To start fresh, quit GateLab and move '${path}' aside (keep it as a backup), or open another lab home with --home DIR.`;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${busy}`);
    db.pragma('user_version'); // forces SQLite to read the header: fails here if the file is not a database at all
  } catch (e) {
    // the check and the read-only open usually fail in the same words ("file is not a database"): say them once
    const said = [...new Set([problem, (e as Error).message])].join('; ');
    throw new LabUnavailable(`The lab database '${path}' is damaged and cannot be opened (${said}). ${advice.replace(/^GateLab kept.*?train\. /, 'GateLab kept the file unchanged. ')}`);
  }
  const version = schemaVersion(db);
  const stale = version < migrations.length ? ` Its schema (version ${version}) is older than this GateLab's (${migrations.length}); some views may be empty.` : '';
  return {
    db,
    readOnly: true,
    notice: `The lab database '${path}' failed its integrity check (${problem}). ${advice}${stale}`,
    migrated: [],
  };
}
