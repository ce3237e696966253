// The one rule that reads a fusion target as classes or as a number to regress, and its refusals.
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { describeRegression, regressionTarget } from './regression-target';
import { bindTarget, codeTarget } from './target';
import { splitForTarget } from './regression-split';

const numbers = (values: number[]): DataColumn => ({ values: Float64Array.from(values) });
const fusion = (task?: 'auto' | 'classification' | 'regression') => ({ family: 'fusion' as const, modalities: [{ name: 'tab', columns: ['x'] }], label: 'y', classes: 1, textBuckets: 64, ...(task ? { task } : {}) });
const source = (y: DataColumn) => ({ rows: y.values.length, column: (n: string) => (n === 'y' ? y : numbers(Array.from({ length: y.values.length }, (_, i) => i))) });

describe('regression or classes (task=auto)', () => {
  it('a number with fractions is regressed; a few integers, two values and codes stay classes', () => {
    const price = regressionTarget(numbers([1.5, 2.25, 3, NaN, 4]), 'price');
    expect(price).toMatchObject({ kind: 'regression', column: 'price', distinct: 4, forced: false, examples: ['1.5', '2.25', '3', '4'] });
    expect(price!.valueOf(3)).toBeNaN(); // a missing price is no target
    expect(regressionTarget(numbers([1, 2, 3, 4, 5, 1, 2]), 'stars')).toBeUndefined(); // 5 integers: classes
    expect(regressionTarget(numbers([0.5, 1.5, 0.5]), 'y')).toBeUndefined(); // two values: binary
    expect(regressionTarget({ values: Int32Array.from([0, 1, 2]), dictionary: ['1.5', '2.5', '3.5'] }, 'y')).toBeUndefined(); // a categorical column
    expect(regressionTarget(numbers(Array.from({ length: 101 }, (_, i) => i)), 'age')).toMatchObject({ distinct: 101 }); // more integers than MAX_INTEGER_CLASSES
    expect(regressionTarget(numbers(Array.from({ length: 100 }, (_, i) => i)), 'age')).toBeUndefined();
    expect(regressionTarget(numbers([1.5, 2.5, 3.5]), 'y', { positiveAtLeast: 2 })).toBeUndefined(); // a label rule classifies
    expect(regressionTarget(numbers([1.5, 2.5, 3.5]), 'y', { task: 'classification' })).toBeUndefined();
  });

  it('task=regression reads a 1–5 score as a number and refuses what it cannot regress, naming the fix', () => {
    expect(regressionTarget(numbers([1, 2, 3, 4, 5]), 'score', { task: 'regression' })).toMatchObject({ distinct: 5, forced: true });
    expect(() => regressionTarget(numbers([4, 4, NaN, 4]), 'score', { task: 'regression' }))
      .toThrow("the target 'score' is 4 in every row that has a value: a constant has nothing to regress (its standard deviation is 0); choose another target column");
    expect(() => regressionTarget(numbers([NaN, NaN]), 'score', { task: 'regression' })).toThrow("the target 'score' has no number in any row: there is nothing to regress; choose another target column");
    expect(() => regressionTarget(numbers([1, 2, 3]), 'score', { task: 'regression', positiveAtLeast: 2 })).toThrow(/remove one of the two/);
  });

  it('task=regression on a coded column offers the retype only when its values read as numbers', () => {
    // words: retyping them as float would fail on every value, so the message says they cannot be regressed
    expect(() => regressionTarget({ values: Int32Array.from([0, 1, 2, 1, -1]), dictionary: ['bad', 'ok', 'good'] }, 'label_word', { task: 'regression', type: 'text' }))
      .toThrow("task=regression needs a numeric target; 'label_word' is typed text and holds words (bad, good, ok), not numbers: it cannot be regressed; " +
        'choose a numeric target column, or remove --set task=regression to classify its values');
    // numbers the importer kept as categories: the retype works, and names no literal dataset id
    const verdicts = { values: Int32Array.from([0, 1, 2, -1]), dictionary: ['1.5', ' 2', '10'] };
    const coded = () => regressionTarget(verdicts, 'verdict', { task: 'regression', type: 'categorical' });
    expect(coded).toThrow("task=regression needs a numeric target; 'verdict' is typed categorical, and its values read as numbers (1.5, 2, 10): " +
      'retype it as a number in the dataset (gatelab datasets types with verdict=float), or remove --set task=regression to classify its values');
    // given the dataset, the command names it, ready to paste (a column name with a space quoted for the shell)
    expect(() => regressionTarget(verdicts, 'verdict', { task: 'regression', type: 'categorical', dataset: { id: 3, name: 'appeals' } })).toThrow(
      "retype it as a number in dataset 3 'appeals' (gatelab datasets types 3 verdict=float), or remove --set task=regression");
    expect(() => codeTarget({ rows: 4, column: () => verdicts }, { ...fusion('regression'), label: 'Final Verdict' }, () => 'categorical', { id: 12, name: 'court rulings' })).toThrow(
      "retype it as a number in dataset 12 'court rulings' (gatelab datasets types 12 'Final Verdict=float')");
    // a dictionary value no row uses does not count; an empty value is not a number
    expect(() => regressionTarget({ values: Int32Array.from([0, 1]), dictionary: ['1', '2', 'n/a'] }, 'v', { task: 'regression' })).toThrow(/its values read as numbers \(1, 2\)/);
    expect(() => regressionTarget({ values: Int32Array.from([0, 1]), dictionary: ['1', ''] }, 'v', { task: 'regression' })).toThrow(/holds words/);
    // more words than classes: classifying them would be refused too, so it is not offered
    const many = { values: Int32Array.from({ length: 1200 }, (_, i) => i), dictionary: Array.from({ length: 1200 }, (_, i) => `w${i}`) };
    expect(() => regressionTarget(many, 'note', { task: 'regression', type: 'text' })).toThrow(/^task=regression needs a numeric target; 'note' is typed text and holds words \(w0, w1, w10, w100, w1000, …\), not numbers: it cannot be regressed; choose a numeric target column$/);
  });

  it('the note says what was decided and the setting that reads it the other way', () => {
    expect(describeRegression(regressionTarget(numbers([1.5, 2.25, 3, 4, 7.5, 9]), 'price')!))
      .toBe("regressing 'price': a number with 6 distinct values (1.5, 2.25, 3, …, 9); metrics mse, mae, rmse, r2 in its own units; use --set task=classification to treat its values as classes, or --set positiveAtLeast=T for a binary label (value ≥ T)");
    expect(describeRegression(regressionTarget(numbers([1, 2, 3]), 'score', { task: 'regression' })!))
      .toBe("regressing 'score' (task=regression): a number with 3 distinct values (1, 2, 3); metrics mse, mae, rmse, r2 in its own units");
    // more distinct values than classes may hold: task=classification would be refused, so only the threshold is offered
    expect(describeRegression(regressionTarget(numbers(Array.from({ length: 1200 }, (_, i) => i / 3)), 'price')!))
      .toMatch(/^regressing 'price': a number with 1,200 distinct values \(0, 0\.33\d*, 0\.66\d*, …, 399\.66\d*\); metrics mse, mae, rmse, r2 in its own units; use --set positiveAtLeast=T for a binary label \(value ≥ T\)$/);
  });
});

describe('the binding', () => {
  it('bindTarget leaves out rows without a target and sets the binding to one regression output', () => {
    const y = numbers([1.5, NaN, 2.5, 3.25, 4]);
    const split = { assignment: Uint8Array.from([0, 0, 1, 2, 0]), counts: { train: 3, val: 1, test: 1 }, ranges: null };
    const bound = bindTarget(source(y), fusion(), split);
    expect(bound.target).toBeUndefined();
    expect(bound.regression?.distinct).toBe(4);
    expect(bound.columns).toMatchObject({ task: 'regression', classes: 1 });
    expect(bound.leftOut).toBe(1);
    expect(Array.from(bound.split.assignment)).toEqual([0, 3, 1, 2, 0]);
    // task=classification: the values are classes, as the user asked (fractions included)
    expect(codeTarget(source(y), fusion('classification'))).toMatchObject({ kind: 'classes', names: ['1.5', '2.5', '3.25', '4'] });
  });

  it('a stratified split by a regressed target is cut at random (same shares and seed); by classes it stays stratified', () => {
    const spec = { kind: 'stratified' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'y', seed: 7 };
    expect(splitForTarget(spec, source(numbers([1.5, 2.5, 3.5, 4.5])), fusion())).toEqual({ kind: 'random', ratios: spec.ratios, seed: 7 });
    expect(splitForTarget(spec, source(numbers([1, 2, 3, 1])), fusion())).toBe(spec);
  });
});
