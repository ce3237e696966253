// Per-class precision, recall, F1, support and the confusion matrix against scikit-learn 1.2 on seeded
// labels and predictions (fixtures/class-metrics.py), including the audit's 90/8/2 tickets matrix; the
// macro F1 is the headline f1 of eval-metrics.ts; chunks streamed through MetricStream give the same table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CLASSES_FILE, TestClasses, isUnscored } from '../../common/runs/test-classes';
import { classBreakdown, classNamesOf, writeTestClasses } from './class-metrics';
import { binaryMetrics, multiclassMetrics } from './eval-metrics';
import { MetricStream } from './metric-stream';

interface Case {
  name: string; classes: number; labels: number[]; predictions: number[];
  precision: number[]; recall: number[]; f1: number[]; support: number[]; confusion: number[][];
  macro: { precision: number; recall: number; 'f1-score': number }; weighted: { precision: number; recall: number; 'f1-score': number };
}
const CASES = (JSON.parse(readFileSync(new URL('./fixtures/class-metrics.json', import.meta.url), 'utf8')) as { cases: Case[] }).cases;
/** Logits whose largest entry is the prediction. */
const oneHot = (predictions: number[], classes: number) => predictions.flatMap((p) => Array.from({ length: classes }, (_, k) => (k === p ? 1 : 0)));
const names = (k: number) => Array.from({ length: k }, (_, c) => `class ${c}`);

describe('per-class metrics equal scikit-learn (fixtures/class-metrics.json)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const b = classBreakdown('multiclass', oneHot(c.predictions, c.classes), c.labels, names(c.classes));
      expect(b.confusion).toEqual(c.confusion);
      b.classes.forEach((m, k) => {
        expect(m.precision).toBeCloseTo(c.precision[k], 12);
        expect(m.recall).toBeCloseTo(c.recall[k], 12);
        expect(m.f1).toBeCloseTo(c.f1[k], 12);
        expect(m.support).toBe(c.support[k]);
        expect(m.predicted).toBe(c.predictions.filter((p) => p === k).length);
      });
      expect(b.macro.precision).toBeCloseTo(c.macro.precision, 12);
      expect(b.macro.recall).toBeCloseTo(c.macro.recall, 12);
      expect(b.macro.f1).toBeCloseTo(c.macro['f1-score'], 12);
      expect(b.weighted.precision).toBeCloseTo(c.weighted.precision, 12);
      expect(b.weighted.recall).toBeCloseTo(c.weighted.recall, 12);
      expect(b.weighted.f1).toBeCloseTo(c.weighted['f1-score'], 12);
      // the headline f1 is this table's macro F1
      expect(multiclassMetrics(oneHot(c.predictions, c.classes), c.labels, c.classes).f1).toBeCloseTo(b.macro.f1, 12);
      if (c.classes === 2) {
        // a binary model's one logit: positive from sigmoid ≥ 0.5 (logit 0 is positive, as binaryMetrics counts it)
        const logits = c.predictions.map((p, i) => (p ? (i % 5 === 0 ? 0 : 1.5) : -1.5));
        const bin = classBreakdown('binary', logits, c.labels, ['no', 'yes']);
        expect(bin.confusion).toEqual(c.confusion);
        expect(bin.macro.f1).toBeCloseTo(binaryMetrics(logits, c.labels).f1, 12);
        expect(bin.classes.map((m) => m.name)).toEqual(['no', 'yes']);
      }
    });
  }

  it("the audit's run: 'refund' is predicted 0 times, its precision, recall and F1 are 0, macro F1 0.6104", () => {
    const c = CASES[0];
    const b = classBreakdown('multiclass', oneHot(c.predictions, 3), c.labels, ['escalated', 'refund', 'resolved']);
    expect(b.confusion).toEqual([[27, 0, 4], [5, 0, 4], [1, 0, 358]]);
    expect(b.classes[1]).toEqual({ name: 'refund', precision: 0, recall: 0, f1: 0, support: 9, predicted: 0 });
    expect(b.macro.f1).toBeCloseTo(0.6104454022988506, 12);
  });

  it("the audit's CTR test part without positives: 'true' is unscored, the macro avg, the test f1 and sklearn agree on 1.0", () => {
    const c = CASES.find((x) => x.name === 'binary test part without positives, none predicted')!;
    const logits = c.labels.map(() => -3);
    const b = classBreakdown('binary', logits, c.labels, ['false', 'true']);
    expect(b.classes[1]).toEqual({ name: 'true', precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
    expect(isUnscored(b.classes[1])).toBe(true); // printed '—', left out of the averages
    expect(b.macro).toEqual({ precision: c.macro.precision, recall: c.macro.recall, f1: c.macro['f1-score'] });
    const m = binaryMetrics(logits, c.labels);
    expect(m.f1).toBe(b.macro.f1);
    expect(m).not.toHaveProperty('auc'); // one class: undefined, and the data line says so (part-classes.ts)
    // one positive prediction makes 'true' a class that occurs (a false positive): F1 0, averaged in
    const one = classBreakdown('binary', [3, ...logits.slice(1)], c.labels, ['false', 'true']);
    expect(isUnscored(one.classes[1])).toBe(false);
    expect(one.macro.f1).toBeCloseTo((2 * 99 / (2 * 99 + 1) + 0) / 2, 12);
    expect(binaryMetrics([3, ...logits.slice(1)], c.labels).f1).toBeCloseTo(one.macro.f1, 12);
  });

  it('streams: chunks added to a MetricStream give the table of the whole part', () => {
    const c = CASES[3];
    const logits = oneHot(c.predictions, c.classes);
    const stream = new MetricStream('multiclass', c.classes);
    for (let i = 0; i < c.labels.length; i += 40) {
      stream.add(Float32Array.from(logits.slice(i * c.classes, (i + 40) * c.classes)), BigInt64Array.from(c.labels.slice(i, i + 40), (v) => BigInt(v)));
    }
    expect(stream.classBreakdown(names(c.classes))).toEqual(classBreakdown('multiclass', logits, c.labels, names(c.classes)));
    expect(() => new MetricStream('regression').classBreakdown([])).toThrow(/a regression has no classes/);
  });

  it('refuses a label outside the classes and names that do not match them', () => {
    expect(() => classBreakdown('multiclass', oneHot([0, 1], 2), [0, 4], ['a', 'b'])).toThrow(/test row 1 has class 4, outside the model's 2 classes/);
    expect(() => classBreakdown('multiclass', oneHot([0, 1], 2), [0, 1], ['a'])).toThrow(/1 class names for 2 classes/);
  });
});

describe('class names and the stored file', () => {
  it("are the target's values, else negative/positive for a binary label, else the ids", () => {
    expect(classNamesOf({ task: 'multiclass', classes: 3, classNames: ['a', 'b', 'c'] })).toEqual(['a', 'b', 'c']);
    expect(classNamesOf({ task: 'binary' })).toEqual(['negative', 'positive']);
    expect(classNamesOf({ task: 'multiclass', classes: 3 })).toEqual(['0', '1', '2']);
  });

  it('test-classes.json parses back to the table with its step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-classes-'));
    try {
      const b = classBreakdown('multiclass', oneHot(CASES[0].predictions, 3), CASES[0].labels, ['escalated', 'refund', 'resolved']);
      writeTestClasses(dir, 120, b);
      expect(TestClasses.parse(JSON.parse(readFileSync(join(dir, TEST_CLASSES_FILE), 'utf8')))).toEqual({ step: 120, ...b });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
