// A slip in a column name gets the column meant named; a name far from every column gets no guess.
import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean';

describe('didYouMean', () => {
  it('names the closest column for a typo, a case slip or a prefix', () => {
    expect(didYouMean('lable', ['age', 'income', 'label'])).toBe(" (did you mean 'label'?)");
    expect(didYouMean('Recommended', ['Age', 'Recommended IND', 'Rating'])).toBe(" (did you mean 'Recommended IND'?)");
    expect(didYouMean('HUFL', ['date', 'HUFL', 'OT'])).toBe(" (did you mean 'HUFL'?)");
  });
  it('guesses nothing when no column is near', () => {
    expect(didYouMean('price', ['age', 'income', 'label'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });
});
