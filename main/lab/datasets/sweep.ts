// Leftovers of imports that were killed mid-way (power loss, kill -9): staging directories and
// half-copied source files. They are never referenced by a dataset row (rows are inserted last),
// so removing them is safe once the process that wrote them is gone.
// A FINISHED import (its cache's meta.json or its source file is in place) is never removed, even when no
// row refers to it: the database may have been moved aside, damaged or restored from an older copy, and in
// serve mode the lab's copy of an uploaded file may be the only one. Those folders are kept and named at
// start-up (runs/stale-home.ts), with how to import them again.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive as processAlive } from '../process-alive';
import { isDeletionAside } from './deletion-aside';

/** This process counts as alive even if signalling itself were refused. */
const isAlive = (pid: number): boolean => pid === process.pid || processAlive(pid);

const LEFTOVER = /\.(?:importing|copying)-(\d+)-[0-9a-f]+$/;
/** The lab's copy of the imported file, as the registry names it: `source` plus the file's extension. */
const SOURCE = /^source(?:\.[A-Za-z0-9]+)?$/;

/** A dataset folder holding a finished import that no dataset row refers to. */
export interface UnclaimedImport {
  /** `<home>/datasets/<hash>` */
  dir: string;
  /** The lab's copy of the imported file (import it again to get the dataset back), or null if it never got copied. */
  source: string | null;
  /** Rows in its cache (from cache/meta.json), or null when unreadable. */
  rows: number | null;
  /** Its column names (from cache/meta.json; empty when unreadable), so the user can tell which file it was. */
  columns: string[];
  /** The name of the file it was imported from (cache/meta.json), or null when unreadable. */
  fileName: string | null;
}

const entries = (dir: string): string[] => {
  try { return readdirSync(dir); } catch { return []; }
};

const isDirectory = (p: string): boolean => {
  try { return statSync(p).isDirectory(); } catch { return false; }
};

/** The source file in a dataset folder, if its copy finished (a copy in progress has a temp name). */
function sourceFileIn(dir: string): string | null {
  const name = entries(dir).find((n) => SOURCE.test(n));
  return name ? join(dir, name) : null;
}

/**
 * Whether the folder holds the result of an import that got past its parse: the cache was renamed into
 * place (it has meta.json) or the source was copied beside it. Only a folder holding neither is a half-import.
 */
function holdsFinishedImport(dir: string): boolean {
  return existsSync(join(dir, 'cache', 'meta.json')) || sourceFileIn(dir) !== null;
}

/** Whether a process that is still running is writing into the folder (an import in flight). */
function importInFlight(dir: string): boolean {
  return entries(dir).some((name) => {
    const m = LEFTOVER.exec(name);
    return m !== null && isAlive(Number(m[1]));
  });
}

/** Rows, column names and the imported file's name from the cache's meta.json; what is unreadable is left out. */
function cacheSummary(dir: string): { rows: number | null; columns: string[]; fileName: string | null } {
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'cache', 'meta.json'), 'utf8')) as { rows?: unknown; columns?: unknown; source?: { fileName?: unknown } };
    const columns = Array.isArray(meta.columns) ? meta.columns.map((c: { name?: unknown }) => c?.name).filter((n): n is string => typeof n === 'string') : [];
    const fileName = typeof meta.source?.fileName === 'string' ? meta.source.fileName : null;
    return { rows: typeof meta.rows === 'number' ? meta.rows : null, columns, fileName };
  } catch {
    return { rows: null, columns: [], fileName: null };
  }
}

/**
 * Dataset folders holding a finished import that `isReferenced(hash)` says no dataset row owns, oldest
 * name first. Folders another running process is importing into are left out (their row comes next).
 */
export function unclaimedImports(datasetsDir: string, isReferenced: (hash: string) => boolean): UnclaimedImport[] {
  return entries(datasetsDir)
    .sort()
    .map((hash) => ({ hash, dir: join(datasetsDir, hash) }))
    .filter(({ hash, dir }) => isDirectory(dir) && !isReferenced(hash) && holdsFinishedImport(dir) && !importInFlight(dir))
    .map(({ dir }) => ({ dir, source: sourceFileIn(dir), ...cacheSummary(dir) }));
}

/**
 * Removes leftovers under `<home>/datasets/<hash>/` written by processes that no longer run, and hash
 * directories of imports that died before finishing (no cache/meta.json, no source file) that no dataset row
 * points to. `isReferenced(hash)` says whether a dataset row owns the directory. A finished import is kept
 * whether or not a row owns it. Returns the paths removed.
 */
export function sweepAbandonedImports(datasetsDir: string, isReferenced: (hash: string) => boolean, minAgeMs = 10 * 60_000): string[] {
  const removed: string[] = [];
  for (const hash of entries(datasetsDir)) {
    const dir = join(datasetsDir, hash);
    if (!isDirectory(dir)) continue;
    let busy = false;
    for (const name of entries(dir)) {
      const m = LEFTOVER.exec(name);
      if (!m) continue;
      if (isAlive(Number(m[1]))) { busy = true; continue; }
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
    // An import that died mid-parse leaves a hash directory with nothing usable in it: it can go unless an
    // import may be running now (another process between creating the directory and staging into it:
    // hence the age). A finished one stays: no row referring to it does not mean nobody needs it.
    if (!busy && !isReferenced(hash) && !holdsFinishedImport(dir) && Date.now() - statSync(dir).mtimeMs > minAgeMs) {
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}

/** Scratch folders under `<home>/tmp` (demo generation, split files) older than `minAgeMs`: a killed process left them. */
export function sweepScratch(tmpDir: string, minAgeMs = 60 * 60_000): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(tmpDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (isDeletionAside(name)) continue; // a dataset on its way out or back: settled by deletion-aside.ts only
    const p = join(tmpDir, name);
    if (Date.now() - statSync(p).mtimeMs > minAgeMs) {
      rmSync(p, { recursive: true, force: true });
      removed.push(p);
    }
  }
  return removed;
}
