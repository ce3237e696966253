// One browser tab's WebSocket: LabApi requests in, replies and lab events out. Two things are the
// socket's own business rather than the lab's: path imports are limited to the --data-dir folders
// (data-dirs.ts), and uploads belong to the socket that began them (client-uploads.ts: at most
// UPLOADS_PER_CLIENT at once, and a tab that goes away cancels its unfinished uploads).
import type { WebSocket } from 'ws';
import { WireRequest, type WireMessage } from '../../common/lab-api/wire';
import { LabError } from '../../common/lab-api';
import type { Lab } from '../lab/lab';
import { checkPathImport } from './data-dirs';
import { ClientUploads, UPLOADS_PER_CLIENT } from './client-uploads';

export const UPLOADS_PER_SOCKET = UPLOADS_PER_CLIENT;

export function attachLabSocket(ws: WebSocket, lab: Lab, dataDirs: string[]): void {
  const send = (m: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const refuse = (id: number, e: LabError) => send({ id, ok: false, error: e.toJSON() });
  const uploads = new ClientUploads(lab, 'browser tab');
  const off = lab.onEvent((event, data) => send({ event, data }));
  ws.on('close', () => {
    off();
    uploads.close();
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
    if (channel === 'datasets.import' && typeof (payload as { path?: unknown } | null)?.path === 'string') {
      try {
        checkPathImport((payload as { path: string }).path, dataDirs);
      } catch (e) {
        return refuse(id, LabError.from(e));
      }
    }
    send({ id, ...(await uploads.dispatch(channel, payload)) });
  });
}
