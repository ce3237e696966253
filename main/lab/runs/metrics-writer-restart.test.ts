// Points a failed write kept for its retry, from a trainer of a run that then restarts from its checkpoint:
// those past the checkpoint must not land after the restart deleted the stored ones (MetricsWriter.discardAfter).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { MetricsWriter } from './metrics-writer';

afterEach(() => vi.useRealTimers());

describe('a restart while points wait for a retry', () => {
  it('drops the waiting points of that run past its restart step, and keeps the rest for the retry', () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-restart-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const [run, other] = [store.runs.create({ config: {} }), store.runs.create({ config: {} })];
      const writer = new MetricsWriter(store, 100);
      const append = store.metrics.append.bind(store.metrics);
      let full = true;
      store.metrics.append = (id, points) => {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        append(id, points);
      };
      const points = [3, 4, 5].map((step) => ({ step, name: 'loss', value: step / 10 }));
      writer.add(run, points);
      writer.add(other, points);
      writer.addGateStats(run, [4, 5].map((step) => ({ step, gate: 'g0', stat: 'load', value: step, vector: null })));
      vi.advanceTimersByTime(100); // refused: kept for the retry
      expect(writer.failure?.message).toBe('database or disk is full');

      writer.discardAfter(run, 4);
      full = false;
      vi.advanceTimersByTime(1000); // the retry
      expect(writer.failure).toBeNull();
      expect(Array.from(store.metrics.series(run, 'loss').steps)).toEqual([3, 4]);
      expect(store.metrics.gateStats(run, 'g0', 'load').map((p) => p.step)).toEqual([4]);
      expect(Array.from(store.metrics.series(other, 'loss').steps)).toEqual([3, 4, 5]);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
