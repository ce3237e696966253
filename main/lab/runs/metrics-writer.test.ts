// Metrics batching keeps up with 10k steps/s: points arrive as the trainers send them (one message per
// ~100 ms per run), the writer commits one transaction per tick to a real SQLite file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { GIVE_UP_MS, MetricsWriter } from './metrics-writer';
import { MetricsBatcher } from '../../../workers/run/metrics-batcher';
import type { FromTrainer } from '../../../common/trainer-protocol';

describe('metrics batching', () => {
  it('stores every point of two runs at 10k steps/s each, spending well under the time budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const runs = [store.runs.create({ config: {} }), store.runs.create({ config: {} })];
      const writer = new MetricsWriter(store, 100);
      const seconds = 2, stepsPerTick = 1000; // 10k steps/s in 100 ms messages
      let busy = 0;
      const flush = writer.flush.bind(writer);
      writer.flush = () => { const t = performance.now(); flush(); busy += performance.now() - t; };
      const t0 = performance.now();
      for (let tick = 0; tick < seconds * 10; tick++) {
        for (const run of runs) {
          const points = [];
          for (let i = 0; i < stepsPerTick; i++) {
            const step = tick * stepsPerTick + i + 1;
            points.push({ step, name: 'loss', value: 1 / step }, { step, name: 'lr', value: 1e-3 });
          }
          writer.add(run, points);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      writer.close();
      const wall = performance.now() - t0;
      for (const run of runs) {
        const loss = store.metrics.series(run, 'loss');
        expect(loss.steps.length).toBe(seconds * 10 * stepsPerTick);
        expect(loss.values[9]).toBe(1 / 10);
      }
      expect(writer.written).toBe(2 * 2 * seconds * 10 * stepsPerTick);
      // Writing 40k points/s must take a small part of the lab's time (it shares the event loop with the UI).
      expect(busy / wall).toBeLessThan(0.5);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the trainer side sends one message per interval however many steps it logs', async () => {
    const sent: FromTrainer[] = [];
    const b = new MetricsBatcher((e) => sent.push(e), 50);
    const t0 = performance.now();
    let step = 0;
    while (performance.now() - t0 < 260) {
      b.add({ step: ++step, name: 'loss', value: 1 });
      b.maybeFlush();
    }
    b.flush();
    const messages = sent.filter((e) => e.type === 'metrics');
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(messages.length).toBeLessThanOrEqual(7);
    expect(messages.reduce((n, m) => n + (m.type === 'metrics' ? m.points.length : 0), 0)).toBe(step);
  });
});

describe('metrics of a running run, read by another process', () => {
  afterEach(() => vi.useRealTimers());
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-live-'));
    const path = join(dir, 'lab.sqlite');
    const store = openLabStore(path);
    return { dir, path, store, done: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
  };
  /** What `gatelab show` lists: the points another connection to the same file reads. */
  const readElsewhere = (path: string, run: number) => {
    const reader = openLabStore(path);
    try { return reader.metrics.summary(run).map((m) => `${m.name} ${m.count} last step ${m.lastStep}`); } finally { reader.close(); }
  };

  it('are in the database within the writer interval while points keep arriving (a batch is never put off)', () => {
    vi.useFakeTimers();
    const t = open();
    try {
      const run = t.store.runs.create({ config: {} });
      const writer = new MetricsWriter(t.store, 100);
      // the trainer sends a batch every 40 ms, without pause: a timer re-armed per batch would never fire
      let step = 0;
      const send = () => writer.add(run, Array.from({ length: 4 }, () => ({ step: ++step, name: 'loss', value: 1 / step })));
      send();
      vi.advanceTimersByTime(40); send();
      vi.advanceTimersByTime(40); send();
      expect(readElsewhere(t.path, run)).toEqual([]); // 80 ms: still in the batch
      vi.advanceTimersByTime(20); // 100 ms after the first point
      expect(readElsewhere(t.path, run)).toEqual(['loss 12 last step 12']);
      for (let i = 0; i < 10; i++) { vi.advanceTimersByTime(40); send(); }
      vi.advanceTimersByTime(100);
      expect(readElsewhere(t.path, run)).toEqual([`loss ${step} last step ${step}`]);
    } finally {
      t.done();
    }
  });

  it('a write the store refuses (disk full) neither ends the lab nor loses points: they are written once it accepts', () => {
    vi.useFakeTimers();
    const t = open();
    try {
      const run = t.store.runs.create({ config: {} });
      const writer = new MetricsWriter(t.store, 100);
      const append = t.store.metrics.append.bind(t.store.metrics);
      let full = true;
      t.store.metrics.append = (id, points) => {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        append(id, points);
      };
      writer.add(run, [{ step: 1, name: 'loss', value: 0.9 }, { step: 2, name: 'loss', value: 0.8 }]);
      expect(() => vi.advanceTimersByTime(100)).not.toThrow(); // the timer's write failed quietly
      expect(writer.failure?.message).toBe('database or disk is full');
      writer.add(run, [{ step: 2, name: 'loss', value: 0.7 }, { step: 3, name: 'loss', value: 0.6 }]); // step 2 again (a resumed run re-logs it)
      expect(() => writer.flush()).toThrow('database or disk is full'); // the run's end hears of it
      full = false;
      vi.advanceTimersByTime(1000); // the retry
      expect(writer.failure).toBeNull();
      const loss = t.store.metrics.series(run, 'loss');
      expect(Array.from(loss.steps)).toEqual([1, 2, 3]);
      expect(Array.from(loss.values)).toEqual([0.9, 0.7, 0.6]); // the newer value of step 2 won
      expect(writer.written).toBe(4);
    } finally {
      t.done();
    }
  });
  it('gives up (the live runs then stop) only when every write has failed for GIVE_UP_MS, not on a blip or a burst of flushes', () => {
    vi.useFakeTimers();
    const t = open();
    try {
      const run = t.store.runs.create({ config: {} });
      const writer = new MetricsWriter(t.store, 100);
      const append = t.store.metrics.append.bind(t.store.metrics);
      let full = true;
      t.store.metrics.append = (id, points) => {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        append(id, points);
      };
      writer.add(run, [{ step: 1, name: 'loss', value: 0.9 }]);
      vi.advanceTimersByTime(100); // first failure
      for (let i = 0; i < 5; i++) expect(() => writer.flush()).toThrow(); // runs ending at once: still a blip
      expect(writer.gaveUp).toBe(false);
      vi.advanceTimersByTime(1000); // the retry fails too
      expect(writer.gaveUp).toBe(false);
      full = false;
      vi.advanceTimersByTime(1000); // ...and the next succeeds: the blip is over
      expect(writer.gaveUp).toBe(false);
      expect(writer.failure).toBeNull();
      full = true;
      writer.add(run, [{ step: 2, name: 'loss', value: 0.8 }]);
      vi.advanceTimersByTime(100 + GIVE_UP_MS - 1);
      expect(writer.gaveUp).toBe(false);
      vi.advanceTimersByTime(1000); // a retry past GIVE_UP_MS of failures
      expect(writer.gaveUp).toBe(true);
      full = false;
      vi.advanceTimersByTime(1000);
      expect(writer.gaveUp).toBe(false);
      expect(Array.from(t.store.metrics.series(run, 'loss').steps)).toEqual([1, 2]);
    } finally {
      t.done();
    }
  });
});
