// Which legacy encoding a file that is not UTF-8 is in. The answer used to be latin-1, which reads a
// Windows-1252 euro sign or curly quote (0x80-0x9F) as a C1 control and Chinese or Japanese text as
// accented-letter soup ('ÈÕÆÚ' for 日期). Windows-1252 is latin-1 with letters and symbols in place of
// those controls, so it is the single-byte reading; GB18030 or Shift-JIS is chosen instead only when the
// bytes decode without a single error AND the result looks like CJK text (characters in runs, not one
// character glued inside a Latin word, which is what 'Zürich' becomes when its ü is taken for a GBK lead
// byte). A Western file always has somewhere a high byte that cannot start a double-byte pair there.
import type { TextEncoding } from '../../common/dataset-cache';

export type CjkEncoding = 'gb18030' | 'shift_jis' | 'euc-kr' | 'big5';

export interface LegacyReading {
  encoding: TextEncoding;
  /** When windows-1252 was kept though the bytes look like this CJK encoding: the user should be told. */
  suspect?: CjkEncoding;
}

/** How a CJK decoding of the bytes reads. */
interface CjkScore {
  /** U+FFFD: byte sequences that are not valid in the encoding. */
  bad: number;
  /** Han, kana, Hangul, CJK punctuation and full-/half-width forms. */
  cjk: number;
  /** CJK runs with a Latin letter right beside them: 'Z乇ich', '閘鑦e' ('élève' read as GBK); digits are fine (東京1). */
  glued: number;
  /** Maximal runs of CJK characters. */
  runs: number;
  /** Other non-ASCII characters (Latin letters, symbols, private use). */
  other: number;
  /** Kana (full or half width): Japanese, or a Big5/EUC-KR file read as GBK. */
  kana: number;
  /** Hangul syllables. */
  hangul: number;
}

const isCjk = (c: number) => (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)
  || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff01 && c <= 0xff9f);
const isKana = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f);

const isAsciiLetter = (c: number | undefined) => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));

function score(text: string): CjkScore {
  const s: CjkScore = { bad: 0, cjk: 0, glued: 0, runs: 0, other: 0, kana: 0, hangul: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) { s.bad++; continue; }
    if (!isCjk(c)) { s.other++; continue; }
    let end = i;
    for (; end < text.length && isCjk(text.charCodeAt(end)); end++) {
      const h = text.charCodeAt(end);
      if (isKana(h)) s.kana++;
      if (h >= 0xac00 && h <= 0xd7af) s.hangul++;
    }
    s.cjk += end - i;
    s.runs++;
    if (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(end))) s.glued++;
    i = end - 1;
  }
  return s;
}

/** A decoding that reads as CJK text: no invalid bytes, enough CJK characters, in runs of their own. */
function readsAsCjk(s: CjkScore): boolean {
  return s.bad === 0 && s.cjk >= 4 && s.glued <= s.runs * 0.2 && s.other <= s.cjk * 0.05;
}

/** Almost: a few bad sequences or glued runs, but mostly CJK: worth a warning, not a guess. */
function looksCjk(s: CjkScore): boolean {
  return s.cjk >= 4 && s.bad <= s.cjk * 0.05 && s.glued <= s.runs * 0.5 && s.other <= s.cjk * 0.2;
}

// cp1252 0x80-0x9F: the letters among them; the rest are symbols, or (0x81 0x8D 0x8F 0x90 0x9D) not defined
const LETTER_1252 = new Set([0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f]);
const ODD_1252 = new Set([0x81, 0x83, 0x88, 0x8d, 0x8f, 0x90, 0x98, 0x9d]);

/**
 * Share of the runs of high bytes that read as Western text in Windows-1252: one or two accented letters
 * beside an ASCII letter (inside a word), and any symbols (€, „“, °). CJK bytes read so are letter
 * clusters standing alone ('ÈÕÆÚ'), 'ƒ' before every katakana, or bytes Windows-1252 does not define.
 */
function westernShare(bytes: Uint8Array): number {
  let runs = 0, western = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    let end = i, letters = 0, odd = 0;
    for (; end < bytes.length && bytes[end] >= 0x80; end++) {
      const b = bytes[end];
      if (ODD_1252.has(b)) odd++;
      else if (LETTER_1252.has(b) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7)) letters++;
    }
    runs++;
    // 'informação' has two accented letters in a row, but inside a word
    const inWord = isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[end]);
    if (odd === 0 && (letters === 0 || (letters <= 2 && inWord))) western++;
    i = end - 1;
  }
  return runs === 0 ? 1 : western / runs;
}

/** Share of double-byte pairs (a byte >= 0x81 and the next) for which `test(lead, trail)` holds. */
function pairShare(bytes: Uint8Array, test: (lead: number, trail: number) => boolean): number {
  let pairs = 0, hits = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] < 0x81) continue;
    pairs++;
    if (test(bytes[i], bytes[i + 1])) hits++;
    i++;
  }
  return pairs === 0 ? 0 : hits / pairs;
}

/**
 * Which CJK encoding the bytes are in, if any, from how their double-byte pairs are built: Shift-JIS kana
 * and common kanji have lead bytes 0x81-0x9F, which GB2312, EUC-KR and common Big5 never use; GB2312 and
 * EUC-KR keep both bytes in 0xA1-0xFE, while Big5 has trail bytes 0x40-0x7E too. EUC-KR and GB2312 share
 * their byte ranges: a file is Korean when its EUC-KR reading is Hangul through and through.
 * 'gbk-extended': GBK with many characters outside GB2312, which Simplified Chinese text seldom needs but
 * Western words such as 'ße' make: gb18030 is then only suggested, never chosen.
 */
function cjkCandidate(bytes: Uint8Array, read: (e: CjkEncoding) => CjkScore): CjkEncoding | 'gbk-extended' {
  if (pairShare(bytes, (lead) => lead <= 0x9f) >= 0.5) return 'shift_jis';
  if (pairShare(bytes, (_, trail) => trail < 0xa1) <= 0.05) {
    const ko = read('euc-kr');
    return ko.bad === 0 && ko.hangul >= 20 && ko.hangul === ko.cjk && ko.other === 0 ? 'euc-kr' : 'gb18030';
  }
  // Big5 bytes read as GBK give kana (Big5's most common characters sit where GB2312 has its kana rows)
  const gb = read('gb18030'), big5 = read('big5');
  return readsAsCjk(big5) && (!readsAsCjk(gb) || big5.kana < gb.kana) ? 'big5' : 'gbk-extended';
}

/** The bytes up to the last line break (a character cut off at the end of a head is no evidence), or all. */
function wholeLines(bytes: Uint8Array): Uint8Array {
  const nl = bytes.lastIndexOf(10);
  return nl > 0 ? bytes.subarray(0, nl + 1) : bytes;
}

/**
 * The encoding of bytes that are not valid UTF-8 (`head`: the file's first bytes). Never a CJK encoding for
 * Western text (é, ü, ß, €, „“): that needs a CJK decoding without a single invalid byte, into runs of CJK
 * characters of their own, and either a Windows-1252 reading that looks like mojibake or (Big5 and
 * Shift-JIS trail bytes are ASCII letters, which make their mojibake look like words) no CJK run glued to a
 * Latin letter at all. Measured on 3,000 small random Western files (fewest 4 CJK characters in a valid
 * reading had two thirds of their runs glued) and GBK, Shift-JIS, EUC-KR and Big5 tables of 1-2,000 rows.
 */
export function legacyReadingOf(head: Uint8Array): LegacyReading {
  const bytes = wholeLines(head);
  const scores = new Map<CjkEncoding, CjkScore>();
  const read = (e: CjkEncoding) => scores.get(e) ?? scores.set(e, score(new TextDecoder(e).decode(bytes))).get(e)!;
  const found = cjkCandidate(bytes, read);
  const candidate = found === 'gbk-extended' ? 'gb18030' : found;
  const cjk = read(candidate), western = westernShare(bytes);
  if (found !== 'gbk-extended' && readsAsCjk(cjk) && (western <= 0.3 || (cjk.glued === 0 && cjk.cjk >= 8))) return { encoding: candidate };
  return western <= 0.8 && looksCjk(cjk) ? { encoding: 'windows-1252', suspect: candidate } : { encoding: 'windows-1252' };
}

const NAMES: Record<CjkEncoding, string> = {
  gb18030: 'GB18030/GBK (Simplified Chinese)', shift_jis: 'Shift-JIS (Japanese)', 'euc-kr': 'EUC-KR (Korean)', big5: 'Big5 (Traditional Chinese)',
};
const OTHERS: Record<CjkEncoding, string> = {
  gb18030: 'shift_jis for Japanese, euc-kr for Korean, big5 for Traditional Chinese',
  shift_jis: 'gb18030 for Chinese, euc-kr for Korean', 'euc-kr': 'gb18030 for Chinese', big5: 'gb18030 for Simplified Chinese',
};

/**
 * What to tell the user about a sniffed legacy encoding: `warn` when the file looks like CJK text that was
 * read as Windows-1252 anyway (its column names and values are likely garbled).
 */
export function legacyEncodingNote(file: string, reading: LegacyReading): { message: string; warn: boolean } | null {
  const { encoding, suspect } = reading;
  if (suspect) {
    return { warn: true, message: `${file} is not valid UTF-8 and looks like ${NAMES[suspect]} text, but not clearly enough to read it so: it was read as Windows-1252, and its names and text are likely garbled. Import it again with --encoding ${suspect} (or ${OTHERS[suspect]}), or re-save it as UTF-8` };
  }
  if (encoding === 'windows-1252') {
    return { warn: false, message: `${file} is not valid UTF-8; read as Windows-1252 (Western European, what Excel on Windows saves). If its text looks wrong, import it again with --encoding naming the file's encoding (latin1, gb18030, shift_jis, euc-kr, big5)` };
  }
  if (encoding in NAMES) {
    const e = encoding as CjkEncoding;
    return { warn: false, message: `${file} is not valid UTF-8; its bytes read as ${NAMES[e]} text, so it was read as ${e}. If its text looks wrong, import it again with --encoding windows-1252 (or ${OTHERS[e]})` };
  }
  return null;
}
