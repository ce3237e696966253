// Try it names a binary model's classes by the run's label (audit A22 #9), read from the data line the
// trainer wrote (common/models/target.ts describeTarget's four forms) and the run's column snapshot.
import { describe, expect, it } from 'vitest';
import { binaryTerms } from './label-terms';
import { describeTarget } from '../../common/models/target';

const config = { data: { columns: [{ name: 'Review Text', role: 'feature' }, { name: 'sentiment', role: 'target' }] } };
const line = (label: string) => `fusion: 16,000 train / 2,000 validation / 2,000 test samples; ${label}; left out: id (an id)`;

describe('binaryTerms from the label the trainer sent (RunDataSummary.label)', () => {
  it('reads each coding: 0/1 as false/true, numbers, words, a label rule', () => {
    const label = (l: object) => ({ line: 'fusion: 9 train', label: { column: 'c', classes: [], ...l } });
    expect(binaryTerms(null, label({ column: 'Recommended IND', negative: 'false', positive: 'true' }))).toEqual({ event: 'Recommended IND = true', classes: ['false', 'true'] });
    expect(binaryTerms(null, label({ column: 'clicked', negative: '0', positive: '1' }))).toEqual({ event: 'clicked = 1', classes: ['0', '1'] });
    expect(binaryTerms(null, label({ column: 'rating', negative: '< 4', positive: '≥ 4', positiveAtLeast: 4 }))).toEqual({ event: 'rating ≥ 4', classes: ['< 4', '≥ 4'] });
    expect(binaryTerms(null, label({ column: 'sentiment', negative: 'neg', positive: 'pos' }))).toEqual({ event: 'sentiment = pos', classes: ['neg', 'pos'] });
  });

  it('a column named like the note ("is positive") defeats the line, not the label', () => {
    const line = describeTarget({ kind: 'binary', column: 'is positive', positive: 'true', negative: 'false', labelOf: () => 0 });
    expect(binaryTerms(config, `fusion: 240 train / 30 validation / 30 test samples; ${line}`)).toBeNull(); // an old run's summary
    const label = { column: 'is positive', classes: ['false', 'true'], negative: 'false', positive: 'true' };
    expect(binaryTerms(config, { line: `fusion: 240 train / 30 validation / 30 test samples; ${line}`, label })).toEqual({ event: 'is positive = true', classes: ['false', 'true'] });
  });

  it('k classes are not binary, whatever the line says', () => {
    expect(binaryTerms(config, { line: line("label: 'x' = 1 is positive (0 negative)"), label: { column: 'kind', classes: ['a', 'b', 'c'] } })).toBeNull();
  });

  it('a summary without a label (a run stored before) is read from its line', () => {
    const numbers = describeTarget({ kind: 'binary', column: 'clicked', positive: '1', negative: '0', labelOf: () => 0 });
    expect(binaryTerms(config, { line: line(numbers) })).toEqual({ event: 'clicked = 1', classes: ['0', '1'] });
  });
});

describe('binaryTerms', () => {
  it('reads each form of the label note the trainer writes', () => {
    const bool = describeTarget({ kind: 'binary', column: 'Recommended IND', positive: 'true', negative: 'false', labelOf: () => 0 });
    expect(binaryTerms(config, line(bool))).toEqual({ event: 'Recommended IND = true', classes: ['false', 'true'] });
    const numbers = describeTarget({ kind: 'binary', column: 'clicked', positive: '1', negative: '0', labelOf: () => 0 });
    expect(binaryTerms(config, line(numbers))).toEqual({ event: 'clicked = 1', classes: ['0', '1'] });
    const rule = describeTarget({ kind: 'binary', column: 'rating', positive: '1', negative: '0', rule: 4, labelOf: () => 0 });
    expect(binaryTerms(config, line(rule))).toEqual({ event: 'rating ≥ 4', classes: ['< 4', '≥ 4'] });
    // words: the column comes from the run's column snapshot
    const words = describeTarget({ kind: 'binary', column: 'sentiment', positive: 'pos', negative: 'neg', labelOf: () => 0 });
    expect(binaryTerms(config, line(words))).toEqual({ event: 'sentiment = pos', classes: ['neg', 'pos'] });
    expect(binaryTerms({}, line(words))).toEqual({ event: 'pos', classes: ['neg', 'pos'] });
  });

  it('reads a column name holding "; " and a note at the start of the line', () => {
    expect(binaryTerms(null, "label: 'a; b' = 1 (true) is positive")).toEqual({ event: 'a; b = true', classes: ['false', 'true'] });
  });

  it('leaves the class numbers when the line says nothing it knows (no line, classes, forecasting)', () => {
    expect(binaryTerms(config, null)).toBeNull();
    expect(binaryTerms(config, 'fusion: 10 train / 2 validation / 2 test samples; 3 classes of \'condition\': a, b, c')).toBeNull();
    expect(binaryTerms(config, 'forecasting: 3,946 train / 559 validation / 1,138 test samples; 3 channels: a, b, c')).toBeNull();
  });
});
