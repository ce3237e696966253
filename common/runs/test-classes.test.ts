// The per-class table `gatelab show` prints: a row per class with its confusion-matrix row under the
// predicted classes' names, the averages, a note for a class never predicted (with the remedy unless the
// run already weighs its classes); many classes: the worst F1 first, no matrix columns.
import { describe, expect, it } from 'vitest';
import { TestClasses, listedClasses, quotedClasses, testClassLines, unscoredNote, untrainedIn, untrainedOf, weighsClasses } from './test-classes';

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

// the audit's CTR run: 6 clicks in 1,000 rows, none of them in the 100 test rows; the model predicts none
const noPositives: TestClasses = {
  step: 6,
  classes: [cls('false', 1, 1, 1, 100, 100), cls('true', 0, 0, 0, 0, 0)],
  confusion: [[100, 0], [0, 0]],
  // scikit-learn's classification_report on these labels (workers/run/fixtures/class-metrics.json)
  macro: { precision: 1, recall: 1, f1: 1 },
  weighted: { precision: 1, recall: 1, f1: 1 },
};

describe('a class with no test rows that is never predicted', () => {
  it("prints '—' where there is nothing to judge, and says why the averages leave it out and AUC is missing", () => {
    expect(testClassLines(noPositives)).toEqual([
      'class         precision  recall  f1      support  │ predicted: false  true',
      'false         1.0000     1.0000  1.0000      100  │              100     0',
      'true          —          —       —             0  │                0     0',
      'macro avg     1.0000     1.0000  1.0000',
      'weighted avg  1.0000     1.0000  1.0000',
      "note: 'true' has no test rows and is never predicted: its precision, recall and F1 cannot be judged (—, left out of the averages and the test f1); AUC is undefined on a test part of one class",
    ]);
  });

  it('several of many: named together, listed after every class with an F1, AUC not called undefined while two classes have rows', () => {
    const t: TestClasses = {
      step: 1,
      classes: [cls('a', 0.5, 0.5, 0.5, 10, 10), cls('b', 0.2, 0.2, 0.2, 10, 10), cls('c', 0, 0, 0, 0, 0), cls('d', 0, 0, 0, 0, 0)],
      confusion: [[5, 5, 0, 0], [5, 5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
      macro: { precision: 0.35, recall: 0.35, f1: 0.35 },
      weighted: { precision: 0.35, recall: 0.35, f1: 0.35 },
    };
    const lines = testClassLines(t, { max: 3 });
    expect(lines.slice(1, 4).map((l) => l.slice(0, 1))).toEqual(['b', 'a', 'c']); // the lowest F1 first; no F1 is not the lowest
    expect(lines.at(-1)).toBe("note: 'c' and 'd' have no test rows and are never predicted: their precision, recall and F1 cannot be judged (—, left out of the averages and the test f1)");
  });
});

describe('a class without training rows', () => {
  // a chronological split of tiers where 'new' appears only in the last rows
  const tiers: TestClasses = {
    step: 4,
    classes: [cls('bronze', 0.25, 0.75, 0.37, 20, 60), cls('new', 0, 0, 0, 10, 0), cls('silver', 0.4, 0.2, 0.27, 50, 20)],
    confusion: [[15, 0, 5], [8, 0, 2], [37, 0, 13]],
    macro: { precision: 0.22, recall: 0.32, f1: 0.21 },
    weighted: { precision: 0.3, recall: 0.35, f1: 0.27 },
  };

  it('is never predicted, and class weights are not offered for it (they cannot teach a class the model never saw)', () => {
    const lines = testClassLines({ ...tiers, untrained: ['new'] });
    expect(lines.slice(-1)).toEqual(["note: 'new' is never predicted (10 test rows are 'new'): it has no training rows, so the model never saw it"]);
    // without the data line's note (a run from before it), the remedy is offered as before
    expect(testClassLines(tiers).slice(-2)).toEqual(["note: 'new' is never predicted (10 test rows are 'new')", '      train with --set loss.classWeights=balanced to give every class the same weight in the loss']);
    // a second class never predicted that did have training rows still gets the remedy
    const both = { ...tiers, classes: tiers.classes.map((c) => (c.name === 'silver' ? { ...c, predicted: 0 } : c)), untrained: ['new'] };
    expect(testClassLines(both).at(-1)).toBe('      train with --set loss.classWeights=balanced to give every class the same weight in the loss');
  });

  it("is read back from the data line's note by the known class names, whatever characters they hold", () => {
    const names = ['bronze', 'new, shiny; tier', 'silver', '< 4', '≥ 4'];
    expect(untrainedIn("fusion: 84 train / 12 validation / 24 test samples; 3 classes of 'tier': bronze, new, silver; no training rows: 'new, shiny; tier', 'silver' (the model cannot learn them; class weights do not help); validation has no 'bronze' rows: …", names))
      .toEqual(['new, shiny; tier', 'silver']);
    // a label rule's class as the note spells it; the class weights' own "(no training rows, weight 1: …)" is another note
    expect(untrainedIn("label: 'stars' ≥ 4 is positive; no training rows: 'stars' ≥ 4 (the model cannot learn it; class weights do not help)", names)).toEqual(['≥ 4']);
    expect(untrainedIn("class weights (balanced): 'bronze' 1.2, 'new' 1 (no training rows, weight 1: 'new')", names)).toEqual([]);
    expect(untrainedIn('recsys: 800 train / 100 validation / 100 test samples', names)).toEqual([]);
  });
});

describe('one wording for the CLI and the Runs panel', () => {
  const unscored = (names: string[], withRows = 2): TestClasses => ({
    step: 1,
    classes: [...Array.from({ length: withRows }, (_, i) => cls(`r${i}`, 0.5, 0.5, 0.5, 10, 10)), ...names.map((n) => cls(n, 0, 0, 0, 0, 0))],
    confusion: [], macro: { precision: 0.5, recall: 0.5, f1: 0.5 }, weighted: { precision: 0.5, recall: 0.5, f1: 0.5 },
  });

  it("names the classes with no test rows that are never predicted, in the terminal's quotes or the panel's", () => {
    expect(unscoredNote(unscored(['c']))).toBe("'c' has no test rows and is never predicted: its precision, recall and F1 cannot be judged (—, left out of the averages and the test f1)");
    expect(unscoredNote(unscored(['c', 'd']), 'typographic')).toBe('‘c’ and ‘d’ have no test rows and are never predicted: their precision, recall and F1 cannot be judged (—, left out of the averages and the test f1)');
    // one class left with test rows: AUC is undefined too
    expect(unscoredNote(unscored(['c'], 1))).toMatch(/; AUC is undefined on a test part of one class$/);
    expect(unscoredNote(unscored([]))).toBeNull();
    // `gatelab show` prints the same words after "note: "
    expect(testClassLines(unscored(['c', 'd'])).at(-1)).toBe(`note: ${unscoredNote(unscored(['c', 'd']))}`);
  });

  it('lists up to five names, then how many there are', () => {
    expect(quotedClasses(['a'])).toBe("'a'");
    expect(quotedClasses(['a', 'b', 'c'], 'typographic')).toBe('‘a’, ‘b’ and ‘c’');
    expect(quotedClasses(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe("'a', 'b', 'c', 'd', 'e', … (7 classes)");
  });

  it('lists every class in class-id order when they fit, else the lowest F1 first and the unscored last', () => {
    const t: TestClasses = { ...audit, classes: [cls('a', 0.9, 0.9, 0.9, 10, 10), cls('none', 0, 0, 0, 0, 0), cls('b', 0.2, 0.2, 0.2, 5, 5), cls('c', 0.2, 0.2, 0.2, 8, 8)] };
    expect(listedClasses(t, 4)).toEqual([0, 1, 2, 3]);
    // ties on F1: the larger support first; the unscored class's 0 is no F1
    expect(listedClasses(t, 3)).toEqual([3, 2, 0]);
  });

  it("reads the classes without training rows from the trainer's counts; counts of other classes say nothing", () => {
    const counts = { train: [90, 0, 95, 0], validation: [14, 0, 13, 0], test: [21, 10, 25, 0] };
    // a class no part holds is not "untrained": only rows the split leaves unused have it
    expect(untrainedOf(counts, ['bronze', 'new', 'silver', 'gone'])).toEqual(['new']);
    expect(untrainedOf({ ...counts, train: [90, 4, 95, 0] }, ['bronze', 'new', 'silver', 'gone'])).toEqual([]);
    expect(untrainedOf(counts, ['bronze', 'new', 'silver'])).toBeNull();
  });

  it('offers no class-weights remedy to a run whose loss already weighs its classes', () => {
    expect(weighsClasses({ loss: { classWeights: 'balanced' } })).toBe(true);
    expect(weighsClasses({ loss: { classWeights: 'none' } })).toBe(false);
    expect(weighsClasses({})).toBe(false);
    expect(weighsClasses(null)).toBe(false);
  });
});
