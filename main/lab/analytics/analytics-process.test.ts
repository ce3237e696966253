// When an analytics process dies without a result, the user reads what it was doing and what to do, not
// V8's GC trace and native stack. The out-of-memory case is a real Node process run out of heap.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exitMessage, startAnalyticsJob } from './analytics-process';
import { forkWorkers, type WorkerLauncher } from './worker-launcher';

const job = (kind: 'knockout' | 'report') => ({ kind, spec: { runId: 4 } }) as Parameters<typeof exitMessage>[0];

describe('analytics process exit message', () => {
  it('a process out of heap: "ran out of memory … while knocking out gates of run 4", no native stack', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=16', '-e', 'const a = []; for (;;) a.push(new Array(1e5).fill(1.5));'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal ?? r.status).toBeTruthy(); // it did die
    expect(r.stderr).toMatch(/heap out of memory/);
    const m = exitMessage(job('knockout'), r.status, r.signal, r.stderr.slice(-4096));
    expect(m).toMatch(/^the analytics process ran out of memory \((SIGABRT|SIGTRAP|code \d+)\) while knocking out gates of run 4; close other runs/);
    expect(m).toContain('gatelab knockout 4 --gate G');
    expect(m).not.toMatch(/Native stack|0x[0-9a-f]{6}|OOMErrorHandler/);
  });

  it('killed by the system (SIGKILL, no stderr) is said as likely lack of memory; a gate report says so', () => {
    expect(exitMessage(job('report'), null, 'SIGKILL', '')).toMatch(/^the analytics process was killed \(most often by the system when memory runs out\) \(SIGKILL\) while computing the gate report of run 4; /);
  });

  it('another crash keeps its last error lines but not the native stack', () => {
    const tail = 'Error: ORT session failed: bad graph\n    at run (x.ts:1:2)\n----- Native stack trace -----\n\n 1: 0xb8ced1 node::Abort() [node]\n 2: 0xc0ffee foo [node]\n';
    const m = exitMessage(job('knockout'), null, 'SIGABRT', tail);
    expect(m).toBe('the analytics process exited (SIGABRT) without a result while knocking out gates of run 4:\nError: ORT session failed: bad graph\n    at run (x.ts:1:2)');
  });

  it('a long stack keeps the error\'s own line before its last frames (eight frames alone said nothing)', () => {
    const frames = Array.from({ length: 12 }, (_, i) => `    at f${i} (worker.js:${i}:1)`);
    const m = exitMessage(job('knockout'), 1, null, ['TypeError: Cannot read properties of undefined (reading \'dims\')', ...frames].join('\n'));
    expect(m.split('\n').slice(1)).toEqual(["TypeError: Cannot read properties of undefined (reading 'dims')", '…', ...frames.slice(-6)]);
  });
});

describe('analytics job over the fork launcher', () => {
  const spec = { runId: 4, config: {}, checkpointDir: '.' } as never;

  it('the worker\'s own failure (a checkpoint that is not there) comes back as the job\'s error', async () => {
    const handle = startAnalyticsJob({ kind: 'report', spec, checkpoint: '/nowhere/model.ckpt' } as never, {}, forkWorkers);
    await expect(handle.result).rejects.toThrow(/ENOENT.*\/nowhere\/model\.ckpt/);
  });

  it('a worker that dies before answering: the exit is reported in the user\'s words', async () => {
    const launched: string[] = [];
    const killedAtStart: WorkerLauncher = (start) => {
      launched.push(start.entry);
      const child = forkWorkers(start);
      child.kill();
      return child;
    };
    const handle = startAnalyticsJob({ kind: 'report', spec, checkpoint: '/nowhere/model.ckpt' } as never, {}, killedAtStart);
    await expect(handle.result).rejects.toThrow(/^the analytics process was killed \(most often by the system when memory runs out\) \(SIGKILL\) while computing the gate report of run 4; /);
    expect(launched).toEqual([expect.stringMatching(/workers[\\/]analytics[\\/]entry\.ts$/)]);
  });
});
