// The run manager with real trainer processes (forked, ONNX Runtime inside) and a real SQLite store in a
// temp folder: lifecycle, checkpoints and retention, pause/resume equality, priorities, a trainer killed
// alone, NaN, cancel latency, and no orphan processes.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTestLab, nextEvent, trainerPids, waitNoTrainers, checkpointParams, type TestLab } from './testing/lab-fixture';
import type { RunEvent } from './events';
import { forkTrainerWith } from './trainer-process';
import { decodeCheckpoint } from '../../../common/runs/checkpoint-format';
import { readFileSync } from 'node:fs';
import { exportRun } from './export-run';

// 2048 synthetic rows, batch 64: 32 steps per epoch; a run takes ~1 s plus the trainer's start.
const small = { data: { kind: 'synthetic', samples: 2048 }, batchSize: 64, epochs: 3 } as const;
const homes: string[] = [];
const lab = (o = {}) => {
  const l = openTestLab(o);
  homes.push(l.home);
  return l;
};
const isProgress = (id: number) => (e: RunEvent): e is Extract<RunEvent, { type: 'progress' }> => e.type === 'progress' && e.runId === id && e.step > 0;

afterAll(async () => {
  // No trainer of any lab of this file survives its lab.
  for (const h of homes) expect(await waitNoTrainers(h)).toEqual([]);
});

describe('run manager with real trainer processes', () => {
  it('trains a run: every transition persisted, metrics and gate stats stored, epoch + best checkpoints with retention', async () => {
    const l = lab();
    try {
      const statuses: string[] = [];
      l.manager.subscribe((e) => { if (e.type === 'status' && e.runId === 1 && !e.provider) statuses.push(e.status); });
      const id = l.manager.create({ ...small, epochs: 4, keepCheckpoints: 2 });
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('completed');
      expect(statuses).toEqual(['queued', 'running', 'running', 'completed']);
      expect(run).toMatchObject({ step: 4 * 32, epoch: 4, provider: 'cpu', error: null });
      expect(run.startedAt).not.toBeNull();
      expect(run.finishedAt).not.toBeNull();
      expect(l.store.metrics.series(id, 'loss').steps.length).toBe(128);
      const loss = l.store.metrics.series(id, 'loss').values;
      expect(loss[loss.length - 1]).toBeLessThan(loss[0]);
      expect(l.store.metrics.series(id, 'val.auc').values.length).toBe(4);
      expect(l.store.metrics.series(id, 'test.auc').values[0]).toBeGreaterThan(0.9);
      expect(l.store.metrics.gateNames(id)).toContainEqual({ gate: 'expert_load', stat: 'value' });
      // Retention: 2 epoch checkpoints kept (rows and files agree) + best.
      const ckpts = l.store.checkpoints.forRun(id);
      expect(ckpts.filter((c) => c.kind === 'epoch').map((c) => c.epoch)).toEqual([3, 4]);
      expect(ckpts.filter((c) => c.kind === 'best')).toHaveLength(1);
      const files = readdirSync(join(l.paths.checkpoints, `run-${id}`)).filter((f) => f.endsWith('.ckpt')).sort();
      expect(files).toEqual(['best.ckpt', 'epoch-00000003-step-00000096.ckpt', 'epoch-00000004-step-00000128.ckpt']);
      expect(existsSync(join(l.paths.checkpoints, `run-${id}`, 'owner.json'))).toBe(false);
    } finally {
      await l.close();
    }
  });

  it('pause writes a checkpoint mid-epoch and resume continues: final parameters equal an uninterrupted run\'s', async () => {
    const l = lab();
    try {
      // Batch 16: 128 steps per epoch, so a pause asked for early lands well inside the first epoch. (With
      // 32-step epochs a fast trainer sometimes reached the epoch's validation, where the pause then
      // landed, before the request arrived: progress events come in ~100 ms batches.)
      const config = { ...small, batchSize: 16, epochs: 3, stepsPerCall: 2, optimizer: { lr: 1e-2 }, schedule: { kind: 'cosine' as const, warmupSteps: 10 } };
      const straight = l.manager.create(config);
      const paused = l.manager.create(config);
      await nextEvent(l.manager, (e) => e.type === 'progress' && e.runId === paused && e.step >= 8);
      l.manager.pause(paused);
      const p = await l.manager.waitFor(paused);
      expect(p.status).toBe('paused');
      const pauseCkpt = l.store.checkpoints.forRun(paused).find((c) => c.kind === 'pause')!;
      expect(pauseCkpt.step % 128).not.toBe(0); // mid-epoch
      l.manager.resume(paused);
      const [a, b] = [await l.manager.waitFor(straight), await l.manager.waitFor(paused, ['completed', 'failed'])];
      expect([a.status, b.status]).toEqual(['completed', 'completed']);
      expect(Array.from(checkpointParams(l.store, l.home, paused))).toEqual(Array.from(checkpointParams(l.store, l.home, straight)));
      // The logged loss curve is the same too, step for step.
      expect(Array.from(l.store.metrics.series(paused, 'loss').values)).toEqual(Array.from(l.store.metrics.series(straight, 'loss').values));
    } finally {
      await l.close();
    }
  });

  it('a CUDA request falls back to the CPU with the reason recorded on the run (no CUDA libraries here)', async () => {
    const l = lab();
    try {
      const id = l.manager.create({ ...small, epochs: 1, provider: 'cuda' });
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('completed');
      expect(run.providerRequested).toBe('cuda');
      if (run.provider === 'cpu') expect(run.fallbackReason).toMatch(/CUDA|cuda/);
      else expect(run.fallbackReason).toBeNull();
    } finally {
      await l.close();
    }
  });

  it('starts queued runs by priority, then first-in first-out', async () => {
    const l = lab({ poolSize: 1 });
    try {
      const started: number[] = [];
      l.manager.subscribe((e) => { if (e.type === 'status' && e.status === 'running' && !e.provider && !started.includes(e.runId)) started.push(e.runId); });
      const quick = { ...small, epochs: 1 };
      const a = l.manager.create(quick);
      const b = l.manager.create(quick);
      const c = l.manager.create(quick, { priority: 5 });
      const d = l.manager.create(quick);
      for (const id of [a, b, c, d]) expect((await l.manager.waitFor(id)).status).toBe('completed');
      expect(started).toEqual([a, c, b, d]);
    } finally {
      await l.close();
    }
  });

  it('a trainer killed alone leaves its run interrupted, naming the signal and the checkpoint it resumes from; resume completes it', async () => {
    const l = lab();
    try {
      // 1024 steps per epoch: killed long before its first checkpoint.
      const early = l.manager.create({ ...small, data: { kind: 'synthetic', samples: 65536 }, epochs: 2 });
      await nextEvent(l.manager, isProgress(early));
      process.kill(l.manager.trainerPid(early)!, 'SIGKILL');
      const victim = l.manager.create({ ...small, epochs: 15 });
      await nextEvent(l.manager, (e) => e.type === 'checkpoint' && e.runId === victim && e.kind === 'epoch');
      const pid = l.manager.trainerPid(victim)!;
      expect(trainerPids(l.home)).toContain(pid);
      process.kill(pid, 'SIGKILL');
      const v = await l.manager.waitFor(victim);
      expect(v.status).toBe('interrupted');
      const [, from] = /^the trainer process was killed \(SIGKILL\)\. Resume continues from its last checkpoint, at step (\d+) \(after \d+ full epochs?\)\. Resume it: gatelab resume \d+$/.exec(v.error!) ?? [];
      expect(Number(from)).toBe(v.step); // one step: the run's is its resume point (trainer-link-stop.test.ts)
      expect(Number(from) % 32).toBe(0);
      expect(Number(from)).toBeGreaterThanOrEqual(32);
      const e = await l.manager.waitFor(early);
      expect(e.status).toBe('interrupted');
      expect(e.error).toMatch(/^the trainer process was killed \(SIGKILL\)\. It had no checkpoint yet: resume restarts from step 0\. Resume it: gatelab resume \d+$/);
      expect(e.step).toBe(0);
      l.manager.resume(victim);
      expect((await l.manager.waitFor(victim, ['completed', 'failed', 'interrupted'])).status).toBe('completed');
    } finally {
      await l.close();
    }
  });

  it('a trainer that cannot start leaves its run interrupted with the exit code and the last lines of its stderr', async () => {
    const l = lab({ launcher: forkTrainerWith({ execArgv: ['--require', '/nonexistent/gatelab-preload.cjs'] }) });
    try {
      const run = await l.manager.waitFor(l.manager.create({ ...small, epochs: 1 }));
      expect(run.status).toBe('interrupted');
      expect(run.error).toMatch(/the trainer process exited unexpectedly with code 1\. It had no checkpoint yet: resume restarts from step 0\. Resume it: gatelab resume \d+; its last output:\n[\s\S]*Cannot find module '\/nonexistent\/gatelab-preload\.cjs'/);
    } finally {
      await l.close();
    }
  });

  it('NaN from an absurd learning rate fails the run with the step and the schedule; the last good checkpoint loads', async () => {
    const l = lab();
    try {
      const id = l.manager.create({ ...small, optimizer: { kind: 'sgd', lr: 1e9, momentum: 0 }, schedule: { warmupSteps: 3 }, stepsPerCall: 1 });
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/^(loss|parameters) became (NaN|\+Inf|-Inf).* at step \d+ (after lr warmup reached 1e\+9|during lr warmup)/);
      expect(run.errorStep).toBeGreaterThan(0);
      const good = l.store.checkpoints.forRun(id).find((c) => c.kind === 'last-good')!;
      expect(good.step).toBe(run.errorStep! - 1);
      const data = decodeCheckpoint(readFileSync(join(l.home, good.path)), good.path);
      expect(data.params.every(Number.isFinite)).toBe(true);
      expect(data.header.step).toBe(good.step);
      // A run that failed before its first epoch still exports, from that last good checkpoint, saying so.
      const r = exportRun(l.store, l.manager.files, id, join(l.home, 'nan.onnx'));
      expect(r.checkpoint).toBe(good.path);
      expect(r.note).toMatch(/has no epoch checkpoint; exported its last good checkpoint \(step \d+, the parameters before the run failed\)/);
    } finally {
      await l.close();
    }
  });

  it('cancel takes effect within one session.run call and leaves a cancel checkpoint, no process behind', async () => {
    const l = lab();
    try {
      const id = l.manager.create({ ...small, data: { kind: 'synthetic', samples: 65536 }, epochs: 50 });
      let longestCall = 0;
      let last = performance.now();
      l.manager.subscribe((e) => {
        if (e.type === 'progress' && e.runId === id) { longestCall = Math.max(longestCall, performance.now() - last); last = performance.now(); }
      });
      await nextEvent(l.manager, (e) => e.type === 'progress' && e.runId === id && e.step > 300);
      const t0 = performance.now();
      l.manager.cancel(id);
      const run = await l.manager.waitFor(id, ['cancelled']);
      const stopMs = performance.now() - t0;
      expect(run.status).toBe('cancelled');
      // One call in flight (~100 ms target) + writing the cancel checkpoint + the messages.
      expect(stopMs).toBeLessThan(longestCall + 1000); // margin for a loaded machine's scheduling and fsync
      expect(l.store.checkpoints.forRun(id).at(-1)!.kind).toBe('cancel');
      expect(await waitNoTrainers(l.home)).toEqual([]);
    } finally {
      await l.close();
    }
  });
});
