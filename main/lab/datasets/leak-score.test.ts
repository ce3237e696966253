// The one-feature rule's scores: fitted on one half of the rows and checked on the other, so values each
// seen once predict nothing; the AUC counts ties half; the thresholds take both the accuracy and the
// baseline into account (95% over a 94% majority class is no finding).
import { describe, expect, it } from 'vitest';
import { areaUnderRoc, classRuleLeaks, classScore, numberRuleLeaks, numberScore, pearson } from './leak-score';

const keysOf = (keys: number[]) => ({ keys: Int32Array.from(keys), count: Math.max(...keys) + 1 });

describe('classScore', () => {
  it('scores a feature that copies the target at 100% against its majority class', () => {
    const labels = Int32Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const s = classScore(keysOf([...labels].map((l) => l + 1)), labels, 2)!;
    expect(s).toMatchObject({ accuracy: 1, baseline: 0.75, auc: 1, rows: 200 });
    expect(classRuleLeaks(s)).toBe(true);
  });

  it('gains nothing from values each seen on one row (the other half never saw them: they get the majority class)', () => {
    const labels = Int32Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const s = classScore(keysOf(Array.from({ length: 200 }, (_, i) => 1 + i)), labels, 2)!;
    expect(s.accuracy).toBe(s.baseline);
    expect(s.auc).toBeCloseTo(0.5, 1); // each half's own majority rate: two ties, not one
    expect(classRuleLeaks(s)).toBe(false);
  });

  it('does not count rows without a target, nor a table with too few of them', () => {
    expect(classScore(keysOf(new Array(100).fill(1)), Int32Array.from({ length: 100 }, (_, i) => (i < 40 ? 0 : -1)), 1)).toBeNull();
  });
});

describe('the thresholds', () => {
  it('needs 95% and 80% of the majority class errors removed, or an AUC of 0.95 on two classes', () => {
    expect(classRuleLeaks({ accuracy: 0.96, baseline: 0.5, rows: 100 })).toBe(true);
    expect(classRuleLeaks({ accuracy: 0.96, baseline: 0.94, rows: 100 })).toBe(false);
    expect(classRuleLeaks({ accuracy: 0.94, baseline: 0.82, auc: 0.972, rows: 100 })).toBe(true);
    expect(classRuleLeaks({ accuracy: 0.9, baseline: 0.82, auc: 0.9, rows: 100 })).toBe(false);
    expect(classRuleLeaks({ accuracy: 1, baseline: 1, rows: 100 })).toBe(false);
    expect(numberRuleLeaks({ pearson: -0.985, r2: 0.9, rows: 100 })).toBe(true);
    expect(numberRuleLeaks({ pearson: 0.95, r2: 0.9, rows: 100 })).toBe(false);
    expect(numberRuleLeaks({ pearson: null, r2: 0.96, rows: 100 })).toBe(true);
  });
});

describe('numberScore, pearson, areaUnderRoc', () => {
  it('scores a category that sets the target (R² near 1) and one that does not (R² near 0 or below)', () => {
    const keys = Array.from({ length: 400 }, (_, i) => 1 + (i % 4));
    const target = Float64Array.from(keys, (k, i) => k * 10 + (i % 3) * 0.1);
    expect(numberScore(keysOf(keys), target, null)!.r2).toBeGreaterThan(0.99);
    expect(numberScore(keysOf(keys), Float64Array.from(keys, (_, i) => (i * 7919) % 101), null)!.r2).toBeLessThan(0.1);
  });

  it('keeps the digits of large values (unix times) in the correlation', () => {
    const t = Float64Array.from({ length: 100 }, (_, i) => 1.7e9 + i);
    expect(pearson(t, Float64Array.from(t, (v) => -(v - 1.7e9)))).toBeCloseTo(-1, 9);
  });

  it('counts ties half', () => {
    expect(areaUnderRoc([[0.5, 1, 1]])).toBe(0.5);
    expect(areaUnderRoc([[0.1, 0, 3], [0.9, 2, 1]])).toBeCloseTo((2 * 3 + 2 * 0.5) / 8);
    expect(areaUnderRoc([[0.1, 0, 3]])).toBeUndefined();
  });
});
