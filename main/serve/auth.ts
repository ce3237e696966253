// Who may talk to a serve-mode lab: only this machine (loopback), only with the random token printed
// in the URL; a refused browser is told every way back in (waysBackIn). The first request carries ?token= (or a single-use code from open-codes.ts); it is then kept in an
// HttpOnly, SameSite=Strict cookie so assets load without it. Browsers send a cookie to every port of a host, so the cookie's
// name carries the port: another local server (or a second `gatelab serve`) never receives ours under
// the name it reads. The Host check defeats DNS rebinding; the Origin check stops other web pages
// from opening our WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OPEN_ROUTE } from './open-codes';

/** The token cookie's name for the server on `port`: `gatelab_token_8080`. */
export const cookieName = (port: number): string => `gatelab_token_${port}`;

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

function cookieToken(req: IncomingMessage, port: number): string | null {
  const name = cookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export interface RequestTarget {
  /** The path as sent (not decoded), e.g. `/assets/app.js`. */
  path: string;
  query: URLSearchParams;
}

/**
 * The request's path and query, or null when it is not a plain origin-form target (`/path?query`).
 * `new URL('//:99999', base)` reads `//…` as a host and throws (that crashed serve), and
 * `//evil.example/x` would silently change host: a target starting with `//` is refused outright
 * (the UI never asks for one), and the rest is appended to a fixed origin rather than resolved against it.
 */
export function requestTarget(req: IncomingMessage): RequestTarget | null {
  const raw = req.url ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(`http://gatelab.invalid${raw}`);
  } catch {
    return null;
  }
  const q = raw.indexOf('?');
  return { path: q < 0 ? raw : raw.slice(0, q), query: url.searchParams };
}

/** How the request proved itself: `?token=`, the cookie, or a single-use code of open-codes.ts (`/open/CODE`). */
export type Via = 'query' | 'cookie' | 'code';
export type Verdict = { ok: true; via: Via; target: RequestTarget } | { ok: false; status: 400 | 401 | 403; reason: string };

export interface CheckOptions {
  /**
   * Plain HTTP requests only, never a socket upgrade: called with the CODE of `/open/CODE`, true once for a
   * valid code. A used or expired code is refused unless the cookie authenticates anyway.
   */
  redeem?: (code: string) => boolean;
  /** Where the token is saved (token-file.ts), named on the 401 page; null: not saved (a one-time token); absent: not known. */
  tokenFile?: string | null;
}

/**
 * What a 401 page says after its reason: every way back in that exists. The usual case is a browser that
 * was closed and reopened: the token cookie is a session cookie, so the tab comes back without it, and
 * `npm start` opened it through a single-use link the user never saw. So it names the printed URL, the
 * file it can be rebuilt from, and `npm start` (which, while this lab runs, starts a second lab process on
 * the same home on another port and opens that). One line each, for a plain-text page.
 */
export function waysBackIn(port: number, tokenFile?: string | null): string {
  const base = `http://127.0.0.1:${port}/?token=`;
  const ways = [`- open the URL that \`npm start\` or \`gatelab serve\` printed as its first line, ${base}… (it stays the same across restarts)`];
  if (tokenFile) ways.push(`- or open ${base} followed by the text in ${tokenFile} (a file only you can read)`);
  else if (tokenFile === null) ways.push('- (this lab\'s token is not saved, as serve warned when it started: only its printed URL works, until it stops)');
  ways.push('- or run `npm start` again: it opens the lab for you (the desktop app, or without Electron your browser); while this lab runs, as a second lab process on the same lab home, so runs and datasets are shared');
  return `Ways back in:\n${ways.join('\n')}`;
}

export function checkRequest(req: IncomingMessage, token: string, port: number, options: CheckOptions = {}): Verdict {
  const { redeem, tokenFile } = options;
  // Malformed targets first: nothing below may see a request we cannot parse.
  const target = requestTarget(req);
  if (!target) return { ok: false, status: 400, reason: `malformed request path '${(req.url ?? '').slice(0, 80)}'` };
  if (!isLoopback(req.socket.remoteAddress)) return { ok: false, status: 403, reason: 'only connections from this machine are accepted' };
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, status: 403, reason: `unexpected Host '${host.slice(0, 80)}'` };
  const origin = req.headers.origin;
  if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return { ok: false, status: 403, reason: `cross-origin request from '${origin.slice(0, 80)}' refused` };
  const code = redeem && target.path.startsWith(OPEN_ROUTE) ? target.path.slice(OPEN_ROUTE.length) : null;
  if (code && redeem!(code)) return { ok: true, via: 'code', target };
  if (sameToken(target.query.get('token'), token)) return { ok: true, via: 'query', target };
  if (sameToken(cookieToken(req, port), token)) return { ok: true, via: 'cookie', target };
  const why = code !== null
    ? 'this link to open GateLab was already used or is more than a minute old'
    : 'missing or wrong token: this browser has no access to this lab (a browser forgets it when it is closed, so a tab reopened later lands here)';
  return { ok: false, status: 401, reason: `${why}\n${waysBackIn(port, tokenFile)}` };
}
