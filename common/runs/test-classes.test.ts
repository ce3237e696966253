// The per-class table `gatelab show` prints: a row per class with its confusion-matrix row under the
// predicted classes' names, the averages, a note for a class never predicted (with the remedy unless the
// run already weighs its classes); many classes: the worst F1 first, no matrix columns.
import { describe, expect, it } from 'vitest';
import { TestClasses, testClassLines } from './test-classes';

const cls = (name: string, precision: number, recall: number, f1: number, support: number, predicted: number) => ({ name, precision, recall, f1, support, predicted });
// the audit's tickets run (scikit-learn's numbers for its matrix: workers/run/fixtures/class-metrics.json)
const audit: TestClasses = {
  step: 120,
  classes: [cls('escalated', 27 / 33, 27 / 31, 54 / 64, 31, 33), cls('refund', 0, 0, 0, 9, 0), cls('resolved', 358 / 366, 358 / 359, 716 / 725, 359, 366)],
  confusion: [[27, 0, 4], [5, 0, 4], [1, 0, 358]],
  macro: { precision: 0.5987746315615169, recall: 0.6227274088717166, f1: 0.6104454022988506 },
  weighted: { precision: 0.9437, recall: 0.9649, f1: 0.9541 },
};

describe('testClassLines', () => {
  it('prints the metrics and the confusion matrix by class name, and says which class is never predicted', () => {
    expect(testClassLines(audit)).toEqual([
      'class         precision  recall  f1      support  │ predicted: escalated  refund  resolved',
      'escalated     0.8182     0.8710  0.8438       31  │                   27       0         4',
      'refund        0.0000     0.0000  0.0000        9  │                    5       0         4',
      'resolved      0.9781     0.9972  0.9876      359  │                    1       0       358',
      'macro avg     0.5988     0.6227  0.6104',
      'weighted avg  0.9437     0.9649  0.9541',
      "note: 'refund' is never predicted (9 test rows are 'refund')",
      '      train with --set loss.classWeights=balanced to give every class the same weight in the loss',
    ]);
    // a run that already weighs its classes gets the note without the remedy
    expect(testClassLines(audit, { classWeights: true }).slice(-1)).toEqual(["note: 'refund' is never predicted (9 test rows are 'refund')"]);
  });

  it('many classes: the lowest F1 first up to max, long names kept apart, the matrix left to --json', () => {
    const k = 12;
    const t: TestClasses = {
      step: 1,
      classes: Array.from({ length: k }, (_, c) => cls(`ticket category number ${c}`, 0.5, 0.5, c === 7 ? 0.1 : 0.5 + c / 100, 10, 10)),
      confusion: Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, p) => (a === p ? 5 : 0))),
      macro: { precision: 0.5, recall: 0.5, f1: 0.5 },
      weighted: { precision: 0.5, recall: 0.5, f1: 0.5 },
    };
    const lines = testClassLines(t, { max: 3 });
    expect(lines[0]).toBe('class             precision  recall  f1      support');
    expect(lines.slice(1, 4).map((l) => l.slice(0, 16))).toEqual(['ticket c…umber 7', 'ticket c…umber 0', 'ticket c…umber 1']);
    expect(lines[4]).toBe('… 9 more classes (shown: the 3 with the lowest F1; --json lists every one)');
    expect(lines.at(-1)).toBe('confusion matrix (12 × 12): --json has it (testClasses.confusion[true][predicted])');
  });
});
