// Numbers that stand for "no reading": loggers and agencies write -9999 (the Jena climate file's wind speed,
// many weather and sensor exports), -999, 9999 or 99999 where a value is missing. Read as numbers they are
// valid, so nothing else flags them, yet one of them sets the column's range and scale: a forecasting channel
// or a feature z-scored with a -9999 in it has its real values squeezed around one number. Such a code sits
// far outside the column's other values; the import warns with the code, its count, its first line and how to
// make those cells empty. The values stay as read (the import never guesses that a number is missing).
// UCI's Air Quality file writes -200 for a failed sensor reading: in a column of sensor responses 700..2000,
// -200 is not 5 spans away, yet a negative reading that repeats among readings never below 0 is a code.
import { basename } from 'node:path';
import { pyString } from '../../common/text/python-string';
import { readArguments, writeArguments, type FileReading } from './pandas-read';

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
   * The warning for the codes far outside the other values, or null. `file`: the imported file (for the
   * pandas line); `decimalComma`: the column reads decimal commas (pandas needs decimal=',' to read it);
   * `reading`: how a delimited file was read (its title lines, header, encoding: the pandas line repeats them).
   */
  message(column: string, file: string, decimalComma: boolean, reading?: FileReading): { count: number; text: string; first: { line: number; value: string } } | null {
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
    const count = far.reduce((n, [, s]) => n + s.count, 0);
    const codes = far.map(([, s]) => s.written);
    // the first line of each of several codes (one code's is the issue's example, which the report shows)
    const which = far.map(([c, s]) => `${s.count.toLocaleString('en-US')} ${s.count === 1 ? 'value is' : 'values are'} ${s.written}${far.length > 1 ? ` (first at line ${s.line})` : ''}`).join(', ');
    const range = `${fmt(this.lo)} .. ${fmt(this.hi)}`;
    const name = basename(file);
    const stem = name.replace(/(\.[A-Za-z0-9]+)*$/, '') || 'data';
    // pandas sniffs a separator other than ',' with sep=None; JSON Lines, Parquet and the like get no line
    const plainCsv = /\.csv(\.gz)?$/i.test(name) && !decimalComma && (reading?.delimiter ?? ',') === ',';
    const delimited = /\.(csv|tsv|txt|tab|dat|data)(\.gz)?$/i.test(name);
    const na = `na_values=[${codes.join(', ')}]${readArguments(reading)}`;
    const read = plainCsv ? `pd.read_csv(${pyString(name)}, ${na})` : `pd.read_csv(${pyString(name)}, sep=None, engine='python', ${decimalComma ? "decimal=',', " : ''}${na})`;
    const how = delimited ? `, e.g. pandas \`${read}.to_csv(${pyString(`${stem}_fixed.csv`)}, index=False${writeArguments(reading)})\`` : ' (null in JSON, a missing value in Parquet or Arrow)';
    const text = `column '${column}': ${which}, far outside its other values (${range}): ${far.length === 1 ? 'a code' : 'codes'} for a missing reading, as loggers write them? `
      + `Read as ${far.length === 1 ? 'a number it sets' : 'numbers they set'} the column's range and scale (a forecasting channel or a feature scaled with ${far.length === 1 ? 'it' : 'them'} has its real values squeezed together). `
      + `If ${far.length === 1 ? 'it means' : 'they mean'} "no value", empty those cells and import the file again${how} `
      + '(an empty cell is a missing value: forecasting fills it with the value before it)';
    const [, first] = far[0];
    return { count, text, first: { line: first.line, value: first.written } };
  }
}

/** A range end as the schema writes numbers, short: 0.5, 1002, -13.2. */
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
