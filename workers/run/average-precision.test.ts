// Average precision against scikit-learn's definition. sklearn is not installed here, so the expected values
// come from this independent numpy re-writing of its _binary_clf_curve + average_precision_score (run with
// /usr/bin/python3; its docs example gives sklearn's documented 0.83):
//
//   def ap(y, s):
//       y = np.asarray(y, float); s = np.asarray(s, float)
//       order = np.argsort(s, kind="mergesort")[::-1]
//       s, y = s[order], y[order]
//       distinct = np.where(np.diff(s))[0]           # a tie is one threshold
//       thr = np.r_[distinct, y.size - 1]
//       tps = np.cumsum(y)[thr]; fps = 1 + thr - tps
//       precision = np.r_[(tps / (tps + fps))[::-1], 1]
//       recall = np.r_[(tps / tps[-1])[::-1], 0]
//       return -np.sum(np.diff(recall) * precision[:-1])
//
//   ap([1,0,1,1,0,1,0,0,0,1,0,0], [.9,.8,.8,.7,.6,.6,.6,.4,.3,.3,.2,.1])  -> 0.6976190476190477
//   ap([0,0,1,1], [0.1,0.4,0.35,0.8])                                     -> 0.8333333333333333
//   ap([0,1,0,0,1], [0.5]*5)                                              -> 0.4
import { describe, expect, it } from 'vitest';
import { averagePrecision } from './average-precision';
import { binaryMetrics, multiclassMetrics } from './eval-metrics';

const TIED_SCORES = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.4, 0.3, 0.3, 0.2, 0.1];
const TIED_LABELS = [1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0];

describe('average precision (sklearn average_precision_score)', () => {
  it('matches the numpy fixture, ties taken as one threshold', () => {
    // by hand: 0.2·1 + 0.2·2/3 + 0.2·3/4 + 0.2·4/7 + 0.2·5/10 (the 0.4 row adds no recall)
    expect(averagePrecision(TIED_SCORES, TIED_LABELS)).toBeCloseTo(0.6976190476190477, 14);
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.8333333333333333, 14);
    // every row tied: one threshold, precision = the positive rate (the chance level)
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 0, 1])).toBeCloseTo(0.4, 14);
  });

  it('does not depend on the order of the rows, and ranks alone (logits or probabilities alike)', () => {
    const order = [11, 3, 7, 0, 5, 9, 1, 10, 2, 8, 4, 6];
    expect(averagePrecision(order.map((i) => TIED_SCORES[i]), order.map((i) => TIED_LABELS[i]))).toBeCloseTo(0.6976190476190477, 14);
    expect(averagePrecision(TIED_SCORES.map((s) => Math.log(s / (1 - s))), TIED_LABELS)).toBeCloseTo(0.6976190476190477, 14);
  });

  it('is 1 for a perfect ranking, NaN without positives', () => {
    expect(averagePrecision([3, 2, 1, 0], [1, 1, 0, 0])).toBe(1);
    expect(averagePrecision([3, 2, 1], [1, 1, 1])).toBe(1);
    expect(averagePrecision([3, 2, 1], [0, 0, 0])).toBeNaN();
  });

  it('is stored as ap beside auc for binary and two-class runs, and left out (not 0) where undefined', () => {
    expect(binaryMetrics(TIED_SCORES.map((s) => Math.log(s / (1 - s))), TIED_LABELS).ap).toBeCloseTo(0.6976190476190477, 14);
    // two classes as logits [n, 2]: class 1 ranked by its margin, as the AUC is
    const logits = TIED_SCORES.flatMap((s) => [0, s]);
    expect(multiclassMetrics(logits, TIED_LABELS, 2).ap).toBeCloseTo(0.6976190476190477, 14);
    expect(binaryMetrics([1, -1], [0, 0])).not.toHaveProperty('ap');
    // one class only: AUC is undefined, and an all-positive part's AP of 1 says nothing of the model
    expect(binaryMetrics([1, -1], [1, 1])).not.toHaveProperty('ap');
    // more than two classes: no single positive class to rank
    expect(multiclassMetrics([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 2], 3)).not.toHaveProperty('ap');
  });
});
