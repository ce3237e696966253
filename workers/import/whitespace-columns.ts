// Columns aligned by runs of spaces (UCI housing.data, auto-mpg.data: `' '.join(f'{v:9.4f}')`, leading spaces
// too). No single character splits such a file: ' ' gives a field per extra space, so it read as one text
// column. The recorded delimiter 'whitespace' means "runs of spaces/tabs separate fields, leading and trailing
// ones are ignored"; the stream is rewritten to tab-separated bytes (WhitespaceToTabs) for the tokenizer,
// keeping quoted values ("chevrolet chevelle malibu") and every line break, so line numbers stay the file's.
import { isUnderlineCell } from './values';
import { CR, LF, QUOTE, QuoteAwareRewriter, SPACE, TAB } from './quoted-bytes';

export const WHITESPACE = 'whitespace';

/** The delimiter the tokenizer splits on: a tab for 'whitespace' (its stream is rewritten), else the delimiter itself. */
export function tokenDelimiter(delimiter: string): string {
  return delimiter === WHITESPACE ? '\t' : delimiter;
}

/**
 * Rewrites whitespace-separated text as tab-separated, chunk by chunk: a run of spaces/tabs between two fields
 * becomes one tab, runs at the start or end of a line vanish. A field that starts with a quote is copied as it
 * is up to its closing quote (spaces, tabs and line breaks included), as the tokenizer then reads it.
 */
export class WhitespaceToTabs extends QuoteAwareRewriter {
  /** The current field started with a quote: a quote right after its closing one is an escaped "" (reopens). */
  private quotedField = false;
  /** Something of a field was written on this line. */
  private lineHasField = false;
  /** Whitespace seen after a field: a tab is due if another field follows on this line. */
  private pendingTab = false;

  protected outsideQuotes(b: number, out: Buffer, o: number): number {
    if (b === SPACE || b === TAB) {
      if (this.lineHasField) this.pendingTab = true;
      return o;
    }
    if (b === LF || b === CR) {
      out[o++] = b;
      this.lineHasField = false; this.pendingTab = false; this.quotedField = false;
      return o;
    }
    if (this.pendingTab || !this.lineHasField) {
      // a new field
      if (this.pendingTab) out[o++] = TAB;
      this.pendingTab = false;
      this.quotedField = b === QUOTE;
      if (this.quotedField) this.open = true;
    } else if (b === QUOTE && this.quotedField) this.open = true;
    this.lineHasField = true;
    out[o++] = b;
    return o;
  }
}

/** The fields of a line split on whitespace runs, quotes respected (as WhitespaceToTabs then the tokenizer do; quotes kept). */
function whitespaceFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    if (line[i] === '"') {
      // to the closing quote ("" inside is an escaped quote), then to the next whitespace
      i++;
      for (;;) {
        while (i < n && line[i] !== '"') i++;
        if (i + 1 < n && line[i + 1] === '"') { i += 2; continue; }
        i++;
        break;
      }
    }
    while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
    fields.push(line.slice(start, i));
  }
  return fields;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The number of fields (2 or more) when every sampled non-blank line (at least 2 of them) splits into that
 * many on runs of spaces/tabs, and some column holds a number on every line but a header; null otherwise
 * (lines of two words, 'Ann Lee', are names, not columns). A quoted value holding a line break is left to
 * other readings.
 */
export function sniffWhitespaceColumns(sample: Buffer, wholeFile: boolean): number | null {
  const lines = sample.toString('latin1', 0, Math.min(sample.length, 256 * 1024)).split(/\r\n|\n|\r/);
  if (!wholeFile && lines.length > 1) lines.pop(); // cut off
  const filled = lines.filter((l) => l.trim() !== '').slice(0, 200);
  if (filled.length < 2) return null;
  const rows = filled.map(whitespaceFields);
  const width = rows[0].length;
  if (width < 2 || rows.some((r) => r.length !== width)) return null;
  // a text table's underline under its header (`-----  ----`) is not a row of numbers (units-row.ts skips it)
  const body = rows.slice(rows.length > 2 && rows[1].every(isUnderlineCell) ? 2 : 1);
  for (let c = 0; c < width; c++) if (body.every((r) => NUMBER.test(r[c]))) return width;
  return null;
}

/**
 * Whether aligned columns hide behind a tab that splits every line alike: auto-mpg.data writes eight columns
 * aligned by spaces, then a tab before the quoted car name, so the tab gives 2 columns of which the first is
 * '18.0   8   307.0 ...'. True when runs of spaces/tabs split every line into more fields (`width`) than the
 * tab does and every line holds a run of 2 or more spaces: a TSV whose values have single spaces
 * ('New York') keeps its tab.
 */
export function alignedBesideTabs(sample: Buffer, wholeFile: boolean, tabWidth: number, width: number | null): boolean {
  if (width === null || width <= tabWidth) return false;
  const lines = sample.toString('latin1', 0, Math.min(sample.length, 256 * 1024)).split(/\r\n|\n|\r/);
  if (!wholeFile && lines.length > 1) lines.pop();
  return lines.filter((l) => l.trim() !== '').slice(0, 200).every((l) => /\S {2,}\S/.test(l));
}

/** The import note saying how the file was split, and how to read it otherwise. */
export function whitespaceNote(width: number): string {
  return `no single character separates the fields: they are aligned by runs of spaces, so the file was read as ${width} columns split on whitespace (leading and trailing spaces ignored). To read it otherwise, import it again with --delimiter (e.g. --delimiter ',')`;
}
