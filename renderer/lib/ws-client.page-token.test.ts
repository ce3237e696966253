// @vitest-environment node
// The browser face works with the token cookie alone: opening the printed `/?token=…` gets a 302 to `/`
// that sets the cookie, so the page never sees the token, and the socket it opens (socketUrl, no token in
// it) is authenticated by that cookie. A page without the cookie is refused and told to open the printed
// URL instead of retrying for ever. The socket is the `ws` package's WebSocket, given the cookie and the
// Origin a browser would send with the upgrade (Node 20 has no WebSocket and no cookie jar).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../../main/lab/lab';
import { startServer, type RunningServer } from '../../main/serve/server';
import { connectSocketLab, RESTARTED, socketUrl, type ConnectionState } from './ws-client';

let dir: string;
let lab: Lab;
let server: RunningServer;
const realWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-ws-cookie-'));
  const ui = join(dir, 'ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  server = await startServer({ lab, rendererDir: ui, port: 0 });
});
afterAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = realWebSocket;
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The browser's WebSocket with this page's cookie jar: `cookie` (or none) and the page's Origin on the upgrade. */
function browserSocket(cookie: string | null): void {
  const origin = `http://127.0.0.1:${server.port}`;
  (globalThis as { WebSocket?: unknown }).WebSocket = class extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    }
  };
}

/** GET `path` without following redirects: status, Location and the cookie as a browser would send it back. */
function get(path: string): Promise<{ status: number; location: string | null; cookie: string | null }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
      res.resume();
      const set = res.headers['set-cookie']?.[0] ?? null;
      resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, cookie: set ? set.split(';')[0] : null });
    }).on('error', reject).end();
  });
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the page and its socket with the token cookie only', () => {
  it('the printed URL leaves the page at / with the cookie, and the socket URL of that page works with the cookie', async () => {
    const printed = new URL(server.url);
    const opened = await get(`${printed.pathname}${printed.search}`);
    expect(opened.status).toBe(302);
    expect(opened.location).toBe('/');
    expect(opened.cookie).toBe(`gatelab_token_${server.port}=${server.token}`);

    const page = new URL(opened.location!, printed); // the address the page is loaded at: no token anywhere
    const url = socketUrl(page);
    expect(url).toBe(`ws://127.0.0.1:${server.port}/lab`);
    browserSocket(opened.cookie);
    const client = connectSocketLab(url);
    const states: ConnectionState[] = [];
    client.onState((s) => states.push(s));
    expect((await client.invoke('system.info', {})).face).toBe('test');
    expect(states).toContain('open');
  });

  it('a page without the cookie is refused and told to open the printed URL, not left retrying', async () => {
    browserSocket(null);
    const client = connectSocketLab(socketUrl(new URL(`http://127.0.0.1:${server.port}/`)));
    const states: [ConnectionState, string][] = [];
    client.onState((s, d) => states.push([s, d]));
    await until(() => states.at(-1)?.[1] === RESTARTED);
    await expect(client.invoke('system.info', {})).rejects.toThrow(/open the new URL it printed/);
  });
});
