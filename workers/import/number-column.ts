// Numeric and datetime columns: Float32 (or Float64 for datetimes as epoch seconds and for integers
// beyond 2^24, which Float32 cannot hold exactly). Missing values and NaN/Inf are kept as NaN/±Inf and
// reported; stats use a shifted sum so that large offsets (timestamps) keep an accurate std.
import type { CachedColumn, ColumnStats, ColumnType } from '../../common/dataset-cache';
import { ColumnWriter, HistogramBuilder } from './column-writer';
import { parseDecimalComma } from './decimal-comma';
import { parseFormatted, strippedDescription } from './formatted-number';
import { TimeSteps } from './time-steps';
import { DayFirstDates, EARLY_EPOCH, parseDatetime, parseIsoBytes, type DateFormat } from './datetime';
import { BAD, MISSING, NAN_INF, OK, isMissingToken, parseNumber, parseNumberString, parsed } from './values';

const FLOAT32_MAX = 3.4028234663852886e38;

export class NumberColumn extends ColumnWriter {
  protected count = 0;
  protected missingCount = 0;
  protected min = Infinity;
  protected max = -Infinity;
  private shift = NaN;
  private sum = 0;
  private sumSq = 0;
  private allIntegral = true;
  /** Line of the staged value (datetime checks report it). */
  protected line = 0;
  /** Cells '-' or '?' read as missing (pandas would read them as text: see finish()). */
  protected markers = 0;
  /** What formatted values had removed (thousands separators, '%', currency), for the import's note. */
  private stripped = { values: 0, thousands: 0, percent: 0, currency: new Set<string>(), example: '' };

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    const v = this.plan.decimalComma ? parseDecimalComma(buf, s, e) : parseNumber(buf, s, e);
    // hot path: a plain number that fits; no strings, no closures
    if (parsed.status === OK && (v <= FLOAT32_MAX && v >= -FLOAT32_MAX || this.plan.dtype !== 'float32')) {
      this.bad = false;
      this.missing = false;
      if (!parsed.integral) this.allIntegral = false;
      this.arr[this.pos] = v;
      return;
    }
    this.stage(v, parsed.status, line, this.ctx.text(buf, s, e), parsed.integral);
  }

  putValue(v: unknown, line: number): void {
    if (v === null || v === undefined) return this.stage(NaN, MISSING, line, '', false);
    if (typeof v === 'number') return this.stage(v, Number.isNaN(v) || !Number.isFinite(v) ? NAN_INF : OK, line, '', Number.isInteger(v), v);
    if (typeof v === 'bigint') return this.stage(Number(v), OK, line, '', true, v);
    if (typeof v === 'boolean') return this.stage(v ? 1 : 0, OK, line, '', true);
    if (typeof v === 'string') {
      const n = parseNumberString(v);
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
      if (!integral) this.allIntegral = false;
      if (this.plan.dtype === 'float32' && (v > FLOAT32_MAX || v < -FLOAT32_MAX)) {
        this.ctx.validation.add('nan_inf', this.plan.name, line, text(), () => `column '${this.plan.name}': numbers beyond the Float32 range (±3.4e38), stored as ±Infinity`);
        this.bad = this.missing = true;
      }
      this.arr[this.pos] = v;
      return;
    }
    this.bad = this.missing = true;
    if (status === MISSING) {
      this.arr[this.pos] = NaN;
      const t = raw.trim();
      if (t === '-' || t === '?') this.markers++;
    } else if (status === NAN_INF) {
      this.arr[this.pos] = v;
      this.ctx.validation.add('nan_inf', this.plan.name, line, text(), () => `column '${this.plan.name}': NaN or infinite values`);
    } else if (this.readFormatted(raw)) {
      this.bad = this.missing = false;
    } else {
      this.arr[this.pos] = NaN;
      this.noteUnparsable(line, text(), 'numbers');
    }
  }

  /**
   * '1,619.5', '77%', '$14.05' in a column sniffed as formatted numbers or typed int/float by the user. A
   * column sniffed as plain numbers reads only thousands separators later on (amounts sorted ascending
   * reach 1,000 after the sample); a '%' or currency there would change the scale, so it is re-typed.
   */
  private readFormatted(raw: string): boolean {
    const { formatted, userType } = this.plan;
    const f = parseFormatted(raw, formatted?.decimalComma ?? this.plan.decimalComma ?? false);
    if (!f) return false;
    if (!formatted && userType !== 'int' && userType !== 'float' && (!f.thousands || f.percent || f.currency)) return false;
    const s = this.stripped;
    s.values++;
    if (f.thousands) s.thousands++;
    if (f.percent) s.percent++;
    if (f.currency) s.currency.add(f.currency);
    if (!s.example) s.example = raw.trim();
    if (!Number.isInteger(f.value)) this.allIntegral = false;
    this.arr[this.pos] = f.value;
    return true;
  }

  protected observe(slot: number): void {
    const v = this.arr[slot];
    if (!Number.isFinite(v)) { this.missingCount++; return; }
    if (this.count === 0) this.shift = v;
    const d = v - this.shift;
    this.count++;
    this.sum += d;
    this.sumSq += d * d;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  protected finalType(): ColumnType {
    if (this.plan.userType === 'int' || this.plan.userType === 'float') return this.plan.userType;
    return this.allIntegral && this.count > 0 ? 'int' : 'float';
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
    this.readBack(this.imputeValue(), histogram ? (v) => histogram.add(v) : undefined);
    const meanShifted = has ? this.sum / this.count : 0;
    const variance = has ? Math.max(0, this.sumSq / this.count - meanShifted * meanShifted) : 0;
    const stats: ColumnStats = {
      count: this.count, missing: this.missingCount - (this.imputeValue() !== null ? this.imputedCount : 0),
      min: has ? this.min : null, max: has ? this.max : null,
      mean: has ? this.mean() : null, std: has ? Math.sqrt(variance) : null,
      cardinality: null, topValues: null,
      histogram: histogram?.result() ?? null,
    };
    if (this.markers > 0) {
      this.ctx.validation.addCounted('note', this.plan.name, this.markers, `column '${this.plan.name}': ${this.markers} cells '-' or '?' read as missing values (in a number column only: pandas would keep them as text and make the whole column text; in category columns they stay categories, as in pandas)`, 'markers');
    }
    const what = strippedDescription(this.stripped);
    if (what) this.ctx.validation.addCounted('note', this.plan.name, this.stripped.values, `column '${this.plan.name}': read as numbers with ${what} removed (e.g. '${this.stripped.example.slice(0, 30)}')`, 'formatted');
    return { name: this.plan.name, type: this.finalType(), dtype: this.plan.dtype, dim: 1, stats, file: '' };
  }
}

/** Datetimes as Float64 epoch seconds, with checks for a time index (duplicates, order). */
export class DatetimeColumn extends NumberColumn {
  private prev = NaN;
  private sorted = true;
  private readonly steps = new TimeSteps();

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    if (this.plan.dateFormat === 'iso') {
      const t = parseIsoBytes(buf, s, e);
      if (!Number.isNaN(t)) {
        this.line = line;
        this.bad = this.missing = false;
        this.arr[this.pos] = t;
        return;
      }
    }
    let str = this.ctx.text(buf, s, e);
    if (esc) str = str.replaceAll('""', '"');
    this.putValue(str, line);
  }

  putValue(v: unknown, line: number): void {
    this.line = line;
    this.bad = this.missing = false;
    let t = NaN;
    if (v === null || v === undefined || (typeof v === 'string' && isMissingToken(v))) {
      this.bad = this.missing = true;
    } else if (v instanceof Date) t = v.getTime() / 1000;
    else if ((typeof v === 'number' || typeof v === 'bigint') && (this.plan.dateFormat === 'yyyymmdd' || this.plan.dateFormat === 'yymmddhh')) t = parseDatetime(String(v), this.plan.dateFormat);
    else if (typeof v === 'number' || typeof v === 'bigint') t = Number(v) / (this.plan.dateFormat === 'epoch-ms' ? 1000 : 1);
    else if (typeof v === 'string') t = parseDatetime(v, this.plan.dateFormat as DateFormat);
    if (!this.bad && Number.isNaN(t)) {
      // month first was only a guess from ambiguous first rows: let the importer re-read day first
      if (this.plan.dateFormat === 'mdy' && typeof v === 'string' && !Number.isNaN(parseDatetime(v, 'dmy'))) throw new DayFirstDates(this.plan.name, line, v.trim());
      this.missing = true;
      this.noteUnparsable(line, typeof v === 'string' ? v : String(v), `dates (format ${this.plan.dateFormat})`);
    }
    this.arr[this.pos] = t;
  }

  protected observe(slot: number): void {
    super.observe(slot);
    const t = this.arr[slot];
    if (Number.isNaN(t)) return;
    const name = this.plan.name;
    // while times increase, a duplicate can only be the previous time; otherwise finish() sorts a copy
    if (t > this.prev && this.sorted) this.steps.add(this.prev, t - this.prev, this.line);
    if (t === this.prev) this.ctx.validation.add('duplicate_time', name, this.line, isoTime(t), () => `column '${name}': the same time appears more than once`);
    else if (t < this.prev) {
      this.sorted = false;
      const prev = this.prev, line = this.line;
      this.ctx.validation.add('unsorted_time', name, line, isoTime(t), () => `column '${name}': times are not in increasing order (first at line ${line}: ${isoTime(t)} after ${isoTime(prev)}). `
        + `As a time index this matters: forecasting reads rows in file order, so windows and the chronological split would mix periods. Sort the file by '${name}' and import it again`);
    }
    this.prev = t;
  }

  finish(): CachedColumn {
    const col = super.finish();
    if (!this.sorted) this.countDuplicatesBySorting();
    const steps = this.sorted ? this.steps.summary(this.plan.name) : null;
    if (steps) this.ctx.validation.addCounted(steps.kind === 'gaps' ? 'time_gaps' : 'note', this.plan.name, steps.count, steps.message, 'steps');
    const f = this.plan.dateFormat;
    if ((f === 'epoch' || f === 'epoch-ms') && this.count > 0 && this.min < EARLY_EPOCH) {
      // 14102100 read as epoch seconds is 1970-06-13: numbers that are not times at all look like this
      this.ctx.validation.addCounted('note', this.plan.name, this.count, `column '${this.plan.name}': read as ${f === 'epoch' ? 'seconds' : 'milliseconds'} since 1970, its times start at ${isoTime(this.min)} (before 1975). If these numbers are not Unix times, set another type (int, categorical); dates written as 20240131 or 14102100 are read as such when every value is one`, 'epoch');
    }
    return col;
  }

  private countDuplicatesBySorting(): void {
    const values = this.readAll() as Float64Array;
    const sorted = values.filter((t) => !Number.isNaN(t)).sort();
    let dups = 0, first = NaN;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) { dups++; if (Number.isNaN(first)) first = sorted[i]; }
    const name = this.plan.name;
    if (dups > 0) this.ctx.validation.addCounted('duplicate_time', name, dups, `column '${name}': the same time appears more than once (${dups} repeats; e.g. ${isoTime(first)})`);
  }

  protected finalType(): ColumnType {
    return 'datetime';
  }

  protected imputeValue(): number | null {
    return null; // a made-up time index would be worse than a reported gap
  }
}

const isoTime = (t: number) => (Number.isFinite(t) && Math.abs(t) < 8.64e12 ? new Date(t * 1000).toISOString() : String(t));
