// Leftovers of imports that were killed mid-way (power loss, kill -9): staging directories and
// half-copied source files. They are never referenced by a dataset row (rows are inserted last),
// so removing them is safe once the process that wrote them is gone.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive as processAlive } from '../process-alive';

/** This process counts as alive even if signalling itself were refused. */
const isAlive = (pid: number): boolean => pid === process.pid || processAlive(pid);

const LEFTOVER = /\.(?:importing|copying)-(\d+)-[0-9a-f]+$/;

/**
 * Removes leftovers under `<home>/datasets/<hash>/` written by processes that no longer run, and
 * hash directories that hold nothing a dataset row points to. `isReferenced(hash)` says whether a
 * dataset row owns the directory. Returns the paths removed.
 */
export function sweepAbandonedImports(datasetsDir: string, isReferenced: (hash: string) => boolean, minAgeMs = 10 * 60_000): string[] {
  const removed: string[] = [];
  let hashes: string[];
  try {
    hashes = readdirSync(datasetsDir);
  } catch {
    return removed;
  }
  for (const hash of hashes) {
    const dir = join(datasetsDir, hash);
    if (!statSync(dir).isDirectory()) continue;
    let busy = false;
    for (const name of readdirSync(dir)) {
      const m = LEFTOVER.exec(name);
      if (!m) continue;
      if (isAlive(Number(m[1]))) { busy = true; continue; }
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
    // A finished import whose row never got inserted (killed between rename and insert): the next
    // import of the same file redoes it, so the directory can go unless an import may be running
    // now (another process between creating the directory and inserting its row: hence the age).
    if (!busy && !isReferenced(hash) && Date.now() - statSync(dir).mtimeMs > minAgeMs) {
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
    const p = join(tmpDir, name);
    if (Date.now() - statSync(p).mtimeMs > minAgeMs) {
      rmSync(p, { recursive: true, force: true });
      removed.push(p);
    }
  }
  return removed;
}
