// `gatelab train` when its surroundings go away, as real processes on a temp lab home: SIGTERM stops it
// saying so and leaves the run resumable; Ctrl-C pauses it (exit code 3); a reader that closes the pipe (`| head -4`) does not stop the
// training. And a store that cannot be written is named with what to check.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLabStore } from '../lab/store/index';
import { explainStoreError } from './train';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));

function train(home: string, extra: string[], onLine: (line: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; out: string[]; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'train', '--home', home, '--set', 'batch-size=64', '--follow', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    let err = '';
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts) { out.push(l); onLine(l, child); }
    });
    child.stdout!.on('error', () => {});
    child.stderr!.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const statusOf = (home: string, id: number) => {
  const s = openLabStore(join(home, 'gatelab.sqlite'));
  try { return s.runs.get(id)!; } finally { s.close(); }
};

describe('gatelab train and its surroundings', () => {
  it('SIGTERM: says it stops, the run is left interrupted (resumable)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-term-'));
    try {
      let sent = false;
      const r = await train(home, ['--epochs', '50', '--set', 'samples=16384'], (line, child) => {
        if (!sent && /^step \d+/.test(line)) { sent = true; child.kill('SIGTERM'); }
      });
      expect(sent).toBe(true);
      expect(r.err).toContain('gatelab: stopping on SIGTERM; run 1 will be interrupted (resume with gatelab resume 1)');
      expect(r.out.at(-1)).toMatch(/^run 1 interrupted at step \d+: the lab shut down while this run was training; resume it: gatelab resume 1$/);
      expect(r.code).toBe(1);
      expect(statusOf(home, 1).status).toBe('interrupted');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('Ctrl-C: the run pauses, one line says how to resume and why the exit code is 3; the progress line counts full epochs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-int-'));
    try {
      let sent = false;
      const r = await train(home, ['--epochs', '50', '--set', 'samples=16384'], (line, child) => {
        if (!sent && /^step \d+/.test(line)) { sent = true; child.kill('SIGINT'); }
      });
      expect(sent).toBe(true);
      expect(r.out.find((l) => /^step \d+/.test(l))).toMatch(/^step \d+\/12800 {2}0 full epochs {2}[\d,]+ samples\/s/); // inside the first epoch: none done yet
      expect(r.out).toContain('pausing (a checkpoint is written; resume with gatelab resume RUN); Ctrl-C again to stop at once');
      expect(r.out.at(-1)).toMatch(/^run 1 paused at step \d+; continue with: gatelab resume 1 \(exit code 3 by design: the run did not finish, nothing is lost\)$/);
      expect(r.code).toBe(3);
      expect(statusOf(home, 1).status).toBe('paused');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('the reader closes the pipe (| head -4): printing stops, the training completes', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-epipe-'));
    try {
      let lines = 0;
      const r = await train(home, ['--epochs', '4', '--set', 'samples=4096', '--set', 'patience=0'], (_line, child) => {
        if (++lines === 2) child.stdout!.destroy();
      });
      expect(r.err).not.toMatch(/EPIPE|Error/);
      expect(r.code).toBe(0);
      expect(statusOf(home, 1)).toMatchObject({ status: 'completed', epoch: 4 });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it("SQLite's read-only error names the database file and what to check", () => {
    expect(explainStoreError('attempt to write a readonly database', '/srv/lab')).toBe(
      'the lab database /srv/lab/gatelab.sqlite cannot be written (attempt to write a readonly database): check the permissions of that file and of its folder /srv/lab, or use another lab home (--home DIR)');
    expect(explainStoreError('--epochs needs a number', '/srv/lab')).toBe('--epochs needs a number');
  });
});
