// The word rules of text hashing: 'unicode-v2' (new runs) keeps emoji, symbols and punctuation and keeps
// combining marks inside words; 'letters-v1' (runs that recorded no rule) reads text exactly as those runs
// trained. The README's Python recipe splits the same way (a fixture made by Python, below).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyHashedNgrams, hashedNgrams, ngramsOf, words, CURRENT_WORD_RULE, WORD_NORMALIZATION, WORD_PATTERNS,
  type HashedNgramsState, type SparseRows,
} from './text-hashing';
import { fitPipeline } from './pipeline';
import { columnSource } from './columns';

const v2 = (text: string) => words(text, true, 'unicode-v2');
const v1 = (text: string) => words(text, true, 'letters-v1');

describe("word rule 'unicode-v2' (new runs)", () => {
  it('keeps emoji as tokens: one per emoji, skin tones and zero-width-joiner sequences whole, flags as pairs', () => {
    expect(v2('Sehr gut 😀👍')).toEqual(['sehr', 'gut', '😀', '👍']);
    expect(v2('👩🏽‍💻 coder 👨‍👩‍👧 🇩🇪 👍🏽')).toEqual(['👩🏽‍💻', 'coder', '👨‍👩‍👧', '🇩🇪', '👍🏽']);
    expect(v2('a😀b ❤️')).toEqual(['a', '😀', 'b', '❤️']);
  });

  it('keeps punctuation and symbol runs as tokens of their own', () => {
    expect(v2('ok :) :-(')).toEqual(['ok', ':)', ':-(']);
    expect(v2('C++ and C#')).toEqual(['c', '++', 'and', 'c', '#']);
    expect(v2('€5 ist teuer!!!')).toEqual(['€', '5', 'ist', 'teuer', '!!!']);
    expect(v2("Love this dress, it's perfect!")).toEqual(['love', 'this', 'dress', ',', "it's", 'perfect', '!']);
  });

  it('keeps Devanagari and Thai vowel signs, viramas and tone marks inside their words', () => {
    expect(v2('यह उत्पाद बहुत अच्छा नहीं है')).toEqual(['यह', 'उत्पाद', 'बहुत', 'अच्छा', 'नहीं', 'है']);
    expect(v2('สินค้าดีมาก')).toEqual(['สินค้าดีมาก']);
    // the old rule cut them at every mark
    expect(v1('अच्छा नहीं')).toEqual(['अच', 'छ', 'नह']);
    expect(v1('สินค้าดีมาก')).toEqual(['ส', 'นค', 'าด', 'มาก']);
  });

  it('reads a decomposed é as the composed one (NFC), so café typed two ways is one token', () => {
    expect(v2('cafe\u0301')).toEqual(['café']);
    expect(v2('café')).toEqual(['café']);
    expect(v1('cafe\u0301')).toEqual(['cafe']);
    const s = { unit: 'char' as const, ngrams: [3, 5] as [number, number], lowercase: true, words: 'unicode-v2' as const };
    expect(ngramsOf('CAFE\u0301', s)).toEqual(ngramsOf('café', s));
  });

  it('still takes Chinese and Japanese one character at a time, Korean and Latin as words', () => {
    expect(v2('很好看，质量不错！')).toEqual(['很', '好', '看', '，', '质', '量', '不', '错', '！']);
    expect(v2('Dress很好 café 한국어')).toEqual(['dress', '很', '好', 'café', '한국어']);
    expect(v2('サイズは小さい')).toEqual(['サ', 'イ', 'ズ', 'は', '小', 'さ', 'い']);
  });

  it("is what the README's Python recipe (NFC, lower(), regex.findall) gives on tricky strings", () => {
    const ref = JSON.parse(readFileSync(new URL('./fixtures/word-rule-reference.json', import.meta.url), 'utf8')) as
      { pattern: string; normalize: string; cases: { text: string; words: string[] }[] };
    // the fixture was made from the pattern the export states; regenerate it (make-word-rule-reference.py) when the rule changes
    expect(ref.pattern).toBe(WORD_PATTERNS['unicode-v2']);
    expect(ref.normalize).toBe(WORD_NORMALIZATION['unicode-v2']);
    expect(ref.cases.length).toBeGreaterThan(20);
    for (const c of ref.cases) expect({ text: c.text, words: v2(c.text) }).toEqual(c);
  });
});

describe("word rule 'letters-v1' (runs that recorded no rule)", () => {
  it('is the pattern those runs trained and exported with, unchanged', () => {
    const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
    expect(WORD_PATTERNS['letters-v1']).toBe(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK}])\\p{L})+)*`);
    expect(WORD_NORMALIZATION['letters-v1']).toBeNull();
  });

  it('is the rule of a fitted state without one; a pipeline step that names a rule records it', () => {
    const text = { values: Int32Array.from([0]), dictionary: ['Sehr gut 😀'] };
    const d = columnSource(1, { review: text });
    const old = fitPipeline({ steps: [{ transform: 'hashed-ngrams', column: 'review' }] }, d, new Uint8Array(1));
    expect(old.steps[0].state).not.toHaveProperty('words');
    expect(ngramsOf('Sehr gut 😀', old.steps[0].state as HashedNgramsState)).toEqual(['sehr', 'gut', 'sehr gut']);
    const now = fitPipeline({ steps: [{ transform: 'hashed-ngrams', column: 'review', words: CURRENT_WORD_RULE }] }, d, new Uint8Array(1));
    expect((now.steps[0].state as HashedNgramsState).words).toBe('unicode-v2');
    expect(ngramsOf('Sehr gut 😀', now.steps[0].state as HashedNgramsState)).toEqual(['sehr', 'gut', '😀', 'sehr gut', 'gut 😀']);
  });
});

describe('a label carried only by emoji', () => {
  // as the audit's emoji_only set: neutral German filler shared by both classes, 😀 in positives, 😡 in negatives
  const FILLER = ['die', 'lieferung', 'war', 'produkt', 'das', 'ist', 'größe', 'farbe', 'qualität', 'preis', 'für', 'den', 'mit', 'und'];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const N = 600;
  const labels: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < N; i++) {
    const y = rand() < 0.5 ? 1 : 0;
    const w = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => FILLER[Math.floor(rand() * FILLER.length)]);
    w.splice(Math.floor(rand() * (w.length + 1)), 0, y ? '😀' : '😡');
    labels.push(y);
    texts.push(w.join(' '));
  }
  const column = { values: Int32Array.from(texts.keys()), dictionary: texts };

  /** Test accuracy of a logistic regression on log1p(count) features (train: first 400 rows, 3 epochs of SGD). */
  function accuracy(s: HashedNgramsState): number {
    const x: SparseRows = applyHashedNgrams(s, column);
    const w = new Float64Array(s.buckets);
    let b = 0;
    const logit = (r: number) => { let z = b; for (let k = x.offsets[r]; k < x.offsets[r + 1]; k++) z += w[x.indices[k]] * Math.log1p(x.values[k]); return z; };
    for (let epoch = 0; epoch < 3; epoch++) for (let r = 0; r < 400; r++) {
      const g = 1 / (1 + Math.exp(-logit(r))) - labels[r];
      b -= 0.5 * g;
      for (let k = x.offsets[r]; k < x.offsets[r + 1]; k++) w[x.indices[k]] -= 0.5 * g * Math.log1p(x.values[k]);
    }
    let right = 0;
    for (let r = 400; r < N; r++) right += Number((logit(r) > 0 ? 1 : 0) === labels[r]);
    return right / (N - 400);
  }

  it('is learnable with the new rule and stays at chance with the old one', () => {
    expect(accuracy(hashedNgrams({ unit: 'word', buckets: 1024, words: 'unicode-v2' }))).toBeGreaterThan(0.95);
    expect(accuracy(hashedNgrams({ unit: 'char', buckets: 1024, words: 'unicode-v2' }))).toBeGreaterThan(0.95);
    expect(accuracy(hashedNgrams({ unit: 'word', buckets: 1024 }))).toBeLessThan(0.65);
  });
});
