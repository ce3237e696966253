import { describe, expect, it } from 'vitest';
import { BatchSampler } from './batches';
import { StepsPerCall } from './chunking';

describe('BatchSampler', () => {
  const rows = 10;
  const x = Float32Array.from({ length: rows * 2 }, (_, i) => i); // row r = [2r, 2r+1]
  const y = Float32Array.from({ length: rows }, (_, i) => i);

  it('stacks k batches as [k, B, ...] with rows kept together, each row once per epoch', () => {
    const s = new BatchSampler({ x: { data: x, shape: [2] }, y: { data: y, shape: [1] } }, rows, 3, 1);
    const b = s.next(3);
    expect(b.x.dims).toEqual([3, 3, 2]);
    expect(b.y.dims).toEqual([3, 3, 1]);
    for (let i = 0; i < 9; i++) expect([b.x.data[2 * i], b.x.data[2 * i + 1]]).toEqual([2 * Number(b.y.data[i]), 2 * Number(b.y.data[i]) + 1]);
    expect(new Set(Array.from(b.y.data as Float32Array)).size).toBe(9); // 3 batches of 3 from 10 rows: no repeats
    expect(s.epoch).toBe(0);
    s.next(1); // 1 row left in the epoch: skipped, a new shuffled epoch starts
    expect(s.epoch).toBe(1);
  });

  it('is reproducible per seed and shuffles', () => {
    const take = (seed: number) => Array.from(new BatchSampler({ y: { data: y, shape: [1] } }, rows, 5, seed).next(2).y.data as Float32Array);
    expect(take(4)).toEqual(take(4));
    expect(take(4)).not.toEqual(take(5));
    expect(take(4)).not.toEqual(Array.from(y));
  });

  it('explains a column of the wrong length and a batch larger than the data', () => {
    expect(() => new BatchSampler({ x: { data: x, shape: [3] } }, rows, 2, 0)).toThrow(/column 'x' has 20 values; 10 rows of shape \[3\] need 30/);
    expect(() => new BatchSampler({ y: { data: y, shape: [1] } }, rows, 11, 0)).toThrow(/batch size 11 is larger than the 10 training rows/);
  });
});

describe('StepsPerCall', () => {
  it('starts small, then aims at the target duration per call', () => {
    const k = new StepsPerCall({ targetMs: 100, firstK: 4 });
    expect(k.next()).toBe(4);
    k.record(4, 40); // the first call pays the warm-up: 10 ms per step
    expect(k.next()).toBe(10);
    k.record(10, 20); // the second call replaces that estimate: 2 ms per step
    expect(k.next()).toBe(50);
    k.record(50, 50); // later calls are smoothed: 1 ms per step now
    expect(k.next()).toBeGreaterThan(50);
    expect(k.next()).toBeLessThan(100);
  });

  it('stays within [1, maxK]', () => {
    const k = new StepsPerCall({ targetMs: 100, maxK: 64 });
    k.record(1, 1000);
    expect(k.next()).toBe(1);
    const fast = new StepsPerCall({ targetMs: 100, maxK: 64 });
    fast.record(10, 0.01);
    expect(fast.next()).toBe(64);
  });
});
