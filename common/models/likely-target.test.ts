// The label a target-less dataset most likely has: named (loan_status, bad_loan, ...) or two-valued, a
// categorical of two words ("Fully Paid"/"Charged Off") counting as a boolean does.
import { describe, expect, it } from 'vitest';
import { likelyTarget, twoValuedCategoricals } from './likely-target';
import { defaultBinding } from './binding';
import { runBinding } from './run-binding';

const col = (name: string, type: string, cardinality?: number) => ({ name, type, role: 'feature', modality: null, ...(cardinality !== undefined ? { stats: { cardinality } } : {}) });

describe('likelyTarget', () => {
  it('knows the names a loan or churn file gives its label', () => {
    for (const name of ['loan_status', 'status', 'bad_loan', 'is_default', 'churn', 'y', 'label', 'target', 'class', 'Loan_Status', 'isDefault']) {
      expect(likelyTarget([col('amount', 'int'), col(name, 'int')])?.name, name).toBe(name);
    }
  });

  it('counts a categorical column of exactly two stored values as two-valued, as a boolean', () => {
    const cols = [col('plan', 'categorical', 5), col('outcome_words', 'categorical', 2), col('amount', 'float')];
    expect(twoValuedCategoricals(cols)).toEqual(new Set(['outcome_words']));
    expect(likelyTarget(cols, twoValuedCategoricals(cols))?.name).toBe('outcome_words');
    // without stats (a run's column snapshot) a categorical column is no candidate
    expect(likelyTarget(cols)).toBeUndefined();
  });

  it("a target-less run's refusal names the two-valued categorical column when the stats say so", () => {
    const cols = [col('amount', 'float'), col('note', 'text'), col('paid_back', 'categorical', 2)];
    expect(() => runBinding(cols, { model: { template: 'concat-fusion' }, data: {} })).toThrow(/\(the column 'paid_back' looks like one\)/);
    expect(() => defaultBinding('fusion', cols.map(({ name, type, role }) => ({ name, type: type as 'float', role: role as 'feature', modality: null }))))
      .not.toThrow(/looks like one/);
  });
});
