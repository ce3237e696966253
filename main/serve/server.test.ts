// Serve mode's security and robustness, over real sockets: token, single-use open codes, Host/Origin checks, traversal,
// oversized and invalid messages. After each bad request the server must still answer good ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../lab/lab';
import { startServer, type RunningServer } from './server';
import { OPEN_CODE_MS, OpenCodes } from './open-codes';
import { waysBackIn } from './auth';

let dir: string;
let lab: Lab;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-serve-'));
  const ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve me');
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  server = await startServer({ lab, rendererDir: ui, port: 0 });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function send(method: string, path: string, headers: Record<string, string>, port: number): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ method, host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
const get = (path: string, headers: Record<string, string> = {}, port = server.port) => send('GET', path, headers, port);
const post = (path: string, headers: Record<string, string> = {}) => send('POST', path, headers, server.port);

function connect(query = `?token=${server.token}`, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/lab${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<any> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('serve mode HTTP', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get(`/?token=${server.token.slice(0, -1)}x`)).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
  });

  it('names the saved token file on its 401 page when told where it is (a reopened browser\'s way back in)', async () => {
    const other = await startServer({ lab, rendererDir: join(dir, 'ui'), port: 0, tokenFile: join(dir, 'home', 'serve-token') });
    try {
      const r = await get('/', {}, other.port);
      expect(r.status).toBe(401);
      expect(r.body).toContain(`- or open http://127.0.0.1:${other.port}/?token= followed by the text in ${join(dir, 'home', 'serve-token')}`);
    } finally {
      await other.close();
    }
  });

  it('answers the printed URL with a 302 to / that sets the cookie (the token is not the page\'s address), and accepts the cookie', async () => {
    const first = await get(`/?token=${server.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    expect(first.body).not.toContain(server.token);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict; Path=/');
    // named by port: a browser sends it to every port of 127.0.0.1, and another server must not find it under a name it reads
    expect(cookie).toBe(`gatelab_token_${server.port}=${server.token}`);
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>GateLab</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await get('/assets/app.js', { cookie })).status).toBe(200);
    expect((await get('/assets/app.js', { cookie: `gatelab_token=${server.token}` })).status).toBe(401);
    expect((await get('/assets/app.js', { cookie: `gatelab_token_${server.port + 1}=${server.token}` })).status).toBe(401);
    // other parameters survive the redirect; ?token= on anything but the page still works as before
    expect((await get(`/?view=runs&token=${server.token}`)).headers.location).toBe('/?view=runs');
    const asset = await get(`/assets/app.js?token=${server.token}`);
    expect(asset.status).toBe(200);
    expect(String(asset.headers['set-cookie'])).toContain(`gatelab_token_${server.port}=${server.token}`);
  });

  it('npm start\'s single-use code: issued to a token holder, opens once (302 + cookie), then 401', async () => {
    expect((await post('/open-codes')).status).toBe(401); // not without the token
    const issued = await post('/open-codes', { cookie: `gatelab_token_${server.port}=${server.token}` });
    expect(issued.status).toBe(201);
    const code = issued.body;
    expect(code).toMatch(/^[\w-]{24}$/);
    expect(code).not.toContain(server.token);
    const opened = await get(`/open/${code}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.location).toBe('/');
    expect(String(opened.headers['set-cookie']).split(';')[0]).toBe(`gatelab_token_${server.port}=${server.token}`);
    const again = await get(`/open/${code}`);
    expect(again.status).toBe(401);
    expect(again.body).toBe(`401 this link to open GateLab was already used or is more than a minute old\n${waysBackIn(server.port)}\n`);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await get('/open/made-up-code')).status).toBe(401);
    expect((await get('/open-codes', { cookie: `gatelab_token_${server.port}=${server.token}` })).status).toBe(405);
  });

  it('a single-use code older than a minute is refused (401)', async () => {
    let now = 1_000_000;
    const codes = new OpenCodes(() => now);
    const other = await startServer({ lab, rendererDir: join(dir, 'ui'), port: 0, openCodes: codes });
    try {
      const code = codes.issue();
      now += OPEN_CODE_MS + 1;
      const r = await get(`/open/${code}`, {}, other.port);
      expect(r.status).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
      const fresh = codes.issue();
      now += OPEN_CODE_MS - 1;
      expect((await get(`/open/${fresh}`, {}, other.port)).status).toBe(302);
    } finally {
      await other.close();
    }
  });

  it('rejects path traversal, plain and encoded', async () => {
    const t = `?token=${server.token}`;
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..%5csecret.txt']) {
      const r = await get(p + t);
      expect(r.status, p).toBe(400);
      expect(r.body).not.toContain('do not serve me');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    expect((await get(`/?token=${server.token}`, { host: 'evil.example:80' })).status).toBe(403);
  });
});

describe('serve mode WebSocket', () => {
  it('refuses a socket without or with a wrong token, and one from another origin', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 401');
    await expect(connect('?token=nope')).rejects.toThrow('HTTP 401');
    await expect(connect(`?token=${server.token}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers a valid request', async () => {
    const ws = await connect();
    const r = await call(ws, { id: 1, channel: 'system.info', payload: {} });
    expect(r).toMatchObject({ id: 1, ok: true, result: { face: 'test' } });
    expect(r.result.executionProviders[0]).toMatchObject({ name: 'cpu', available: true });
    ws.close();
  });

  it('answers invalid payloads, unknown channels and garbage with clear errors and stays up', async () => {
    const ws = await connect();
    const bad = await call(ws, { id: 2, channel: 'datasets.preview', payload: { id: 'x', offset: -1, limit: 5000 } });
    expect(bad).toMatchObject({ id: 2, ok: false, error: { code: 'invalid-payload' } });
    expect(bad.error.message).toMatch(/datasets\.preview: invalid payload — offset: .*; limit: /);
    const unknown = await call(ws, { id: 3, channel: 'fs.readFile', payload: { path: '/etc/passwd' } });
    expect(unknown).toMatchObject({ id: 3, ok: false, error: { code: 'unknown-channel', message: "'fs.readFile' is not a LabApi channel" } });
    const proto = await call(ws, { id: 4, channel: '__proto__', payload: {} });
    expect(proto.error.code).toBe('unknown-channel');
    expect((await call(ws, 'not json')).error.message).toBe('message is not valid JSON');
    expect((await call(ws, { channel: 'system.info' })).error.message).toBe('expected {id, channel, payload}');
    const settings = await call(ws, { id: 5, channel: 'settings.set', payload: { threads: 'many' } });
    expect(settings.error.message).toContain('threads');
    expect(await call(ws, { id: 6, channel: 'settings.get', payload: {} })).toMatchObject({ id: 6, ok: true });
    ws.close();
  });

  it('closes a socket that sends an oversized message (1009) and keeps serving others', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, channel: 'import.chunk', payload: { data: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const again = await connect();
    expect(await call(again, { id: 7, channel: 'system.info', payload: {} })).toMatchObject({ ok: true });
    again.close();
  });

  it('pushes events to connected sockets', async () => {
    const ws = await connect();
    const got = new Promise<any>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    lab.emit('datasets.changed', { id: '42' });
    expect(await got).toEqual({ event: 'datasets.changed', data: { id: '42' } });
    ws.close();
  });
});
