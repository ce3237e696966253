// `gatelab sweep` and Ctrl-C, as real processes on a temp lab home: the first Ctrl-C pauses the training
// runs and starts no queued one (they wait, paused at step 0), says how to go on and exits 3; a second one
// during the pause stops at once. Either way no run is left 'queued' by a process that is gone.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLabStore } from '../lab/store/index';
import { howToContinue } from './sweep';
import { labHomeWithDemos } from '../lab/testing/lab-home';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));

/** A 3-run sweep on one slot: run 1 trains for minutes unless stopped, runs 2 and 3 wait in the queue. */
function sweep(home: string, onLine: (line: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; out: string[] }> {
  const file = join(home, 'experiment.json');
  writeFileSync(file, JSON.stringify({ name: 'stop me', seeds: 3, config: { data: { kind: 'synthetic', samples: 16384 }, batchSize: 64, epochs: 50, earlyStopping: { patience: 0 } } }));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'sweep', file, '--home', home, '--parallel', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts) { out.push(l); onLine(l, child); }
    });
    child.stderr!.on('data', (d) => out.push(...String(d).split('\n').filter(Boolean)));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const runsOf = (home: string) => {
  const s = openLabStore(join(home, 'gatelab.sqlite'));
  try { return s.runs.list({}).sort((a, b) => a.id - b.id); } finally { s.close(); }
};

describe('gatelab sweep and Ctrl-C', () => {
  it('the first Ctrl-C pauses run 1, holds runs 2 and 3 unstarted (paused at step 0), says how to go on, exits 3', async () => {
    const home = await labHomeWithDemos([], 'gatelab-sweep-int-'); // no demo install line before the sweep's first
    try {
      let sent = false;
      const r = await sweep(home, (line, child) => {
        if (!sent && /^run 1: epoch 1 /.test(line)) { sent = true; child.kill('SIGINT'); }
      });
      expect(sent).toBe(true);
      expect(r.out[0]).toMatch(/^group \w+: 3 runs queued \(1, 2, 3\), on 1 slot: a run takes one per thread$/);
      expect(r.out).toContain('pausing run 1 (a checkpoint is written; resume with gatelab resume RUN); runs 2, 3 will not start: left paused at step 0 (gatelab resume RUN, or Resume in the app, starts one); Ctrl-C again to stop at once');
      expect(r.out.join('\n')).not.toMatch(/run [23]: training/); // the freed slot went to no queued run
      expect(r.out.at(-1)).toBe("runs 1–3 did not finish: continue each with gatelab resume RUN (e.g. gatelab resume 1), or with Resume in the app's Runs (exit code 3 by design: the sweep did not finish, nothing is lost)");
      expect(r.code).toBe(3);
      const runs = runsOf(home);
      expect(runs.map((x) => x.status)).toEqual(['paused', 'paused', 'paused']);
      expect(runs[0].step).toBeGreaterThan(0);
      expect(runs.slice(1).map((x) => x.step)).toEqual([0, 0]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('a second Ctrl-C during the pause stops at once, saying so, and leaves nothing queued', async () => {
    const home = await labHomeWithDemos([], 'gatelab-sweep-int2-');
    try {
      let sent = 0;
      const r = await sweep(home, (line, child) => {
        if (sent === 0 && /^run 1: epoch 1 /.test(line)) { sent = 1; child.kill('SIGINT'); }
        else if (sent === 1 && line.startsWith('pausing')) { sent = 2; child.kill('SIGINT'); }
      });
      expect(sent).toBe(2);
      const runs = runsOf(home);
      // run 1 either paused before the second Ctrl-C was read (its checkpoint written) or was interrupted
      expect(['paused', 'interrupted']).toContain(runs[0].status);
      expect(runs.slice(1).map((x) => [x.status, x.step])).toEqual([['paused', 0], ['paused', 0]]);
      expect(r.code).toBe(runs[0].status === 'paused' ? 3 : 1);
      if (runs[0].status === 'interrupted') expect(r.out).toContain('stopping now: run 1 will be interrupted, resumable from its last checkpoint');
      expect(r.out.join('\n')).not.toMatch(/Error|at .*\.ts:\d+/); // no stack trace
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('says nothing more when every run finished', () => {
    expect(howToContinue([{ id: 1, status: 'completed' }], 0)).toBeNull();
    expect(howToContinue([{ id: 1, status: 'completed' }, { id: 2, status: 'interrupted' }], 1)).toBe("run 2 did not finish: continue each with gatelab resume RUN (e.g. gatelab resume 2), or with Resume in the app's Runs");
  });
});
