// Serve mode: the renderer over HTTP and LabApi over one WebSocket (/lab), on 127.0.0.1 only.
// Every request and socket is checked by auth.ts (exported files too: exports.ts); every LabApi message goes through lab.dispatch
// (channel known, payload valid); a bad message gets an error reply and the server carries on.
// One bad request must never take the lab down: a handler that throws anyway answers 500 (or drops
// that one connection) and is logged; errors of the lab itself (its store, its runs) are not caught here.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../common/lab-api/wire';
import type { Lab } from '../lab/lab';
import { checkRequest, cookieName, newToken } from './auth';
import { end, serveStatic } from './static';
import { EXPORTS_ROUTE, serveExport } from './exports';
import { attachLabSocket } from './lab-socket';
import { resolveDataDirs } from './data-dirs';
import { OPEN_CODES_ROUTE, OPEN_ROUTE, OpenCodes } from './open-codes';

export interface ServeOptions {
  lab: Lab;
  /** Built renderer (index.html + assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Where the token is saved (serve/token-file.ts), named on the 401 page as a way back in; null: not saved. */
  tokenFile?: string | null;
  /** `--data-dir` folders: the only files a browser may import by path (others are uploaded). */
  dataDirs?: string[];
  /** The single-use codes of `/open/CODE` (tests pass one with their own clock). */
  openCodes?: OpenCodes;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Answers an upgrade we refuse, then drops the socket (it is not an HTTP response object any more). */
function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

function logBadRequest(req: IncomingMessage, e: unknown): void {
  console.error(`gatelab serve: request ${req.method} ${(req.url ?? '').slice(0, 200)} failed (the server carries on): ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
}

/** 302 to `/` (keeping any other query parameters, without `token`), setting the token cookie when given. */
function redirectHome(res: ServerResponse, setCookie: string | null, query: URLSearchParams): void {
  const rest = new URLSearchParams(query);
  rest.delete('token');
  const search = rest.toString();
  const location = `/${search ? `?${search}` : ''}`;
  res.writeHead(302, {
    Location: location,
    ...(setCookie ? { 'Set-Cookie': setCookie } : {}),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Type': 'text/plain; charset=utf-8',
  });
  res.end(`302 GateLab is at ${location}\n`);
}

/** `POST /open-codes`: a single-use code for `/open/CODE` (npm start's opener), as text. */
function issueCode(req: IncomingMessage, res: ServerResponse, codes: OpenCodes): void {
  if (req.method !== 'POST') return end(res, 405, 'method not allowed (POST to get a code)');
  res.writeHead(201, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(codes.issue());
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const dataDirs = resolveDataDirs(opts.dataDirs ?? []);
  let port = 0;
  const codes = opts.openCodes ?? new OpenCodes();
  const cookie = () => `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkRequest(req, token, port, { redeem: (code) => codes.redeem(code), tokenFile: opts.tokenFile });
    if (!verdict.ok) return end(res, verdict.status, verdict.reason);
    const { path, query } = verdict.target;
    // `/open/CODE`, and the printed `/?token=…` opened as a page: the browser gets the cookie and is sent on to `/`,
    // so the token (or the used code) is only a redirect's source, never the address of a page that stays open
    if (verdict.via === 'code') return redirectHome(res, cookie(), new URLSearchParams());
    if (verdict.via === 'query' && path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return redirectHome(res, cookie(), query);
    if (verdict.via === 'query') res.setHeader('Set-Cookie', cookie());
    if (path === OPEN_CODES_ROUTE) return issueCode(req, res, codes);
    if (path.startsWith(OPEN_ROUTE)) return redirectHome(res, null, new URLSearchParams()); // a used code, but the cookie is good
    // exported files (ONNX, reports, CSV) for a browser that is not on the serve host
    if (path.startsWith(EXPORTS_ROUTE)) return serveExport(opts.lab.paths.exports, req, res);
    serveStatic(opts.rendererDir, req, res);
  };
  const http = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      logBadRequest(req, e);
      if (!res.headersSent) end(res, 500, 'the server could not handle this request (see its log)');
      else res.destroy();
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const verdict = checkRequest(req, token, port, { tokenFile: opts.tokenFile });
      if (!verdict.ok) return refuseUpgrade(socket, verdict.status);
      if (verdict.target.path !== '/lab') return refuseUpgrade(socket, 404);
      wss.handleUpgrade(req, socket, head, (ws) => attachLabSocket(ws, opts.lab, dataDirs));
    } catch (e) {
      logBadRequest(req, e);
      socket.destroy();
    }
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
