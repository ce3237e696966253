// Where a run finishes, `gatelab train` says how: an early stop in the epochs the user set, and which
// weights the test metrics come from; --json carries the same (stopped, stoppedEarly, bestStep). A failed
// run's error is said once, in the outcome line, not also while it is followed.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type RunRecord } from '../store/index';
import type { RunManager } from './run-manager';
import type { RunEvent, RunListener } from './events';
import { describeResult, followRuns, runResult } from './cli-session';

describe('the finish line of a run', () => {
  it('says an early stop with its epochs and the best weights’ step; --json has the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-finish-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const config = { model: { template: 'dlinear' }, epochs: 60, earlyStopping: { patience: 3, minDelta: 0 } };
      const id = store.runs.create({ config });
      store.runs.setStatus(id, 'completed', { step: 126, epoch: 21, stop: { reason: 'early-stopping', step: 126, epoch: 21, bestStep: 108 } });
      store.metrics.append(id, [{ step: 126, name: 'test.mse', value: 0.5 }]);
      const run = store.runs.get(id)!;
      expect(describeResult(store, run)).toBe(`run ${id} completed at step 126: test mse 0.5000\n  stopped early at epoch 21 of 60 (validation loss did not improve for 3 epochs); test metrics use the best weights, from step 108`);
      expect(runResult(store, run)).toMatchObject({ epoch: 21, stoppedEarly: true, bestStep: 108, stopped: expect.stringMatching(/^stopped early at epoch 21 of 60/) });
      // every epoch trained: not an early stop, and said as `gatelab show` says it
      const all = store.runs.create({ config: { ...config, epochs: 10 } });
      store.runs.setStatus(all, 'completed', { step: 60, epoch: 10, stop: { reason: 'epochs', step: 60, epoch: 10, bestStep: 60 } });
      expect(runResult(store, store.runs.get(all)!)).toMatchObject({ stoppedEarly: false, bestStep: 60 });
      expect(describeResult(store, store.runs.get(all)!)).toMatch(/\n {2}trained all 10 epochs \(step 60\)/);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a failed run followed by gatelab train', () => {
  it('is not said before the outcome line says it', async () => {
    const listeners = new Set<RunListener>();
    let settle: (r: RunRecord) => void = () => {};
    const record = { id: 7, status: 'running', config: {}, step: 0, epoch: 0 } as unknown as RunRecord;
    const m = {
      subscribe: (l: RunListener) => { listeners.add(l); return () => listeners.delete(l); },
      onQueueHold: () => () => {},
      waitFor: () => new Promise<RunRecord>((resolve) => (settle = resolve)),
      record: () => record,
      isLive: () => false,
    } as unknown as RunManager;
    for (const outcomeLine of [true, false]) {
      const lines: string[] = [];
      const done = followRuns(m, [7], { follow: false, json: false, print: (l) => lines.push(l), outcomeLine });
      for (const l of listeners) l({ type: 'status', runId: 7, status: 'failed', error: 'out of memory' } as unknown as RunEvent);
      settle({ ...record, status: 'failed' });
      await done;
      expect(lines).toEqual(outcomeLine ? [] : ['failed: out of memory']);
    }
  });
});
