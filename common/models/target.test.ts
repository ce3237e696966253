import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { columnSource } from '../data';
import { DataColumns } from './binding';
import { codeTarget, describeTarget, numberName, positiveOf, targetCoding, type TargetCoding } from './target';

/** A coded column as the importer stores it: codes in first-seen order, -1 missing. */
const coded = (values: (string | null)[]): DataColumn => {
  const dictionary: string[] = [];
  const codes = values.map((v) => (v === null ? -1 : dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1));
  return { values: Int32Array.from(codes), dictionary };
};
const numeric = (values: number[]): DataColumn => ({ values: Float32Array.from(values) });
const labels = (t: TargetCoding, n: number) => Array.from({ length: n }, (_, r) => t.labelOf(r));

describe('a target column as classes', () => {
  it('3+ categories are classes in sorted order, whatever order the file had them in', () => {
    const t = targetCoding(coded(['positive', 'negative', 'neutral', null, 'negative']), 'sentiment');
    expect(t).toMatchObject({ kind: 'classes', names: ['negative', 'neutral', 'positive'] });
    expect(labels(t, 5)).toEqual([2, 0, 1, NaN, 0]);
    expect(describeTarget(t)).toBe("3 classes of 'sentiment': negative, neutral, positive");
    // many number classes: the line says each value is a class, and how to make it a threshold instead
    const ages = targetCoding(numeric(Array.from({ length: 62 }, (_, i) => 18 + i)), 'age');
    expect(describeTarget(ages)).toMatch(/^62 classes of 'age': 18, 19, .* \(each value is a class of its own; if 'age' is a measurement, set a threshold with `--set positiveAtLeast=T`/);
    // fractions asked for as classes (task=classification) are values, not "integers"
    const tenths = targetCoding(numeric(Array.from({ length: 20 }, (_, i) => 1 + i / 10)), 'grade', { classes: true });
    expect(describeTarget(tenths)).toMatch(/^20 classes of 'grade': 1, 1\.1, 1\.2, .* \(each value is a class of its own;/);
    expect(describeTarget(targetCoding(numeric([0, 1, 2, 0]), 'grade'))).toBe("3 classes of 'grade': 0, 1, 2");
    expect(targetCoding(coded(['yes', 'no', 'maybe']), 'answer')).toMatchObject({ names: ['maybe', 'no', 'yes'] });
  });

  it('small integers are classes in numeric order; a label rule makes them binary', () => {
    const stars = numeric([0, 2, 1, NaN, 10]);
    const t = targetCoding(stars, 'stars');
    expect(t).toMatchObject({ kind: 'classes', names: ['0', '1', '2', '10'] });
    expect(labels(t, 5)).toEqual([0, 2, 1, NaN, 3]);
    const rule = targetCoding(stars, 'stars', { positiveAtLeast: 2 });
    expect(rule.kind).toBe('binary');
    expect(labels(rule, 5)).toEqual([0, 1, 0, NaN, 1]);
    expect(describeTarget(rule)).toBe("label: 'stars' ≥ 2 is positive");
    // a coded column of numbers takes a rule too; words do not
    expect(labels(targetCoding(coded(['4', '2', null]), 'r', { positiveAtLeast: 3 }), 3)).toEqual([1, 0, NaN]);
    expect(() => targetCoding(coded(['a', 'b']), 'r', { positiveAtLeast: 3 })).toThrow(/positiveAtLeast=3 needs a numeric target; 'r' holds categories \(a, b\)/);
    // a CTR label of 3+ categories: removing the rule alone would only lead to the "has 4 values" refusal, so both steps are said
    expect(() => targetCoding(coded(['pv', 'buy', 'cart', 'fav']), 'behavior_type', { positiveAtLeast: 1, binaryOnly: true }))
      .toThrow(/the values decide the classes; a CTR label needs two values, so first write it in the file as 1 for the value that counts as a click .*\(df\['behavior_type'\] == 'buy'\)/);
    expect(() => targetCoding(coded(['a', 'b']), 'r', { positiveAtLeast: 3, binaryOnly: true })).toThrow(/the values decide the classes$/);
  });

  it('a measurement is not a set of classes: the error says to set a threshold', () => {
    const price = numeric(Array.from({ length: 50 }, (_, i) => i * 0.37));
    expect(() => targetCoding(price, 'price')).toThrow(/the target 'price' is a number with 50 distinct values \(0, 0\.37, 0\.74, 1\.11, 1\.48, …\), not a set of classes\. GateLab's CTR models classify a click; they do not regress a continuous target \(the fusion templates do: --template concat-fusion, gmu, …\): set a threshold with `--set positiveAtLeast=T`/);
    // past 1,000 values the count is capped, and says so (it read "(1,001 in all)" for 6,000 values)
    expect(() => targetCoding(numeric(Array.from({ length: 6000 }, (_, i) => i / 7)), 'score')).toThrow(/with more than 1,000 distinct values \(0, 0\.142857\d*, .*…\), not/);
    expect(() => targetCoding(numeric(Array.from({ length: 150 }, (_, i) => i)), 'count')).toThrow(/150 distinct values/);
    // one value: a threshold cannot split it, so none is suggested (class-sizes.test.ts has the whole message)
    expect(() => targetCoding(numeric([3, 3, NaN]), 'y')).toThrow(/the target 'y' is '3' in every row that has a value: .*the column has one value, so no threshold can split it/);
  });

  it('more than 1,000 classes are refused with a count that is not the cap and a fix that works', () => {
    // task=classification on 1,200 distinct numbers: counting stops past 1,000, so the count is "more than"
    // (it said "has 1,001 distinct values (… (1,001 in all))"), and the fix is to regress or threshold it
    const many = numeric(Array.from({ length: 1200 }, (_, i) => i));
    expect(() => targetCoding(many, 'y', { classes: true })).toThrow(
      "the target 'y' has more than 1,000 distinct values (0, 1, 2, 3, 4, …), too many to be classes: " +
      'remove --set task=classification to regress it, or --set positiveAtLeast=T for a yes/no label (value ≥ T)');
    // words: every value is counted (an id or free text); numbers the importer coded: retype to regress
    const ids = coded(Array.from({ length: 1200 }, (_, i) => `u${i}`));
    expect(() => targetCoding(ids, 'user', { classes: true })).toThrow(/^the target 'user' has 1,200 distinct values \(u0, u1, u10, u100, u1000, …\), more than 1,000 classes: is it an id or free text\? Choose another target column$/);
    const codedNumbers = coded(Array.from({ length: 1001 }, (_, i) => String(i / 4)));
    expect(() => targetCoding(codedNumbers, 'score')).toThrow(/^the target 'score' has 1,001 distinct values .*: to regress it, retype it as a number in the dataset \(gatelab datasets types with score=float\)/);
    expect(() => targetCoding(codedNumbers, 'score')).not.toThrow(/\bID\b/);
    // given the dataset (the lab knows it), the command names it, ready to paste
    expect(() => targetCoding(codedNumbers, 'score', { dataset: { id: 7, name: 'reviews' } })).toThrow(/: to regress it, retype it as a number in dataset 7 'reviews' \(gatelab datasets types 7 score=float\) and train with task=auto/);
  });

  it('a CTR label must be two-valued: 3 values name the values, the fusion family and (numbers) a threshold', () => {
    expect(() => targetCoding(coded(['no', 'yes', 'maybe']), 'answer', { binaryOnly: true }))
      .toThrow(/the label 'answer' has 3 values \('maybe', 'no', 'yes'\); a CTR model .*Make it two-valued \(.*\), or train a classification template of the fusion family \(e\.g\. --template concat-fusion\)/);
    // how to make it two-valued, ready to paste (a Taobao log's behavior_type): "make it two-valued" alone left the user with no way
    expect(() => targetCoding(coded(['pv', 'buy', 'cart', 'fav']), 'behavior_type', { binaryOnly: true }))
      .toThrow("Make it two-valued (write it in the file as 1 for the value that counts as a click and 0 for the others, e.g. with pandas: df['behavior_type'] = (df['behavior_type'] == 'buy').astype(int), and import it again), or");
    // a value that reads as positive is the example; quotes in names are escaped for Python
    expect(() => targetCoding(coded(['none', 'click', 'view']), "user's act", { binaryOnly: true })).toThrow("df['user\\'s act'] = (df['user\\'s act'] == 'click').astype(int)");
    expect(() => targetCoding(numeric([1, 2, 3, 4, 5]), 'rating', { binaryOnly: true })).toThrow(/has 5 values \(1, 2, 3, 4, 5\).*--set positiveAtLeast=T/);
  });
});

describe('a two-valued target is binary', () => {
  it('the positive value is the one that is not a negative word, else the positive word, else the later one', () => {
    expect(positiveOf('clicked', 'not')).toBe('clicked');
    expect(positiveOf('neg', 'pos')).toBe('pos');
    expect(positiveOf('negative', 'positive')).toBe('positive');
    expect(positiveOf('no click', 'some')).toBe('some');
    expect(positiveOf('non-spam', 'spam')).toBe('spam');
    expect(positiveOf('not clicked', 'clicked')).toBe('clicked');
    expect(positiveOf('ON', 'standby')).toBe('ON');
    expect(positiveOf('ham', 'spam')).toBe('spam'); // neither word decides: the later in sorted order
    expect(positiveOf('false', 'true')).toBe('true');
  });

  it("'no' in other languages is the negative whatever the sorted order (an audit's Ja/Nein label made 'Nein' positive)", () => {
    // [a, b, the positive] (a < b as sorted): in the first fourteen, order alone picked b, the 'no'
    const pairs: [string, string, string][] = [
      ['Ja', 'Nein', 'Ja'], ['ja', 'nee', 'ja'], ['JA', 'NEIN', 'JA'], ['ja', 'nej', 'ja'], ['ja', 'nei', 'ja'],
      ['ja', 'nö', 'ja'], ['geklickt', 'nicht geklickt', 'geklickt'], ['Kauf', 'kein Kauf', 'Kauf'],
      ['ano', 'ne', 'ano'], ['evet', 'hayır', 'evet'], ['да', 'нет', 'да'], ['ναι', 'όχι', 'ναι'], ['כן', 'לא', 'כן'], ['네', '아니요', '네'],
      ['non', 'oui', 'oui'], ['falsch', 'wahr', 'wahr'],
    ];
    for (const [a, b, positive] of pairs) expect(positiveOf(a, b), `${a}/${b}`).toBe(positive);
    // a decomposed 'não' (n, a, U+0303, o) is the same word
    expect(positiveOf('na\u0303o', 'sim')).toBe('sim');
    expect(positiveOf('否', '是')).toBe('是');
    expect(positiveOf('faux', 'vrai')).toBe('vrai');
  });

  it("a German Ja/Nein column codes 'Ja' as 1 and says so", () => {
    const t = targetCoding(coded(['Nein', 'Ja', 'Nein', null]), 'gekauft');
    expect(t).toMatchObject({ kind: 'binary', positive: 'Ja', negative: 'Nein' });
    expect([0, 1, 2, 3].map((r) => t.labelOf(r))).toEqual([0, 1, 0, NaN]);
    expect(describeTarget(t)).toBe("label: 'Ja' is positive ('Nein' negative)");
  });

  it('labels rows 1/0 with missing as NaN and says which value is positive', () => {
    const t = targetCoding(coded(['ham', 'spam', null, 'ham']), 'kind');
    expect(labels(t, 4)).toEqual([0, 1, NaN, 0]);
    expect(describeTarget(t)).toBe("label: 'spam' is positive ('ham' negative)");
    const clicks = targetCoding(coded(['not', 'clicked']), 'clicked');
    expect(labels(clicks, 2)).toEqual([0, 1]);
    // numbers: the larger value is positive (1/2 would all have been "positive" under "value > 0")
    expect(labels(targetCoding(numeric([2, 1, 1]), 'y'), 3)).toEqual([1, 0, 0]);
    expect(labels(targetCoding(numeric([0, 1, NaN]), 'y'), 3)).toEqual([0, 1, NaN]);
  });

  it("a 0/1 or boolean label names its column and the 1 written in the file, not \"'true' is positive\"", () => {
    expect(describeTarget(targetCoding(numeric([0, 1, 0]), 'clicked'))).toBe("label: 'clicked' = 1 is positive (0 negative)");
    expect(describeTarget(targetCoding(numeric([-1, 1]), 'y'))).toBe("label: 'y' = 1 is positive (-1 negative)");
    // the importer reads a 0/1 (or true/false, yes/no) column as a boolean: 'false' / 'true'
    // (a dataset imported before the importer kept the file's words: label-words.ts)
    expect(describeTarget(targetCoding(coded(['false', 'true', 'false']), 'fraud'))).toBe("label: 'fraud' = 1 (true) is positive");
  });

  it("a boolean label is named by the words its file wrote: 'yes' is positive, a 0/1 label's 1; code 1 stays the positive", () => {
    const yn = coded(['false', 'true', null, 'true']);
    const yes = targetCoding(yn, 'y', { booleanWords: { false: 'no', true: 'yes' } });
    expect(yes).toMatchObject({ kind: 'binary', positive: 'yes', negative: 'no' });
    expect(describeTarget(yes)).toBe("label: 'y' = 'yes' is positive ('no' negative)");
    // a file that wrote true/false: its own words, not "= 1 (true)"
    expect(describeTarget(targetCoding(yn, 'fraud', { booleanWords: { false: 'false', true: 'true' } }))).toBe("label: 'fraud' = 'true' is positive ('false' negative)");
    expect(labels(yes, 4)).toEqual([0, 1, NaN, 1]);
    expect(describeTarget(targetCoding(yn, 'clicked', { booleanWords: { false: '0', true: '1' } }))).toBe("label: 'clicked' = 1 is positive (0 negative)");
    // 'Y'/'N' and words that sort the other way round still make code 1 (true) the positive
    const odd = targetCoding(yn, 'ok', { booleanWords: { false: 'N', true: 'Y' } });
    expect(odd).toMatchObject({ positive: 'Y', negative: 'N' });
    expect(labels(odd, 4)).toEqual([0, 1, NaN, 1]);
    // one value in every row: the refusal names the file's word
    expect(() => targetCoding({ values: Int32Array.from([1, 1]), dictionary: ['false', 'true'] }, 'y', { booleanWords: { true: 'yes' } }))
      .toThrow("the target 'y' is 'yes' in every row that has a value");
  });

  it('codeTarget reads the words from a dataset cache\'s meta (the trainer and the lab pass one), and not for a categorical column', () => {
    const values = Int32Array.from([0, 1, 1, 0]);
    const meta = { columns: [{ name: 'y', type: 'boolean', stats: { booleanWords: { false: 'no', true: 'yes' } } }, { name: 'c', type: 'categorical', stats: { booleanWords: { false: 'no', true: 'yes' } } }] };
    const source = { ...columnSource(4, { y: { values, dictionary: ['false', 'true'] }, c: { values, dictionary: ['false', 'true'] } }), meta };
    expect(codeTarget(source, { family: 'fusion', modalities: [], label: 'y' } as never)).toMatchObject({ positive: 'yes', negative: 'no' });
    expect(codeTarget(source, { family: 'fusion', modalities: [], label: 'c' } as never)).toMatchObject({ positive: 'true', negative: 'false' });
    // without a meta (or before the words were kept): today's words
    expect(codeTarget(columnSource(4, { y: { values, dictionary: ['false', 'true'] } }), { family: 'fusion', modalities: [], label: 'y' } as never)).toMatchObject({ positive: 'true' });
  });
});

describe('an implicit-feedback log (user, item, time) has no label', () => {
  // epoch seconds of a click log, 24 s apart: float64 in the cache, as the importer keeps times
  const times: DataColumn = { values: Float64Array.from({ length: 1200 }, (_, i) => 1700000014 + i * 24) };
  const log = columnSource(1200, { user: coded(Array.from({ length: 1200 }, (_, i) => `u${i % 30}`)), ts: times, clicked: numeric(Array(1200).fill(1)) });
  const ctr = (label: string) => DataColumns.parse({ family: 'recsys', fields: ['user'], label: { column: label } }) as Exclude<DataColumns, { family: 'forecasting' }>;

  it('the time column as target is named a time column, with its distinct times, and what a CTR model needs', () => {
    const types: Record<string, string> = { ts: 'datetime', user: 'categorical' };
    expect(() => codeTarget(log, ctr('ts'), (c) => types[c])).toThrow(
      "the target 'ts' is a time column with more than 1,000 distinct times (2023-11-14 22:13:34, 2023-11-14 22:13:58, 2023-11-14 22:14:22, …), not a label: choose a column of classes as the target. " +
      'If each row is an interaction (an implicit-feedback log: user, item, time), every row is a positive and there is nothing to tell apart. ' +
      'A CTR model needs a label column: a 0/1 column with rows for items shown but not clicked (label 0), or a rating with a threshold (--set positiveAtLeast=4). ' +
      'GateLab does not sample negatives itself: add them to the file (README\'s pandas recipe for it: section "From a dataset to batches", "implicit-feedback logs")');
    // without the types, still numbers, but each printed as stored (7 digits printed 1700000000 for all)
    expect(() => codeTarget(log, ctr('ts'))).toThrow(/the target 'ts' is a number with more than 1,000 distinct values \(1700000014, 1700000038, 1700000062, 1700000086, 1700000110, …\)/);
  });

  it('a time column with few distinct times is still a time column, not classes (a day stamped by the hour would be 24 classes)', () => {
    const hours = columnSource(48, { ts: { values: Float64Array.from({ length: 48 }, (_, i) => 1700006400 + (i % 24) * 3600) }, kind: coded(Array.from({ length: 48 }, (_, i) => (i % 3 ? 'a' : 'b'))) });
    const fusion = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'm', columns: ['kind'] }], label: 'ts' }) as Exclude<DataColumns, { family: 'forecasting' }>;
    expect(() => codeTarget(hours, fusion, (c) => (c === 'ts' ? 'datetime' : 'categorical'))).toThrow(
      "the target 'ts' is a time column with 24 distinct times (2023-11-15 00:00, 2023-11-15 01:00, 2023-11-15 02:00, …), not a label: choose a column of classes as the target");
    // two distinct times are not a binary label either (one time: "1 distinct time")
    const two = { values: Float64Array.from([1700006400, 1700010000, 1700006400]) };
    expect(() => targetCoding(two, 'ts', { type: 'datetime' })).toThrow(/^the target 'ts' is a time column with 2 distinct times \(2023-11-15 00:00, 2023-11-15 01:00\), not a label/);
    expect(() => targetCoding({ values: Float64Array.from([1700006400]) }, 'ts', { type: 'datetime' })).toThrow(/with 1 distinct time \(2023-11-15 00:00\)/);
    // a rule is a label the user chose ("after t"), and the same numbers without the type stay classes
    expect(targetCoding(two, 'ts', { type: 'datetime', positiveAtLeast: 1700008000 })).toMatchObject({ kind: 'binary', rule: 1700008000 });
    expect(targetCoding(two, 'ts')).toMatchObject({ kind: 'binary', positive: '1700010000', negative: '1700006400' });
  });

  it('a label that is 1 in every row says every row is a positive and that negatives are not sampled', () => {
    expect(() => codeTarget(log, ctr('clicked'))).toThrow(/^the target 'clicked' is '1' in every row that has a value: there is nothing to tell apart; .*If each row is an interaction \(an implicit-feedback log: user, item, time\), every row is a positive.*GateLab does not sample negatives itself/);
    // a fusion target of one value is not a click log: no word about negatives
    expect(() => targetCoding(coded(['spam', 'spam']), 'kind')).toThrow(/^the target 'kind' is 'spam' in every row that has a value: there is nothing to tell apart; choose another target column$/);
  });

  it('numbers are named as stored: float32 in its fewest digits, float64 exactly', () => {
    expect(numberName(Math.fround(0.37), true)).toBe('0.37');
    expect(numberName(Math.fround(12345678), true)).toBe('12345678'); // 7 digits read 12345680
    expect(numberName(Math.fround(16777218), true)).toBe('16777218');
    expect(numberName(1700000128, false)).toBe('1700000128');
    expect(numberName(0.1, false)).toBe('0.1');
    // classes keep the names they had
    expect(targetCoding(numeric([0.5, 1.25, 0.5]), 'y')).toMatchObject({ positive: '1.25', negative: '0.5' });
  });
});

