// serve's port kept in the lab home, over real servers on 127.0.0.1: a restart comes back on the same port
// and an open tab's cookie reconnects without a new link; a last port that is busy falls back to a free one
// and says so; a second serve on the same home leaves the first one's port alone; --port P busy still refuses.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../lab/lab';
import { startServer, type RunningServer } from './server';
import { OpenCodes } from './open-codes';
import { holderOf, lastPort, listenOnHomePort, PORT_FILE } from './port-file';

let dir: string;
let lab: Lab;
let ui: string;
let home: string;
const token = 't'.repeat(32);
const running: RunningServer[] = [];
const blockers: Server[] = [];
/** A pid no process has: what the record of a serve that crashed names. */
const DEAD_PID = 2_147_483_646;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-port-'));
  ui = join(dir, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  lab = await Lab.open({ home: join(dir, 'lab'), face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => { home = mkdtempSync(join(dir, 'home-')); });
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((r) => b.close(r))));
});

const listen = (openCodes?: OpenCodes) => async (port: number) => {
  const s = await startServer({ lab, rendererDir: ui, port, token, openCodes });
  running.push(s);
  return s;
};
async function stop(s: RunningServer): Promise<void> {
  running.splice(running.indexOf(s), 1);
  await s.close();
}
/** Another program on `port` (or on a free one): a plain TCP listener. */
async function occupy(port = 0): Promise<number> {
  const b = createServer();
  await new Promise<void>((resolve, reject) => b.once('error', reject).listen(port, '127.0.0.1', resolve));
  blockers.push(b);
  return (b.address() as { port: number }).port;
}
const recorded = () => JSON.parse(readFileSync(join(home, PORT_FILE), 'utf8'));

function get(port: number, path: string, cookie = ''): Promise<{ status: number; setCookie: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...(cookie ? { cookie } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: String(res.headers['set-cookie'] ?? '').split(';')[0] }));
    });
    req.on('error', reject);
    req.end();
  });
}
/** What a tab's ws-client does after a drop: the same socket URL, the same cookie, no token in it. */
function reconnect(port: number, cookie: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/lab`, { headers: { cookie, origin: `http://127.0.0.1:${port}` } });
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, channel: 'system.info', payload: {} })));
    ws.once('message', (d) => { ws.close(); resolve(JSON.parse(String(d))); });
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe("serve's port kept in the lab home", () => {
  it('a restart on the same home listens on the same port, and a tab opened through /open/CODE reconnects with its cookie', async () => {
    const codes = new OpenCodes();
    const first = await listenOnHomePort(home, undefined, listen(codes));
    expect(first.notes).toEqual([]);
    expect(recorded()).toEqual({ port: first.server.port, pid: process.pid, since: expect.any(String) });
    // npm start's single-use link: the browser ends up with the port's cookie
    const opened = await get(first.server.port, `/open/${codes.issue()}`);
    expect(opened.status).toBe(302);
    const cookie = opened.setCookie;
    expect(cookie).toBe(`gatelab_token_${first.server.port}=${token}`);
    await stop(first.server);

    const again = await listenOnHomePort(home, undefined, listen());
    expect(again.server.port).toBe(first.server.port);
    expect(again.notes).toEqual([]);
    expect(await reconnect(again.server.port, cookie)).toMatchObject({ id: 1, ok: true });
    expect((await get(again.server.port, '/', cookie)).status).toBe(200); // a reload needs no new link
  });

  it('a last port that another program took: a free port instead, one line saying so, and that port is kept from then on', async () => {
    const first = await listenOnHomePort(home, undefined, listen());
    const last = first.server.port;
    await stop(first.server);
    await occupy(last);

    const moved = await listenOnHomePort(home, undefined, listen());
    expect(moved.server.port).not.toBe(last);
    expect(moved.notes).toEqual([`port ${last} (last used) is busy; serving on ${moved.server.port} — open tabs of the old address will not reconnect`]);
    expect(recorded().port).toBe(moved.server.port);
    expect((await get(moved.server.port, `/?token=${token}`)).status).toBe(302); // it is the lab, and it works
  });

  it('the record of a serve that crashed does not count as a serve on this home', async () => {
    const busy = await occupy();
    writeFileSync(join(home, PORT_FILE), JSON.stringify({ port: busy, pid: DEAD_PID, since: new Date().toISOString() }));
    const started = await listenOnHomePort(home, undefined, listen());
    expect(started.notes).toEqual([`port ${busy} (last used) is busy; serving on ${started.server.port} — open tabs of the old address will not reconnect`]);
    expect(recorded()).toMatchObject({ port: started.server.port, pid: process.pid });
  });

  it('a second serve on the same home takes another port and leaves the first one its port for its next restart', async () => {
    const first = await listenOnHomePort(home, undefined, listen());
    const before = readFileSync(join(home, PORT_FILE), 'utf8');
    const secondPid = DEAD_PID; // another process: only its own pid differs from the first's
    const second = await listenOnHomePort(home, undefined, listen(), secondPid);
    expect(second.server.port).not.toBe(first.server.port);
    expect(second.notes).toEqual([`port ${first.server.port} (last used) is taken by another gatelab serve on this lab home (pid ${process.pid}); ` +
      `serving on ${second.server.port}, not kept for the next start — tabs of the old address stay with that one`]);
    expect(readFileSync(join(home, PORT_FILE), 'utf8')).toBe(before);
    // an explicit --port elsewhere does not take the first one's record either
    const third = await listenOnHomePort(home, await freePort(), listen(), secondPid);
    expect(third.notes).toEqual([]);
    expect(readFileSync(join(home, PORT_FILE), 'utf8')).toBe(before);
  });

  it('--port P busy still refuses (EADDRINUSE, for the caller to report) and leaves the record as it was', async () => {
    const first = await listenOnHomePort(home, undefined, listen());
    await stop(first.server);
    const before = readFileSync(join(home, PORT_FILE), 'utf8');
    const busy = await occupy();
    await expect(listenOnHomePort(home, busy, listen())).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(readFileSync(join(home, PORT_FILE), 'utf8')).toBe(before);
  });

  it('--port P is used exactly and kept, so the next start without --port comes back on it', async () => {
    const chosen = await freePort();
    const explicit = await listenOnHomePort(home, chosen, listen());
    expect(explicit.server.port).toBe(chosen);
    await stop(explicit.server);
    expect((await listenOnHomePort(home, undefined, listen())).server.port).toBe(chosen);
  });

  it('--port 0 is a one-off: any free port, the kept one neither used nor replaced', async () => {
    const first = await listenOnHomePort(home, undefined, listen());
    await stop(first.server);
    const before = readFileSync(join(home, PORT_FILE), 'utf8');
    const oneOff = await listenOnHomePort(home, 0, listen());
    expect(oneOff.notes).toEqual([]);
    expect(readFileSync(join(home, PORT_FILE), 'utf8')).toBe(before);
  });

  it('a file that holds no port: a free port, a line naming the file, and the file rewritten', async () => {
    const file = join(home, PORT_FILE);
    for (const text of ['', 'eighty', '70000', '{"port": 0}', '{"port": "8080"}']) {
      writeFileSync(file, text);
      const started = await listenOnHomePort(home, undefined, listen());
      expect(started.notes).toEqual([`${file} does not hold a port number (1..65535): serving on a free port`]);
      expect(recorded().port).toBe(started.server.port);
      await stop(started.server);
    }
    // a port number written by hand is used
    const chosen = await freePort();
    writeFileSync(file, `${chosen}\n`);
    expect(lastPort(home).record).toEqual({ port: chosen });
    expect((await listenOnHomePort(home, undefined, listen())).server.port).toBe(chosen);
  });

  it('where the port cannot be recorded the lab still starts, and says the next start will not know it', async () => {
    mkdirSync(join(home, `${PORT_FILE}.${process.pid}.tmp`)); // the temp file cannot be created (works as root too)
    const started = await listenOnHomePort(home, undefined, listen());
    expect(started.notes).toEqual([`could not record port ${started.server.port} in ${join(home, PORT_FILE)} (EISDIR): ` +
      'the next start will not know it, so tabs open now may not reconnect after a restart']);
  });
});

describe('holderOf', () => {
  it('names a live other process, not this one, a dead one, or one recorded before the last boot', () => {
    const now = new Date().toISOString();
    expect(holderOf({ port: 1, pid: process.pid, since: now }, 1)).toBe(process.pid);
    expect(holderOf({ port: 1, pid: process.pid, since: now })).toBeNull();
    expect(holderOf({ port: 1, pid: DEAD_PID, since: now }, 1)).toBeNull();
    expect(holderOf({ port: 1, pid: process.pid, since: '2001-01-01T00:00:00Z' }, 1)).toBeNull();
    expect(holderOf({ port: 1 }, 1)).toBeNull();
    expect(holderOf(null)).toBeNull();
  });
});

/** A port free right now (taken and released). */
async function freePort(): Promise<number> {
  const port = await occupy();
  const b = blockers.pop()!;
  await new Promise((r) => b.close(r));
  return port;
}
