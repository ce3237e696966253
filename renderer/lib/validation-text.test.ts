import { describe, expect, it } from 'vitest';
import { issueText } from './validation-text';

describe('issueText', () => {
  it('says a count and a column the message already says once, with thousands separators (audit A22 #14)', () => {
    expect(issueText({ message: "column 'Title': 3810 missing values", count: 3810, column: 'Title' })).toEqual({ message: "column 'Title': 3,810 missing values", detail: '' });
    expect(issueText({ message: "column 'x': 12 missing values", count: 12, column: 'x' })).toEqual({ message: "column 'x': 12 missing values", detail: '' });
  });

  it('adds what the message does not say', () => {
    expect(issueText({ message: 'value is not a number', count: 2048, column: 'price' })).toEqual({ message: 'value is not a number', detail: '— 2,048 cases in price' });
    expect(issueText({ message: 'row has too few fields', count: 1, column: null })).toEqual({ message: 'row has too few fields', detail: '— 1 case' });
    expect(issueText({ message: '3810 values could not be read', count: 3810, column: 'Title' })).toEqual({ message: '3,810 values could not be read', detail: '— in Title' });
  });

  it('does not take another number for the count', () => {
    // 13810 and 3810.5 are not 3810; the count is then added
    expect(issueText({ message: "column 'a': 13810 rows, mean 3810.5", count: 3810, column: 'a' })).toEqual({ message: "column 'a': 13810 rows, mean 3810.5", detail: '— 3,810 cases' });
  });
});
