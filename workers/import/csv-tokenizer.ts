// A streaming RFC 4180 tokenizer over bytes. It never builds strings: each row is handed over as
// field start/end offsets into the current buffer (quotes already stripped), so numeric columns can be
// parsed straight from bytes. Works for any ASCII-compatible encoding (UTF-8, latin-1); UTF-16 input
// is transcoded to UTF-8 before it gets here.
import { ImportError } from '../../common/dataset-cache';

const QUOTE = 0x22, LF = 0x0a, CR = 0x0d;
/** A row longer than this is almost surely an unclosed quote swallowing the rest of the file. */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

export interface RowSink {
  /**
   * One row. `starts[i]..ends[i]` is field i in `buf`; `escaped[i]` is 1 when the field was quoted and
   * contains doubled quotes ("") that must be unescaped. `line` is the 1-based line the row starts on.
   * Return false to stop tokenizing.
   */
  row(buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number, line: number): boolean | void;
}

export class CsvTokenizer {
  /** Holds the cut-off last row of the previous chunk (its first carryLength bytes). */
  private work: Buffer = Buffer.alloc(0);
  private carryLength = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  /** 1-based line number of the next unconsumed byte. */
  line = 1;
  /**
   * Set for the row being handed to `row()`: the line it ends on (its start line unless a quoted field
   * holds line breaks), and the first quoted field that runs across lines (-1: none) with the line its
   * closing quote is on. A row whose field count is wrong and whose quote spans lines is almost always a
   * stray quote that swallowed the following lines; the importer says so with these.
   */
  rowLastLine = 1;
  spanField = -1;
  spanCloseLine = 0;
  /** Where the row being handed to `row()` starts and ends in its buffer (its line break excluded), to look at its lines as written. */
  rowStart = 0;
  rowEnd = 0;
  private stopped = false;
  private skipLf = false;

  /** 1 for the bytes that end an unquoted field: the delimiter('s first byte), LF and CR (one table load per byte). */
  private readonly stop = new Uint8Array(256);
  private readonly delimiter: number;
  /** A delimiter of several bytes (MovieLens-1M's '::'), else null. */
  private readonly long: Buffer | null;

  /**
   * `delimiter`: a byte, or a string of one or more ASCII characters ('::', '||'). `names`: the header's
   * column names, to name the column of an unclosed quote in its error.
   */
  constructor(delimiter: number | string, private readonly sink: RowSink, private readonly file: string, private readonly names?: readonly string[]) {
    const bytes = typeof delimiter === 'number' ? null : Buffer.from(delimiter, 'utf8');
    this.delimiter = bytes ? bytes[0] : (delimiter as number);
    this.long = bytes && bytes.length > 1 ? bytes : null;
    this.stop[this.delimiter] = 1;
    this.stop[LF] = 1;
    this.stop[CR] = 1;
  }

  /** Feeds the next chunk; `last` marks the end of the input (an unterminated final row is flushed). */
  push(chunk: Buffer, last: boolean): void {
    if (this.stopped) return;
    let buf = chunk;
    if (this.carryLength > 0) {
      // the cut-off row from the previous chunk sits at the front of `work`: append the chunk after it
      const need = this.carryLength + chunk.length;
      if (this.work.length < need) {
        const grown = Buffer.allocUnsafe(Math.max(need, this.work.length * 2));
        this.work.copy(grown, 0, 0, this.carryLength);
        this.work = grown;
      }
      chunk.copy(this.work, this.carryLength);
      buf = this.work.subarray(0, need);
    }
    const consumed = this.scan(buf, last);
    const rest = buf.length - consumed;
    if (last || rest === 0 || this.stopped) { this.carryLength = 0; return; }
    if (rest > MAX_ROW_BYTES) {
      throw new ImportError('row_too_large', `${this.file}, line ${this.line}: one row is longer than ${MAX_ROW_BYTES >> 20} MB; most likely a quote (") opened on that line is never closed`, { file: this.file, line: this.line });
    }
    // keep the cut-off row for the next push, reusing one buffer (no allocation per chunk)
    if (buf === chunk) {
      if (this.work.length < Math.max(rest, chunk.length * 2)) this.work = Buffer.allocUnsafe(Math.max(rest * 2, chunk.length * 2));
      chunk.copy(this.work, 0, consumed);
    } else this.work.copyWithin(0, consumed, buf.length);
    this.carryLength = rest;
  }

  /** Scans complete rows; returns the offset just past the last complete row. */
  private scan(buf: Buffer, last: boolean): number {
    const n = buf.length, d = this.delimiter;
    let pos = 0;
    if (this.skipLf && n > 0) {
      if (buf[0] === LF) pos = 1;
      this.skipLf = false;
    }
    let line = this.line;
    while (pos < n) {
      const rowStart = pos, rowLine = line;
      let count = 0, p = pos, complete = false, spanField = -1, spanClose = 0, lastLine = line, lastEnd = pos;
      for (;;) {
        // one field starting at p
        if (count === this.starts.length) this.grow();
        let fieldEnd: number, esc = 0, fs = p;
        if (p < n && buf[p] === QUOTE) {
          fs = p + 1;
          let q = fs;
          for (;;) {
            q = buf.indexOf(QUOTE, q);
            if (q < 0) break;
            if (q + 1 < n && buf[q + 1] === QUOTE) { esc = 1; q += 2; continue; }
            if (q + 1 >= n && !last) { q = -1; break; } // the next chunk may hold the second quote of ""
            break;
          }
          if (q < 0) {
            if (!last) break; // row continues in the next chunk
            throw this.unclosed(buf, p, line, count);
          }
          const openLine = line;
          line += lineBreaks(buf, p, q);
          if (line > openLine && spanField < 0) { spanField = count; spanClose = line; }
          fieldEnd = q;
          p = q + 1;
          // tolerate junk between the closing quote and the delimiter (like Python's csv): keep it out of the value
          while (p < n && buf[p] !== LF && buf[p] !== CR && (buf[p] !== d || !this.delimiterAt(buf, p, n))) p++;
        } else {
          const stop = this.stop;
          while (p < n && stop[buf[p]] === 0) p++;
          // a long delimiter's first byte alone ('10:30' in a '::' file) is part of the field
          if (this.long) while (p < n && buf[p] === d && !this.delimiterAt(buf, p, n)) { p++; while (p < n && stop[buf[p]] === 0) p++; }
          fieldEnd = p;
        }
        this.starts[count] = fs;
        this.ends[count] = fieldEnd;
        this.escaped[count] = esc;
        count++;
        lastLine = line;
        lastEnd = p;
        if (p >= n) {
          if (last) { complete = true; p = n; }
          break;
        }
        const c = buf[p];
        if (c === d) { p += this.long ? this.long.length : 1; continue; }
        // end of row
        if (c === CR) {
          if (p + 1 < n) { p += buf[p + 1] === LF ? 2 : 1; } else if (last) { p += 1; } else { this.skipLf = true; p += 1; }
        } else p++;
        line++;
        complete = true;
        break;
      }
      if (!complete) { this.line = rowLine; return rowStart; }
      pos = p;
      // blank lines are skipped (pandas does the same); a lone empty field is a blank line
      if (count === 1 && this.starts[0] === this.ends[0] && buf[rowStart] !== QUOTE) { this.line = line; continue; }
      this.line = line;
      this.rowLastLine = lastLine;
      this.spanField = spanField;
      this.spanCloseLine = spanClose;
      this.rowStart = rowStart;
      this.rowEnd = lastEnd;
      if (this.sink.row(buf, this.starts, this.ends, this.escaped, count, rowLine) === false) {
        this.stopped = true;
        return n;
      }
    }
    this.line = line;
    return n;
  }

  /**
   * A quote opened at `at` (on `openLine`, field index `field`) that no quote closes: the rest of the file
   * would be one value. The message names the lines it runs over, so the user sees how much it swallowed.
   */
  private unclosed(buf: Buffer, at: number, openLine: number, field: number): ImportError {
    let end = buf.length;
    // line breaks at the very end close the last line; they start no line of their own
    while (end > at + 1 && (buf[end - 1] === LF || buf[end - 1] === CR)) end--;
    const lastLine = openLine + lineBreaks(buf, at, end);
    const lines = lastLine === openLine ? `line ${openLine}, the last line of the file, reads` : `lines ${openLine}–${lastLine} (to the end of the file) read`;
    const column = this.names && field < this.names.length ? this.names[field] : null;
    return new ImportError('unclosed_quote', `${this.file}, line ${openLine}: the quote (") opening field ${field + 1} is never closed before the end of the file, so ${lines} as one value${column === null ? '' : ` of column '${column}'`}. Close the quote where the value ends, or remove it (a quote inside a value is written as two: "")`, { file: this.file, line: openLine, column });
  }

  /**
   * Whether the whole delimiter starts at p. One cut off by the chunk's end does not: the field then runs
   * to the end of the chunk, so the row is incomplete and is read again with the next chunk.
   */
  private delimiterAt(buf: Buffer, p: number, n: number): boolean {
    const long = this.long;
    if (!long) return true;
    for (let k = 1; k < long.length; k++) {
      if (p + k >= n) return false;
      if (buf[p + k] !== long[k]) return false;
    }
    return true;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const s = new Int32Array(size); s.set(this.starts); this.starts = s;
    const e = new Int32Array(size); e.set(this.ends); this.ends = e;
    const x = new Uint8Array(size); x.set(this.escaped); this.escaped = x;
  }
}

/** Line breaks in buf[from, to): LF, CRLF (once) and a lone CR (old Mac files), as the row ends count them. */
function lineBreaks(buf: Buffer, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = buf[k];
    if (c === LF || (c === CR && (k + 1 >= to || buf[k + 1] !== LF))) breaks++;
  }
  return breaks;
}
