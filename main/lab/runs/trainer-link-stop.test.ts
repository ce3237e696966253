// How a live run ends when it cannot go on, with real trainer processes and a real store: a trainer
// killed mid-epoch and a lab shut down mid-epoch leave the run at its resume point (the checkpoint
// `gatelab resume` continues from), with the step its curves reached beside it; a database that refuses
// the run's metrics stops the run at a fresh checkpoint instead of letting it train on unrecorded.
import { afterAll, describe, expect, it } from 'vitest';
import { openTestLab, nextEvent, waitNoTrainers, type TestLab } from './testing/lab-fixture';
import type { RunEvent } from './events';
import { reachedStep, showText } from './run-report';
import { GIVE_UP_MS } from './metrics-writer';

// 65536 synthetic rows, batch 64: an epoch checkpoint every 1024 steps, so a stop just past one lands well
// before the next. (At 256 steps an epoch took ~0.3 s on an idle machine: the trainer reached the next
// checkpoint while the lab shut down, and the run rightly waited there, with no step past it to show.)
// 16 steps per call: points past a checkpoint arrive long before the next one.
const STEPS_PER_EPOCH = 1024;
const long = { data: { kind: 'synthetic', samples: 65536 }, batchSize: 64, epochs: 50, earlyStopping: { patience: 0 }, stepsPerCall: 16 } as const;
const homes: string[] = [];
const lab = () => {
  const l = openTestLab();
  homes.push(l.home);
  return l;
};
afterAll(async () => {
  for (const h of homes) expect(await waitNoTrainers(h)).toEqual([]);
});

/** Trains `id` past its first epoch checkpoint until the lab has received loss points beyond it. */
async function pastACheckpoint(l: TestLab, id: number): Promise<number> {
  const ckpt = await nextEvent(l.manager, (e): e is Extract<RunEvent, { type: 'checkpoint' }> => e.type === 'checkpoint' && e.runId === id && e.kind === 'epoch');
  await nextEvent(l.manager, (e) => e.type === 'metrics' && e.runId === id && e.points.some((p) => p.step > ckpt.step + 4));
  return ckpt.step;
}

describe('an interrupted run names one step: its resume point', () => {
  it('a trainer killed mid-epoch: the stored step is the checkpoint resume continues from; the curves say how far it got', async () => {
    const l = lab();
    try {
      const id = l.manager.create(long);
      await pastACheckpoint(l, id);
      process.kill(l.manager.trainerPid(id)!, 'SIGKILL');
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('interrupted');
      const resume = l.manager.resumePoint(id)!;
      expect(run.step).toBe(resume.step); // what the row, the Runs view and `gatelab resume` say
      expect(run.epoch).toBe(resume.epoch);
      expect(run.step % STEPS_PER_EPOCH).toBe(0);
      expect(run.errorStep).toBeNull();
      const epochs = `${run.epoch} full epoch${run.epoch === 1 ? '' : 's'}`;
      expect(run.error).toBe(`the trainer process was killed (SIGKILL). Resume continues from its last checkpoint, at step ${run.step} (after ${epochs}). Resume it: gatelab resume ${id}`);
      // the step the curves reached stands beside it, in show as in the Runs view
      const reached = reachedStep(l.store, run)!;
      expect(reached).toBeGreaterThan(run.step + 4);
      const text = showText(l.store, run);
      expect(text).toContain(`: interrupted, template `);
      expect(text).toContain(`, step ${run.step}, ${epochs}\n`);
      expect(text).toContain(`\n  interrupted: ${run.error}\n  reached step ${reached} before it stopped; resume continues from the checkpoint at step ${run.step} (steps ${run.step + 1}–${reached} are trained again)\n`);
    } finally {
      await l.close();
    }
  });

  it('a lab shut down mid-epoch: the run waits at its last checkpoint, and says how to resume', async () => {
    const l = lab();
    try {
      const id = l.manager.create(long);
      await pastACheckpoint(l, id);
      await l.manager.close();
      const run = l.store.runs.get(id)!;
      expect(run).toMatchObject({ status: 'interrupted', error: `the lab shut down while this run was training; resume it: gatelab resume ${id}`, errorStep: null });
      expect(run.step).toBe(l.manager.resumePoint(id)!.step);
      expect(reachedStep(l.store, run)).toBeGreaterThan(run.step + 4);
    } finally {
      await l.close();
    }
  });
});

describe('a database that refuses the metrics stops the run cleanly', () => {
  it('the trainer checkpoints and stops, the run is interrupted saying why and what to do, and no point is lost', async () => {
    const l = lab();
    const { append, appendGateStats } = l.store.metrics;
    try {
      const id = l.manager.create(long);
      await pastACheckpoint(l, id);
      l.manager.metrics.flush();
      const storedBefore = l.store.metrics.series(id, 'loss').steps.length;
      expect(storedBefore).toBeGreaterThan(STEPS_PER_EPOCH);
      // The disk fills: every metrics write fails as SQLite reports it (the rest of the store still works).
      const full = () => { throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }); };
      l.store.metrics.append = full;
      l.store.metrics.appendGateStats = full;
      const t0 = Date.now();
      const run = await l.manager.waitFor(id);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(GIVE_UP_MS); // a failed write is retried before giving up
      expect(run.status).toBe('interrupted');
      expect(run.step).toBeLessThan(50 * STEPS_PER_EPOCH); // it stopped; it did not train on to the end
      // the trainer wrote a checkpoint where it stopped: the run's step, and where resume continues
      const last = l.store.checkpoints.forRun(id).at(-1)!;
      expect(last).toMatchObject({ kind: 'pause', step: run.step });
      expect(l.manager.resumePoint(id)!.step).toBe(run.step);
      const epochs = `${run.epoch} full epoch${run.epoch === 1 ? '' : 's'}`;
      expect(run.error).toBe(`the lab could not write to its database ${l.paths.database} (database or disk is full): its metrics were no longer ` +
        `being recorded, so training stopped at a checkpoint rather than go on unrecorded. Resume continues from its last checkpoint, at step ${run.step} ` +
        `(after ${epochs}). Free disk space on the drive that holds it, then resume it: gatelab resume ${id}`);
      expect(await waitNoTrainers(l.home)).toEqual([]);
      // what was stored stays; the points the store refused are kept and written once it accepts writes again
      expect(l.store.metrics.series(id, 'loss').steps.length).toBe(storedBefore);
      l.store.metrics.append = append;
      l.store.metrics.appendGateStats = appendGateStats;
      l.manager.metrics.flush();
      expect(Array.from(l.store.metrics.series(id, 'loss').steps)).toEqual(Array.from({ length: run.step }, (_, i) => i + 1));
    } finally {
      Object.assign(l.store.metrics, { append, appendGateStats });
      await l.close();
    }
  });
});
