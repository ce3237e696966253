// Serve mode: the renderer over HTTP and LabApi over one WebSocket (/lab), on 127.0.0.1 only.
// Every request and socket is checked by auth.ts (exported files too: exports.ts); every LabApi message goes through lab.dispatch
// (channel known, payload valid); a bad message gets an error reply and the server carries on.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WireRequest, MAX_MESSAGE_BYTES, type WireMessage } from '../../common/lab-api/wire';
import type { Lab } from '../lab/lab';
import { checkRequest, COOKIE, newToken } from './auth';
import { end, serveStatic } from './static';
import { EXPORTS_ROUTE, serveExport } from './exports';

export interface ServeOptions {
  lab: Lab;
  /** Built renderer (index.html + assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  let port = 0;
  const http = createServer((req, res) => {
    const verdict = checkRequest(req, token, port);
    if (!verdict.ok) return end(res, verdict.status, verdict.reason);
    if (verdict.viaQuery) res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    // exported files (ONNX, reports, CSV) for a browser that is not on the serve host
    if ((req.url ?? '').startsWith(EXPORTS_ROUTE)) return serveExport(opts.lab.paths.exports, req, res);
    serveStatic(opts.rendererDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const verdict = checkRequest(req, token, port);
    const path = (req.url ?? '').split('?')[0];
    if (!verdict.ok || path !== '/lab') {
      const status = !verdict.ok ? verdict.status : 404;
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, opts.lab));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function attach(ws: WebSocket, lab: Lab): void {
  const send = (m: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const off = lab.onEvent((event, data) => send({ event, data }));
  ws.on('close', off);
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
    const reply = await lab.dispatch(req.data.channel, req.data.payload);
    send({ id: req.data.id, ...reply });
  });
}
