import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auc, binaryMetrics, multiclassMetrics, oneVsRestAuc, regressionMetrics } from './eval-metrics';

// scikit-learn 1.2's f1_score(average='macro') on seeded labels and predictions (fixtures/macro-f1.py).
interface F1Case { name: string; classes: number; labels: number[]; predictions: number[]; f1: number }
const F1_CASES = (JSON.parse(readFileSync(new URL('./fixtures/macro-f1.json', import.meta.url), 'utf8')) as { cases: F1Case[] }).cases;

describe('evaluation metrics', () => {
  it('AUC matches scikit-learn on its documented example and counts ties as half', () => {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5, 0.5], [0, 1, 1])).toBe(0.5);
    expect(auc([1, 2, 3], [1, 1, 1])).toBeNaN(); // undefined with one class
  });

  it('binary logloss from logits equals the direct formula, and is stable for large logits', () => {
    const logits = [2, -1, 0.5, 40];
    const y = [1, 0, 0, 1];
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const direct = -logits.reduce((a, z, i) => a + (y[i] ? Math.log(sig(z)) : Math.log(1 - sig(z))), 0) / 4;
    const m = binaryMetrics(logits, y);
    expect(m.logloss).toBeCloseTo(direct, 12);
    expect(m.accuracy).toBe(0.75);
    // predictions [1, 0, 1, 1] vs [1, 0, 0, 1]: class 1 F1 = 2·2/(2·2+1) = 0.8, class 0 F1 = 2·1/(2·1+1) = 2/3
    expect(m.f1).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    expect(binaryMetrics([-800], [1]).logloss).toBeCloseTo(800, 9);
  });

  it('macro-F1 averages per-class F1 (sklearn f1_score average="macro")', () => {
    // predictions [0, 1, 1, 2, 2, 2] for labels [0, 1, 2, 2, 2, 1]:
    // class 0: tp1 fp0 fn0 -> 1; class 1: tp1 fp1 fn1 -> 0.5; class 2: tp2 fp1 fn1 -> 2/3
    const pred = [0, 1, 1, 2, 2, 2];
    const logits = pred.flatMap((p) => [0, 1, 2].map((c) => (c === p ? 1 : 0)));
    const m = multiclassMetrics(logits, [0, 1, 2, 2, 2, 1], 3);
    expect(m.f1).toBeCloseTo((1 + 0.5 + 2 / 3) / 3, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
  });

  it('3+ classes: AUC is the macro average of one-vs-rest AUCs on the softmax probabilities', () => {
    const logits = [0, 1, 5, 0, 0.5, 0, 2, 0, 0, 0, 0, 3, 1, 2, 0, 0.2, 0, 0.1];
    const y = [2, 1, 0, 2, 1, 0];
    // The definition, independently: the share of (class c, other) pairs where p_c is higher (ties half).
    const p = (i: number, c: number) => Math.exp(logits[i * 3 + c]) / [0, 1, 2].reduce((s, k) => s + Math.exp(logits[i * 3 + k]), 0);
    const pairwise = (c: number) => {
      let good = 0, pairs = 0;
      for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) if (y[i] === c && y[j] !== c) { pairs++; good += p(i, c) > p(j, c) ? 1 : p(i, c) === p(j, c) ? 0.5 : 0; }
      return good / pairs;
    };
    const expected = (pairwise(0) + pairwise(1) + pairwise(2)) / 3;
    expect(oneVsRestAuc(logits, y, 3)).toBeCloseTo(expected, 12);
    // sample 1's class-1 logit (0.5) is below sample 0's (1), its probability is above: probabilities decide
    expect(p(1, 1)).toBeGreaterThan(p(0, 1));
    expect(multiclassMetrics(logits, y, 3)).toMatchObject({ auc: expected });
    // a class absent from the part is left out of the average
    expect(oneVsRestAuc(logits.slice(0, 6), [1, 1], 3)).toBeNaN();
  });

  it('multi-class logloss is the mean −log softmax of the true class (PyTorch and scikit-learn agree)', () => {
    // torch.nn.functional.cross_entropy(float64 logits, y) and sklearn.metrics.log_loss(y, softmax(logits))
    // both give 1.9950560652112486 for these rows (sklearn 1.2.1, torch 1.13)
    const rows = [[2, -1, 0.5, 0], [0.1, 0.2, 0.3, 0.4], [-3, 4, 1.5, -0.5], [1, 1, 1, 1], [0, -2.5, 3, 2], [5, 0, -1, 2]];
    const m = multiclassMetrics(rows.flat(), [0, 3, 2, 1, 3, 1], 4);
    expect(m.logloss).toBeCloseTo(1.9950560652112486, 12);
    // a logit of 800 does not overflow, and a confident wrong answer is not clipped (cross_entropy: 400.2038029822222)
    expect(multiclassMetrics([800, 0, -3, 0, 1, 2], [1, 2], 3).logloss).toBeCloseTo(400.2038029822222, 9);
  });

  it('two-class softmax logits [0, z] give the binary logloss of logit z', () => {
    const z = [2, -1, 0.5, 40, -30], y = [1, 0, 0, 1, 1];
    const binary = binaryMetrics(z, y).logloss;
    expect(multiclassMetrics(z.flatMap((v) => [0, v]), y, 2).logloss).toBeCloseTo(binary, 12);
    expect(binary).toBeGreaterThan(6); // the -30 row costs 30: the comparison is not of near-zero losses
  });

  it('MSE and MAE', () => {
    expect(regressionMetrics([1, 2, 3], [1, 0, 6])).toEqual({ mse: (0 + 4 + 9) / 3, mae: 5 / 3 });
  });
});

describe('metrics of a part with one class', () => {
  it('leave AUC out (undefined) and keep the others', () => {
    const m = binaryMetrics([0.5, -1, 2], [1, 1, 1]);
    expect(m).not.toHaveProperty('auc');
    expect(m.accuracy).toBeCloseTo(2 / 3, 12);
    expect(multiclassMetrics([0, 1, 1, 0], [1, 1], 2)).not.toHaveProperty('auc');
  });
});

describe('macro-F1 equals scikit-learn f1_score(average="macro") (fixtures/macro-f1.json)', () => {
  for (const c of F1_CASES) {
    it(c.name, () => {
      if (c.classes === 2) {
        // binary models give one logit: positive above 0
        expect(binaryMetrics(c.predictions.map((p) => (p ? 2 : -2)), c.labels).f1).toBeCloseTo(c.f1, 12);
      }
      const logits = c.predictions.flatMap((p) => Array.from({ length: c.classes }, (_, k) => (k === p ? 1 : 0)));
      expect(multiclassMetrics(logits, c.labels, c.classes).f1).toBeCloseTo(c.f1, 12);
    });
  }

  it('a class absent from labels and predictions is not averaged in (the audit\'s 0.2667 vs 0.40)', () => {
    // 3 of 5 classes occur in the part; dividing by all 5 would give 0.5·3/5 = 0.3
    const labels = [0, 1, 2, 0, 1, 2], pred = [0, 1, 2, 1, 2, 0];
    const logits = pred.flatMap((p) => [0, 1, 2, 3, 4].map((k) => (k === p ? 1 : 0)));
    // per class: tp 1, fp 1, fn 1 -> F1 2/4 = 0.5
    expect(multiclassMetrics(logits, labels, 5).f1).toBeCloseTo(0.5, 12);
  });
});
