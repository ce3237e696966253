// Deleting runs with real trainer processes: a finished run goes with its metrics, checkpoints and folder;
// a training one is refused until cancelled; `gatelab delete` does the same from a terminal.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openTestLab, nextEvent, waitNoTrainers, type TestLab } from './testing/lab-fixture';

const small = { data: { kind: 'synthetic', samples: 2048 }, batchSize: 64 } as const;
const labs: TestLab[] = [];
afterAll(async () => {
  for (const l of labs) expect(await waitNoTrainers(l.home)).toEqual([]);
});

describe('deleting runs', () => {
  it('removes a finished run with its metrics, checkpoints and folder; refuses a training one', async () => {
    const l = openTestLab({ poolSize: 2 });
    labs.push(l);
    try {
      const done = l.manager.create({ ...small, epochs: 1 });
      expect((await l.manager.waitFor(done)).status).toBe('completed');
      const folder = join(l.paths.checkpoints, `run-${done}`);
      expect(existsSync(folder)).toBe(true);
      expect(l.store.metrics.series(done, 'loss').steps.length).toBeGreaterThan(0);
      expect(l.store.checkpoints.forRun(done).length).toBeGreaterThan(0);

      const busy = l.manager.create({ ...small, epochs: 500, earlyStopping: { patience: 0 } });
      await nextEvent(l.manager, (e) => e.type === 'progress' && e.runId === busy && e.step > 0);
      expect(() => l.manager.delete(busy)).toThrow(`run ${busy} is running in a live trainer: cancel it first (gatelab cancel ${busy}), then delete it`);

      l.manager.delete(done);
      expect(l.store.runs.get(done)).toBeUndefined();
      expect(l.store.metrics.series(done, 'loss').steps.length).toBe(0);
      expect(l.store.checkpoints.forRun(done)).toEqual([]);
      expect(existsSync(folder)).toBe(false);
      expect(() => l.manager.delete(done)).toThrow(new RegExp(`run ${done}`));

      l.manager.cancel(busy);
      expect((await l.manager.waitFor(busy)).status).toBe('cancelled');
      // from a terminal, as a user does it
      const cli = spawnSync(process.execPath, ['bin/gatelab.js', 'delete', String(busy), '--home', l.home, '--json'], { encoding: 'utf8' });
      expect(cli.status).toBe(0);
      expect(JSON.parse(cli.stdout.trim().split('\n').at(-1)!)).toEqual({ run: busy, deleted: true });
      expect(l.store.runs.get(busy)).toBeUndefined();
    } finally {
      await l.close();
    }
  }, 120_000);
});
