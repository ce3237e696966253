// Sniffing a delimited text file from its first bytes: the lines before its table (Excel's 'sep=;', '#'
// comments: preamble.ts), the delimiter (a doubled character such as '::' when it splits every line alike,
// else the candidate that splits the sample rows into the most consistent number of fields, else runs of
// spaces when they split every line alike: whitespace-columns.ts), whether one space after each delimiter
// is padding (initial-spaces.ts), whether the first row is a header (header.ts), and the column names.
import { CsvTokenizer } from './csv-tokenizer';
import { hasInitialSpaces, initialSpacesNote } from './initial-spaces';
import { keepingLastComment, preambleNote, sniffPreamble, type Preamble } from './preamble';
import { readSample, type SourceReading } from './source-reading';
import { sniffTitleLines, titleLinesNote } from './title-lines';
import { WHITESPACE, alignedBesideTabs, sniffWhitespaceColumns, tokenDelimiter, whitespaceNote } from './whitespace-columns';
import { detectHeader, type HeaderGuess } from './header';
import type { ParseRules } from '../../common/dataset-cache';
import type { InferRules } from './infer';
import { isSummaryWord } from './summary-rows';
import { detectUnitsRow } from './units-row';

export const DELIMITERS = [',', '\t', ';', '|'];
const SAMPLE_ROWS = 1000;

export interface Sniffed {
  delimiter: string;
  hasHeader: boolean;
  names: string[];
  /** Sample data rows (header excluded) as strings, for type inference. */
  rows: string[][];
  /** When the header guess was a close call: what was decided and how to change it. */
  headerNote?: string;
  /** Lines before the data: 0, 1 (the header) or 2 (the header and a units row). */
  skipLines: number;
  /** What was decided about line 2 when it looked like units under the header (units-row.ts). */
  unitsNote?: string;
  /** Which duplicate header names were renamed. */
  renameNote?: string;
  /** Lines before the table the import skips (sep=, '#' comments); skipLines counts from after them. */
  preambleLines: number;
  /** The spaces after each delimiter are not part of the values (', ' of UCI adult). */
  skipInitialSpace: boolean;
  /** What the reading of the file's lines decided (preamble, whitespace columns, initial spaces), for the import's notes. */
  readingNotes: Array<{ topic: string; text: string }>;
  /**
   * The field count most sampled lines after the table's line 1 (and a skipped units row) have, the share that
   * have it, and how many were sampled: when line 1 is the odd one out, the refusal says so (first-line-shape.ts).
   */
  laterLines: { width: number; share: number; rows: number };
}

/**
 * Tokenizes the sample into at most `limit` rows of strings. A cut-off last row is left out. `reading`: the
 * source's preamble lines and initial spaces, as recorded (a 'whitespace' delimiter is read as such anyway).
 */
export function sampleRows(sample: Buffer, wholeFile: boolean, delimiter: string, text: (b: Buffer, s: number, e: number) => string, file: string, limit = SAMPLE_ROWS, reading: Omit<SourceReading, 'delimiter'> = {}): string[][] {
  const rows: string[][] = [];
  sample = readSample(sample, { ...reading, delimiter });
  delimiter = tokenDelimiter(delimiter);
  const tok = new CsvTokenizer(delimiter.length === 1 ? delimiter.charCodeAt(0) : delimiter, {
    row(buf, starts, ends, escaped, count) {
      const r = new Array<string>(count);
      for (let i = 0; i < count; i++) {
        const s = text(buf, starts[i], ends[i]);
        r[i] = escaped[i] ? s.replaceAll('""', '"') : s;
      }
      rows.push(r);
      return rows.length < limit;
    },
  }, file);
  try {
    tok.push(sample, wholeFile);
  } catch {
    // an unclosed quote inside the sample: judge by the rows before it; the full parse reports it
  }
  return rows;
}

function consistency(rows: string[][]): { width: number; share: number } {
  if (rows.length === 0) return { width: 0, share: 0 };
  const freq = new Map<number, number>();
  for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  let width = 0, best = 0;
  for (const [w, f] of freq) if (f > best || (f === best && w > width)) { width = w; best = f; }
  return { width, share: best / rows.length };
}

/**
 * Characters whose doubling is a delimiter ('::' of MovieLens-1M, '||'). Not ',' or tab: ',,' on every line
 * is far more often an empty column than a delimiter.
 */
const DOUBLED = [':', '|', ';', '#', '~', '^', '!', '@', '$', '%', '&', '*', '+', '='];

/**
 * A doubled character that splits every sampled line into the same number (2 or more) of fields, and on
 * each line appears alone no more often than doubled ('Star Wars: Episode IV' in a '::' file is fine; u.item's
 * one empty field '||' among 23 '|' is not); null when none does. Lines are split plainly (no quotes).
 */
export function sniffDoubledDelimiter(sample: Buffer, wholeFile: boolean): { delimiter: string; width: number } | null {
  const head = sample.toString('latin1', 0, Math.min(sample.length, 256 * 1024)).split(/\r?\n/);
  if (!wholeFile && head.length > 1) head.pop(); // cut off
  const lines = head.filter((l) => l.trim() !== '').slice(0, 200);
  if (lines.length === 0) return null;
  for (const c of DOUBLED) {
    const d = c + c;
    let width = -1;
    const fits = lines.every((l) => {
      const parts = l.split(d);
      if (parts.length < 2 || (width >= 0 && parts.length !== width)) return false;
      width = parts.length;
      const alone = parts.reduce((n, p) => n + p.split(c).length - 1, 0);
      return alone <= parts.length - 1;
    });
    if (fits) return { delimiter: d, width };
  }
  return null;
}

export function sniffDelimiter(sample: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string, preferTab: boolean): string {
  return rankDelimiters(sample, wholeFile, text, file, preferTab).delimiter;
}

/** The sniffed delimiter, whether it split every sampled row alike into 2 or more fields (`consistent`), and into how many. */
function rankDelimiters(sample: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string, preferTab: boolean): { delimiter: string; consistent: boolean; width: number } {
  const doubled = preferTab ? null : sniffDoubledDelimiter(sample, wholeFile);
  let best = preferTab ? '\t' : ',', bestScore = -1, bestWidth = 0;
  const order = preferTab ? ['\t', ',', ';', '|'] : DELIMITERS;
  for (const d of order) {
    if (doubled && d === doubled.delimiter[0]) continue; // '|' splitting 'a||b' gives empty fields, not columns

    const rows = sampleRows(sample, wholeFile, d, text, file, 200);
    const { width, share } = consistency(rows);
    if (width <= 1) continue;
    // consistency first; among equally consistent candidates the one giving more fields
    const score = share;
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && width > bestWidth)) {
      best = d; bestScore = score; bestWidth = width;
    }
  }
  // '::' unless a plain delimiter splits every row into as many fields ('fe80::1' addresses in a CSV column)
  const consistent = bestScore === 1 && bestWidth >= 2;
  if (doubled && !(bestScore === 1 && bestWidth >= doubled.width)) return { delimiter: doubled.delimiter, consistent: true, width: doubled.width };
  return { delimiter: best, consistent, width: bestWidth };
}

/** A header name given to two columns: the later one is renamed (`HULL` -> `HULL_2`). */
export interface Rename {
  from: string;
  to: string;
  /** 1-based position of the renamed column. */
  position: number;
}

export function columnNames(header: string[] | null, width: number, renames: Rename[] = []): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    let name = header?.[i]?.trim() || `column_${i + 1}`;
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      renames.push({ from: name, to: `${name}_${k}`, position: i + 1 });
      name = `${name}_${k}`;
    }
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** The import's note about renamed duplicate names, or undefined. */
function renameNote(renames: Rename[]): string | undefined {
  if (renames.length === 0) return undefined;
  const list = renames.slice(0, 6).map((r) => `'${r.from}' (column ${r.position}) is renamed '${r.to}'`).join(', ') + (renames.length > 6 ? `, and ${renames.length - 6} more` : '');
  return `the header names ${renames.length === 1 ? 'a column' : 'columns'} twice: ${list}, since names must be unique. Rename ${renames.length === 1 ? 'it' : 'them'} in the file to choose ${renames.length === 1 ? 'its name' : 'their names'}, or use the new name${renames.length === 1 ? '' : 's'} in --types, --roles and --target`;
}

/**
 * A whole file sampled: its last rows may be a 'Total'/'Mean' row, which must not decide the first
 * column's type (the full read decides whether it is one: summary-rows.ts).
 */
function withoutTrailingSummary(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 4 && rows[end - 1].length >= 2 && isSummaryWord(rows[end - 1][0])) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

type SniffRules = InferRules & Partial<Pick<ParseRules, 'headerNumberMarks' | 'otherThousands' | 'accountingNegatives' | 'whitespaceColumns' | 'commentLines' | 'sepLine' | 'initialSpaces' | 'titleLines'>>;
type SniffOptions = { delimiter?: string; header?: boolean; preferTab: boolean; summaryRows?: boolean; booleanNames?: boolean; rules?: SniffRules };

/** The header guess's reading of `rows`, with the file's number marks unless the dataset predates that rule. */
function guessHeader(rows: string[][], delimiter: string, opts: SniffOptions): HeaderGuess {
  // without the delimiter the guess reads '12,5' as text, as the importer did before headerNumberMarks: an old
  // headerless ';' file whose row 1 was taken for names then keeps them (its columns are named after them)
  const marks = opts.rules?.headerNumberMarks !== false ? { delimiter: tokenDelimiter(delimiter) } : {};
  return detectHeader(rows, { booleanNames: opts.booleanNames, rules: opts.rules, ...marks });
}

/** ',' ';' or '|' when it splits every line alike once the spaces after it are dropped (', ' of UCI adult, quoted values after it). */
function splitAfterSpaces(body: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string): string | null {
  for (const d of [',', ';', '|']) {
    if (!hasInitialSpaces(sampleRows(body, wholeFile, d, text, file, 200), d)) continue;
    const { width, share } = consistency(sampleRows(body, wholeFile, d, text, file, 200, { skipInitialSpace: true }));
    if (width >= 2 && share === 1) return d;
  }
  return null;
}

/**
 * How the file's lines are read before the header guess: its preamble, its delimiter and whether the spaces
 * after each delimiter are dropped, each only under its rule (a rule left out of an old dataset's record is off:
 * parse-rules.ts), with the notes saying so.
 */
function readingOf(sample: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string, opts: SniffOptions) {
  const on = (rule: 'whitespaceColumns' | 'commentLines' | 'sepLine' | 'initialSpaces' | 'titleLines') => opts.rules?.[rule] !== false;
  let preamble: Preamble = sniffPreamble(sample, wholeFile, { sepLine: on('sepLine'), commentLines: on('commentLines') });
  const notes: Sniffed['readingNotes'] = [];
  let body = sample.subarray(preamble.bytes);
  let delimiter = opts.delimiter ?? preamble.sepDelimiter ?? undefined;
  if (delimiter === undefined) {
    const ranked = rankDelimiters(body, wholeFile, text, file, opts.preferTab);
    delimiter = ranked.delimiter;
    // ', "Lima, Peru"': the quote after the space is not at its field's start, so ',' split the lines unevenly
    const spaced = !ranked.consistent && on('initialSpaces') ? splitAfterSpaces(body, wholeFile, text, file) : null;
    // ',' ';' '|' that split every line alike keep that reading, a tab too unless aligned columns hide
    // behind it (auto-mpg.data); else runs of spaces may split the lines
    const tab = ranked.consistent && ranked.delimiter === '\t';
    const aligned = spaced === null && on('whitespaceColumns') && (!ranked.consistent || tab) ? sniffWhitespaceColumns(body, wholeFile) : null;
    const width = aligned !== null && (!tab || alignedBesideTabs(body, wholeFile, ranked.width, aligned)) ? aligned : null;
    if (spaced !== null) delimiter = spaced;
    else if (width !== null) {
      delimiter = WHITESPACE;
      notes.push({ topic: 'delimiter', text: whitespaceNote(width) });
    }
  }
  if (on('titleLines') && delimiter !== WHITESPACE && preamble.comments === 0) {
    // 'Station: Musterstadt;;;' above the header (title-lines.ts): skipped like a comment, with a note
    const d = delimiter;
    const titles = sniffTitleLines(body, (part, limit) => sampleRows(part, wholeFile || part.length < body.length, d, text, file, limit));
    if (titles) {
      const width = consistency(sampleRows(body.subarray(titles.bytes), wholeFile, d, text, file, 200)).width;
      notes.push({ topic: 'title-lines', text: titleLinesNote(titles, preamble.lines, width) });
      preamble = { ...preamble, lines: preamble.lines + titles.lines, bytes: preamble.bytes + titles.bytes };
      body = sample.subarray(preamble.bytes);
    }
  }
  const last = preamble.lastComment;
  if (last && opts.header !== false) {
    // '# time,temp,hum' over rows of data is the header written as a comment (numpy's savetxt does): read it
    const rows = sampleRows(body, wholeFile, delimiter, text, file, 200);
    const width = consistency(rows).width;
    const named = sampleRows(sample.subarray(last.start, last.end), true, delimiter, text, file, 1)[0] ?? [];
    if (width >= 2 && named.length === width && !guessHeader(rows, delimiter, opts).hasHeader) {
      preamble = keepingLastComment(preamble);
      body = sample.subarray(preamble.bytes);
    }
  }
  const pre = preambleNote(preamble, opts.delimiter !== undefined);
  if (pre) notes.unshift({ topic: 'preamble', text: pre });
  const raw = delimiter !== WHITESPACE && on('initialSpaces') ? sampleRows(body, wholeFile, delimiter, text, file, 200) : [];
  const skipInitialSpace = hasInitialSpaces(raw, delimiter);
  if (skipInitialSpace) notes.push({ topic: 'initial-spaces', text: initialSpacesNote(delimiter, raw.find((r) => r.length >= 2)?.[1]) });
  return { preamble, body, delimiter, skipInitialSpace, notes };
}

/**
 * `summaryRows: false`: a trailing 'Total' row is sampled like any row; `booleanNames: false`: row 1's 'y' or
 * 't' above 0/1 reads as data, as before that rule (both for a dataset imported before the rule: parse-rules.ts);
 * `rules`: the inference's rules, so the header guess types the columns as the import will, and (unless
 * `headerNumberMarks` is false: a dataset imported before that rule) reads them with the file's number marks,
 * as the import reads them (otherThousands, accountingNegatives: '1 234' and '(5)' only when on); and the
 * line readings (sep=, '#' comments, whitespace columns, initial spaces) it may apply.
 */
export function sniffDelimited(sample: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string, opts: SniffOptions): Sniffed {
  const { preamble, body, delimiter, skipInitialSpace, notes } = readingOf(sample, wholeFile, text, file, opts);
  const read = sampleRows(body, wholeFile, delimiter, text, file, SAMPLE_ROWS + 2, { skipInitialSpace });
  const all = wholeFile && read.length < SAMPLE_ROWS + 2 && opts.summaryRows !== false ? withoutTrailingSummary(read) : read;
  // a units row under the names would hide the types below it from the header guess too
  const units = opts.header === false ? null : detectUnitsRow(all, opts.rules?.dashRuns !== false, opts.rules?.pandasMissingCells !== false);
  const guess: HeaderGuess = opts.header === undefined ? guessHeader(units?.skip ? [all[0], ...all.slice(2)] : all, delimiter, opts) : { hasHeader: opts.header };
  const hasHeader = guess.hasHeader;
  const skipLines = hasHeader ? (units?.skip ? 2 : 1) : 0;
  const data = all.slice(skipLines, skipLines + SAMPLE_ROWS);
  const width = hasHeader ? all[0].length : consistency(data).width;
  const renames: Rename[] = [];
  const names = columnNames(hasHeader ? all[0] : null, width, renames);
  const later = all.slice(Math.max(skipLines, 1), Math.max(skipLines, 1) + SAMPLE_ROWS);
  return {
    delimiter, hasHeader, names, rows: data.filter((r) => r.length === width), headerNote: guess.note, skipLines, unitsNote: hasHeader ? units?.note : undefined, renameNote: renameNote(renames),
    preambleLines: preamble.lines, skipInitialSpace, readingNotes: notes, laterLines: { ...consistency(later), rows: later.length },
  };
}
