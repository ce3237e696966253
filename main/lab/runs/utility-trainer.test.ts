// The utilityProcess launcher and the trainer's parentPort side, without Electron: a forked child dressed
// as a utilityProcess (testing/utility-shim.mjs) trains a run to completion through the same manager.
import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { utilityTrainer, type UtilityFork } from './utility-trainer';
import { openTestLab, waitNoTrainers } from './testing/lab-fixture';

const SHIM = fileURLToPath(new URL('./testing/utility-shim.mjs', import.meta.url));

const fakeUtilityFork: UtilityFork = (modulePath, args, options) => {
  const child = fork(modulePath, args ?? [], { execArgv: ['--import', SHIM, ...(options?.execArgv ?? [])], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return {
    get pid() { return child.pid; },
    postMessage: (m) => void child.send(m as never),
    on: ((event: string, l: (...a: unknown[]) => void) => child.on(event === 'exit' ? 'exit' : event, l)) as never,
    kill: () => child.kill('SIGKILL'),
    stderr: child.stderr,
  };
};

describe('utilityProcess launcher', () => {
  it('a run trains to completion over parentPort messages; its process exits', async () => {
    const l = openTestLab({ launcher: utilityTrainer(fakeUtilityFork) });
    try {
      const run = await l.manager.waitFor(l.manager.create({ data: { kind: 'synthetic', samples: 2048 }, batchSize: 64, epochs: 2 }));
      expect(run.status).toBe('completed');
      expect(run.step).toBe(64);
      expect(l.store.checkpoints.forRun(run.id).map((c) => c.kind)).toContain('best');
      expect(await waitNoTrainers(l.home)).toEqual([]);
    } finally {
      await l.close();
    }
  });
});
