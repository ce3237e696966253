// `gatelab demo` end to end: a real trainer process (forked, TypeScript through tsx), real ORT training.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, type TrainerEvent } from '../../engine/train/demo-run';
import { idleExpertNote, progressLine, runDemoTrainer } from './demo';

describe('gatelab demo', () => {
  it('says so when an expert ends with almost no load, and names the knob that spreads it', () => {
    const note = idleExpertNote([0.001, 0.2, 0.5, 0.299]);
    expect(note).toMatch(/^note: expert 0 \(load 0\.1%\) gets almost no load \(an even share is 25%\): the router stopped using it\./);
    expect(note).toContain('router.loadBalance.weight');
    expect(idleExpertNote([0.004, 0.006, 0.49, 0.5])).toMatch(/^note: expert 0 \(load 0\.4%\), expert 1 \(load 0\.6%\) get almost no load/);
    expect(idleExpertNote([0.1, 0.2, 0.4, 0.3])).toBeNull(); // uneven, but every expert in use
  });

  it('says the loss of a progress line is the mean over its call, where the gate values are its last step\'s', () => {
    const e = { type: 'progress' as const, step: 5120, epoch: 3, loss: 0.02817, samplesPerSec: 862342.4, stepsPerCall: 696, elapsedMs: 1000, gateOpenness: 0.2471, expertLoad: [0.001, 0.24, 0.51, 0.249] };
    expect(progressLine(e)).toBe('step   5120  loss 0.0282 (mean of the last 696 steps)  gate openness 0.247  expert load [0.00 0.24 0.51 0.25]  862,342 samples/s (K=696)');
    // a call of one step: its loss is that step's
    expect(progressLine({ ...e, step: 1, stepsPerCall: 1 })).toMatch(/^step      1  loss 0\.0282  gate openness/);
  });

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
