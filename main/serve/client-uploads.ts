// Uploads belong to the client that began them: a browser tab's WebSocket in serve mode (lab-socket.ts),
// the desktop window's page in Electron (main/electron/ipc.ts; it uploads the dropped files that have no
// path on disk). At most UPLOADS_PER_CLIENT at once, so one client cannot take all of the lab-wide
// MAX_UPLOADS (main/lab/lab/uploads.ts); and a client that goes away (tab closed, page reloaded, renderer
// crashed) cancels its unfinished uploads, so their file handles and partial files do not stay behind
// until the lab stops. An upload it finished is the importer's and carries on.
import { LabError } from '../../common/lab-api';
import type { Reply } from '../../common/lab-api/dispatch';
import type { Lab } from '../lab/lab';

export const UPLOADS_PER_CLIENT = 4;

export class ClientUploads {
  /** Uploads this client began and has not finished or cancelled. */
  private readonly open = new Set<string>();
  /** Begins not answered yet (they count against the limit too). */
  private pending = 0;
  private closed = false;

  /** `client`: what the user calls it, for the limit's message ('browser tab', 'window'). */
  constructor(private readonly lab: Pick<Lab, 'dispatch'>, private readonly client: string) {}

  /** lab.dispatch, keeping track of this client's uploads. */
  async dispatch(channel: string, payload: unknown): Promise<Reply> {
    if (channel === 'import.begin') return this.begin(payload);
    const reply = await this.lab.dispatch(channel, payload);
    const ids = (payload as { uploadId?: unknown; importId?: unknown } | null) ?? {};
    if (channel === 'import.finish' && reply.ok && typeof ids.uploadId === 'string') this.open.delete(ids.uploadId);
    if (channel === 'import.cancel' && typeof ids.importId === 'string') this.open.delete(ids.importId);
    return reply;
  }

  /** The client went away: its unfinished uploads are cancelled. */
  close(): void {
    this.closed = true;
    for (const uploadId of this.open) void this.lab.dispatch('import.cancel', { importId: uploadId });
    this.open.clear();
  }

  private async begin(payload: unknown): Promise<Reply> {
    if (this.open.size + this.pending >= UPLOADS_PER_CLIENT) {
      const e = new LabError('too-large', `at most ${UPLOADS_PER_CLIENT} uploads at once per ${this.client}: wait for one to finish (or cancel one), then drop the file again`);
      return { ok: false, error: e.toJSON() };
    }
    this.pending++;
    const reply = await this.lab.dispatch('import.begin', payload); // never throws: errors are replies
    this.pending--;
    if (reply.ok) {
      const begun = (reply.result as { uploadId: string }).uploadId;
      // The client went away while the lab was opening the file: nobody will finish this upload.
      if (this.closed) void this.lab.dispatch('import.cancel', { importId: begun });
      else this.open.add(begun);
    }
    return reply;
  }
}
