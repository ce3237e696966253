// Deleting a dataset touches the store and the disk, and a kill can come between the two. Were the row
// removed first, a kill before the folder went would leave a finished import no row refers to, which the
// start-up warning (runs/stale-home.ts) names as data to import again, at every start. So the folder leaves
// `datasets/` first, in one rename, to `<home>/tmp/deleted-dataset-<hash>-<pid>-<hex>`: out of what the warning
// reads, and a name that says the folder is on its way out. Then the row goes, then the folder.
// A kill leaves one of two states, settled at the next start (settleInterruptedDeletions):
//   the row is still there: the delete never happened, the folder goes back (nothing lost);
//   the row is gone: the delete happened, the folder is removed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isAlive } from '../process-alive';
import type { LabPaths } from '../home';

const ASIDE = /^deleted-dataset-([0-9A-Za-z]+)-(\d+)-[0-9a-f]+$/;

/**
 * A folder of `<home>/tmp` set aside by a dataset delete: only settleInterruptedDeletions may remove it. The
 * scratch sweep judges by age, and a rename keeps the folder's old mtime, so it would take one at once.
 */
export const isDeletionAside = (name: string): boolean => ASIDE.test(name);

/** Where a dataset folder waits while its delete completes; `<home>/tmp`, on the lab home's own disk. */
export function deletionAsidePath(paths: LabPaths, hash: string, pid = process.pid): string {
  return join(paths.home, 'tmp', `deleted-dataset-${hash}-${pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Moves `datasets/<hash>` aside for deletion. Returns where it went; null when there was no folder, or when
 * it could not be renamed (another disk mounted under the home): the caller then removes it in place.
 */
export function moveAsideForDeletion(paths: LabPaths, hash: string): string | null {
  const dir = join(paths.datasets, hash);
  if (!existsSync(dir)) return null;
  const aside = deletionAsidePath(paths, hash);
  try {
    mkdirSync(join(paths.home, 'tmp'), { recursive: true });
    renameSync(dir, aside);
    return aside;
  } catch {
    return null;
  }
}

/** Puts a folder moved aside back (the row could not be removed: the dataset stays as it was). */
export function putBack(paths: LabPaths, hash: string, aside: string): void {
  renameSync(aside, join(paths.datasets, hash));
}

/**
 * Settles the deletes a killed lab left half done (see the top of this file). `hasRow(hash)`: whether a
 * dataset row still owns the folder. Folders of a delete still running in a live process are left alone.
 * Returns the folders removed or put back.
 */
export function settleInterruptedDeletions(paths: LabPaths, hasRow: (hash: string) => boolean): string[] {
  const tmp = join(paths.home, 'tmp');
  let names: string[];
  try { names = readdirSync(tmp); } catch { return []; }
  const settled: string[] = [];
  for (const name of names) {
    const m = ASIDE.exec(name);
    // this process deletes synchronously, so none of its own can be in flight here (and a lab restarted as the
    // same pid, e.g. pid 1 in a container, must settle what its killed predecessor left)
    if (!m || (Number(m[2]) !== process.pid && isAlive(Number(m[2])))) continue;
    const aside = join(tmp, name);
    const home = join(paths.datasets, m[1]);
    if (hasRow(m[1]) && !existsSync(home)) renameSync(aside, home);
    else rmSync(aside, { recursive: true, force: true });
    settled.push(aside);
  }
  return settled;
}
