// What Datasets › Target › Positive class offers: a two-valued target's values and the automatic positive
// with its reason ("automatic: Charged Off, the rarer"), nothing for a target of more values or a number
// of many values.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../common/lab-api';
import { automaticText, positiveChoice } from './positive-choice';

const column = (o: Partial<ColumnInfo> & Pick<ColumnInfo, 'type'>): ColumnInfo =>
  ({ name: 'y', role: 'target', modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...o });
const words = (labels: string[], counts: number[]) => column({ type: 'categorical', distinct: labels.length, histogram: { labels, counts } });

describe('positiveChoice', () => {
  it('two values no word decides: the rarer, the later by name on a tie', () => {
    expect(positiveChoice(words(['Fully Paid', 'Charged Off'], [300, 100]))).toEqual({ values: ['Charged Off', 'Fully Paid'], automatic: 'Charged Off', why: 'the rarer' });
    expect(positiveChoice(words(['red', 'blue'], [5, 5]))).toEqual({ values: ['blue', 'red'], automatic: 'red', why: 'as many rows: the later by name' });
  });

  it('two words one of which says no, a boolean, two numbers', () => {
    expect(positiveChoice(words(['spam', 'not spam'], [10, 90]))).toMatchObject({ automatic: 'spam', why: 'by its word' });
    expect(positiveChoice(column({ type: 'boolean', booleanWords: { false: 'N', true: 'Y' } }))).toEqual({ values: ['N', 'Y'], automatic: 'Y', why: null });
    expect(positiveChoice(column({ type: 'int', min: 1, max: 2, numberValues: { distinct: 2, fractions: false } }))).toEqual({ values: ['1', '2'], automatic: '2', why: 'the larger' });
  });

  it("the box's automatic entry: the value and why, a boolean's value only, as the file writes it", () => {
    expect(automaticText(positiveChoice(words(['Fully Paid', 'Charged Off'], [300, 100]))!)).toBe('(automatic: Charged Off, the rarer)');
    // a Yes/No column read as boolean: "Yes, true" read as two answers
    expect(automaticText(positiveChoice(column({ type: 'boolean', booleanWords: { false: 'No', true: 'Yes' } }))!)).toBe('(automatic: Yes)');
  });

  it('a number column from 0 to 1 imported before value counts: its two values, the larger automatic', () => {
    expect(positiveChoice(column({ type: 'int', min: 0, max: 1 }))).toEqual({ values: ['0', '1'], automatic: '1', why: 'the larger' });
    expect(positiveChoice(column({ type: 'int', min: 1, max: 2 }))).toBeNull(); // other bounds: the stats do not tell
  });

  it('nothing to choose among three values or many numbers', () => {
    expect(positiveChoice(words(['A', 'B', 'C'], [1, 2, 3]))).toBeNull();
    expect(positiveChoice(column({ type: 'int', min: 1, max: 5, numberValues: { distinct: 5, fractions: false } }))).toBeNull();
  });
});
