// Which files a browser may have the lab read by path (`datasets.import {path}`). In serve mode the
// browser is not necessarily this machine's user, and a path import followed by `datasets.preview`
// would read any file the serve process can (/etc/shadow, SSH keys). So a path import is allowed only
// for files under the folders named with `gatelab serve --data-dir DIR`; any other file must be
// uploaded from the browser (drop it into the window). Symlinks are followed before the check, so a
// link inside a data folder cannot lead out of it. The desktop app and the CLI import any path: there
// the user is the one picking the file.
import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { LabError } from '../../common/lab-api';

/** The real paths of the folders, checked once at start: a missing folder is an error the user can fix. */
export function resolveDataDirs(dirs: string[]): string[] {
  return dirs.map((d) => {
    try {
      return realpathSync(resolve(d));
    } catch {
      throw new Error(`--data-dir ${d}: no such folder (name a folder whose files the browser may import by path)`);
    }
  });
}

/** The path with symlinks resolved; for a missing file, its closest existing parent's real path + the rest. */
function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : resolve(realPath(parent), full.slice(parent.length + 1));
  }
}

/** The data folder `real` (a real path) lies in, or null. */
const folderOf = (real: string, dataDirs: string[]): string | null =>
  dataDirs.find((d) => real === d || real.startsWith(d.endsWith(sep) ? d : d + sep)) ?? null;

/**
 * The data folder a path is named under although a link on it leads outside: the file itself is a link
 * (its folder is in a data folder) or one of its folders is. Null when nothing on the way is in one.
 */
function namedUnder(path: string, dataDirs: string[]): { dir: string; fileLink: boolean } | null {
  let folder = dirname(resolve(path));
  for (let fileLink = true; ; fileLink = false) {
    const dir = folderOf(realPath(folder), dataDirs);
    if (dir) return { dir, fileLink };
    const up = dirname(folder);
    if (up === folder) return null;
    folder = up;
  }
}

/** Throws unless `path` lies under one of `dataDirs` (already real paths). */
export function checkPathImport(path: string, dataDirs: string[]): void {
  const real = realPath(path);
  if (folderOf(real, dataDirs)) return;
  // A link inside a data folder that leads out of it is refused too, but "only files under DIR" would
  // read as wrong for a path that is under DIR: say it is the link.
  const linked = namedUnder(path, dataDirs);
  if (linked) {
    const what = linked.fileLink ? 'a link to a file outside the --data-dir folders' : 'reached through a linked folder that leads outside the --data-dir folders';
    throw new LabError(
      'not-available',
      `'${path}' is ${what} (links are followed, so a data folder cannot expose other files; where it leads is not shown to the browser): copy the file into one of them (${dataDirs.join(', ')}), or drop it into the browser window to upload it`,
    );
  }
  const where = dataDirs.length
    ? `only files under ${dataDirs.join(', ')} (the --data-dir folders) can be imported by path`
    : 'no folder was named with --data-dir, so no file can be imported by path';
  throw new LabError(
    'not-available',
    `'${path}' cannot be imported by path in serve mode: ${where}. Drop the file into the browser window to upload it, or restart gatelab serve with --data-dir <its folder>`,
  );
}
