// Hashed word and character n-grams for free-text columns (the hashing trick): no vocabulary to fit,
// so the state is just the settings, and the same text hashes to the same buckets in the lab, in the
// trainer and in exported-model metadata. FNV-1a (32-bit) over UTF-16 code units, seeded.
import { tokenAt, type DataColumn } from './columns';

export interface HashedNgramsState {
  kind: 'hashed-ngrams';
  unit: 'word' | 'char';
  /** Smallest and largest n. */
  ngrams: [number, number];
  buckets: number;
  lowercase: boolean;
  seed: number;
  /** Which rule splits text into words (WORD_RULES); absent: 'letters-v1', the rule of runs made before it was recorded. */
  words?: WordRule;
}

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the string's UTF-16 code units, starting from `basis` (the seed moves it). */
export function fnv1a(text: string, basis = FNV_OFFSET): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

/**
 * How text is split into words, by rule id. The rule a run trained with is stored with the run (model.textWords,
 * written when the run is created) and travels in the fitted state and the export's metadata; a run that
 * recorded none trained with 'letters-v1' and keeps it for Try it, knockouts, re-export and resume.
 *
 * Both rules take ONE Han, Hiragana or Katakana character as a word: Chinese and Japanese are written without
 * spaces, so a whole sentence would otherwise be one "word" that never repeats; single characters and their
 * bigrams (the word 1-2-grams) are the usual features there. Korean is written with spaces and stays word-based.
 *
 * 'letters-v1' (runs made before the rule was recorded): a run of letters and digits with an apostrophe part
 * ("isn't"). It drops emoji, symbols and punctuation, and splits words at combining marks (Hindi "अच्छा" became
 * "अच" and "छ").
 *
 * 'unicode-v2' (new runs): the text is NFC-normalised first (a decomposed "é" reads as the composed one), then
 * its words are, left to right:
 *   - a CJK character (with any marks after it);
 *   - one emoji: a flag (two regional indicators), or a pictograph with its skin tone / variation selector and
 *     any zero-width-joiner continuation ("👩🏽‍💻" is one token, "😀👍" two);
 *   - a run of letters, digits and combining marks (Devanagari vowel signs and viramas, Thai vowels and tone
 *     marks, zero-width (non-)joiners inside Indic words), with an apostrophe part ("isn't");
 *   - a run of punctuation and symbols: ":)", "!!!", "++" of "C++", "€". Kept, unlike scikit-learn's default
 *     token pattern, because emoticons and emphasis carry sentiment in reviews and posts; a comma or full stop
 *     becomes a frequent token that a linear layer weighs as little as it deserves.
 * Whitespace, control and format characters separate words. The pattern is written so that Python's `regex`
 * package reads it unchanged (README "Exported models", the text-hashing recipe).
 */
export const WORD_RULES = ['letters-v1', 'unicode-v2'] as const;
export type WordRule = (typeof WORD_RULES)[number];
/** The rule new runs record (main/lab/runs/dataset-defaults.ts); a later rule gets a new id, never a changed one. */
export const CURRENT_WORD_RULE: WordRule = 'unicode-v2';
/** The rule of a run, fitted state or export that recorded none. */
export const LEGACY_WORD_RULE: WordRule = 'letters-v1';

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const EMOJI_TAIL = '(?:\\p{Emoji_Modifier}|\\uFE0F|\\u20E3)*';
const EMOJI = `\\p{Regional_Indicator}{2}|\\p{Extended_Pictographic}${EMOJI_TAIL}(?:\\u200D\\p{Extended_Pictographic}${EMOJI_TAIL})*`;
const WORD_CHAR = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}\\u200C\\u200D])`;

/** Each rule's regular expression (global, Unicode: flags 'gu' in JavaScript; Python's `regex` reads it as is). */
export const WORD_PATTERNS: Record<WordRule, string> = {
  'letters-v1': `[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK}])\\p{L})+)*`,
  'unicode-v2': `[${CJK}]\\p{M}*|${EMOJI}|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*|(?:(?!\\p{Extended_Pictographic})[\\p{P}\\p{S}])+`,
};
/** The rule's text normalisation before lowercasing and matching (none for 'letters-v1'). */
export const WORD_NORMALIZATION: Record<WordRule, 'NFC' | null> = { 'letters-v1': null, 'unicode-v2': 'NFC' };
/** The legacy rule's pattern, under its old name (exports and probes read it). */
export const WORD_PATTERN = WORD_PATTERNS['letters-v1'];
const WORD_REGEX: Record<WordRule, RegExp> = {
  'letters-v1': new RegExp(WORD_PATTERNS['letters-v1'], 'gu'),
  'unicode-v2': new RegExp(WORD_PATTERNS['unicode-v2'], 'gu'),
};

export function isWordRule(v: unknown): v is WordRule {
  return typeof v === 'string' && (WORD_RULES as readonly string[]).includes(v);
}

export function words(text: string, lowercase = true, rule: WordRule = LEGACY_WORD_RULE): string[] {
  const normalized = WORD_NORMALIZATION[rule] ? text.normalize(WORD_NORMALIZATION[rule]!) : text;
  return (lowercase ? normalized.toLowerCase() : normalized).match(WORD_REGEX[rule]) ?? [];
}

/** The n-gram strings of one text: word n-grams joined by a space, or fastText-style char n-grams of "<word>". */
export function ngramsOf(text: string, s: Pick<HashedNgramsState, 'unit' | 'ngrams' | 'lowercase' | 'words'>): string[] {
  const w = words(text, s.lowercase, s.words ?? LEGACY_WORD_RULE);
  const [lo, hi] = s.ngrams;
  const out: string[] = [];
  if (s.unit === 'word') {
    for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  } else {
    for (const word of w) {
      const padded = `<${word}>`;
      for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}

export function bucketOf(ngram: string, s: Pick<HashedNgramsState, 'buckets' | 'seed'>): number {
  return fnv1a(ngram, (FNV_OFFSET ^ Math.imul(s.seed, 0x9e3779b1)) >>> 0) % s.buckets;
}

export function hashedNgrams(opts: Partial<Omit<HashedNgramsState, 'kind'>> = {}): HashedNgramsState {
  const unit = opts.unit ?? 'word';
  return {
    kind: 'hashed-ngrams',
    unit,
    ngrams: opts.ngrams ?? (unit === 'word' ? [1, 2] : [3, 5]),
    buckets: opts.buckets ?? 1 << 16,
    lowercase: opts.lowercase ?? true,
    seed: opts.seed ?? 0,
    // recorded only when given, so a legacy run's fitted state stays exactly as it was
    ...(opts.words ? { words: opts.words } : {}),
  };
}

/** Sparse rows (CSR): the buckets of row r are indices[offsets[r] .. offsets[r+1]), with their counts. Missing text has none. */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  width: number;
}

export function applyHashedNgrams(s: HashedNgramsState, c: DataColumn): SparseRows {
  const rows = c.values.length;
  const offsets = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  // Coded text columns repeat values (e.g. titles): hash each distinct string once.
  const cache = new Map<string, Map<number, number>>();
  for (let r = 0; r < rows; r++) {
    const text = tokenAt(c, r);
    if (text) {
      let counts = cache.get(text);
      if (!counts) {
        counts = new Map();
        for (const g of ngramsOf(text, s)) { const b = bucketOf(g, s); counts.set(b, (counts.get(b) ?? 0) + 1); }
        if (cache.size < 100_000) cache.set(text, counts);
      }
      for (const b of [...counts.keys()].sort((x, y) => x - y)) { indices.push(b); values.push(counts.get(b)!); }
    }
    offsets[r + 1] = indices.length;
  }
  return { offsets, indices: Int32Array.from(indices), values: Float32Array.from(values), width: s.buckets };
}
