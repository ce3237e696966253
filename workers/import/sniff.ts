// Sniffing a delimited text file from its first bytes: the delimiter (a doubled character such as '::'
// when it splits every line alike, else the candidate that splits the sample rows into the most
// consistent number of fields), whether the first row is a header (header.ts),
// and the column names.
import { CsvTokenizer } from './csv-tokenizer';
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
}

/** Tokenizes the sample into at most `limit` rows of strings. A cut-off last row is left out. */
export function sampleRows(sample: Buffer, wholeFile: boolean, delimiter: string, text: (b: Buffer, s: number, e: number) => string, file: string, limit = SAMPLE_ROWS): string[][] {
  const rows: string[][] = [];
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
  if (doubled && !(bestScore === 1 && bestWidth >= doubled.width)) return doubled.delimiter;
  return best;
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

/**
 * `summaryRows: false`: a trailing 'Total' row is sampled like any row; `booleanNames: false`: row 1's 'y' or
 * 't' above 0/1 reads as data, as before that rule (both for a dataset imported before the rule: parse-rules.ts);
 * `rules`: the inference's rules, so the header guess types the columns as the import will, and (unless
 * `headerNumberMarks` is false: a dataset imported before that rule) reads them with the file's number marks.
 */
export function sniffDelimited(sample: Buffer, wholeFile: boolean, text: (b: Buffer, s: number, e: number) => string, file: string, opts: { delimiter?: string; header?: boolean; preferTab: boolean; summaryRows?: boolean; booleanNames?: boolean; rules?: InferRules & Partial<Pick<ParseRules, 'headerNumberMarks'>> }): Sniffed {
  const delimiter = opts.delimiter ?? sniffDelimiter(sample, wholeFile, text, file, opts.preferTab);
  const read = sampleRows(sample, wholeFile, delimiter, text, file, SAMPLE_ROWS + 2);
  const all = wholeFile && read.length < SAMPLE_ROWS + 2 && opts.summaryRows !== false ? withoutTrailingSummary(read) : read;
  // a units row under the names would hide the types below it from the header guess too
  const units = opts.header === false ? null : detectUnitsRow(all);
  // without the delimiter the guess reads '12,5' as text, as the importer did before headerNumberMarks: an old
  // headerless ';' file whose row 1 was taken for names then keeps them (its columns are named after them)
  const marks = opts.rules?.headerNumberMarks !== false ? { delimiter } : {};
  const guess: HeaderGuess = opts.header === undefined ? detectHeader(units?.skip ? [all[0], ...all.slice(2)] : all, { booleanNames: opts.booleanNames, rules: opts.rules, ...marks }) : { hasHeader: opts.header };
  const hasHeader = guess.hasHeader;
  const skipLines = hasHeader ? (units?.skip ? 2 : 1) : 0;
  const body = all.slice(skipLines, skipLines + SAMPLE_ROWS);
  const width = hasHeader ? all[0].length : consistency(body).width;
  const renames: Rename[] = [];
  const names = columnNames(hasHeader ? all[0] : null, width, renames);
  return { delimiter, hasHeader, names, rows: body.filter((r) => r.length === width), headerNote: guess.note, skipLines, unitsNote: hasHeader ? units?.note : undefined, renameNote: renameNote(renames) };
}
