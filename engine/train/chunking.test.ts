import { describe, expect, it } from 'vitest';
import { StepsPerCall } from './chunking';

// What a user relies on: training reaches ~100 ms calls (several steps each) soon after a slow start,
// so the per-call copies of parameters and optimizer state do not dominate every step; and one slow call
// does not throw that away. (The basic contract, first call / second call / [1, maxK], is in batches.test.ts.)
describe('StepsPerCall after a warm-up that lasts several calls', () => {
  // measured on FinalMLP (bench/flagships.ts): ~6 one-step calls of ~95 ms while the process's memory is
  // touched for the first time, then ~25 ms per step
  const warmUp = (chooser: StepsPerCall) => {
    for (const ms of [280, 150, 100, 97, 95, 94]) chooser.record(chooser.next(), ms * chooser.next());
  };

  it('leaves K=1 within three calls once the steps are fast', () => {
    const chooser = new StepsPerCall({ targetMs: 100 });
    warmUp(chooser);
    expect(chooser.next()).toBe(1);
    const ks: number[] = [];
    for (let call = 0; call < 3; call++) {
      const k = chooser.next();
      ks.push(k);
      chooser.record(k, 25 * k);
    }
    expect(ks[1]).toBeGreaterThan(1);
    expect(chooser.next()).toBe(4);
  });

  it('keeps most of K through one slow call, and recovers it at the next fast one', () => {
    const chooser = new StepsPerCall({ targetMs: 100 });
    chooser.record(1, 25);
    chooser.record(1, 25);
    for (let call = 0; call < 3; call++) chooser.record(chooser.next(), 25 * chooser.next());
    expect(chooser.next()).toBe(4);
    chooser.record(4, 4 * 100); // another process took the core for this call: 4x slower
    expect(chooser.next()).toBeGreaterThanOrEqual(2);
    chooser.record(chooser.next(), 25 * chooser.next());
    chooser.record(chooser.next(), 25 * chooser.next());
    expect(chooser.next()).toBe(4);
  });

  it('still slows down for good when every call is slower (a loaded machine keeps cancel responsive)', () => {
    const chooser = new StepsPerCall({ targetMs: 100 });
    chooser.record(1, 10);
    chooser.record(1, 10);
    expect(chooser.next()).toBe(10);
    for (let call = 0; call < 8; call++) chooser.record(chooser.next(), 50 * chooser.next());
    expect(chooser.next()).toBe(2);
  });
});
