import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeSplit } from './split';
import { columnSource, rowsOf } from './columns';
import { fitPipeline } from './pipeline';
import { applyScaler, scaleValue, unscaleValue, type ZScoreState, type MinMaxState } from './scalers';
import { applyVocabulary, applyMultiHot, fitVocabulary, vocabularySize, OOV_INDEX, type VocabularyState, type MultiHotState } from './vocabulary';
import { fnv1a, ngramsOf, applyHashedNgrams, hashedNgrams, type HashedNgramsState } from './text-hashing';
import { applyBuckets, bucketCount, type BucketState } from './bucketing';
import { gatherWindows } from './windows';

const reference = JSON.parse(readFileSync(new URL('./fixtures/etth1-reference.json', import.meta.url), 'utf8')) as {
  columns: string[]; mean: number[]; std: number[]; min: number[]; max: number[];
};

function readEtth1() {
  const lines = readFileSync('/work/shared/data/forecasting/ETTh1.csv', 'utf8').trimEnd().split('\n');
  const names = lines[0].split(',').slice(1);
  const cols = names.map(() => new Float32Array(lines.length - 1));
  for (let r = 1; r < lines.length; r++) lines[r].split(',').slice(1).forEach((v, c) => { cols[c][r - 1] = Number(v); });
  return columnSource(lines.length - 1, Object.fromEntries(names.map((n, c) => [n, { values: cols[c] }])));
}

describe('scalers on the shared ETTh1 with the ETT split', () => {
  const data = readEtth1();
  const split = computeSplit({ kind: 'ett' }, data);
  const fitted = fitPipeline(
    { steps: [...reference.columns.map((column) => ({ transform: 'zscore' as const, column })), { transform: 'minmax', column: 'OT' }] },
    data,
    split.assignment,
  );

  it('z-score state equals pandas on the training rows only (StandardScaler, ddof=0)', () => {
    expect(fitted.fittedOnRows).toBe(8640);
    reference.columns.forEach((name, c) => {
      const s = fitted.steps[c].state as ZScoreState;
      expect(fitted.steps[c].target).toBe(name);
      expect(s.mean).toBeCloseTo(reference.mean[c], 4);
      expect(s.std / reference.std[c]).toBeCloseTo(1, 5);
    });
    // fitting on every row would have given another mean: the test set did not leak in
    const ot = data.column('OT').values;
    let allMean = 0;
    for (let i = 0; i < ot.length; i++) allMean += ot[i] / ot.length;
    expect(Math.abs(allMean - (fitted.steps[6].state as ZScoreState).mean)).toBeGreaterThan(0.5);
  });

  it('min-max fitted on train; scaled train rows lie in [0, 1]; unscale inverts scale', () => {
    const s = fitted.steps[7].state as MinMaxState;
    expect(s.min).toBeCloseTo(reference.min[6], 4);
    expect(s.max).toBeCloseTo(reference.max[6], 4);
    const scaled = applyScaler(s, data.column('OT'));
    for (const r of rowsOf(split.assignment)) expect(scaled[r] >= 0 && scaled[r] <= 1).toBe(true);
    expect(unscaleValue(s, scaleValue(s, 12.5))).toBeCloseTo(12.5, 10);
  });

  it('the fitted state survives JSON (it is stored with the split and exported with the model)', () => {
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });
});

describe('categorical vocabularies', () => {
  // codes into a dictionary, as the column cache stores them; -1 is missing
  const dictionary = ['red', 'green', 'blue', 'violet'];
  const values = Int32Array.from([0, 0, 0, 1, 1, 2, -1, 3, 2, 0]);
  const assignment = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 2, 2, 2]); // 'violet' appears only in test
  const data = columnSource(10, { color: { values, dictionary } });

  it('indexes train values by frequency, with index 0 for unseen, rare and missing values', () => {
    const f = fitPipeline({ steps: [{ transform: 'vocabulary', column: 'color', minCount: 2 }] }, data, assignment);
    const s = f.steps[0].state as VocabularyState;
    expect(s.tokens).toEqual(['red', 'green']); // blue seen once in train < minCount 2
    expect(vocabularySize(s)).toBe(3);
    expect(Array.from(applyVocabulary(s, data.column('color')))).toEqual([1, 1, 1, 2, 2, OOV_INDEX, OOV_INDEX, OOV_INDEX, OOV_INDEX, 1]);
  });

  it('numeric id columns (user ids) work the same way, and ties order by token', () => {
    const ids = Float32Array.from([7, 3, 7, 3, 9, NaN]);
    const s = fitVocabulary({ values: ids }, Int32Array.from([0, 1, 2, 3, 4, 5]));
    expect(s.tokens).toEqual(['3', '7', '9']);
    expect(Array.from(applyVocabulary(s, { values: Float32Array.from([9, 3, 42, NaN]) }))).toEqual([3, 1, 0, 0]);
  });

  it('multi-hot from a separated column and from indicator columns', () => {
    const genres = { values: Int32Array.from([0, 1, 2, -1]), dictionary: ['Action|Comedy', 'Comedy', 'Drama|Comedy'] };
    const d = columnSource(4, { genres, action: { values: Float32Array.from([1, 0, 0, 1]) }, drama: { values: Float32Array.from([0, 0, 1, 1]) } });
    const f = fitPipeline({
      steps: [
        { transform: 'multi-hot', name: 'g', column: 'genres' },
        { transform: 'multi-hot', name: 'flags', columns: ['action', 'drama'] },
      ],
    }, d, Uint8Array.from([0, 0, 2, 0]));
    const g = f.steps[0].state as MultiHotState;
    expect(g.tokens).toEqual(['Comedy', 'Action']);
    // row 2 has Drama (unseen in train -> OOV column 0) and Comedy
    expect(Array.from(applyMultiHot(g, [genres]))).toEqual([0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
    const flags = f.steps[1].state as MultiHotState;
    expect(flags.tokens).toEqual(['action', 'drama']);
    expect(Array.from(applyMultiHot(flags, [d.column('action'), d.column('drama')]))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1]);
    expect(() => fitPipeline({ steps: [{ transform: 'multi-hot', name: 'x', column: 'genres', columns: ['action'] }] }, d, new Uint8Array(4))).toThrow(/either column .* or columns/);
  });
});

describe('hashed n-grams', () => {
  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('word and character n-grams are what they say', () => {
    expect(ngramsOf("Love this dress, it's perfect!", { unit: 'word', ngrams: [1, 2], lowercase: true }))
      .toEqual(['love', 'this', 'dress', "it's", 'perfect', 'love this', 'this dress', "dress it's", "it's perfect"]);
    expect(ngramsOf('Ab', { unit: 'char', ngrams: [3, 4], lowercase: true })).toEqual(['<ab', 'ab>', '<ab>']);
  });

  it('Chinese and Japanese, written without spaces, give character uni- and bigrams; Korean and accents stay words', () => {
    const w: Pick<HashedNgramsState, 'unit' | 'ngrams' | 'lowercase'> = { unit: 'word', ngrams: [1, 2], lowercase: true };
    expect(ngramsOf('很好看', w)).toEqual(['很', '好', '看', '很 好', '好 看']);
    expect(ngramsOf('サイズは小さい', w).slice(0, 7)).toEqual(['サ', 'イ', 'ズ', 'は', '小', 'さ', 'い']);
    // mixed text: Latin words stay whole next to CJK characters
    expect(ngramsOf('Dress很好 café', { ...w, ngrams: [1, 1] })).toEqual(['dress', '很', '好', 'café']);
    expect(ngramsOf('한국어 문장', { ...w, ngrams: [1, 1] })).toEqual(['한국어', '문장']);
  });

  it('hashing is deterministic across calls and seeds move the buckets', () => {
    const text = { values: Int32Array.from([0, 1, -1, 0]), dictionary: ['runs small, order a size up', 'Fabric feels cheap'] };
    const s: HashedNgramsState = hashedNgrams({ unit: 'word', buckets: 1024 });
    const a = applyHashedNgrams(s, text);
    const b = applyHashedNgrams(JSON.parse(JSON.stringify(s)), text);
    expect(a).toEqual(b);
    expect(Array.from(a.offsets)).toEqual([0, 11, 16, 16, 27]); // 6+5 and 3+2 n-grams (no collisions), missing row empty
    expect(Array.from(a.indices.slice(0, 11))).toEqual(Array.from(a.indices.slice(16, 27)));
    const other = applyHashedNgrams({ ...s, seed: 1 }, text);
    expect(Array.from(other.indices.slice(0, 11))).not.toEqual(Array.from(a.indices.slice(0, 11)));
    expect(() => fitPipeline({ steps: [{ transform: 'hashed-ngrams', column: 'n' }] }, columnSource(1, { n: { values: new Float32Array(1) } }), new Uint8Array(1))).toThrow(/need a text column/);
  });
});

describe('bucketing and windows', () => {
  it('quantile buckets fitted on train, 0 for missing', () => {
    const age = { values: Float32Array.from([18, 22, 25, 31, 40, 47, 55, 63, 70, 99, NaN]) };
    const f = fitPipeline({ steps: [{ transform: 'bucketize', column: 'age', buckets: 4 }] }, columnSource(11, { age }), new Uint8Array(11));
    const s = f.steps[0].state as BucketState;
    expect(s.boundaries).toEqual([25, 47, 63]);
    expect(bucketCount(s)).toBe(5);
    expect(Array.from(applyBuckets(s, age))).toEqual([1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 0]);
  });

  it('gathers [B, L, C] inputs and [B, H, C] targets', () => {
    const a = Float32Array.from([0, 1, 2, 3, 4, 5]);
    const b = Float32Array.from([10, 11, 12, 13, 14, 15]);
    const { inputs, targets } = gatherWindows([a, b], [2, 3], 2, 1);
    expect(Array.from(inputs)).toEqual([0, 10, 1, 11, 1, 11, 2, 12]);
    expect(Array.from(targets)).toEqual([2, 12, 3, 13]);
  });
});
