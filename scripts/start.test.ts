// `npm start` (scripts/start.mjs) exits as a shell would for the lab it ran: the lab's own code, or 128 + the
// signal's number when a signal killed it (137 for kill -9 / the OOM killer), so a script or service manager
// can tell a kill from a failure; before, every kill was a flat 1. The "stopped unexpectedly" line stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodeOf } from './lab-exit.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** With Electron's binary installed, start.mjs opens the desktop app instead of serve: these tests drive serve. */
const hasElectron = (() => {
  try { return typeof createRequire(import.meta.url)('electron') === 'string'; } catch { return false; }
})();

describe('exitCodeOf', () => {
  it('is the lab\'s code when it exited by itself, 128 + the signal\'s number when a signal ended it', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(2, null)).toBe(2);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
    expect(exitCodeOf(null, 'SIGSEGV')).toBe(139);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
  });
});

/** Runs `node scripts/start.mjs ARGS` (serve, no browser); resolves its exit code and what it printed. */
function start(args: string[], onLine?: (line: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-open', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    for (const line of c.toString().split('\n')) if (line.trim()) onLine?.(line.trim(), child);
  });
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

/** Whether `pid` is a live process: an orphan that exited may stay a zombie when PID 1 does not reap it. */
function running(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX] /s.test(stat);
  } catch {
    return false; // gone between the two reads
  }
}

describe.skipIf(hasElectron || process.platform !== 'linux')('npm start without Electron (serve)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-start-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 137 and says the runs are safe when the lab is killed with SIGKILL', async () => {
    const r = await start(['--home', join(dir, 'home'), '--port', '0'], (line, child) => {
      if (!line.startsWith('http://127.0.0.1:')) return;
      // the URL is printed: serve is up (its UI build, if any, is done). Kill it as the OOM killer would.
      const [serve] = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
      process.kill(serve, 'SIGKILL');
    });
    expect(r.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.code).toBe(137);
    expect(r.err).toContain('GateLab: the lab stopped unexpectedly (killed by SIGKILL, e.g. the out-of-memory killer or kill -9). Your runs are safe');
  }, 120_000);

  it('stops the lab, as on SIGTERM, when the process that started it dies without passing a signal on', async () => {
    // `npm start` is npm → sh -c → start.mjs; sh does not forward npm's SIGTERM. A parent that dies at once
    // (SIGKILL) stands in for it: start.mjs and its serve child must not outlive it, keeping the port.
    const parentScript = `const c = require('node:child_process').spawn(process.execPath, ${JSON.stringify(['scripts/start.mjs', '--no-open', '--home', join(dir, 'orphan'), '--port', '0'])}, { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log('start.mjs ' + c.pid);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    parent.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
    // start.mjs writes to the same pipe as its parent, so the URL arrives here even after the parent is gone
    const { startPid, servePid } = await new Promise<{ startPid: number; servePid: number }>((resolve, reject) => {
      parent.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const startPid = Number(/^start\.mjs (\d+)$/m.exec(out)?.[1]);
        if (!startPid || !/^http:\/\/127\.0\.0\.1:\d+\//m.test(out)) return;
        const [servePid] = readFileSync(`/proc/${startPid}/task/${startPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
        resolve({ startPid, servePid });
      });
      parent.stdout!.on('end', () => reject(new Error(`the lab did not start:\n${out}\n${err}`)));
    });
    expect(running(startPid) && running(servePid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 15_000;
    while ((running(startPid) || running(servePid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const left = [startPid, servePid].filter(running);
    for (const pid of left) process.kill(pid, 'SIGKILL'); // leave no lab behind, even when the test fails
    expect(left).toEqual([]);
    expect(err).not.toContain('stopped unexpectedly'); // a stop, like the SIGTERM it stands for, not a crash
  }, 120_000);

  it('prints a URL that still gets a browser back in after it was closed, and a 401 page that names the saved token', async () => {
    const home = join(dir, 'way-back');
    let pages: Promise<{ printed: Response; reopened: Response }> | undefined;
    const r = await start(['--home', home, '--port', '0'], (line, child) => {
      if (pages || !line.startsWith('http://127.0.0.1:')) return;
      const url = new URL(line);
      // a closed browser kept no cookie: the printed URL lets it in again, the bare address tells it how
      pages = Promise.all([fetch(url, { redirect: 'manual' }), fetch(`${url.origin}/#/runs`)])
        .then(([printed, reopened]) => ({ printed, reopened }))
        .finally(() => child.kill('SIGINT'));
    });
    const { printed, reopened } = await pages!;
    expect(r.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}\n/);
    expect(r.err).toContain('open the URL above in a browser, also to come back after closing the browser');
    expect(printed.status).toBe(302);
    expect(printed.headers.get('set-cookie')).toMatch(/^gatelab_token_\d+=/);
    expect(reopened.status).toBe(401);
    const page = await reopened.text();
    expect(page).toContain('printed as its first line');
    expect(page).toContain(`followed by the text in ${join(home, 'serve-token')}`);
    expect(readFileSync(join(home, 'serve-token'), 'utf8').trim()).toBe(new URL(r.out.split('\n')[0]).searchParams.get('token'));
  }, 120_000);

  it('passes on the lab\'s own exit code (2: serve refused its arguments) with no "killed" line', async () => {
    const r = await start(['--home', join(dir, 'home'), '--data-dir', join(dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--data-dir ${join(dir, 'missing')}: no such folder`);
    expect(r.err).not.toContain('stopped unexpectedly');
  }, 60_000);
});
