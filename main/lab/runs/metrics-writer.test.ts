// Metrics batching keeps up with 10k steps/s: points arrive as the trainers send them (one message per
// ~100 ms per run), the writer commits one transaction per tick to a real SQLite file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { MetricsWriter } from './metrics-writer';
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
