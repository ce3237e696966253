// Numbers that stand for "no reading": loggers and agencies write -9999 (the Jena climate file's wind speed,
// many weather and sensor exports), -999, 9999 or 99999 where a value is missing. Read as numbers they are
// valid, so nothing else flags them, yet one of them sets the column's range and scale: a forecasting channel
// or a feature z-scored with a -9999 in it has its real values squeezed around one number. Such a code sits
// far outside the column's other values; the import warns with the code, its count, its first line and how to
// make those cells empty (missing-codes-warning.ts: one warning for all the columns that have them). The values
// stay as read (the import never guesses that a number is missing).
// UCI's Air Quality file writes -200 for a failed sensor reading: in a column of sensor responses 700..2000,
// -200 is not 5 spans away, yet a negative reading that repeats among readings never below 0 is a code.

/**
 * Codes for "missing" as written in data files: all nines, with or without a decimal part, either sign. Keyed
 * by the code and by its Float32 rounding too: a float column stores -999.9 as -999.9000244…, which is the
 * value observe() sees, and the message names the code as written (-999.9).
 */
const CODES = new Map([99, 999, 9999, 99999, 999999, 99.9, 999.9, 9999.9, 99.99, 999.99, 9999.99]
  .flatMap((c) => [c, -c]).concat([-200]).flatMap((c) => [[c, c], [Math.fround(c), c]] as Array<[number, number]>));
/** A code is flagged when it lies this many times the other values' span (or size) beyond them. */
const FAR = 5;
/**
 * A code written more than once is flagged nearer: this many spans beyond the other values, or anywhere below
 * them when it is negative and they never are (Air Quality's -200 among sensor responses 700..2000).
 */
const FAR_REPEATED = 2;
/** Other values a column needs before its range says what "far outside" is. */
const MIN_OTHERS = 10;

interface Seen { count: number; line: number; written: string }

/** One column's codes far outside its other values: each as written, with its count and first line. */
export interface CodeFinding {
  column: string;
  decimalComma: boolean;
  codes: Seen[];
  /** The other values' range, as the message shows it ('700 .. 1292'). */
  range: string;
}

export class MissingCodes {
  /** Made at the first code: a table of 100,000 columns builds no map per column. */
  private codes: Map<number, Seen> | null = null;
  private others = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** One finite value of the column, on `line`. */
  observe(v: number, line: number): void {
    // most values are no code: two comparisons before the set (this runs for every number cell)
    if ((v > -99 && v < 99) || !CODES.has(v)) {
      this.others++;
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
      return;
    }
    this.codes ??= new Map();
    const s = this.codes.get(v);
    if (s) s.count++;
    else this.codes.set(v, { count: 1, line, written: String(CODES.get(v)) });
  }

  /**
   * The codes far outside the other values (in the order of their first line), or null. `decimalComma`: the
   * column reads decimal commas (the pandas line then needs decimal=','). missing-codes-warning.ts words it.
   */
  finding(column: string, decimalComma: boolean): CodeFinding | null {
    if (this.codes === null || this.others < MIN_OTHERS) return null;
    // the other values' span (a constant column: its size), and each code's distance beyond them (inside: negative)
    const span = this.hi > this.lo ? this.hi - this.lo : Math.max(Math.abs(this.hi), 1);
    const beyond = (c: number) => (c < this.lo ? this.lo - c : c - this.hi);
    const isFar = (c: number, s: Seen) => beyond(c) > FAR * span
      || (s.count >= 2 && (beyond(c) > FAR_REPEATED * span || (c < 0 && this.lo >= 0)));
    // a code in most rows is flagged only beside readings that vary (Air Quality's NMHC(GT): -200 in 90% of its
    // rows, a sensor mostly off); beside one repeated value it may be one of two flags
    const far = [...this.codes.entries()].filter(([c, s]) => (s.count < this.others || this.hi > this.lo) && isFar(c, s));
    if (far.length === 0) return null;
    far.sort((a, b) => a[1].line - b[1].line);
    return { column, decimalComma, codes: far.map(([, s]) => ({ ...s })), range: `${fmt(this.lo)} .. ${fmt(this.hi)}` };
  }
}

/** A range end as the schema writes numbers, short: 0.5, 1002, -13.2. */
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
