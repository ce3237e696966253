import { describe, expect, it } from 'vitest';
import { assertBothClasses } from './labels';
import { targetCoding } from '../../common/models/target';

describe('assertBothClasses', () => {
  it('accepts labels with both classes and refuses one class, naming the column, the rule and the fix', () => {
    expect(() => assertBothClasses(Float32Array.of(0, 1, 1), 'click', undefined)).not.toThrow();
    expect(() => assertBothClasses(Float32Array.of(1, 1, 1), 'rating', undefined))
      .toThrow("the label 'rating' is positive (1) in all 3 training rows (without a threshold, values above 0 count as 1). Set a threshold (`--set positiveAtLeast=T`");
    expect(() => assertBothClasses(Float32Array.of(0, 0), 'rating', 6)).toThrow(/is negative \(0\) in all 2 training rows \(values ≥ 6 count as 1\)\. Set a different threshold/);
    // two words: the rare one did not reach the training rows; a threshold would not help
    const target = targetCoding({ values: Int32Array.of(0, 1), dictionary: ['ham', 'spam'] }, 'kind');
    expect(() => assertBothClasses(Float32Array.of(0, 0, 0), 'kind', undefined, target))
      .toThrow("the label 'kind' is 'ham' in all 3 training rows (the other value, 'spam', is too rare to reach them)");
  });
});
