// A CTR label whose two values are one value spelt two ways ('clicked' / 'Clicked ') is refused for a new
// run with the advice to write it one way; a real two-valued label, a rule and a fusion target pass.
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { IMPLICIT_FEEDBACK_HINT, refuseLabelSpellings, targetCoding } from './target';

const coded = (values: string[]): DataColumn => {
  const dictionary: string[] = [];
  const codes = values.map((v) => (dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1));
  return { values: Int32Array.from(codes), dictionary };
};
const reading = (values: string[], o: { positiveAtLeast?: number } = {}) => targetCoding(coded(values), 'click', { binaryOnly: true, ...o });

describe('refuseLabelSpellings', () => {
  it('refuses two spellings of one value, quoting them as stored, with how to write them one way', () => {
    const two = reading(['clicked', 'Clicked ', 'clicked']);
    expect(two.kind).toBe('binary'); // the trainer reads it as two classes: the check is what stops it
    expect(() => refuseLabelSpellings(two, 'recsys')).toThrow(
      "the label 'click' has 2 values that are one once case and surrounding spaces are ignored ('Clicked ' / 'clicked'): one label written two ways, " +
        'so a CTR model would learn to tell the spellings apart, not a click from no click. ' +
        "Write each label one way in the file (trimmed and lowercased, e.g. with pandas: df['click'] = df['click'].str.strip().str.lower()) and import it again: " +
        `every row then has the same label. ${IMPLICIT_FEEDBACK_HINT}`,
    );
  });

  it('accepts two different values, a label rule and a fusion target', () => {
    expect(() => refuseLabelSpellings(reading(['clicked', 'not clicked ']), 'recsys')).not.toThrow();
    expect(() => refuseLabelSpellings(targetCoding({ values: Float32Array.of(1, 4, 5, 2) }, 'rating', { binaryOnly: true, positiveAtLeast: 4 }), 'recsys')).not.toThrow();
    expect(() => refuseLabelSpellings(reading(['yes', 'Yes ']), 'fusion')).not.toThrow();
  });
});
