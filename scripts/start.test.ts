// `npm start` (scripts/start.mjs) exits as a shell would for the lab it ran: the lab's own code, or 128 + the
// signal's number when a signal killed it (137 for kill -9 / the OOM killer), so a script or service manager
// can tell a kill from a failure; before, every kill was a flat 1. The "stopped unexpectedly" line stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  it('passes on the lab\'s own exit code (2: serve refused its arguments) with no "killed" line', async () => {
    const r = await start(['--home', join(dir, 'home'), '--data-dir', join(dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--data-dir ${join(dir, 'missing')}: no such folder`);
    expect(r.err).not.toContain('stopped unexpectedly');
  }, 60_000);
});
