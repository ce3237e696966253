import { describe, expect, it } from 'vitest';
import { decimate, nearestIndex, smooth, stepIndexAt } from './decimate';

function noisy(n: number) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    x[i] = i;
    y[i] = Math.sin(i / 5000) + (s / 2 ** 31 - 0.5);
  }
  return { x, y };
}

describe('M4 decimation', () => {
  it('keeps 10^6 points to at most 4 per bucket and preserves each bucket’s exact min and max', () => {
    const d = noisy(1_000_000);
    const buckets = 800;
    // its speed is measured by `npm run bench:ui`, not asserted here (a loaded machine would fail it)
    const idx = decimate(d, 0, 999_999, buckets);
    expect(idx.length).toBeLessThanOrEqual(buckets * 4);
    // Brute force: the min and max of every bucket must be among the kept points.
    const width = 999_999 / buckets;
    const kept = new Set(idx);
    for (let b = 0; b < buckets; b += 37) {
      let lo = Infinity, hi = -Infinity, loI = -1, hiI = -1;
      for (let i = Math.ceil(b * width); i < (b + 1) * width && i < d.x.length; i++) {
        if (d.y[i] < lo) { lo = d.y[i]; loI = i; }
        if (d.y[i] > hi) { hi = d.y[i]; hiI = i; }
      }
      expect(kept.has(loI), `bucket ${b} min`).toBe(true);
      expect(kept.has(hiI), `bucket ${b} max`).toBe(true);
    }
    // Sorted and unique, so a polyline through them is drawn in order.
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it('returns every finite point when there are few, and skips NaN', () => {
    const d = { x: [0, 1, 2, 3], y: [1, NaN, 3, 4] };
    expect(decimate(d, 0, 3, 100)).toEqual([0, 2, 3]);
  });

  it('restricts to the visible x range (plus one point each side for the edges)', () => {
    const d = noisy(100_000);
    const idx = decimate(d, 50_000, 60_000, 100);
    expect(Math.min(...idx)).toBeGreaterThanOrEqual(49_999);
    expect(Math.max(...idx)).toBeLessThanOrEqual(60_001);
  });
});

describe('hover and smoothing', () => {
  it('finds the nearest original point', () => {
    const xs = [0, 10, 20, 30];
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
  });

  it('debiased EMA: a constant stays constant, weight 0 is the identity', () => {
    expect(Array.from(smooth([2, 2, 2], 0.9))).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(smooth([1, 5, 3], 0))).toEqual([1, 5, 3]);
    const s = smooth([0, 10], 0.5);
    expect(s[1]).toBeCloseTo((0.5 * 0.5 * 0 + 0.5 * 10) / 0.75, 12);
  });
});

describe('stepIndexAt', () => {
  it('maps a pointer inside the plot to the nearest step, and outside to null', () => {
    const steps = [0, 10, 20, 40];
    const pad = { l: 10, r: 10 }; // plot spans px 10..110, steps 0..40
    expect(stepIndexAt(10, 120, pad, steps)).toBe(0);
    expect(stepIndexAt(60, 120, pad, steps)).toBe(2); // step 20
    expect(stepIndexAt(110, 120, pad, steps)).toBe(3);
    expect(stepIndexAt(5, 120, pad, steps)).toBeNull();
    expect(stepIndexAt(60, 120, pad, [])).toBeNull();
  });
});
