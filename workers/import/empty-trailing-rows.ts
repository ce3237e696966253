// Lines of nothing but delimiters at the end of a file (';;;;;;;;;;;;;;;;': UCI's Air Quality file ends with
// 114 of them, as spreadsheets save rows that once held cells). Read as rows they are rows without a time or a
// value: every column counts them as missing, and a forecasting run puts them at the end of its test part,
// filled with the last values. They are held back like a 'Total' row (summary-rows.ts): a row with a value
// after them makes them data again (a gap inside the table stays where it is, and the row numbers pandas
// gives every later row stay right); at the end of the file they are skipped, with a note.

type PutRow = (buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number, line: number) => void;

const EMPTY = Buffer.alloc(0);

export class EmptyTrailingRows {
  private held: Array<{ count: number; line: number }> = [];
  private written = '';

  /** `delimiter`: as the file separates its fields (the note shows a line as written). */
  constructor(private readonly delimiter: string) {}

  /** Holds the row back when it has two fields or more and none holds a character but spaces. */
  hold(buf: Buffer, starts: Int32Array, ends: Int32Array, count: number, line: number): boolean {
    if (count < 2) return false;
    for (let c = 0; c < count; c++) {
      for (let i = starts[c]; i < ends[c]; i++) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
    }
    if (this.held.length === 0) this.written = this.delimiter === 'whitespace' ? '' : this.delimiter.repeat(count - 1);
    this.held.push({ count, line });
    return true;
  }

  get pending(): boolean {
    return this.held.length > 0;
  }

  /** A row with a value follows: the held rows are rows of the table, each of empty cells. */
  release(put: PutRow): void {
    const rows = this.held;
    this.held = [];
    for (const r of rows) {
      const zeros = new Int32Array(r.count);
      put(EMPTY, zeros, zeros, new Uint8Array(r.count), r.count, r.line);
    }
  }

  /** End of file: the held rows are skipped. Returns the note about them, or null. */
  finish(): string | null {
    const n = this.held.length;
    if (n === 0) return null;
    const first = this.held[0].line, last = this.held[n - 1].line;
    const lines = n === 1 ? `line ${first.toLocaleString('en-US')}` : `the last ${n.toLocaleString('en-US')} lines (${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')})`;
    const shown = this.written ? ` ('${this.written.slice(0, 24)}${this.written.length > 24 ? '…' : ''}')` : '';
    this.held = [];
    return `${lines} at the end of the file ${n === 1 ? 'holds' : 'hold'} only delimiters${shown}, no values: skipped; ${n === 1 ? 'it is' : 'they are'} not data`;
  }
}
