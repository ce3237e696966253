// A restart from a checkpoint drops the points past it (MetricsTable.dropAfter): every metric of the run,
// evaluation points and gate statistics included, and nothing of another run or at the checkpoint's step.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from './index';

describe('points of a run past its restart step', () => {
  it('are deleted for that run only, evaluation and gate points included; its best values come from the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-drop-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const [run, other] = [store.runs.create({ config: {} }), store.runs.create({ config: {} })];
      for (const id of [run, other]) {
        // loss falls to its lowest (0.1) at step 9, past the restart step 6
        store.metrics.append(id, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((step) => ({ step, name: 'loss', value: step === 9 ? 0.1 : 1 / step })));
        store.metrics.append(id, [{ step: 3, name: 'val.loss', value: 0.4 }, { step: 6, name: 'val.loss', value: 0.3 }, { step: 9, name: 'val.loss', value: 0.2 }]);
        store.metrics.appendGateStats(id, [5, 6, 7].map((step) => ({ step, gate: 'g0', stat: 'load', value: step, vector: [step, 1] })));
      }
      expect(store.metrics.dropAfter(run, 6)).toBe(3 + 1 + 1);

      expect(Array.from(store.metrics.series(run, 'loss').steps)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Array.from(store.metrics.series(run, 'val.loss').steps)).toEqual([3, 6]);
      expect(store.metrics.gateStats(run, 'g0', 'load').map((p) => [p.step, p.value, Array.from(p.vector!)])).toEqual([[5, 5, [5, 1]], [6, 6, [6, 1]]]);
      const loss = store.metrics.summary(run).find((s) => s.name === 'loss')!;
      expect(loss).toMatchObject({ min: 1 / 6, last: 1 / 6, lastStep: 6, count: 6 });
      expect(store.metrics.summary(run).find((s) => s.name === 'val.loss')).toMatchObject({ min: 0.3, lastStep: 6 });

      // the other run keeps everything
      expect(store.metrics.summary(other).find((s) => s.name === 'loss')).toMatchObject({ min: 0.1, lastStep: 9, count: 9 });
      expect(store.metrics.gateStats(other, 'g0', 'load')).toHaveLength(3);
      // a restart from step 0 keeps nothing past it; nothing left to drop is no error
      expect(store.metrics.dropAfter(run, 0)).toBe(6 + 2 + 2);
      expect(store.metrics.names(run)).toEqual([]);
      expect(store.metrics.dropAfter(run, 0)).toBe(0);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("many runs' curves of one metric (MetricsTable.seriesOfRuns)", () => {
  it('reads each asked-for run in step order, in one query, and leaves out runs without the metric and runs not asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-runs-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const [a, b, none, other] = [0, 1, 2, 3].map(() => store.runs.create({ config: {} }));
      store.metrics.append(a, [{ step: 20, name: 'samples_per_sec', value: 900 }, { step: 10, name: 'samples_per_sec', value: 1000 }, { step: 10, name: 'loss', value: 1 }]);
      store.metrics.append(b, [{ step: 5, name: 'samples_per_sec', value: NaN }, { step: 7, name: 'samples_per_sec', value: 50 }]);
      store.metrics.append(none, [{ step: 1, name: 'loss', value: 1 }]);
      store.metrics.append(other, [{ step: 1, name: 'samples_per_sec', value: 1 }]);
      const curves = store.metrics.seriesOfRuns([a, b, none], 'samples_per_sec');
      expect([...curves.keys()].sort()).toEqual([a, b].sort());
      expect(Array.from(curves.get(a)!.steps)).toEqual([10, 20]);
      expect(Array.from(curves.get(a)!.values)).toEqual([1000, 900]);
      expect(Array.from(curves.get(b)!.values)).toEqual([NaN, 50]); // a stored NaN comes back as NaN, as in series()
      expect(store.metrics.seriesOfRuns([], 'samples_per_sec').size).toBe(0);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
