// The data line says which part of a split lacks which class, what that does to the numbers, and the
// stratified split that fixes it, with shares that do: checked by making that split (common/data) and
// counting the class in every part.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, TEST, TRAIN, VAL } from '../../common/data';
import { partClassCounts, partClassNotes } from './part-classes';
import type { RunData, Rows } from './run-data';

const binaryRows = (labels: number[]): Rows => ({ rows: labels.length, columns: { label: { data: Float32Array.from(labels), shape: [1] } } });
const classRows = (labels: number[]): Rows => ({ rows: labels.length, columns: { label: { data: BigInt64Array.from(labels, (v) => BigInt(v)), shape: [] } } });
const repeat = (n: number, v: number) => new Array<number>(n).fill(v);

describe('notes on classes a part has no rows of', () => {
  it("the audit's CTR file (6 clicks in 1,000 rows, 5 / 1 / 0 by part): test has no 'true' rows, split by class at 70/15/15", () => {
    const notes = partClassNotes(['false', 'true'], { train: [795, 5], validation: [99, 1], test: [100, 0] }, { binary: true, column: 'click' });
    expect(notes).toEqual([
      "test has no 'true' rows: AUC undefined, F1 of 'true' cannot be judged",
      'a split by class keeps every class in every part: gatelab datasets split ID --kind stratified --column click --ratios 0.7,0.15,0.15, then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; an experiment file: "splitId": SPLIT in its config.data; the app: Models › Split)',
    ]);
  });

  it('the advice names the split as each way of starting a run takes it, not only as train\'s flag (a sweep\'s file, the app)', () => {
    // the trainer cannot tell how its run was started, and the note is stored with the run for show and the app
    const [, advice] = partClassNotes(['no', 'yes'], { train: [90, 10], validation: [10, 0], test: [10, 1] }, { binary: true, column: 'y' });
    expect(advice).toContain('--set data.splitId=SPLIT');
    expect(advice).toContain('"splitId": SPLIT in its config.data');
    expect(advice).toContain('Models › Split');
    expect(advice).not.toContain('then train with');
  });

  it('the split the note gives puts a row of the rare class in every part (and the default 80/10/10 would not)', () => {
    // 1,000 rows, 6 positive, as the audit's file
    const click = Float32Array.from({ length: 1000 }, (_, r) => (r % 166 === 7 ? 1 : 0));
    expect(click.reduce((s, v) => s + v, 0)).toBe(6);
    const data = columnSource(1000, { click: { values: click } });
    const positivesBy = (ratios: { train: number; val: number; test: number }) => {
      const split = computeSplit({ kind: 'stratified', column: 'click', ratios, seed: 42 }, data);
      return [TRAIN, VAL, TEST].map((part) => split.assignment.reduce((n, a, r) => n + (a === part && click[r] === 1 ? 1 : 0), 0));
    };
    expect(positivesBy({ train: 0.8, val: 0.1, test: 0.1 })).toEqual([5, 1, 0]);
    expect(positivesBy({ train: 0.7, val: 0.15, test: 0.15 })).toEqual([4, 1, 1]);
  });

  it("a class only in test (a chronological split of a growing set of classes): no training rows, no validation rows", () => {
    const notes = partClassNotes(['bronze', 'gold', 'new', 'silver'], { train: [90, 95, 0, 95], validation: [14, 13, 0, 13], test: [21, 24, 10, 25] }, { binary: false, column: 'tier' });
    expect(notes).toEqual([
      "no training rows: 'new' (the model cannot learn it; class weights do not help)",
      "validation has no 'new' rows: early stopping never scores it",
      // 10 rows at 80/10/10 are 8 / 1 / 1: the default shares do
      'a split by class keeps every class in every part: gatelab datasets split ID --kind stratified --column tier, then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; an experiment file: "splitId": SPLIT in its config.data; the app: Models › Split)',
    ]);
  });

  it("a binary label without positives in validation: AUC undefined there, early stopping sees one class", () => {
    const notes = partClassNotes(['Nein', 'Ja'], { train: [250, 30], validation: [40, 0], test: [71, 9] }, { binary: true, column: 'churn' });
    expect(notes[0]).toBe("validation has no 'Ja' rows: AUC undefined there, early stopping sees one class");
    expect(notes).toHaveLength(2);
  });

  it('classes missing from test among others: their F1 is left out of the macro F1; AUC stays (two classes remain)', () => {
    const notes = partClassNotes(['a', 'b', 'c', 'd'], { train: [50, 50, 40, 40], validation: [5, 5, 5, 5], test: [10, 10, 0, 0] }, { binary: false, column: 'kind of thing' });
    expect(notes[0]).toBe("test has no 'c', 'd' rows: their F1 cannot be judged (left out of the macro F1)");
    expect(notes[1]).toContain('--column \'kind of thing\''); // one shell word
  });

  it('a label rule names its classes as the baseline does; too few rows for any split is said as such', () => {
    // 3 positives: 80/10/10 gives 3 / 0 / 0, 70/15/15 and 60/20/20 2 / 1 / 0: no shares put one in every part
    const notes = partClassNotes(['< 4', '≥ 4'], { train: [700, 3], validation: [100, 0], test: [100, 0] }, { binary: true, column: 'stars', rule: 4 });
    expect(notes).toEqual([
      "validation has no 'stars' ≥ 4 rows: AUC undefined there, early stopping sees one class",
      "test has no 'stars' ≥ 4 rows: AUC undefined, F1 of 'stars' ≥ 4 cannot be judged",
      "'stars' ≥ 4 (3 rows): too few rows for every part to hold one; add rows of it",
    ]);
  });

  it('nothing when every class is in every part; an empty validation part is no class missing', () => {
    expect(partClassNotes(['no', 'yes'], { train: [80, 20], validation: [8, 2], test: [9, 1] }, { binary: true, column: 'y' })).toEqual([]);
    expect(partClassNotes(['no', 'yes'], { train: [80, 20], validation: [0, 0], test: [9, 1] }, { binary: true, column: 'y' })).toEqual([]);
    // a class only the rows a split leaves unused hold
    expect(partClassNotes(['a', 'b', 'c'], { train: [5, 5, 0], validation: [1, 1, 0], test: [2, 2, 0] }, { binary: false, column: 'k' }))
      .toEqual(["no rows in any part: 'c' (only rows the split leaves unused hold it)"]);
  });
});

describe('class counts of each part', () => {
  it('count binary labels (1 above 0.5) and class ids in every part; a regression has none', () => {
    const data: RunData = {
      task: 'binary', prediction: 'logit', target: 'label', classNames: ['false', 'true'], describe: '',
      train: binaryRows([0, 1, 1, 0, 0]), validation: binaryRows([0, 0]), test: binaryRows([1, 0, 0.9]),
    };
    expect(partClassCounts(data)).toEqual({ train: [3, 2], validation: [2, 0], test: [1, 2] });
    const classes: RunData = { ...data, task: 'multiclass', classes: 3, classNames: ['a', 'b', 'c'], train: classRows([0, 1, 1]), validation: classRows([2]), test: classRows([...repeat(3, 0), 2]) };
    expect(partClassCounts(classes)).toEqual({ train: [1, 2, 0], validation: [0, 0, 1], test: [3, 0, 1] });
    expect(partClassCounts({ ...data, task: 'regression' })).toBeUndefined();
    expect(() => partClassCounts({ ...data, test: { rows: 1, columns: {} } })).toThrow("the test rows have no target 'label' to count the classes of");
  });
});
