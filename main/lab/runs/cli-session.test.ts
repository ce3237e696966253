// What `gatelab train/resume --follow` prints while a run trains, and the exit code it ends with: epochs
// counted one way (full epochs done, as --json's `epoch` and `gatelab show`), an old MMoE run's rating
// error labelled as scaled units, a paused run told apart from a failed one (exit 3, not 1).
import { describe, expect, it, vi } from 'vitest';
import type { RunManager } from './run-manager';
import type { QueueHold, QueueHoldListener, RunEvent, RunListener } from './events';
import type { RunRecord } from '../store/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { describeResult, EXIT_PAUSED, exitCodeOf, exitCodeOfAll, followRuns, runList, runResult } from './cli-session';

/** The part of RunManager followRuns uses: events to send, a run that settles when told. */
function fakeManager(config: Record<string, unknown>) {
  const listeners = new Set<RunListener>();
  const holds = new Set<QueueHoldListener>();
  let settle: (r: RunRecord) => void = () => {};
  const record = { id: 7, status: 'running', config, step: 0, epoch: 0 } as unknown as RunRecord;
  const m = {
    subscribe: (l: RunListener) => { listeners.add(l); return () => listeners.delete(l); },
    onQueueHold: (l: QueueHoldListener) => { holds.add(l); return () => holds.delete(l); },
    waitFor: () => new Promise<RunRecord>((resolve) => (settle = resolve)),
    record: () => record,
    isLive: () => false,
    holdQueued: () => [],
    pause: () => {},
    close: async () => {},
  };
  return {
    manager: m as unknown as RunManager,
    send: (e: RunEvent) => listeners.forEach((l) => l(e)),
    hold: (h: QueueHold | null) => holds.forEach((l) => l(h)),
    end: (status: string) => settle({ ...record, status } as RunRecord),
  };
}

describe('gatelab train --follow lines', () => {
  it('count full epochs in progress and validation lines alike (0 during the first, 1 once it ended)', async () => {
    const f = fakeManager({ model: { template: 'demo-gated' } });
    const lines: string[] = [];
    const done = followRuns(f.manager, [7], { follow: true, json: false, print: (l) => lines.push(l) });
    f.send({ type: 'progress', runId: 7, step: 40, epoch: 0, totalSteps: 200, samplesPerSec: 5120, etaSec: 3 });
    f.send({ type: 'eval', runId: 7, split: 'validation', step: 100, epoch: 1, metrics: { loss: 0.5 } });
    f.end('completed');
    await done;
    expect(lines).toEqual(['step 40/200  0 full epochs  5,120 samples/s  eta 3 s', 'epoch 1  step 100  validation loss 0.5000']);
  });

  it("label an unmarked (older) MMoE run's rating error as scaled units, a marked one's not", async () => {
    for (const [config, want] of [
      [{ model: { template: 'mmoe' }, data: { kind: 'dataset', datasetId: 1 } }, 'validation auc 0.7000  rating_rmse 0.8000 (scaled)'],
      [{ model: { template: 'mmoe' }, data: { kind: 'dataset', datasetId: 1 }, metrics: { ratingUnits: 'rating' } }, 'validation auc 0.7000  rating_rmse 0.8000'],
    ] as const) {
      const f = fakeManager(config);
      const lines: string[] = [];
      const done = followRuns(f.manager, [7], { follow: false, json: false, print: (l) => lines.push(l) });
      f.send({ type: 'eval', runId: 7, split: 'validation', step: 10, epoch: 1, metrics: { auc: 0.7, rating_rmse: 0.8 } });
      f.end('completed');
      await done;
      expect(lines).toEqual([`epoch 1  step 10  ${want}`]);
    }
  });
});

describe('the queue waiting for the database', () => {
  it('is said once on stderr when it starts (not at every repeat) and once when it ends; stdout stays the run lines', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const f = fakeManager({ model: { template: 'demo-gated' } });
      const lines: string[] = [];
      const done = followRuns(f.manager, [7], { follow: false, json: true, print: (l) => lines.push(l) });
      const hold = { note: 'Queued runs wait: the lab could not write to its database (disk full). Free disk space', since: '2026-11-30T20:00:00.000Z' } as QueueHold;
      f.hold(hold);
      f.hold(hold); // the manager repeats the hold every ~2 s for views opened meanwhile
      f.hold(null);
      f.end('completed');
      await done;
      expect(said.mock.calls).toEqual([[`gatelab: ${hold.note}`], ['gatelab: the database takes writes again: the queued runs start']]);
      f.hold(hold); // after the command ended: no longer listening
      expect(said.mock.calls).toHaveLength(2);
    } finally {
      said.mockRestore();
    }
  });
});

describe('Ctrl-C while the command closes the lab', () => {
  it('the first one after the runs settled says the lab is closing and how to quit; it does not exit', async () => {
    const before = process.listeners('SIGINT');
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {}) as never);
    try {
      const f = fakeManager({ model: { template: 'demo-gated' } });
      const lines: string[] = [];
      const done = followRuns(f.manager, [7], { follow: false, json: false, print: (l) => lines.push(l) });
      process.emit('SIGINT', 'SIGINT'); // the Ctrl-C that pauses the run
      expect(lines).toEqual(['no run is training; Ctrl-C again to stop at once']);
      f.end('paused');
      await done;
      process.emit('SIGINT', 'SIGINT'); // while the command prints its table and closes
      expect(said.mock.calls).toEqual([['closing the lab; Ctrl-C again to quit now']]);
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT', 'SIGINT');
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      for (const l of process.listeners('SIGINT')) if (!before.includes(l)) process.off('SIGINT', l);
      said.mockRestore();
      exit.mockRestore();
    }
  });
});

describe('exit codes of gatelab train / resume', () => {
  it('0 completed, 3 paused (resumable, did not finish), 1 for every other end', () => {
    const code = (status: string) => exitCodeOf({ status } as RunRecord);
    expect(EXIT_PAUSED).toBe(3);
    expect(['completed', 'paused', 'failed', 'cancelled', 'interrupted'].map(code)).toEqual([0, 3, 1, 1, 1]);
  });

  it('a sweep: a failed run wins over a paused one, a paused one over finished ones', () => {
    const of = (...statuses: string[]) => exitCodeOfAll(statuses.map((status) => ({ status }) as RunRecord));
    expect([of('completed', 'completed'), of('completed', 'paused'), of('paused', 'failed', 'completed'), of('interrupted')]).toEqual([0, 3, 1, 1]);
  });
});

describe('run ids in a sentence', () => {
  it('one run, a few, and consecutive ones as a range', () => {
    expect(runList([4])).toBe('run 4');
    expect(runList([11, 10])).toBe('runs 10, 11');
    expect(runList([14, 15, 16, 17, 10, 11])).toBe('runs 10, 11, 14–17');
  });
});

describe('the line gatelab train prints when a run completes', () => {
  it("puts a regression's mean baseline under its test metrics, and --json carries it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-result-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const b = { mean: 102.79812, mse: 23.61, mae: 3.9512, rmse: Math.sqrt(23.61), r2: -0.00213 };
      const id = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      store.runs.setStatus(id, 'completed', { step: 40, dataSummary: { line: "fusion: regressing 'price'", logScaled: [], regressionBaseline: b } });
      store.metrics.append(id, [{ step: 40, name: 'test.r2', value: 0.61 }, { step: 40, name: 'test.rmse', value: 3.01 }]);
      const run = store.runs.get(id)!;
      expect(describeResult(store, run)).toBe(`run ${id} completed at step 40: test r2 0.6100  rmse 3.0100\n  mean baseline: r2 -0.0021, rmse 4.859 (always the training mean 102.798; mse 23.61, mae 3.951 on test)`);
      expect(runResult(store, run).regressionBaseline).toEqual(b);
      // a run without one (stored before it was kept, or a classifier): the line alone
      const old = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      store.runs.setStatus(old, 'completed', { step: 40, dataSummary: { line: "fusion: regressing 'price'", logScaled: [] } });
      expect(describeResult(store, store.runs.get(old)!)).toBe(`run ${old} completed at step 40: test `);
      expect(runResult(store, store.runs.get(old)!)).not.toHaveProperty('regressionBaseline');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
