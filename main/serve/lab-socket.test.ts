// What a browser tab may do over its socket beyond LabApi's own checks: import by path only under the
// --data-dir folders (symlinks and ../ cannot lead out), at most 4 uploads at once, and its unfinished
// uploads are cancelled (partial files removed) when the tab goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../lab/lab';
import { startServer, type RunningServer } from './server';
import { UPLOADS_PER_SOCKET } from './lab-socket';

let dir: string;
let data: string;
let lab: Lab;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-serve-socket-'));
  const ui = join(dir, 'ui');
  data = join(dir, 'data');
  mkdirSync(ui, { recursive: true });
  mkdirSync(data, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  writeFileSync(join(data, 'small.csv'), 'x,y\n1,2\n3,4\n5,6\n');
  writeFileSync(join(dir, 'secret.csv'), 'password\nhunter2\n');
  symlinkSync(join(dir, 'secret.csv'), join(data, 'link-out.csv'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  server = await startServer({ lab, rendererDir: ui, port: 0, dataDirs: [data] });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/lab?token=${server.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 1;
/** One request; events arriving meanwhile are skipped. */
function call(ws: WebSocket, channel: string, payload: unknown): Promise<any> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (d: WebSocket.RawData) => {
      const m = JSON.parse(String(d));
      if (m.id !== id) return;
      ws.off('message', onMessage);
      resolve(m);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
}

describe('path imports in serve mode', () => {
  it('refuses files outside the --data-dir folders, saying to upload or restart with --data-dir', async () => {
    const ws = await connect();
    for (const path of ['/etc/passwd', join(dir, 'secret.csv'), join(data, '..', 'secret.csv')]) {
      const r = await call(ws, 'datasets.import', { path });
      expect(r.ok, path).toBe(false);
      expect(r.error.code).toBe('not-available');
      expect(r.error.message).toContain(`'${path}' cannot be imported by path in serve mode: only files under ${data}`);
      expect(r.error.message).toContain('Drop the file into the browser window to upload it, or restart gatelab serve with --data-dir <its folder>');
    }
    // a link in a data folder is under it by name: the refusal says it is the link that leads out (data-dirs.test.ts)
    const link = join(data, 'link-out.csv');
    const r = await call(ws, 'datasets.import', { path: link });
    expect(r.error).toMatchObject({ code: 'not-available', message: expect.stringMatching(new RegExp(`^'${link}' is a link to a file outside the --data-dir folders`)) });
    ws.close();
  });

  it('imports a file under a --data-dir folder', async () => {
    const ws = await connect();
    const r = await call(ws, 'datasets.import', { path: join(data, 'small.csv') });
    expect(r).toMatchObject({ ok: true, result: { importId: expect.any(String) } });
    ws.close();
  });

  it('refuses every path when serve was started without --data-dir', async () => {
    const bare = await startServer({ lab, rendererDir: join(dir, 'ui'), port: 0 });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${bare.port}/lab?token=${bare.token}`);
      await new Promise((r) => ws.once('open', r));
      const r = await call(ws, 'datasets.import', { path: join(data, 'small.csv') });
      expect(r.error.message).toMatch(/no folder was named with --data-dir, so no file can be imported by path/);
      ws.close();
    } finally {
      await bare.close();
    }
  });

  it('refuses to start with a --data-dir that does not exist', async () => {
    await expect(startServer({ lab, rendererDir: join(dir, 'ui'), port: 0, dataDirs: [join(dir, 'nope')] })).rejects.toThrow(/--data-dir .*nope: no such folder/);
  });
});

describe('uploads belong to their socket', () => {
  const uploadsDir = () => join(lab.paths.home, 'uploads');
  const openFolders = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);

  it(`allows ${UPLOADS_PER_SOCKET} uploads at once per tab and cancels them when the tab goes away`, async () => {
    const before = openFolders().length;
    const ws = await connect();
    const ids: string[] = [];
    for (let i = 0; i < UPLOADS_PER_SOCKET; i++) {
      const r = await call(ws, 'import.begin', { name: `part${i}.csv`, size: 1000 });
      expect(r.ok).toBe(true);
      ids.push(r.result.uploadId);
      expect((await call(ws, 'import.chunk', { uploadId: r.result.uploadId, offset: 0, data: Buffer.from('x,y\n').toString('base64') })).ok).toBe(true);
    }
    const refused = await call(ws, 'import.begin', { name: 'fifth.csv', size: 10 });
    expect(refused.error.message).toBe('at most 4 uploads at once per browser tab: wait for one to finish (or cancel one), then drop the file again');
    // another tab has its own allowance
    const other = await connect();
    const r = await call(other, 'import.begin', { name: 'other.csv', size: 10 });
    expect(r.ok).toBe(true);
    // cancelling one frees a place
    expect((await call(ws, 'import.cancel', { importId: ids[0] })).ok).toBe(true);
    expect((await call(ws, 'import.begin', { name: 'again.csv', size: 10 })).ok).toBe(true);
    expect(openFolders().length).toBe(before + UPLOADS_PER_SOCKET + 1);

    ws.close();
    const t0 = Date.now();
    while (openFolders().length > before + 1 && Date.now() - t0 < 5000) await new Promise((res) => setTimeout(res, 20));
    expect(openFolders().length).toBe(before + 1); // only the other tab's upload is left
    const gone = await call(other, 'import.chunk', { uploadId: ids[1], offset: 4, data: 'eA==' });
    expect(gone.error.code).toBe('not-found');
    other.close();
  });
});
