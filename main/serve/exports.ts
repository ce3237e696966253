// Exported files for download (GET /exports/<name>): in serve mode the lab writes exports on the serve
// host, which a browser over an SSH tunnel cannot open; this route hands them over. Only files under the
// lab home's exports/ folder are served (resolved with symlinks followed, no ../, no encoded traversal),
// only to a request that passed auth.ts like every route, and always as an attachment.
import { realpathSync, statSync } from 'node:fs';
import { basename, extname, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { end, resolveUnder, SERVE_CSP } from './static';
import { sendFile } from './send-file';

/** The URL prefix of the route; the renderer links `${EXPORTS_ROUTE}<file name>`. */
export const EXPORTS_ROUTE = '/exports/';

const TYPES: Record<string, string> = {
  '.onnx': 'application/octet-stream',
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

/** `attachment; filename="run-3.onnx"`, with the RFC 5987 form for names outside plain ASCII. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function serveExport(exportsDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
  const rawPath = (req.url ?? '/').split('?')[0];
  const rel = rawPath.slice(EXPORTS_ROUTE.length);
  if (!rel || rel.split('/').some((seg) => seg === '..' || seg === '.' || /%2e%2e|%2f|%5c|%00/i.test(seg))) return end(res, 400, 'path traversal refused: only files in the lab\'s exports folder can be downloaded');
  const file = resolveUnder(exportsDir, `/${rel}`);
  if (!file) return end(res, 400, 'path traversal refused: only files in the lab\'s exports folder can be downloaded');
  let real: string;
  try {
    // a symlink inside exports/ must not lead out of it
    real = realpathSync(file);
    const root = realpathSync(exportsDir);
    if (!real.startsWith(root + sep)) return end(res, 400, 'path traversal refused: only files in the lab\'s exports folder can be downloaded');
    const st = statSync(real);
    if (!st.isFile()) return end(res, 404, 'not found');
  } catch {
    return end(res, 404, `no exported file '${basename(file)}' (export it again from Export)`);
  }
  sendFile(req, res, real, {
    'Content-Type': TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Disposition': disposition(basename(real)),
    'Content-Security-Policy': SERVE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
}
