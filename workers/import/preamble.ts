// Lines before a delimited file's table that are not part of it: Excel's first line 'sep=;' (it names the
// delimiter) and '#' comment lines of logger exports ('# Device: ...'). Read as rows they gave the file one
// column, or a refusal about the header's width. The sniff finds them (sniffPreamble), the import drops their
// bytes before the tokenizer (SkipLines) and starts its line count after them, so every line number it
// reports is still the file's; the count is recorded in the dataset's source (preambleLines).

const LF = 0x0a, CR = 0x0d;

export interface Preamble {
  /** Lines to skip (the sep= line, comment lines and blank lines among them). */
  lines: number;
  /** Byte offset just past them in the sample. */
  bytes: number;
  /** The delimiter a 'sep=X' first line names, else null. */
  sepDelimiter: string | null;
  /** '#' lines among the skipped ones. */
  comments: number;
  /** Where the last comment line starts and ends (its line break excluded), and its 0-based line; null without comments. */
  lastComment: { start: number; end: number; line: number } | null;
}

export const NO_PREAMBLE: Preamble = { lines: 0, bytes: 0, sepDelimiter: null, comments: 0, lastComment: null };

const SEP_LINE = /^"?sep=([^\r\n"])"?[ \t]*$/i;
const COMMENT = /^[ \t]*#/;

/**
 * The preamble of a sample (its BOM already skipped): a first line 'sep=X' when `sepLine`, then lines starting
 * with '#' when `commentLines` (blank lines between them go too). Lines are read plainly: a '#' line is never
 * data, quotes in it included.
 */
export function sniffPreamble(sample: Buffer, wholeFile: boolean, rules: { sepLine: boolean; commentLines: boolean }): Preamble {
  if (!rules.sepLine && !rules.commentLines) return NO_PREAMBLE;
  let pos = 0, lineNo = 0, lines = 0, bytes = 0, comments = 0;
  let sepDelimiter: string | null = null;
  let lastComment: Preamble['lastComment'] = null;
  while (pos < sample.length) {
    let end = pos;
    while (end < sample.length && sample[end] !== LF && sample[end] !== CR) end++;
    if (end >= sample.length && !wholeFile) break; // a cut-off line: not judged
    const next = end < sample.length && sample[end] === CR && sample[end + 1] === LF ? end + 2 : end + 1;
    const line = sample.toString('latin1', pos, end);
    if (lineNo === 0 && rules.sepLine && SEP_LINE.test(line)) {
      sepDelimiter = SEP_LINE.exec(line)![1];
      lines = 1; bytes = Math.min(next, sample.length);
    } else if (rules.commentLines && COMMENT.test(line)) {
      comments++;
      lastComment = { start: pos, end, line: lineNo };
      lines = lineNo + 1; bytes = Math.min(next, sample.length);
    } else if (line.trim() !== '') break;
    pos = next; lineNo++;
  }
  return { lines, bytes, sepDelimiter, comments, lastComment };
}

/** The preamble without its last comment line, which is the file's header row ('# time,temp'): that line is read. */
export function keepingLastComment(p: Preamble): Preamble {
  if (!p.lastComment) return p;
  return { ...p, lines: p.lastComment.line, bytes: p.lastComment.start, comments: p.comments - 1, lastComment: null };
}

/** Drops the first `lines` lines of a stream (LF, CR LF or CR each end one), chunk by chunk. */
export class SkipLines {
  private left: number;
  /** The last dropped line ended in CR: an LF opening the next chunk belongs to it. */
  private afterCr = false;

  constructor(lines: number) {
    this.left = lines;
  }

  push(chunk: Buffer): Buffer {
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk.length > 0 && chunk[0] === LF) i = 1;
    }
    while (this.left > 0 && i < chunk.length) {
      const b = chunk[i++];
      if (b === LF) this.left--;
      else if (b === CR) {
        this.left--;
        if (i < chunk.length) { if (chunk[i] === LF) i++; } else this.afterCr = true;
      }
    }
    return i === 0 ? chunk : chunk.subarray(i);
  }

  /** Whether every preamble line has gone by. */
  get done(): boolean {
    return this.left === 0;
  }
}

/** The import note naming what was skipped. `line` words are 1-based. */
export function preambleNote(p: Preamble, delimiterGiven: boolean): string | undefined {
  const parts: string[] = [];
  if (p.sepDelimiter !== null) {
    const d = p.sepDelimiter === '\t' ? 'tab' : `'${p.sepDelimiter}'`;
    parts.push(`line 1 'sep=${p.sepDelimiter === '\t' ? '\\t' : p.sepDelimiter}' (as Excel writes it) ${delimiterGiven ? `was skipped; the --delimiter given was used instead of ${d}` : `names the delimiter ${d}: used, and the line skipped`}`);
  }
  if (p.comments > 0) {
    const first = p.sepDelimiter !== null ? 2 : 1;
    parts.push(`${p.comments === 1 ? `1 comment line starting with '#'` : `${p.comments} comment lines starting with '#'`} before the ${p.lines > first ? `table (lines ${first}–${p.lines})` : `table (line ${first})`} ${p.comments === 1 ? 'was' : 'were'} skipped; they are not data`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** A refusal's addition when the line it names starts with '#': a comment among the rows, which only leading ones are not. */
export function commentHint(rowText: string): string {
  if (!COMMENT.test(rowText)) return '';
  return ". That line starts with '#': it looks like a comment. Comment lines are skipped only before the header (or first row); remove it from the file, or import with onInvalid 'drop' to drop it";
}
