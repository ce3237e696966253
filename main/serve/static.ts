// Serves the built renderer (dist/renderer) read-only. Paths are decoded, must stay inside the root
// after resolution (no ../, no encoded traversal, no NUL), and only GET/HEAD are allowed.
import { statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy';
import { sendFile } from './send-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The same policy Electron's window gets: our own scripts only, no eval, no remote code. */
export const SERVE_CSP = CONTENT_SECURITY_POLICY;

/** Resolves a URL path under root, or null if it escapes root or is malformed. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(join(base, rel));
  return full === base || full.startsWith(base + sep) ? full : null;
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
  const rawPath = (req.url ?? '/').split('?')[0];
  if (rawPath.split('/').some((seg) => seg === '..' || /%2e%2e/i.test(seg) || /%2f|%5c/i.test(seg))) return end(res, 400, 'path traversal refused');
  const file = resolveUnder(root, rawPath);
  if (!file) return end(res, 400, 'path traversal refused');
  try {
    if (!statSync(file).isFile()) return end(res, 404, 'not found');
  } catch {
    return end(res, 404, 'not found');
  }
  sendFile(req, res, file, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': SERVE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
}

export function end(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${status} ${message}\n`);
}
