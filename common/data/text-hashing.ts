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
 * A word: a run of letters and digits (with an apostrophe part: "isn't"), or ONE Han, Hiragana or Katakana
 * character. Chinese and Japanese are written without spaces, so a whole sentence would otherwise be one
 * "word" that never repeats, and a model would learn nothing from it; single characters and their bigrams
 * (the word 1-2-grams) are the usual features there. Korean is written with spaces and stays word-based.
 */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
export const WORD_PATTERN = `[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK}])\\p{L})+)*`;
const WORD = new RegExp(WORD_PATTERN, 'gu');

export function words(text: string, lowercase = true): string[] {
  return (lowercase ? text.toLowerCase() : text).match(WORD) ?? [];
}

/** The n-gram strings of one text: word n-grams joined by a space, or fastText-style char n-grams of "<word>". */
export function ngramsOf(text: string, s: Pick<HashedNgramsState, 'unit' | 'ngrams' | 'lowercase'>): string[] {
  const w = words(text, s.lowercase);
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
