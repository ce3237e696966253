// One browser tab's WebSocket: LabApi requests in, replies and lab events out. Two things are the
// socket's own business rather than the lab's: path imports are limited to the --data-dir folders
// (data-dirs.ts), and uploads belong to the socket that began them: at most UPLOADS_PER_SOCKET at once,
// and a tab that goes away (closed, crashed, network gone) cancels its unfinished uploads, so their
// file handles and partial files do not stay behind until the lab stops.
import type { WebSocket } from 'ws';
import { WireRequest, type WireMessage } from '../../common/lab-api/wire';
import { LabError } from '../../common/lab-api';
import type { Lab } from '../lab/lab';
import { checkPathImport } from './data-dirs';

export const UPLOADS_PER_SOCKET = 4;

export function attachLabSocket(ws: WebSocket, lab: Lab, dataDirs: string[]): void {
  const send = (m: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const refuse = (id: number, e: LabError) => send({ id, ok: false, error: e.toJSON() });
  /** Uploads this socket began and has not finished or cancelled; `pending` counts begins not answered yet. */
  const uploads = new Set<string>();
  let pending = 0;
  let closed = false;
  const off = lab.onEvent((event, data) => send({ event, data }));
  ws.on('close', () => {
    closed = true;
    off();
    for (const uploadId of uploads) void lab.dispatch('import.cancel', { importId: uploadId });
    uploads.clear();
  });
  // ws closes the socket itself with 1009 when a message exceeds maxPayload; log nothing else.
  ws.on('error', () => ws.terminate());
  ws.on('message', async (raw, isBinary) => {
    if (isBinary) return send({ id: -1, ok: false, error: { code: 'invalid-payload', message: 'LabApi messages are JSON text, not binary' } });
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      return send({ id: -1, ok: false, error: { code: 'invalid-payload', message: 'message is not valid JSON' } });
    }
    const req = WireRequest.safeParse(parsed);
    if (!req.success) return send({ id: -1, ok: false, error: { code: 'invalid-payload', message: 'expected {id, channel, payload}' } });
    const { id, channel, payload } = req.data;
    const ids = (payload as { uploadId?: unknown; importId?: unknown } | null) ?? {};
    if (channel === 'datasets.import' && typeof (payload as { path?: unknown } | null)?.path === 'string') {
      try {
        checkPathImport((payload as { path: string }).path, dataDirs);
      } catch (e) {
        return refuse(id, LabError.from(e));
      }
    }
    if (channel === 'import.begin') {
      if (uploads.size + pending >= UPLOADS_PER_SOCKET) {
        return refuse(id, new LabError('too-large', `at most ${UPLOADS_PER_SOCKET} uploads at once per browser tab: wait for one to finish (or cancel one), then drop the file again`));
      }
      pending++;
      const reply = await lab.dispatch(channel, payload);
      pending--;
      if (reply.ok) {
        const begun = (reply.result as { uploadId: string }).uploadId;
        // The tab went away while the lab was opening the file: nobody will finish this upload.
        if (closed) void lab.dispatch('import.cancel', { importId: begun });
        else uploads.add(begun);
      }
      return send({ id, ...reply });
    }
    const reply = await lab.dispatch(channel, payload);
    // A finished upload is the importer's (the import outlives the tab); a cancelled one is gone.
    if (channel === 'import.finish' && reply.ok && typeof ids.uploadId === 'string') uploads.delete(ids.uploadId);
    if (channel === 'import.cancel' && typeof ids.importId === 'string') uploads.delete(ids.importId);
    send({ id, ...reply });
  });
}
