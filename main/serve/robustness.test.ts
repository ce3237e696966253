// Requests that once killed `gatelab serve` (audit A21), sent raw over real sockets: request targets
// `new URL` cannot parse, on plain requests and on WebSocket upgrades, and a file that fails while it
// is being read. Each must get an answer (or a dropped connection) and leave the server serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab/lab';
import { startServer, type RunningServer } from './server';

let dir: string;
let lab: Lab;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-serve-robust-'));
  const ui = join(dir, 'ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  // A regular file by stat whose read fails (EIO at offset 0): a disk error, staged without mocks.
  if (process.platform === 'linux') symlinkSync('/proc/self/mem', join(ui, 'broken.js'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  server = await startServer({ lab, rendererDir: ui, port: 0 });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `text` as is and returns everything the server wrote before closing (or after 2 s). */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(server.port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => (s.destroy(), resolve(got)), 2000);
    s.on('data', (d) => (got += d));
    s.on('close', () => (clearTimeout(timer), resolve(got)));
    s.on('error', reject);
    s.write(text);
  });
}

const requestLine = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n${extra}\r\n`;
const upgrade = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

async function stillServing(): Promise<void> {
  expect(await raw(requestLine(`/index.html?token=${server.token}`))).toMatch(/^HTTP\/1\.1 200 /);
}

describe('serve mode survives malformed request targets', () => {
  it.each(['//:99999', '//[::1', '///', '//a%20b', '//:99999?token=x'])('GET %s gets 400 before any token check', async (target) => {
    const reply = await raw(requestLine(target));
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('malformed request path');
    await stillServing();
  });

  it('refuses a malformed upgrade with 400 and closes the socket', async () => {
    for (const target of ['//:99999', '//[::1', `//a%20b?token=${server.token}`]) {
      expect(await raw(requestLine(target, upgrade))).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    }
    await stillServing();
  });

  it('a request target that is not a path (absolute or asterisk form) is refused, not parsed', async () => {
    expect(await raw(requestLine('*'))).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing();
  });

  it('a target that parses but starts with // (a host to URL parsers) is refused too, token or not', async () => {
    expect(await raw(requestLine(`//evil.example/index.html?token=${server.token}`))).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(requestLine(`/index.html?token=${server.token}`))).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe.skipIf(process.platform !== 'linux')('serve mode survives a file that fails while it is read', () => {
  it('a read error cuts that response short and the server keeps serving', async () => {
    const cookie = `gatelab_token_${server.port}=${server.token}`;
    const outcome = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/broken.js', headers: { host: `127.0.0.1:${server.port}`, cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(`ended ${res.statusCode}`));
        res.on('error', () => resolve(`aborted ${res.statusCode}`));
        res.on('aborted', () => resolve(`aborted ${res.statusCode}`));
      });
      req.on('error', (e) => resolve(`error ${e.message}`));
      req.end();
    });
    // Either cut short (headers had gone out) or ended with what it had; never a crashed server.
    expect(outcome).toMatch(/^(aborted|ended|error)/);
    await stillServing();
  });
});
