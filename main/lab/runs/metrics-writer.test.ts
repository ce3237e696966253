// Metrics batching keeps up with 10k steps/s: points arrive as the trainers send them (one message per
// ~100 ms per run), the writer commits one transaction per tick to a real SQLite file (its throughput is
// `npm run bench:runs`'s "metrics write throughput").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { GIVE_UP_MS, MetricsWriter } from './metrics-writer';
import { MetricsBatcher } from '../../../workers/run/metrics-batcher';
import type { FromTrainer } from '../../../common/trainer-protocol';

describe('metrics batching', () => {
  afterEach(() => vi.useRealTimers());
  // What the old time budget stood for: the lab's event loop stays free because the writer commits ONE
  // transaction per tick (one WAL commit, no fsync: synchronous=NORMAL), however many runs and points arrive.
  // A commit per run or per message would multiply that cost by the number of runs. The speed itself is
  // measured by `npm run bench:runs` (metrics write throughput), not here: a timed unit test fails under load.
  it('stores every point of two runs at 10k steps/s each in one WAL commit per tick, whatever the number of runs', () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-metrics-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: a commit does not fsync
      const runs = [store.runs.create({ config: {} }), store.runs.create({ config: {} })];
      // count the outermost transactions (commits); nested ones (metrics.append's own) are savepoints
      let commits = 0;
      const transaction = store.db.transaction.bind(store.db);
      store.db.transaction = ((fn: (...a: unknown[]) => unknown) => {
        const tx = transaction(fn);
        return Object.assign((...a: unknown[]) => { if (!store.db.inTransaction) commits++; return tx(...a); }, tx);
      }) as typeof store.db.transaction;
      const writer = new MetricsWriter(store, 100);
      const ticks = 20, stepsPerTick = 1000; // 10k steps/s in 100 ms messages
      for (let tick = 0; tick < ticks; tick++) {
        for (const run of runs) {
          // each run's trainer sends its tick in 4 messages (25 ms apart), with gate statistics
          for (let part = 0; part < 4; part++) {
            const points = [];
            for (let i = part * stepsPerTick / 4; i < (part + 1) * stepsPerTick / 4; i++) {
              const step = tick * stepsPerTick + i + 1;
              points.push({ step, name: 'loss', value: 1 / step }, { step, name: 'lr', value: 1e-3 });
            }
            writer.add(run, points);
            writer.addGateStats(run, [{ step: points.at(-1)!.step, gate: 'g0', stat: 'load', value: 0.5, vector: [0.5, 0.5] }]);
          }
        }
        const before = commits;
        vi.advanceTimersByTime(100);
        expect(commits - before).toBe(1);
      }
      writer.close();
      expect(commits).toBe(ticks); // close() had nothing left to write
      for (const run of runs) {
        const loss = store.metrics.series(run, 'loss');
        expect(loss.steps.length).toBe(ticks * stepsPerTick);
        expect(loss.values[9]).toBe(1 / 10);
        expect(store.metrics.gateStats(run, 'g0', 'load')).toHaveLength(ticks * 4);
      }
      expect(writer.written).toBe(2 * (2 * ticks * stepsPerTick + ticks * 4));
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the trainer side sends one message per interval however many steps it logs', () => {
    vi.useFakeTimers({ toFake: ['performance'] }); // the batcher's clock: a step per ms, however loaded the machine
    const sent: FromTrainer[] = [];
    const b = new MetricsBatcher((e) => sent.push(e), 50);
    let step = 0;
    for (let ms = 0; ms < 260; ms++) {
      b.add({ step: ++step, name: 'loss', value: 1 });
      b.maybeFlush();
      vi.advanceTimersByTime(1);
    }
    b.flush();
    const messages = sent.filter((e) => e.type === 'metrics');
    // at 50, 100, 150, 200 and 250 ms, then the final flush
    expect(messages.map((m) => (m.type === 'metrics' ? m.points.length : 0))).toEqual([51, 50, 50, 50, 50, 9]);
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
