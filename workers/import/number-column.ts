// Numeric columns (datetimes build on them in datetime-column.ts): Float32 (or Float64 for datetimes as epoch seconds and for integers
// beyond 2^24, which Float32 cannot hold exactly). Missing values (NaN included) are kept as NaN and
// infinities as ±Inf, each reported on its own; stats use a shifted sum so that large offsets (timestamps)
// keep an accurate std.
import { MissingCodes, type CodeFinding } from './missing-codes';
import type { CachedColumn, ColumnStats, ColumnType, InvalidPolicy, NumberFormat } from '../../common/dataset-cache';
import { ColumnWriter, HistogramBuilder } from './column-writer';
import { NumberValueCounter } from './number-values';
import { parseDecimalComma } from './decimal-comma';
import type { FileAwarePlan } from './decimal-comma';
import { AMBIGUOUS, DotReadings, NO_DOT, commaFromFileMessage, commaUnprovenMessage, dotRole, readsDecimalComma } from './dot-reading';
import { formattedNote, parseFormatted, type FormattedReading } from './formatted-number';
import { BAD, MISSING, NAN_INF, OK, isDashRun, isPandasOnlyMissing, parseNumber, parseNumberString, parsed } from './values';
import { MissingMarkers } from './missing-markers';

const FLOAT32_MAX = 3.4028234663852886e38;
/** '4,935', '-1,234 €': one comma, after one to three digits (no leading zero) and before exactly three. */
const ONE_COMMA_GROUP = /^[^\d]*[1-9]\d{0,2},\d{3}[^\d.,]*$/;
/** Distinct values counted up to this many (ratings 0.5..5.0 have 10, 1..10 in halves 19). */
const FEW_VALUES = 21;

export class NumberColumn extends ColumnWriter {
  protected count = 0;
  protected min = Infinity;
  protected max = -Infinity;
  private shift = NaN;
  private sum = 0;
  private sumSq = 0;
  private allIntegral = true;
  /** Line of the staged value (datetime checks report it). */
  protected line = 0;
  /** Cells '-', '?' and '---' read as missing (pandas would read them as text: missing-markers.ts). */
  protected readonly markers = new MissingMarkers();
  /**
   * Infinities read ('inf', 1e400, a float ±Infinity), of them numbers beyond the Float32 range, and those
   * in rows kept. They are not missing values: in a kept row one stays ±Infinity, or is replaced like a
   * missing value under 'impute'; the nan_inf issue says which (finish()).
   */
  private infinities = { values: 0, overFloat32: 0, kept: 0 };
  /** What formatted values had removed (thousands separators, '%', currency), for the import's note. */
  private stripped = { values: 0, thousands: 0, percent: 0, parenthesized: 0, unicodeMinus: 0, currency: new Set<string>(), example: '' };
  /** Values with a fraction in a column the user typed int ('1.1'): how many, and the first (finish() warns). */
  private fractionsInInt = { values: 0, line: 0, example: '' };
  /** The distinct values while there are few (null once there are more): half-star ratings are floats of few values. */
  private few: Set<number> | null = new Set();
  /** -9999 and the like far outside the other values: codes for a missing reading? (finish() warns) */
  private readonly codes = new MissingCodes();

  /**
   * The column is the import's target (TableWriter sets it): a row whose target is infinite is dropped like
   * one without a target, and the nan_inf issue alone says so (the row is not also counted as "without a target").
   */
  isTarget = false;

  /** The staged value is ±Infinity (an infinity written, or a number beyond the Float32 range). */
  get stagedInfinite(): boolean {
    const v = this.arr[this.pos];
    return v === Infinity || v === -Infinity;
  }

  /**
   * Values given as text by a source that can hold numbers as numbers (JSON Lines' "3.5", a Parquet string
   * column): their number format is recorded as a text file's is (numberFormat()).
   */
  private textValues = 0;

  /** Whether the column read numbers from text: always for CSV/TSV cells, for other sources when values came as strings. */
  get readNumbersFromText(): boolean {
    return this.textValues > 0;
  }

  /** How many distinct values the column holds when at most 21, else null. */
  get distinctValues(): number | null {
    return this.few?.size ?? null;
  }

  /** Sum and count of the values kept so far (a trailing 'Total' row is checked against them: summary-rows.ts). */
  get keptSum(): { sum: number; count: number } {
    return { sum: this.count > 0 ? this.shift * this.count + this.sum : 0, count: this.count };
  }

  /**
   * What '.' means in each cell of a decimal-comma column, for the column to decide together; in a column of
   * a file that proves neither mark (markUnproven), for the warning on its '1.444' cells. Null for other columns.
   */
  private readonly dots = readsDecimalComma(this.plan) || (this.plan as FileAwarePlan).markUnproven !== undefined ? new DotReadings() : null;

  /** How the rest of the file writes numbers, as the plan was told (decimal-comma.ts). */
  private get filePlan(): FileAwarePlan {
    return this.plan;
  }

  /**
   * Formatted cells read English-style whose comma stood before exactly three digits ('4,935' as 4935), the
   * first of them, and whether a cell proved the reading ('1,234,567', '1,234.5', '12.5').
   */
  private commaGroups = { cells: 0, first: null as { line: number; value: string } | null, proven: false };

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    this.line = line;
    const v = this.plan.decimalComma ? parseDecimalComma(buf, s, e) : parseNumber(buf, s, e);
    // every cell is looked at ('1,000' reads as the whole number 1 with a decimal comma, yet its comma is evidence); dotRole leaves `parsed` as it is
    if (this.dots !== null) {
      const role = dotRole(buf, s, e);
      if (role !== NO_DOT) {
        // counted inline: a closure per cell would allocate on the hot path
        if (this.dots.counts[role]++ === 0) this.dots.first[role] = { line, value: this.ctx.text(buf, s, e).trim() };
        if (role === AMBIGUOUS && this.plan.dotThousands) return this.putThousands(v, buf, s, e);
      } else this.dots.counts[NO_DOT]++; // '543' beside '2.219': whole numbers written '#.##0' (DotReadings.thousands)
    }
    // hot path: a plain number that fits; no strings, no closures
    if (parsed.status === OK && (v <= FLOAT32_MAX && v >= -FLOAT32_MAX || this.plan.dtype !== 'float32')) {
      this.bad = false;
      this.missing = false;
      if (!parsed.integral) { if (this.plan.userType === 'int') this.noteFraction(line, v, this.ctx.text(buf, s, e)); else this.allIntegral = false; }
      else if (buf[s] === 48 && e - s > 1 && buf[s + 1] >= 48 && buf[s + 1] <= 57) return this.leadingZero(line, this.ctx.text(buf, s, e));
      this.arr[this.pos] = v;
      return;
    }
    this.stage(v, parsed.status, line, this.ctx.text(buf, s, e), parsed.integral);
  }

  /** '1.444' as 1444: the column writes '.' between thousands (dot-reading.ts); a whole number of at most six digits, exact. */
  private putThousands(plain: number, buf: Buffer, s: number, e: number): void {
    this.bad = false;
    this.missing = false;
    this.arr[this.pos] = Math.round(plain * 1000);
    // in a column of formatted numbers its note counts the separators removed: this one too
    if (this.plan.formatted) {
      this.stripped.values++;
      this.stripped.thousands++;
      if (!this.stripped.example) this.stripped.example = this.ctx.text(buf, s, e).trim();
    }
  }

  /**
   * The pass read '1.444' against what the whole column says (the sample decided before later cells
   * showed otherwise): the reading the file needs, for the importer to read it again; null when it read them right.
   */
  dotReadingToRedo(): boolean | null {
    // a column that reads '.' as the decimal point whatever its cells say (watched only for the warning) has nothing to redo
    if (!this.dots || this.dots.counts[AMBIGUOUS] === 0 || !readsDecimalComma(this.plan)) return null;
    const thousands = this.dots.thousands(this.filePlan.fileDecimalComma !== undefined, this.plan.intDotThousands) ?? false;
    return thousands === (this.plan.dotThousands ?? false) ? null : thousands;
  }

  /** Line and value of the first whole number written with a leading zero, when that made the column a code. */
  leadingZeroAt: { line: number; value: string } | null = null;

  /**
   * '02134' after a sample of plain whole numbers: a code (zip, FIPS, product code) whose zeros a number
   * would lose. An inferred column is re-read as categorical (see TableWriter.retypes); a typed one reads it.
   */
  private leadingZero(line: number, raw: string): void {
    if (this.plan.userType !== undefined || !this.allIntegral) { this.arr[this.pos] = Number(raw); return; }
    this.leadingZeroAt ??= { line, value: raw.trim() };
    this.arr[this.pos] = NaN;
    this.noteUnparsable(line, raw, 'plain numbers (a leading zero keeps a code\'s digits)');
  }

  putValue(v: unknown, line: number): void {
    this.line = line;
    if (v === null || v === undefined) return this.stage(NaN, MISSING, line, '', false);
    // a NaN float (Parquet, Arrow) is a missing value, as the text cell 'NaN' is (values.ts)
    if (typeof v === 'number') return this.stage(v, Number.isNaN(v) ? MISSING : Number.isFinite(v) ? OK : NAN_INF, line, '', Number.isInteger(v), v);
    if (typeof v === 'bigint') return this.stage(Number(v), OK, line, '', true, v);
    if (typeof v === 'boolean') return this.stage(v ? 1 : 0, OK, line, '', true);
    if (typeof v === 'string') {
      const n = parseNumberString(v);
      if (parsed.status !== MISSING) this.textValues++;
      if (parsed.status === OK && parsed.integral && /^\s*[+-]?0\d/.test(v)) return this.leadingZero(line, v);
      return this.stage(n, parsed.status, line, v, parsed.integral);
    }
    this.stage(NaN, BAD, line, JSON.stringify(v) ?? String(v), false);
  }

  /** `raw` is the value as written (for messages); `original` a JS value to show instead. */
  private stage(v: number, status: number, line: number, raw: string, integral: boolean, original?: unknown): void {
    this.bad = false;
    this.missing = false;
    const text = () => (original !== undefined ? String(original) : raw);
    if (status === OK) {
      if (!integral) this.noteFraction(line, v, text());
      if (this.plan.dtype === 'float32' && (v > FLOAT32_MAX || v < -FLOAT32_MAX)) {
        this.infinities.overFloat32++;
        this.infinite(line, text());
      }
      this.arr[this.pos] = v;
      return;
    }
    // `missing` here means "replaced under 'impute'": an infinity is too, though it is not a missing value
    this.bad = this.missing = true;
    if (status === MISSING) {
      this.arr[this.pos] = NaN;
      this.markers.missing(raw);
    } else if (this.plan.kind === 'number' && !(this.plan as FormattedReading).noDashRuns && isDashRun(raw)) {
      this.arr[this.pos] = NaN;
      this.markers.dashRun(raw);
    } else if (this.plan.kind === 'number' && !(this.plan as FormattedReading).noPandasMissingCells && isPandasOnlyMissing(raw)) {
      this.arr[this.pos] = NaN; // '#NA', '-nan': missing as in pandas, which reads them so too (no note needed)
    } else if (status === NAN_INF) {
      this.arr[this.pos] = v;
      this.infinite(line, text());
    } else if (this.readFormatted(raw, line)) {
      this.bad = this.missing = false;
    } else {
      this.arr[this.pos] = NaN;
      this.noteUnparsable(line, text(), 'numbers');
    }
  }

  /**
   * A value not written as a whole number: the column is not all whole numbers, and in a column typed int
   * a value with a fraction (1.1, not '2.0') is a mismatch to report.
   */
  private noteFraction(line: number, v: number, raw: string): void {
    this.allIntegral = false;
    if (this.plan.userType !== 'int' || Number.isInteger(v)) return;
    const f = this.fractionsInInt;
    if (f.values++ === 0) { f.line = line; f.example = raw.trim(); }
  }

  /** Counts an infinity and keeps its line as an example; finish() writes the message, knowing what became of them. */
  private infinite(line: number, raw: string): void {
    this.bad = this.missing = true;
    this.infinities.values++;
    this.ctx.validation.add('nan_inf', this.plan.name, line, raw, () => '');
  }

  /**
   * '1,619.5', '77%', '$14.05' in a column sniffed as formatted numbers or typed int/float by the user. A
   * column sniffed as plain numbers reads only thousands separators later on (amounts sorted ascending
   * reach 1,000 after the sample); a '%' or currency there would change the scale, so it is re-typed.
   */
  private readFormatted(raw: string, line: number): boolean {
    const { formatted, userType } = this.plan;
    // a dataset imported before spaces/apostrophes and parentheses were read reads its columns as then (parse-rules.ts)
    const f = parseFormatted(raw, formatted?.decimalComma ?? this.plan.decimalComma ?? false, this.plan as FormattedReading);
    if (!f) return false;
    // a later '−1.5' (U+2212) is the number -1.5 like a later '1,000' is 1000: neither changes the scale
    if (!formatted && userType !== 'int' && userType !== 'float' && (!(f.thousands || f.unicodeMinus) || f.percent || f.currency)) return false;
    if (this.filePlan.commaUnproven && f.thousands) {
      const g = this.commaGroups;
      if (ONE_COMMA_GROUP.test(raw)) { if (g.cells++ === 0) g.first = { line, value: raw.trim() }; }
      else g.proven = true;
    }
    const s = this.stripped;
    s.values++;
    if (f.thousands) s.thousands++;
    if (f.parenthesized) s.parenthesized++;
    if (f.unicodeMinus) s.unicodeMinus++;
    if (f.percent) s.percent++;
    if (f.currency) s.currency.add(f.currency);
    if (!s.example) s.example = raw.trim();
    if (!Number.isInteger(f.value)) this.noteFraction(line, f.value, raw);
    this.arr[this.pos] = f.value;
    return true;
  }

  protected observe(slot: number): void {
    const v = this.arr[slot];
    if (!Number.isFinite(v)) {
      if (v === Infinity || v === -Infinity) this.infinities.kept++;
      return; // the missing values are counted from the stored column in finish(), after imputation
    }
    if (this.count === 0) this.shift = v;
    const d = v - this.shift;
    this.count++;
    this.sum += d;
    this.sumSq += d * d;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.plan.kind === 'number') this.codes.observe(v, this.line);
    if (this.few !== null && !this.few.has(v)) {
      this.few.add(v);
      if (this.few.size > FEW_VALUES) this.few = null;
    }
  }

  /**
   * How this column reads a delimited file's cells (or the numbers a JSON Lines or Parquet file gave as text), for the cache meta (an export states it so a consumer
   * reads '1.234' as the importer did). A decimal comma comes from the sniffed or typed plan
   * (decimal-comma.ts) or from formatted numbers read European-style (formatted-number.ts; in a ';' file
   * a column of '1,619.5' is read English-style, so the delimiter alone does not tell).
   */
  numberFormat(): NumberFormat {
    // '13.56%' read as 13.56: a consumer of the export strips the '%' only where the record says so
    const percent = this.stripped.percent > 0 ? { percent: true as const } : {};
    const comma = this.plan.formatted?.decimalComma ?? this.plan.decimalComma ?? false;
    if (!comma) return { decimal: '.', thousands: ',', ...percent };
    // '1.444' read as 1444: the documented rule for decimal ',' reads a cell without a comma as a plain
    // number (1.444), so the record says otherwise for this column
    if (this.plan.dotThousands && this.dots && this.dots.counts[AMBIGUOUS] > 0) return { decimal: ',', thousands: '.', dotsWithoutComma: 'thousands', ...percent };
    return { decimal: ',', thousands: '.', ...percent };
  }

  protected finalType(): ColumnType {
    if (this.plan.userType === 'int' || this.plan.userType === 'float') return this.plan.userType;
    return this.allIntegral && this.count > 0 ? 'int' : 'float';
  }

  /** -9999 and the like far outside the column's other values (the table warns once for all columns: missing-codes-warning.ts). */
  missingCodes(): CodeFinding | null {
    return this.plan.kind === 'number' ? this.codes.finding(this.plan.name, this.numberFormat().decimal === ',') : null;
  }

  protected imputeValue(): number | null {
    return this.ctx.policy === 'impute' && this.count > 0 ? this.mean() : null;
  }

  private mean(): number {
    return this.shift + this.sum / this.count;
  }

  finish(): CachedColumn {
    const has = this.count > 0;
    const histogram = has ? new HistogramBuilder(this.min, this.max) : null;
    const imputeWith = this.imputeValue();
    // what is left missing is counted in the column as stored, after imputation: NaN only (an infinity is no missing value)
    let missing = 0;
    // the distinct values as the trainer will read them: a number column's decide whether a target is regressed;
    // a datetime column's (distinct times, capped like a number's) are what the schema table and `datasets show` print
    const distinct = new NumberValueCounter();
    this.readBack(imputeWith, (values) => {
      histogram?.add(values);
      distinct.add(values);
      for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
    });
    const meanShifted = has ? this.sum / this.count : 0;
    const variance = has ? Math.max(0, this.sumSq / this.count - meanShifted * meanShifted) : 0;
    const stats: ColumnStats = {
      count: this.count, missing,
      min: has ? this.min : null, max: has ? this.max : null,
      mean: has ? this.mean() : null, std: has ? Math.sqrt(variance) : null,
      cardinality: null, topValues: null,
      histogram: histogram?.result() ?? null,
      numbers: distinct.result(),
    };
    if (this.infinities.values > 0) {
      this.ctx.validation.addCounted('nan_inf', this.plan.name, this.infinities.values, infinitiesMessage(this.plan.name, this.infinities, this.ctx.policy, imputeWith !== null, this.isTarget));
    }
    if (this.fractionsInInt.values > 0) this.ctx.validation.warn(this.plan.name, this.fractionsInInt.values, fractionsInIntMessage(this.plan.name, this.fractionsInInt), 'fractions-in-int');
    const markers = this.markers.message(this.plan.name);
    if (markers) this.ctx.validation.addCounted('note', this.plan.name, this.markers.count, markers, 'markers');
    const file = this.filePlan;
    const dots = this.dots?.message(this.plan.name, this.plan.dotThousands ?? false, file.fileDecimalComma, { wholeNumbers: this.plan.intDotThousands, markUnproven: file.markUnproven });
    if (dots) this.ctx.validation.warn(this.plan.name, dots.count, dots.text, 'dots');
    const commas = this.dots && file.commaFromFile && file.fileDecimalComma ? commaFromFileMessage(this.plan.name, this.dots, file.fileDecimalComma) : null;
    if (commas) this.ctx.validation.warn(this.plan.name, commas.count, commas.text, 'commas');
    // a fraction anywhere ('12.5') says the commas group thousands
    const g = this.commaGroups;
    if (g.first && !g.proven && this.allIntegral) {
      const m = commaUnprovenMessage(this.plan.name, g.cells, g.first);
      this.ctx.validation.warn(this.plan.name, m.count, m.text, 'commas');
    }
    const formatted = formattedNote(this.plan.name, this.stripped);
    if (formatted) this.ctx.validation.addCounted('note', this.plan.name, this.stripped.values, formatted, 'formatted');
    return { name: this.plan.name, type: this.finalType(), dtype: this.plan.dtype, dim: 1, stats, file: '' };
  }
}

/**
 * The nan_inf issue of a number column: how many infinities, and what became of them (an infinity is no
 * missing value: the trainer stops at one left in an input, workers/data/finite.ts). Those in rows dropped
 * (policy 'drop', or a row without a target) went with their rows; those kept are replaced by the mean
 * under 'impute' (`imputed`), else stored as ±Infinity. In the `target` column an infinity is no target
 * value: its row goes under 'drop' and 'impute' as a row without a target does, and this message is the
 * only one about those rows (they are not also listed as "rows without a target value").
 */
export function infinitiesMessage(name: string, inf: { values: number; overFloat32: number; kept: number }, policy: InvalidPolicy, imputed: boolean, target = false): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const n = inf.values;
  const o = inf.overFloat32;
  // 1e39 in a Float32 column is no infinity in the file: it is named for what it is
  const what = o === n ? `${count(n)} ${n === 1 ? 'number' : 'numbers'} beyond the Float32 range (±3.4e38)`
    : `${count(n)} infinite value${n === 1 ? '' : 's'}${o === 0 ? '' : ` (${count(o)} of them numbers beyond the Float32 range, ±3.4e38)`}`;
  const gone = n - inf.kept;
  const kept = inf.kept;
  const keptFate = target ? `kept as ±Infinity (fix ${kept === 1 ? 'it' : 'them'} in the file, or import with --on-invalid drop or impute to drop ${kept === 1 ? 'its row' : 'their rows'})`
    : imputed ? 'replaced by the column mean like missing values'
    : `kept as ±Infinity${policy === 'impute' ? ' (the column has no finite value to take a mean of)' : ''}: a run that uses the column as an input stops at ${kept === 1 ? 'it' : 'the first one'} (fix ${kept === 1 ? 'it' : 'them'} in the file${policy === 'reject' ? ', or import with --on-invalid impute or drop' : ''})`;
  const fate = kept === 0 ? `; ${n === 1 ? 'its row was' : 'their rows were'} dropped${target ? ', like rows without a target value' : ''}`
    : gone === 0 ? `, ${keptFate}`
    : `: ${gone === 1 ? '1 in a dropped row' : `${count(gone)} in dropped rows`}, ${count(kept)} ${keptFate}`;
  return `${target ? `target '${name}'` : `column '${name}'`}: ${what}${fate}`;
}

/**
 * "column 'price': typed int, but 3 values have a fraction (e.g. '1.1' at line 5): …". They are kept as
 * written (rounding them would change the data without a word), and the user decides which type is right.
 */
export function fractionsInIntMessage(name: string, f: { values: number; line: number; example: string }): string {
  const n = f.values === 1 ? '1 value has' : `${f.values.toLocaleString('en-US')} values have`;
  return `column '${name}': typed int, but ${n} a fraction (e.g. '${f.example.slice(0, 40)}' at line ${f.line.toLocaleString('en-US')}); they are kept as written, not rounded. `
    + `Set its type to float if the fractions are real, or correct ${f.values === 1 ? 'it' : 'them'} in the file and import it again`;
}
