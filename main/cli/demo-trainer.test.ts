// `gatelab demo`'s trainer end to end: a real trainer process (forked, TypeScript through tsx), real ORT training.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, type TrainerEvent } from '../../engine/train/demo-run';
import { runDemoTrainer } from './demo-trainer';

describe('the demo trainer', () => {
  it('trains the gated model in a child process: the loss falls and gate statistics stream', async () => {
    const events: TrainerEvent[] = [];
    const final = await runDemoTrainer({ ...DEFAULT_DEMO, samples: 8192, seconds: 2 }, (e) => events.push(e));
    const ready = events[0];
    expect(ready.type).toBe('ready');
    if (ready.type !== 'ready') return;
    expect(ready.pid).not.toBe(process.pid); // trained in another process
    expect(ready.provider).toBe('cpu');
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const first = progress[0], last = progress[progress.length - 1];
    if (first.type !== 'progress' || last.type !== 'progress') return;
    expect(last.step).toBeGreaterThan(first.step);
    expect(last.loss).toBeLessThan(0.6 * first.loss);
    for (const p of progress) {
      if (p.type !== 'progress') continue;
      expect(p.gateOpenness).toBeGreaterThan(0);
      expect(p.gateOpenness).toBeLessThan(1);
      expect(p.expertLoad).toHaveLength(DEFAULT_DEMO.sizes.experts);
      expect(p.expertLoad.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
    expect(final.type).toBe('done');
    if (final.type !== 'done') return;
    expect(final.cancelled).toBe(false);
    expect(final.evalAccuracy).toBeGreaterThan(0.8); // a chance-level model would be ~0.5
  });

  it('reports a CUDA request as a CPU run with the reason', async () => {
    const events: TrainerEvent[] = [];
    const final = await runDemoTrainer({ ...DEFAULT_DEMO, samples: 1024, seconds: 0.2, providers: ['cuda', 'cpu'] }, (e) => events.push(e));
    const ready = events.find((e) => e.type === 'ready');
    expect(ready && ready.type === 'ready' && ready.provider).toBe('cpu');
    expect(ready && ready.type === 'ready' && ready.fallbackReason).toMatch(/CUDA is not available/);
    expect(final.type).toBe('done');
  });

  it('stops early when cancelled, between two calls, and still evaluates', async () => {
    const abort = new AbortController();
    const t0 = performance.now();
    const final = await runDemoTrainer({ ...DEFAULT_DEMO, samples: 4096, seconds: 60 }, (e) => {
      if (e.type === 'progress' && e.step > 50) abort.abort();
    }, abort.signal);
    expect(final.type).toBe('done');
    expect(final.type === 'done' && final.cancelled).toBe(true);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});
