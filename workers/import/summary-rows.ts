// A summary row at the end of a spreadsheet export: `Total,31743.88,11281.21,…` (or Sum, Average, Mean,
// Grand total), maybe followed by a blank line. Read as data it turns the date column into text and lands
// in the test part of a chronological split with values thousands of times the others (the audit's f5
// file: MSE 5183 instead of 1.18). Like the units row under the header (units-row.ts), it is skipped with
// a note naming its line, and only on strong evidence, so that a real data row is never dropped: the row is
// one of the LAST rows; its first cell is such a word in a column of dates or numbers; every other cell
// it fills is a number that equals its column's sum or mean over the rows above (or, in a category
// column, the summary word again); all of this for each.
// A table of categories (`region,product,channel,sales` ending `Total,,,1234`) ends the same way, but there
// the word could be one more category ('Mean' beside 'Min' and 'Max' in a column of statistics), so more is
// asked: the word is no value of the first column above, and the row either leaves another category column
// empty (or repeats the word there) or holds the sums or means of two number columns, and means alone
// count only over at least 3 rows above (the mean of 'min' and 'max' rows is a real 'mean' row's value too).
import { MISSING, OK, parseNumberString, parsed } from './values';
import type { ColumnWriter } from './column-writer';
import { NumberColumn } from './number-column';
import { StringColumn } from './coded-column';

const SUMMARY_WORD = /^(grand\s+|sub)?(total|totals|sum|sums|average|averages|avg|mean|means)\s*:?$/i;

/** 'Total', 'Grand total', 'Sum', 'Average', 'Mean' (any case, an optional colon). */
export const isSummaryWord = (cell: string) => SUMMARY_WORD.test(cell.trim());

/** A row held back until it is known whether data follows it (then it is data) or not. */
interface HeldRow {
  buf: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  count: number;
  line: number;
}

type PutRow = (buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number, line: number) => void;

/** How a summary cell relates to its column, or null when it is neither the sum nor the mean. */
function aggregateOf(cell: string, column: NumberColumn): 'sum' | 'mean' | null {
  const v = parseNumberString(cell.trim());
  if (parsed.status !== OK) return null;
  const { sum, count } = column.keptSum;
  if (count < 2) return null;
  // the cell is rounded to the decimals it shows; the column's values were stored as float32
  const decimals = /\.(\d+)/.exec(cell)?.[1].length ?? 0;
  const close = (x: number) => Math.abs(v - x) <= 0.5 * 10 ** -decimals + 1e-5 * (Math.abs(x) + 1);
  return close(sum) ? 'sum' : close(sum / count) ? 'mean' : null;
}

export class TrailingSummaryRows {
  private held: HeldRow[] = [];

  /**
   * `columns`: the table's writers; a first column read as dates, numbers or (`underCategories`, off for a
   * dataset imported before: parse-rules.ts) categories can carry a summary word.
   */
  constructor(private readonly columns: readonly ColumnWriter[], private readonly text: (b: Buffer, s: number, e: number) => string, private readonly underCategories = true) {}

  private get eligible(): boolean {
    const first = this.columns[0]?.plan.kind;
    return this.columns.length >= 2 && (first === 'datetime' || first === 'number' || this.categoryFirst);
  }

  /** The first column holds categories (not ids, which are never words like 'Total'). */
  private get categoryFirst(): boolean {
    const first = this.columns[0];
    return this.underCategories && first instanceof StringColumn && !first.plan.identifier;
  }

  /** Holds the row back when its first cell is a summary word (cheap for every other row). */
  hold(buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, count: number, line: number): boolean {
    const s = starts[0], len = ends[0] - s;
    if (len < 3 || len > 16 || !this.eligible) return false;
    const c = buf[s] | 0x20; // first letter, lower-cased: total, sum, subtotal, average, avg, mean, grand
    if (c !== 0x74 && c !== 0x73 && c !== 0x61 && c !== 0x6d && c !== 0x67) return false;
    if (!isSummaryWord(this.text(buf, s, ends[0]))) return false;
    const from = s, to = ends[count - 1];
    this.held.push({
      buf: Buffer.from(buf.subarray(from, to)), count, line,
      starts: starts.slice(0, count).map((x) => x - from), ends: ends.slice(0, count).map((x) => x - from), escaped: escaped.slice(0, count),
    });
    return true;
  }

  /** A data row follows: the held rows were not the last ones, so they are data. */
  release(put: PutRow): void {
    if (this.held.length === 0) return;
    const rows = this.held;
    this.held = [];
    for (const r of rows) put(r.buf, r.starts, r.ends, r.escaped, r.count, r.line);
  }

  /**
   * End of file: held rows whose every filled cell is its column's sum or mean are skipped; the others are
   * data (put in file order). Returns the note about the skipped rows, or null.
   */
  finish(put: PutRow): string | null {
    const skipped: Array<{ line: number; word: string; kinds: Set<string> }> = [];
    for (const r of this.held) {
      const kinds = this.aggregates(r);
      if (kinds) skipped.push({ line: r.line, word: this.text(r.buf, r.starts[0], r.ends[0]).trim(), kinds });
      else put(r.buf, r.starts, r.ends, r.escaped, r.count, r.line);
    }
    this.held = [];
    if (skipped.length === 0) return null;
    const lines = skipped.map((s) => s.line);
    const kinds = new Set(skipped.flatMap((s) => [...s.kinds]));
    const what = [kinds.has('sum') ? 'sums' : '', kinds.has('mean') ? 'means' : ''].filter(Boolean).join(' and ');
    const one = skipped.length === 1;
    return `line${one ? '' : 's'} ${lines.join(', ')} ${one ? 'looks like a summary row' : 'look like summary rows'} (${skipped.map((s) => `'${s.word.slice(0, 20)}'`).join(', ')} with the ${what} of the columns above): skipped; ${one ? 'it is' : 'they are'} not data`;
  }

  /**
   * The aggregates a held row's cells are ('sum', 'mean'), or null when any filled cell is not one (a
   * category cell may repeat a summary word), or when a row under categories lacks the evidence asked above.
   */
  private aggregates(r: HeldRow): Set<string> | null {
    if (r.count !== this.columns.length) return null;
    const kinds = new Set<string>();
    let numbers = 0, categoriesLeft = 0, meanOver = Infinity;
    for (let c = 1; c < r.count; c++) {
      let cell = this.text(r.buf, r.starts[c], r.ends[c]);
      if (r.escaped[c]) cell = cell.replaceAll('""', '"');
      const col = this.columns[c];
      const category = col instanceof StringColumn;
      parseNumberString(cell.trim());
      if (cell.trim() === '' || parsed.status === MISSING || (category && this.underCategories && isSummaryWord(cell))) {
        if (category) categoriesLeft++;
        continue;
      }
      if (col.plan.kind !== 'number' || !(col instanceof NumberColumn)) return null; // text or a date beside 'Total': data
      const kind = aggregateOf(cell, col);
      if (!kind) return null;
      kinds.add(kind);
      if (kind === 'mean') meanOver = Math.min(meanOver, col.keptSum.count);
      numbers++;
    }
    if (kinds.size === 0) return null;
    if (this.categoryFirst) {
      const word = this.text(r.buf, r.starts[0], r.ends[0]);
      if ((this.columns[0] as StringColumn).has(word) || (categoriesLeft === 0 && numbers < 2)) return null;
      // means of two rows: 'mean' under 'min' and 'max' in a tiny table of statistics is their mean by nature
      if (categoriesLeft === 0 && !kinds.has('sum') && meanOver < 3) return null;
    }
    return kinds;
  }
}
