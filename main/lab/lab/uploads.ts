// Files dropped into a browser window arrive in base64 chunks over LabApi. Each upload is written to
// a temp file under the lab home, in order, then handed to the importer by path like any other file.
// Each open upload holds a file handle and disk space until it is finished or cancelled, so there are
// at most MAX_UPLOADS of them (serve mode also cancels a tab's uploads when its socket closes), one
// larger than the free disk space is refused up front, and folders left by a lab that died mid-upload
// are removed when the next lab starts.
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LabError } from '../../../common/lab-api';
import { isAlive, writtenBeforeBoot } from '../process-alive';

/** Uploads open at once in one lab, over all browser tabs. */
export const MAX_UPLOADS = 16;

interface Upload {
  name: string;
  size: number;
  received: number;
  fd: number;
  path: string;
}

/** `<pid>-<uuid>`: the pid says whether the lab that owns the folder still runs (labs may share a home). */
const FOLDER = /^(\d+)-[0-9a-f-]{36}$/;

/** Standard padded base64 (what the browser's btoa sends): Buffer.from skips any other character silently. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/**
 * Removes upload folders whose lab process is gone (killed mid-upload, or mid-import of an upload) and
 * folders of an older layout; a live lab's folders are left alone. Returns the folders removed.
 */
export function sweepAbandonedUploads(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const folder = join(dir, name);
    const pid = Number(FOLDER.exec(name)?.[1] ?? 0);
    try {
      // a pid reused since a reboot is someone else's process: the folder's age decides then
      const live = pid === process.pid || (isAlive(pid) && !writtenBeforeBoot(statSync(folder).mtime.toISOString()));
      if (live) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      /* gone already, or not ours to remove: the next start tries again */
    }
  }
  return removed;
}

export class Uploads {
  private readonly dir: string;
  private readonly open = new Map<string, Upload>();

  constructor(home: string) {
    this.dir = join(home, 'uploads');
    sweepAbandonedUploads(this.dir);
  }

  begin(name: string, size: number): string {
    if (this.open.size >= MAX_UPLOADS) {
      throw new LabError('too-large', `${MAX_UPLOADS} uploads are already in progress: wait for one to finish (or cancel one), then drop '${basename(name)}' again`);
    }
    mkdirSync(this.dir, { recursive: true });
    this.checkFreeSpace(name, size);
    const id = randomUUID();
    // One folder per upload keeps the file's own name (the dataset's source name) and two uploads of
    // one name apart; basename() and the character filter strip anything a hostile name carries.
    const folder = join(this.dir, `${process.pid}-${id}`);
    mkdirSync(folder);
    const safe = basename(name).replace(/[^\w.\- ()]/g, '_').replace(/^\.+/, '_') || 'upload';
    const path = join(folder, safe);
    this.open.set(id, { name: basename(name), size, received: 0, fd: openSync(path, 'w'), path });
    return id;
  }

  chunk(uploadId: string, offset: number, base64: string): number {
    const u = this.get(uploadId);
    if (offset !== u.received) throw new LabError('invalid-payload', `upload of '${u.name}': chunk at byte ${offset} but ${u.received} bytes received so far; send chunks in order`);
    // Decoding skips what is not base64, so a garbled chunk would count as fewer (or 0) bytes and the file
    // would be short or wrong without a word: refuse it whole, so the same chunk can be sent again.
    if (!BASE64.test(base64)) {
      const bad = /[^A-Za-z0-9+/=]/.exec(base64);
      const why = bad ? `it has '${bad[0]}' at character ${bad.index}`
        : base64.length % 4 ? `its ${base64.length} characters are not whole groups of 4` : `'=' before its end`;
      throw new LabError('invalid-payload', `upload of '${u.name}': the chunk at byte ${offset} is not valid base64 (${why}); nothing of it was written, send it again`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (u.received + bytes.length > u.size) throw new LabError('too-large', `upload of '${u.name}': more bytes than the announced ${u.size}`);
    writeSync(u.fd, bytes);
    u.received += bytes.length;
    return u.received;
  }

  /** Closes the file and returns its path; the caller owns (and later deletes) it. */
  finish(uploadId: string): { path: string; name: string } {
    const u = this.get(uploadId);
    if (u.received !== u.size) throw new LabError('invalid-payload', `upload of '${u.name}' is incomplete: ${u.received} of ${u.size} bytes`);
    closeSync(u.fd);
    this.open.delete(uploadId);
    return { path: u.path, name: u.name };
  }

  cancel(uploadId: string): boolean {
    const u = this.open.get(uploadId);
    if (!u) return false;
    closeSync(u.fd);
    rmSync(dirname(u.path), { recursive: true, force: true });
    this.open.delete(uploadId);
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.open.keys()]) this.cancel(id);
  }

  /** How many uploads are open (tests, and serve's per-tab accounting). */
  get inProgress(): number {
    return this.open.size;
  }

  /** Bytes the other open uploads have announced but not written yet are spoken for too. */
  private checkFreeSpace(name: string, size: number): void {
    let free: number;
    try {
      const fs = statfsSync(this.dir);
      free = Number(fs.bavail) * Number(fs.bsize);
    } catch {
      return; // no statfs here (old kernel, odd filesystem): the write itself will say ENOSPC
    }
    let promised = 0;
    for (const u of this.open.values()) promised += u.size - u.received;
    if (size + promised > free) {
      throw new LabError(
        'too-large',
        `cannot upload '${basename(name)}': it needs ${mb(size)}${promised ? ` (plus ${mb(promised)} for uploads in progress)` : ''} but only ${mb(free)} are free on the disk of ${this.dir}; free some space there or start the lab with --home on a larger disk`,
      );
    }
  }

  private get(uploadId: string): Upload {
    const u = this.open.get(uploadId);
    if (!u) throw new LabError('not-found', `no upload '${uploadId}' in progress (it finished, was cancelled, or the lab restarted)`);
    return u;
  }
}
