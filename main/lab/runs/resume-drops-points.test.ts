// A run resumed after a crash replays the steps after its checkpoint: the points the dead trainer wrote past
// that checkpoint must go, or a resumed run that ends earlier keeps them for good (its Loss chart ran past
// its step, Compare ranked it by a loss only the dead trainer reached). Real trainers, a real store.
import { afterAll, describe, expect, it } from 'vitest';
import { openTestLab, nextEvent, waitNoTrainers } from './testing/lab-fixture';
import { RunManager } from './run-manager';
import type { RunEvent } from './events';
import type { MetricPoint } from '../../../common/trainer-protocol';

// 524288 synthetic rows, batch 512: 1024 steps per epoch, epoch checkpoints at steps 1024 and 2048; 4 steps per
// session.run call, so the trainer reports and hears a cancel every 4 steps. Batches this large make a step
// take milliseconds: with small ones the trainer finished an epoch before a kill or cancel could land. Epochs
// this long keep the next checkpoint ~1,000 steps past the kill: on an idle machine a trainer ran more than 212
// steps ahead of its stored points (256-step epochs) and wrote its second checkpoint before the kill landed.
const config = { data: { kind: 'synthetic', samples: 524288 }, batchSize: 512, epochs: 3, stepsPerCall: 4 } as const;
const CKPT = 1024;
/** The kill waits for stored points this far past the checkpoint (what the restart must drop). */
const PAST = 44;
const homes: string[] = [];
afterAll(async () => {
  for (const h of homes) expect(await waitNoTrainers(h)).toEqual([]);
});

const maxStep = (steps: ArrayLike<number>) => Math.max(-1, ...Array.from(steps));

describe('a run resumed after a crash', () => {
  it('keeps no point past its resume checkpoint: cancelled before the old step, its curves end at its step and its best loss is from kept points', async () => {
    const l = openTestLab();
    homes.push(l.home);
    try {
      const first: MetricPoint[] = [];
      const second: MetricPoint[] = [];
      let resumed = false;
      l.manager.subscribe((e) => { if (e.type === 'metrics') (resumed ? second : first).push(...e.points); });
      const id = l.manager.create(config);
      // killed mid-epoch 2, once the store holds points well past the epoch-1 checkpoint (the stored points
      // lag the trainer's progress by its metric batches: a kill timed from progress alone left too few)
      while (maxStep(l.store.metrics.series(id, 'loss').steps) < CKPT + PAST) await new Promise((r) => setTimeout(r, 5));
      process.kill(l.manager.trainerPid(id)!, 'SIGKILL');
      const crashed = await l.manager.waitFor(id);
      expect(crashed.status).toBe('interrupted');
      expect(crashed.step).toBe(CKPT);
      const oldTop = maxStep(l.store.metrics.series(id, 'loss').steps);
      expect(oldTop).toBeGreaterThanOrEqual(CKPT + PAST); // the dead trainer's points are stored (what must go)

      // The moment it is running again (claimed, trainer not started yet) nothing past the checkpoint is left.
      let atClaim: { loss: number; gates: number; val: number } | null = null;
      const claimed = nextEvent(l.manager, (e) => e.type === 'status' && e.runId === id && e.status === 'running');
      l.manager.subscribe((e) => {
        if (atClaim || e.type !== 'status' || e.runId !== id || e.status !== 'running') return;
        const gateTop = (l.store.db.prepare('SELECT max(step) AS s FROM run_gate_stats WHERE run_id = ?').get(id) as { s: number }).s;
        atClaim = { loss: maxStep(l.store.metrics.series(id, 'loss').steps), gates: gateTop, val: maxStep(l.store.metrics.series(id, 'val.loss').steps) };
      });
      resumed = true;
      l.manager.resume(id);
      await claimed;
      expect(atClaim).toEqual({ loss: CKPT, gates: CKPT, val: CKPT });
      expect(l.store.runs.get(id)!.step).toBe(CKPT);

      // cancelled as soon as the replay has started: long before the old step
      await nextEvent(l.manager, (e: RunEvent) => e.type === 'progress' && e.runId === id && e.step > CKPT);
      l.manager.cancel(id);
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('cancelled');
      expect(run.step).toBeLessThan(oldTop);

      const loss = l.store.metrics.series(id, 'loss');
      expect(maxStep(loss.steps)).toBe(run.step);
      expect(Array.from(loss.steps)).toEqual(Array.from({ length: run.step }, (_, i) => i + 1)); // one point a step, no gap
      for (const name of l.store.metrics.names(id)) expect(maxStep(l.store.metrics.series(id, name).steps), name).toBeLessThanOrEqual(run.step);
      const gateTop = (l.store.db.prepare('SELECT max(step) AS s FROM run_gate_stats WHERE run_id = ?').get(id) as { s: number }).s;
      expect(gateTop).toBeLessThanOrEqual(run.step);

      // The best loss is the best of the points kept: the first trainer's up to the checkpoint, the resumed one's after.
      const kept = [...first.filter((p) => p.step <= CKPT), ...second].filter((p) => p.name === 'loss' && p.step <= run.step);
      const best = kept.reduce((a, p) => (p.value < a.value ? p : a));
      const summary = l.store.metrics.summary(id).find((s) => s.name === 'loss')!;
      expect(summary).toMatchObject({ min: best.value, lastStep: run.step, count: run.step });
      // ...and a value at a step past the checkpoint is the resumed trainer's, not the dead one's
      const at = loss.steps.indexOf(run.step);
      expect(loss.values[at]).toBe(second.filter((p) => p.name === 'loss' && p.step === run.step).at(-1)!.value);
    } finally {
      await l.close();
    }
  }, 60_000);

  it('a paused run resumed by a later lab loses no point: its pause checkpoint is the step its curves reached', async () => {
    const l = openTestLab();
    homes.push(l.home);
    let later: RunManager | null = null;
    try {
      const id = l.manager.create(config);
      await nextEvent(l.manager, (e) => e.type === 'progress' && e.runId === id && e.step >= 20);
      l.manager.pause(id);
      const paused = await l.manager.waitFor(id);
      expect(paused.status).toBe('paused');
      await l.manager.close(); // the lab quits: the run stays paused at its pause checkpoint
      const before = { loss: Array.from(l.store.metrics.series(id, 'loss').values), gates: l.store.metrics.gateStats(id, 'expert_load', 'value').length };
      expect(before.loss).toHaveLength(paused.step);

      later = new RunManager({ store: l.store, paths: l.paths, poolSize: 2 });
      let atClaim: typeof before | null = null;
      later.subscribe((e) => {
        if (atClaim || e.type !== 'status' || e.runId !== id || e.status !== 'running') return;
        atClaim = { loss: Array.from(l.store.metrics.series(id, 'loss').values), gates: l.store.metrics.gateStats(id, 'expert_load', 'value').length };
      });
      later.resume(id);
      await nextEvent(later, (e) => e.type === 'progress' && e.runId === id && e.step > paused.step);
      expect(atClaim).toEqual(before);
      later.cancel(id);
      const run = await later.waitFor(id);
      expect(run.status).toBe('cancelled');
      expect(Array.from(l.store.metrics.series(id, 'loss').values).slice(0, paused.step)).toEqual(before.loss);
    } finally {
      await later?.close();
      await l.close();
    }
  }, 60_000);
});
