// `npm start` opens serve's lab without its token on any command line: the opener gets a single-use link
// that the real server issued (valid once, for a minute), and when no browser opens it says why and where to go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Lab } from '../main/lab/lab';
import { startServer, type RunningServer } from '../main/serve/server';
import { openBrowser, openerFor } from './open-browser.mjs';

let dir: string;
let lab: Lab;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-open-'));
  mkdirSync(join(dir, 'ui'));
  writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>GateLab</title>');
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  server = await startServer({ lab, rendererDir: join(dir, 'ui'), port: 0 });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A spawn that records what it was asked to run (nothing is started); `fail` makes it emit that error. */
function recordingSpawn(calls: Array<{ command: string; args: string[] }>, fail?: NodeJS.ErrnoException) {
  return ((command: string, args: string[]) => {
    calls.push({ command, args });
    const child = Object.assign(new EventEmitter(), { unref() {} });
    if (fail) setImmediate(() => child.emit('error', fail));
    return child;
  }) as never;
}

function get(path: string): Promise<{ status: number; location?: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookie: res.headers['set-cookie']?.[0] }));
    }).on('error', reject).end();
  });
}

describe('npm start: opening the browser', () => {
  for (const [platform, env, opener] of [['linux', { DISPLAY: ':0' }, 'xdg-open'], ['darwin', {}, 'open'], ['win32', {}, 'cmd']] as const) {
    it(`${platform}: the opener gets a single-use link, never the token; the link opens the lab once`, async () => {
      const calls: Array<{ command: string; args: string[] }> = [];
      const reports: string[] = [];
      const opened = (await openBrowser(server.url, { platform, env, spawn: recordingSpawn(calls), report: (l) => reports.push(l) }))!;
      expect(calls).toEqual([{ command: opener, args: [...openerFor(platform, env)!.slice(1), opened.args.at(-1)!] }]);
      const link = opened.args.at(-1)!;
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/open/[\\w-]{24}$`));
      expect(calls[0].args.join(' ')).not.toContain(server.token);
      const path = new URL(link).pathname;
      const first = await get(path);
      expect(first).toMatchObject({ status: 302, location: '/' });
      expect(first.cookie?.split(';')[0]).toBe(`gatelab_token_${server.port}=${server.token}`);
      expect((await get(path)).status).toBe(401); // what a later reader of the command line gets
      expect(reports).toEqual([]);
    });
  }

  it('when no browser opens, it says why and prints the URL', async () => {
    const reports: string[] = [];
    const report = (l: string) => reports.push(l);
    expect(await openBrowser(server.url, { platform: 'linux', env: {}, spawn: recordingSpawn([]), report })).toBeNull();
    expect(reports.pop()).toBe(`GateLab: could not open a browser (no display: DISPLAY and WAYLAND_DISPLAY are not set); open this URL yourself: ${server.url}`);

    const missing = Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' });
    await openBrowser(server.url, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: recordingSpawn([], missing), report });
    await new Promise((r) => setImmediate(r));
    expect(reports.pop()).toBe(`GateLab: could not open a browser (xdg-open: not installed); open this URL yourself: ${server.url}`);

    const wrong = `http://127.0.0.1:${server.port}/?token=${'x'.repeat(32)}`;
    const calls: Array<{ command: string; args: string[] }> = [];
    expect(await openBrowser(wrong, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: recordingSpawn(calls), report })).toBeNull();
    expect(calls).toEqual([]);
    expect(reports.pop()).toBe(`GateLab: could not open a browser (could not get a link from the lab: the lab answered 401: 401 missing or wrong token: this browser has no access to this lab (a browser forgets it when it is closed, so a tab reopened later lands here)); open this URL yourself: ${wrong}`);
  });

  it.skipIf(process.platform !== 'linux')('a real opener process: its command line (as ps shows it) has no token, and an opener that fails is reported', async () => {
    // /bin/sh stands in for xdg-open: it prints its own argv from /proc, as another user would read it, then fails
    const reports: string[] = [];
    const seen = await new Promise<string>((resolve) => {
      let out = '';
      const fakeOpener = ((_cmd: string, args: string[]) => {
        const child = spawn('/bin/sh', ['-c', 'tr "\\0" " " < /proc/$$/cmdline; exit 3', 'xdg-open', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout!.on('data', (c) => (out += c));
        child.on('exit', () => setImmediate(() => resolve(out)));
        return child;
      }) as never;
      void openBrowser(server.url, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: fakeOpener, report: (l) => reports.push(l) });
    });
    expect(seen).toMatch(/\/open\/[\w-]{24}/);
    expect(seen).not.toContain(server.token);
    expect(reports).toEqual([`GateLab: could not open a browser (xdg-open exited with code 3); open this URL yourself: ${server.url}`]);
  });
});
