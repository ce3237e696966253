// Which value of a two-valued target is positive: the user's choice (`positive`), the words, and for new runs
// the rarer of two values no word decides (a loan file's "Charged Off" beside "Fully Paid").
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { codeTarget, describeTarget, targetCoding, type TargetCoding } from './target';
import { columnSource } from '../data';
import { runBinding } from './run-binding';
import { rarerByCount } from './positive-class';
import { parseNewRunConfig } from '../runs/new-run-config';

const coded = (values: (string | null)[]): DataColumn => {
  const dictionary: string[] = [];
  const codes = values.map((v) => (v === null ? -1 : dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1));
  return { values: Int32Array.from(codes), dictionary };
};
const labels = (t: TargetCoding, n: number) => Array.from({ length: n }, (_, r) => t.labelOf(r));
// 2 of 7 rows charged off: the minority, the event a credit-risk model predicts
const loan = ['Fully Paid', 'Charged Off', 'Fully Paid', 'Fully Paid', null, 'Charged Off', 'Fully Paid', 'Fully Paid'];

describe('the positive value of a two-valued target', () => {
  it('is the one the user chose, whatever the order or the words', () => {
    const t = targetCoding(coded(loan), 'loan_status', { positive: 'Charged Off' });
    expect(t).toMatchObject({ kind: 'binary', positive: 'Charged Off', negative: 'Fully Paid' });
    expect(labels(t, 8)).toEqual([0, 1, 0, 0, NaN, 1, 0, 0]);
    expect(describeTarget(t)).toBe("label: 'Charged Off' is positive ('Fully Paid' negative)");
    // a word the lists know gives way to the user's choice too ('no' is the event this user predicts)
    expect(targetCoding(coded(['yes', 'no', 'yes']), 'repaid', { positive: 'no' })).toMatchObject({ positive: 'no', negative: 'yes' });
    // a 0/1 number's 0, as the run names it
    expect(targetCoding({ values: Float32Array.from([0, 1, 1]) }, 'paid', { positive: '0' })).toMatchObject({ positive: '0', negative: '1' });
  });

  it('refuses a value the column does not hold, listing the values it does', () => {
    expect(() => targetCoding(coded(loan), 'loan_status', { positive: 'charged off' })).toThrow(
      "positive='charged off': the target 'loan_status' holds no such value; its values: 'Charged Off', 'Fully Paid' (the value must be written exactly, case and spaces included)");
    expect(() => targetCoding(coded(['buy', 'cart', 'pv']), 'behavior', { positive: 'buy' })).toThrow(
      /^positive='buy' picks the positive of a two-valued target, and 'behavior' has 3 values \('buy', 'cart', 'pv'\): to read 'buy' against all the others, write it in the file as 1/);
    expect(() => targetCoding({ values: Float32Array.from([1, 5, 3]) }, 'rating', { positive: 'x', positiveAtLeast: 4 })).toThrow(/are two label rules for 'rating': keep one/);
  });

  it("flips a boolean's words when the user chose the false one", () => {
    const col: DataColumn = { values: Int32Array.from([1, 0, 1, -1]), dictionary: ['false', 'true'] };
    const t = targetCoding(col, 'paid_back', { booleanWords: { false: 'no', true: 'yes' }, positive: 'no' });
    expect(t).toMatchObject({ positive: 'no', negative: 'yes', boolean: true });
    expect(labels(t, 4)).toEqual([0, 1, 0, NaN]);
    expect(() => targetCoding(col, 'paid_back', { booleanWords: { false: 'no', true: 'yes' }, positive: 'false' })).toThrow(/its values: 'no', 'yes'/);
  });

  it('is the rarer value when no word decides, for runs marked so; the words and old runs keep their rule', () => {
    expect(targetCoding(coded(loan), 'loan_status', { minorityPositive: true })).toMatchObject({ positive: 'Charged Off', negative: 'Fully Paid' });
    // runs from before the rule: the later in sorted order, as they trained
    expect(targetCoding(coded(loan), 'loan_status')).toMatchObject({ positive: 'Fully Paid' });
    // a word decides before the counts: 'approved' is positive beside 'not approved' though most rows are approved
    expect(targetCoding(coded(['approved', 'approved', 'not approved']), 'decision', { minorityPositive: true })).toMatchObject({ positive: 'approved' });
    // spam/ham: no word list knows them; spam, the rarer in a mail file, is positive as it was by sorted order
    expect(targetCoding(coded(['ham', 'spam', 'ham']), 'kind', { minorityPositive: true })).toMatchObject({ positive: 'spam' });
    // a tie keeps the sorted rule
    expect(targetCoding(coded(['a', 'b']), 'x', { minorityPositive: true })).toMatchObject({ positive: 'b' });
  });

  // one rule for the trainer (rarerOf, from the rows) and the app's automatic Positive class (from the import's counts)
  it('the rarer of two values by their counts: the later by name on a tie', () => {
    expect(rarerByCount('Charged Off', 45, 'Fully Paid', 255)).toBe('Charged Off');
    expect(rarerByCount('ham', 90, 'spam', 10)).toBe('spam');
    expect(rarerByCount('a', 5, 'b', 5)).toBe('b');
  });

  it("reaches the binding from the run's config: model.positive, and the new-run marker data.positiveByCount", () => {
    const columns = [{ name: 'amount', type: 'float', role: 'feature' }, { name: 'loan_status', type: 'categorical', role: 'target' }, { name: 'grade', type: 'categorical', role: 'feature' }];
    const fusion = runBinding(columns, { model: { template: 'concat-fusion', positive: 'Charged Off' }, data: { positiveByCount: true } }).binding.columns;
    expect(fusion).toMatchObject({ family: 'fusion', label: 'loan_status', positive: 'Charged Off', minorityPositive: true });
    const ctr = runBinding(columns, { model: { template: 'deepfm', positive: 0 }, data: {} }).binding.columns;
    expect(ctr).toMatchObject({ family: 'recsys', label: { column: 'loan_status', positive: '0' } });
    expect(ctr).not.toHaveProperty('label.minorityPositive');
  });

  it('is a run config field of its own: --set positive=… is accepted, a list or both rules refused', () => {
    expect(parseNewRunConfig({ model: { template: 'deepfm', positive: 'Charged Off' } }).model).toMatchObject({ positive: 'Charged Off' });
    expect(() => parseNewRunConfig({ model: { template: 'deepfm', positive: ['a'] } })).toThrow(/model.positive: the positive value is one of the target's values, as text/);
    expect(() => parseNewRunConfig({ model: { template: 'deepfm', positive: 'yes', positiveAtLeast: 4 } })).toThrow(/two label rules: keep one/);
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', positive: 'yes' } })).toThrow(/a forecasting run has no label/);
  });
});

describe('a positive value on a fusion target', () => {
  it('reads the target as classes, never as a number to regress (which would ignore the choice)', () => {
    const data = columnSource(300, { x: { values: new Float32Array(300) }, score: { values: Float32Array.from({ length: 300 }, (_, i) => i / 8) } });
    const columns = { family: 'fusion' as const, modalities: [{ name: 'tabular', columns: ['x'] }], label: 'score', classes: 1, textBuckets: 4096 };
    expect(codeTarget(data, columns).kind).toBe('regression');
    expect(() => codeTarget(data, { ...columns, positive: '3' })).toThrow(/^the target 'score' is a number with 300 distinct values/);
  });
});
