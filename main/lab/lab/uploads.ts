// Files dropped into a browser window arrive in base64 chunks over LabApi. Each upload is written to
// a temp file under the lab home, in order, then handed to the importer by path like any other file.
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LabError } from '../../../common/lab-api';

interface Upload {
  name: string;
  size: number;
  received: number;
  fd: number;
  path: string;
}

export class Uploads {
  private readonly dir: string;
  private readonly open = new Map<string, Upload>();

  constructor(home: string) {
    this.dir = join(home, 'uploads');
  }

  begin(name: string, size: number): string {
    mkdirSync(this.dir, { recursive: true });
    const id = randomUUID();
    // One folder per upload keeps the file's own name (the dataset's source name) and two uploads of
    // one name apart; basename() and the character filter strip anything a hostile name carries.
    const folder = join(this.dir, id);
    mkdirSync(folder);
    const safe = basename(name).replace(/[^\w.\- ()]/g, '_').replace(/^\.+/, '_') || 'upload';
    const path = join(folder, safe);
    this.open.set(id, { name: basename(name), size, received: 0, fd: openSync(path, 'w'), path });
    return id;
  }

  chunk(uploadId: string, offset: number, base64: string): number {
    const u = this.get(uploadId);
    if (offset !== u.received) throw new LabError('invalid-payload', `upload of '${u.name}': chunk at byte ${offset} but ${u.received} bytes received so far; send chunks in order`);
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

  private get(uploadId: string): Upload {
    const u = this.open.get(uploadId);
    if (!u) throw new LabError('not-found', `no upload '${uploadId}' in progress (it finished, was cancelled, or the lab restarted)`);
    return u;
  }
}
