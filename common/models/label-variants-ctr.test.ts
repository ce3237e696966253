// A CTR label written in several spellings (audit H4: 'clicked' / 'not clicked' in mixed case with spaces
// around): the refusal says they are case/space variants of 2 values and how to make them one, with each
// value quoted exactly as stored, instead of advising a fusion template for 8 "classes".
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { IMPLICIT_FEEDBACK_HINT, targetCoding } from './target';
import { spellingGroups } from './label-variants';

const coded = (values: string[]): DataColumn => {
  const dictionary: string[] = [];
  const codes = values.map((v) => (dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1));
  return { values: Int32Array.from(codes), dictionary };
};
const refusal = (values: string[], column = 'click') => {
  try { targetCoding(coded(values), column, { binaryOnly: true }); } catch (e) { return (e as Error).message; }
  throw new Error('not refused');
};

describe('a CTR label in mixed spellings', () => {
  it('8 spellings of 2 values: says so, quotes them as stored, and says to write them one way', () => {
    const spellings = [' Clicked', 'clicked ', 'CLICKED', '  clicked  ', 'not clicked', ' Not Clicked', 'NOT CLICKED ', 'not clicked  '];
    expect(refusal(spellings)).toBe("the label 'click' has 8 values that are 2 once case and surrounding spaces are ignored " +
      "('  clicked  ' / ' Clicked' / 'CLICKED' / 'clicked '; ' Not Clicked' / 'NOT CLICKED ' / 'not clicked' / 'not clicked  '): " +
      'each spelling is a value of its own, and a CTR model predicts one click probability from a two-valued label. ' +
      "To train on it, write each label one way in the file (trimmed and lowercased, e.g. with pandas: df['click'] = df['click'].str.strip().str.lower()) and import it again");
  });

  it('spellings of 3 values: the fusion way out counts the values, not the spellings', () => {
    expect(refusal(['yes', 'Yes ', 'no', 'maybe'], 'answer')).toBe("the label 'answer' has 4 values ('Yes ', 'maybe', 'no', 'yes'), 3 once case and surrounding spaces are ignored ('Yes ' / 'yes'); " +
      'a CTR model predicts one click probability from a two-valued label. ' +
      "Make it two-valued (write each label one way in the file (trimmed and lowercased, e.g. with pandas: df['answer'] = df['answer'].str.strip().str.lower()) and import it again), " +
      'or train a classification template of the fusion family (e.g. --template concat-fusion) for 3 classes once each is written one way');
  });

  it('spellings of one value: nothing to tell apart (an interaction log)', () => {
    expect(refusal(['clicked', 'Clicked', 'CLICKED '])).toBe("the label 'click' has 3 values that are one once case and surrounding spaces are ignored ('CLICKED ' / 'Clicked' / 'clicked'): " +
      `every row has the same label, so there is nothing to tell apart. ${IMPLICIT_FEEDBACK_HINT}`);
  });

  it('distinct words keep the old advice, quoted so a space shows', () => {
    expect(refusal(['no', 'yes', ' maybe'], 'answer')).toBe("the label 'answer' has 3 values (' maybe', 'no', 'yes'); a CTR model predicts one click probability from a two-valued label. " +
      "Make it two-valued (write it in the file as 1 for the value that counts as a click and 0 for the others, e.g. with pandas: df['answer'] = (df['answer'] == 'yes').astype(int), and import it again), " +
      'or train a classification template of the fusion family (e.g. --template concat-fusion) for 3 classes');
    expect(spellingGroups(['a', 'A ', 'b'])).toEqual([['a', 'A '], ['b']]);
  });
});
