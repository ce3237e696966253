// Who may talk to a serve-mode lab: only this machine (loopback), only with the random token printed
// in the URL. The first page load carries ?token=; it is then kept in an HttpOnly, SameSite=Strict
// cookie so assets load without it. The Host check defeats DNS rebinding; the Origin check stops
// other web pages from opening our WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'gatelab_token';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export function checkRequest(req: IncomingMessage, token: string, port: number): Verdict {
  if (!isLoopback(req.socket.remoteAddress)) return { ok: false, status: 403, reason: 'only connections from this machine are accepted' };
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, status: 403, reason: `unexpected Host '${host.slice(0, 80)}'` };
  const origin = req.headers.origin;
  if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return { ok: false, status: 403, reason: `cross-origin request from '${origin.slice(0, 80)}' refused` };
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (sameToken(url.searchParams.get('token'), token)) return { ok: true, viaQuery: true };
  if (sameToken(cookieToken(req), token)) return { ok: true, viaQuery: false };
  return { ok: false, status: 401, reason: 'missing or wrong token: open the URL that `gatelab serve` printed' };
}
