// The keys the one-feature rule reads: a few-valued number value by value, a many-valued one in ~20
// quantile bins, "no value" as a key of its own; id-like columns and near-empty ones are not judged at all.
import { describe, expect, it } from 'vitest';
import { featureKeys, sampleRows } from './leak-rule';

const all = (n: number) => sampleRows(n);

describe('featureKeys', () => {
  it('reads a 1–5 rating value by value, and a missing value as its own key', () => {
    const rating = Float32Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? NaN : 1 + (i % 5)));
    const f = featureKeys(rating, false, all(100))!;
    expect(new Set(f.keys)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(f.keys[0]).toBe(0); // the missing one
    expect(f.keys[1]).toBe(2); // rating 2 is the second value
  });

  it('cuts a number with many values into about 20 bins of similar size', () => {
    const f = featureKeys(Float64Array.from({ length: 1000 }, (_, i) => i + 0.5), false, all(1000))!;
    const sizes = new Map<number, number>();
    for (const k of f.keys) sizes.set(k, (sizes.get(k) ?? 0) + 1);
    expect(sizes.size).toBe(20);
    expect(Math.max(...sizes.values())).toBe(50);
  });

  it('leaves out id-like columns: mostly one-off categories, whole numbers all different', () => {
    expect(featureKeys(Int32Array.from({ length: 200 }, (_, i) => i), true, all(200))).toBeNull();
    expect(featureKeys(Float64Array.from({ length: 200 }, (_, i) => 1_600_000_000 + i * 60), false, all(200))).toBeNull();
    expect(featureKeys(Int32Array.from({ length: 200 }, (_, i) => i % 40), true, all(200))).not.toBeNull();
  });

  it('leaves out a feature with too few values to say anything', () => {
    expect(featureKeys(Int32Array.from({ length: 200 }, (_, i) => (i < 20 ? i % 2 : -1)), true, all(200))).toBeNull();
  });
});

describe('sampleRows', () => {
  it('reads every row of a small table and evenly spaced rows of a big one', () => {
    expect([...sampleRows(5)]).toEqual([0, 1, 2, 3, 4]);
    const big = sampleRows(1_000_000);
    expect(big.length).toBe(50_000);
    expect(big[1] - big[0]).toBe(20);
    expect(big[big.length - 1]).toBe(999_980);
  });
});
