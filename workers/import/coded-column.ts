// Categorical, text and boolean columns: Int32 codes (-1 = missing) plus a dictionary of the strings.
// Whether a string column is 'categorical' or free 'text' is decided at the end, from its cardinality
// and value lengths over the whole file (not just the sniffed sample).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISSING_CODE, dictionaryFileName, type CachedColumn, type ColumnStats, type ColumnType, type Histogram } from '../../common/dataset-cache';
import { ByteDictionary, SHORT_VALUE_BYTES } from './byte-dictionary';
import { checkCategories } from './category-checks';
import { listTokenStats } from './list-tokens';
import { ColumnWriter } from './column-writer';
import { BooleanWords, WORDS, wordIndex } from './boolean-words';
import { isDashRun } from './values';
import { PANDAS_NA_VALUES, PandasMissingCount, type MissingCells } from './missing-cell-bytes';

const TOP = 20;

abstract class CodedColumn extends ColumnWriter {
  /** Kept rows per code (grown by doubling; codes are dense from 0). */
  protected counts = new Int32Array(64);
  protected missingCount = 0;
  /** The cells read as missing: pandas' default na_values, or GateLab's first list for a dataset imported before them. */
  protected readonly missingCells: MissingCells = this.ctx.missingCells ?? PANDAS_NA_VALUES;
  /** The cells read as missing that the first list kept as values ('n/a', 'None'), for the note on them. */
  protected readonly pandasMissing = new PandasMissingCount();

  protected abstract dictionary(): string[];
  protected abstract finalType(cardinality: number, count: number): ColumnType;
  /** Stats only this kind of column has (a boolean's words as the file wrote them). */
  protected extraStats(): Partial<ColumnStats> {
    return {};
  }

  protected observe(slot: number): void {
    const code = this.arr[slot];
    if (code === MISSING_CODE) { this.missingCount++; return; }
    if (code >= this.counts.length) {
      const grown = new Int32Array(Math.max(code + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[code]++;
  }

  /** '?', '-' and '---' are categories here, as in pandas; say so, since they often mean "unknown". */
  private noteMarkers(dict: string[], counts: Int32Array): void {
    const found = dict.map((v, i) => ({ v: v.trim(), n: counts[i] ?? 0 })).filter(({ v, n }) => (v === '?' || v === '-' || isDashRun(v)) && n > 0);
    if (found.length === 0) return;
    const list = found.map(({ v, n }) => `'${v}' (${n} rows)`).join(' and ');
    this.ctx.validation.addCounted('note', this.plan.name, found.reduce((a, f) => a + f.n, 0), `column '${this.plan.name}': ${list} kept as ${found.length > 1 ? 'categories' : 'a category'}, as pandas does (only number columns read '-', '?' and dashes alone such as '---' as missing). If they mean "unknown", the model learns them as one more value`, 'markers');
  }

  finish(): CachedColumn {
    // one pass: cardinality, total, the most frequent value (for imputation) and the top values
    let mode = -1, cardinality = 0, count = 0;
    const top: number[] = []; // codes, most frequent first
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (c === 0) continue;
      cardinality++;
      count += c;
      if (mode < 0 || c > counts[mode]) mode = i;
      if (top.length < TOP || c > counts[top[top.length - 1]]) {
        let k = top.length;
        while (k > 0 && counts[top[k - 1]] < c) k--;
        top.splice(k, 0, i);
        if (top.length > TOP) top.pop();
      }
    }
    const impute = this.ctx.policy === 'impute' && mode >= 0 ? mode : null;
    this.readBack(impute);
    if (impute !== null) { counts[mode] += this.imputedCount; count += this.imputedCount; this.missingCount -= this.imputedCount; }
    const dict = this.dictionary();
    this.noteMarkers(dict, counts);
    const pandasNote = this.pandasMissing.message(this.plan.name, this.ctx.file, this.ctx.reading);
    if (pandasNote) this.ctx.validation.addCounted('note', this.plan.name, this.pandasMissing.count, pandasNote, 'pandas-missing');
    const type = this.finalType(cardinality, count);
    if (type === 'categorical') checkCategories(this.plan.name, dict, counts, cardinality, this.ctx.validation);
    const topValues = top.map((i) => ({ value: dict[i], count: counts[i] }));
    const histogram: Histogram | null = count > 0 ? { labels: topValues.map((t) => t.value), counts: topValues.map((t) => t.count) } : null;
    // '|'-separated lists: what the multi-hot role would make of them (booleans never hold any)
    const listTokens = type === 'categorical' || type === 'text' ? listTokenStats(dict, counts) : null;
    const dictionaryFile = dictionaryFileName(this.index);
    writeFileSync(join(this.ctx.dir, dictionaryFile), JSON.stringify(dict));
    return {
      name: this.plan.name, type, dtype: 'int32', dim: 1, file: '', dictionaryFile,
      stats: { count, missing: this.missingCount, min: null, max: null, mean: null, std: null, cardinality, topValues: topValues.slice(0, 10), histogram, ...(listTokens ? { listTokens } : {}), ...this.extraStats() },
    };
  }
}

export class StringColumn extends CodedColumn {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [];
  private totalLength = 0;
  /** Distinct values containing whitespace: words, i.e. free text rather than codes. */
  private spaced = 0;
  /** Distinct values with 4+ Han/Kana characters: Chinese and Japanese sentences have no spaces to count. */
  private cjkSentences = 0;

  private readonly short = new ByteDictionary();
  private scratch = Buffer.alloc(0);

  putBytes(buf: Buffer, s: number, e: number, esc: number): void {
    if (esc) ({ buf, s, e } = this.unescape(buf, s, e));
    if (this.plan.zeroFraction) e = withoutZeroFraction(buf, s, e);
    const len = e - s;
    if (len > SHORT_VALUE_BYTES) return this.stage(this.ctx.text(buf, s, e));
    // short values: found by their bytes, no string unless new; a missing cell is matched in its bytes too
    const missing = this.missingCells.indexOfBytes(buf, s, e);
    if (missing >= 0) {
      this.pandasMissing.add(this.missingCells.cells[missing]);
      this.bad = false;
      this.missing = true;
      this.arr[this.pos] = MISSING_CODE;
      return;
    }
    let code = this.short.find(buf, s, e);
    if (code < 0) {
      // new bytes: a new value (the Map is not consulted: a column gets either bytes or JS values)
      code = this.addValue(this.ctx.text(buf, s, e));
      this.short.add(buf, s, e, code);
    }
    this.bad = false;
    this.missing = false;
    this.arr[this.pos] = code;
  }

  /** The field with doubled quotes ("") made single, in a scratch buffer. */
  private unescape(buf: Buffer, s: number, e: number): { buf: Buffer; s: number; e: number } {
    if (this.scratch.length < e - s) this.scratch = Buffer.alloc(Math.max(e - s, this.scratch.length * 2));
    let n = 0;
    for (let i = s; i < e; i++) {
      this.scratch[n++] = buf[i];
      if (buf[i] === 0x22 && buf[i + 1] === 0x22 && i + 1 < e) i++;
    }
    return { buf: this.scratch, s: 0, e: n };
  }

  putValue(v: unknown): void {
    if (v === null || v === undefined) return this.stage('');
    if (typeof v === 'string') return this.stage(this.plan.zeroFraction ? v.replace(ZERO_FRACTION, '$1') : v);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return this.stage(String(v));
    if (v instanceof Date) return this.stage(v.toISOString());
    this.stage(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) ?? '');
  }

  private stage(str: string): void {
    this.bad = false;
    if (this.missingCells.has(str)) { this.pandasMissing.add(str); this.missing = true; this.arr[this.pos] = MISSING_CODE; return; }
    this.missing = false;
    this.arr[this.pos] = this.intern(str);
  }

  private intern(str: string): number {
    let code = this.codes.get(str);
    if (code === undefined) {
      code = this.addValue(str);
      this.codes.set(str, code);
    }
    return code;
  }

  private addValue(str: string): number {
    this.totalLength += str.length;
    if (WORD_GAP.test(str)) this.spaced++;
    else if (CJK_SENTENCE.test(str)) this.cjkSentences++;
    return this.values.push(str) - 1;
  }

  protected dictionary(): string[] {
    return this.values;
  }

  /** Whether `value` is one of the column's values so far (a trailing 'Total' that is a category is data: summary-rows.ts). */
  has(value: string): boolean {
    return this.values.includes(value);
  }

  protected finalType(cardinality: number, count: number): ColumnType {
    if (this.plan.userType === 'categorical' || this.plan.userType === 'text') return this.plan.userType;
    if (this.plan.identifier) return 'categorical';
    // free text: many distinct values that read like words or sentences. Words need whitespace (or CJK
    // characters): long tokens without any (UUIDs, hashes, SKUs, zip codes) are codes, so categorical
    const distinct = this.values.length;
    const meanLength = distinct ? this.totalLength / distinct : 0;
    const mostlyUnique = cardinality > 50 && cardinality > 0.5 * count;
    const wordy = this.spaced + this.cjkSentences >= 0.5 * distinct;
    return (mostlyUnique || (meanLength >= 50 && cardinality > 20)) && wordy ? 'text' : 'categorical';
  }
}

/** '10717.0' -> '10717' (an optional sign, digits, a point and zeros only). */
const ZERO_FRACTION = /^([+-]?\d+)\.0+$/;

/**
 * The end of b[s..e) without a zero fraction ('10717.0' ends before the point), or e when the field is not
 * digits, a point and zeros. Byte-wise, as the hot path reads fields, with no string made.
 */
function withoutZeroFraction(b: Uint8Array, s: number, e: number): number {
  let k = e;
  while (k > s && b[k - 1] === 48) k--; // trailing '0's
  const dot = k - 1;
  if (k === e || dot < s || b[dot] !== 46) return e;
  let i = s;
  if (b[i] === 45 || b[i] === 43) i++; // a sign
  if (i >= dot) return e; // '.0', '-.0': no digits before the point
  for (let j = i; j < dot; j++) if (b[j] < 48 || b[j] > 57) return e;
  return dot;
}

/** Whitespace between two visible characters: words (a padded code such as ' A12 ' is not). */
const WORD_GAP = /\S\s+\S/;

/** Four or more Han, Hiragana or Katakana characters: a phrase, where a place or a name is usually fewer. */
const CJK_SENTENCE = /(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]*){4}/u;

/** Booleans: code 0 = false, 1 = true; accepts true/false, yes/no, t/f, y/n and 0/1. */
export class BooleanColumn extends CodedColumn {
  private readonly words = new BooleanWords();

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    const k = booleanFromBytes(buf, s, e);
    if (k >= 0) {
      this.words.count(k, this.words.isNew(k) ? this.ctx.text(buf, s, e) : undefined);
      this.bad = this.missing = false;
      this.arr[this.pos] = WORDS[k][1];
      return;
    }
    this.putValue(this.ctx.text(buf, s, e), line); // blanks, missing tokens, mistakes: the string path
  }

  putValue(v: unknown, line: number): void {
    this.bad = this.missing = false;
    let code = -1;
    if (typeof v === 'boolean') code = this.counted(v ? 'true' : 'false');
    else if (typeof v === 'number' || typeof v === 'bigint') code = Number(v) === 1 || Number(v) === 0 ? this.counted(String(Number(v))) : -2;
    else if (typeof v === 'string') {
      const t = v.trim();
      const missing = this.missingCells.has(t);
      if (missing) this.pandasMissing.add(t);
      code = missing ? -1 : this.counted(t);
    }
    if (code === -2) {
      this.noteUnparsable(line, String(v), 'booleans (true/false, yes/no or 0/1)');
      this.missing = true;
      code = MISSING_CODE;
    } else if (code === MISSING_CODE) this.missing = true;
    this.arr[this.pos] = code;
  }

  /** The code of a boolean word (counted as the file spelt it), or -2 when `t` is none. */
  private counted(t: string): number {
    const k = wordIndex(t);
    if (k < 0) return -2;
    this.words.count(k, t);
    return WORDS[k][1];
  }

  protected dictionary(): string[] {
    return ['false', 'true'];
  }

  protected extraStats(): Partial<ColumnStats> {
    const booleanWords = this.words.words();
    return booleanWords ? { booleanWords } : {};
  }

  protected finalType(): ColumnType {
    return 'boolean';
  }
}

// true/false, yes/no, t/f, y/n (any case) and 0/1 straight from bytes: the WORDS index, -1 for anything else
function booleanFromBytes(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  for (let w = 0; w < WORDS.length; w++) {
    const word = WORDS[w][0];
    if (word.length !== len) continue;
    let k = 0;
    for (; k < len; k++) {
      const c = b[s + k];
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) break;
    }
    if (k === len) return w;
  }
  return -1;
}
