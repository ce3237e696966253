// The pool's slots with real trainer processes: a run takes as many slots as its ONNX Runtime threads
// (two 2-thread runs on 2 cores would oversubscribe them), and a pool sized by a setting follows it.
import { afterAll, describe, expect, it } from 'vitest';
import { openTestLab, nextEvent, waitNoTrainers, type TestLab } from './testing/lab-fixture';
import type { RunEvent } from './events';

// 2048 synthetic rows, batch 64: 32 steps per epoch.
const small = { data: { kind: 'synthetic', samples: 2048 }, batchSize: 64 } as const;
const labs: TestLab[] = [];
const lab = (o: Parameters<typeof openTestLab>[0]) => {
  const l = openTestLab(o);
  labs.push(l);
  return l;
};
afterAll(async () => {
  for (const l of labs) expect(await waitNoTrainers(l.home)).toEqual([]);
});

/** The order in which runs started training and settled. */
function timeline(l: TestLab): string[] {
  const events: string[] = [];
  l.manager.subscribe((e: RunEvent) => {
    if (e.type === 'status' && e.status === 'running' && !e.provider && !events.includes(`start ${e.runId}`)) events.push(`start ${e.runId}`);
    if (e.type === 'released') events.push(`end ${e.runId}`);
  });
  return events;
}

describe('run pool slots', () => {
  it('a 2-thread run takes both slots of a 2-slot pool: the next run waits for it', async () => {
    const l = lab({ poolSize: 2 });
    try {
      const events = timeline(l);
      const wide = l.manager.create({ ...small, epochs: 2, threads: 2 });
      const narrow = l.manager.create({ ...small, epochs: 1 });
      const other = l.manager.create({ ...small, epochs: 1 });
      for (const id of [wide, narrow, other]) expect((await l.manager.waitFor(id)).status).toBe('completed');
      // the two 1-thread runs share the pool once the 2-thread run has ended
      expect(events.slice(0, 2)).toEqual([`start ${wide}`, `end ${wide}`]);
      expect(events.slice(2, 4).sort()).toEqual([`start ${narrow}`, `start ${other}`].sort());
    } finally {
      await l.close();
    }
  });

  it('a run asking for more threads than the pool has runs alone instead of waiting forever', async () => {
    const l = lab({ poolSize: 1 });
    try {
      const id = l.manager.create({ ...small, epochs: 1, threads: 4 });
      expect((await l.manager.waitFor(id)).status).toBe('completed');
    } finally {
      await l.close();
    }
  });

  it('a pool sized by a setting starts a waiting run as soon as the setting grows', async () => {
    let concurrentRuns = 1;
    const l = lab({ poolSize: () => concurrentRuns });
    try {
      const long = l.manager.create({ ...small, epochs: 500, earlyStopping: { patience: 0 } }); // trains until cancelled
      const waiting = l.manager.create({ ...small, epochs: 1 });
      await nextEvent(l.manager, (e) => e.type === 'progress' && e.runId === long && e.step > 0);
      expect(l.store.runs.get(waiting)!.status).toBe('queued');
      concurrentRuns = 2;
      l.manager.schedule();
      expect((await l.manager.waitFor(waiting)).status).toBe('completed');
      expect(l.store.runs.get(long)!.status).toBe('running');
      l.manager.cancel(long);
      expect((await l.manager.waitFor(long)).status).toBe('cancelled');
    } finally {
      await l.close();
    }
  });
});
