// The base of every column being imported: a fixed-size typed buffer that is appended to the column's
// file whenever it fills, so a 1 GB file never sits in memory. A row's value is first *put* into the
// next slot, then *committed* once the whole row is known to be kept (dropped rows are never written).
import { appendFileSync, closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  columnFileName, type CachedColumn, type ColumnDtype, type ColumnType, type ColumnValues, type InvalidPolicy,
} from '../../common/dataset-cache';
import type { DateFormat } from './datetime';
import type { Validation } from './validation';
import type { FileReading } from './pandas-read';
import type { MissingCells } from './missing-cell-bytes';

const READ_BLOCK_BYTES = 1024 * 1024;
/** One read-back buffer for all columns (finish() runs one column at a time). */
let sharedBlock: Buffer | null = null;

/** A typed view of the first n elements of buf (Buffer.alloc/Buffer.from(large) start at offset 0). */
function view(dtype: ColumnDtype, buf: Buffer, n: number): ColumnValues {
  if (buf.byteOffset % 8 !== 0) buf = Buffer.from(buf);
  return dtype === 'float64' ? new Float64Array(buf.buffer, buf.byteOffset, n) : dtype === 'int32' ? new Int32Array(buf.buffer, buf.byteOffset, n) : new Float32Array(buf.buffer, buf.byteOffset, n);
}

export type ColumnKind = 'number' | 'datetime' | 'boolean' | 'string' | 'vector';

export interface ColumnPlan {
  name: string;
  kind: ColumnKind;
  dtype: ColumnDtype;
  /** The type the user asked for; inference decides otherwise (int vs float, categorical vs text). */
  userType?: ColumnType;
  dateFormat?: DateFormat;
  /** Vector length. */
  dim?: number;
  /** Integer identifiers ("user_id") and codes ("02134"): categorical however many distinct values they have. */
  identifier?: boolean;
  /** Ids written '10717.0': the zero fraction is dropped as values are read, so '10717.0' and '10717' are one category. */
  zeroFraction?: boolean;
  /** Why inference chose this kind when a reader might expect another: an info note for the report. */
  note?: string;
  /** Slashed dates in the order the user forced (--date-order): never re-read day first. */
  orderGiven?: boolean;
  /** Numbers written with a decimal comma ('0,867'; see decimal-comma.ts). */
  decimalComma?: boolean;
  /** Numbers written with thousands separators, '%' or a currency symbol (formatted-number.ts). */
  formatted?: { decimalComma: boolean };
  /** A decimal-comma column whose cells write '.' between thousands: '1.444' is 1444, not 1.444 (dot-reading.ts). */
  dotThousands?: boolean;
  /** Dates with two-digit years ('31/12/20') are not read: the dataset was imported before they were (parse-rules.ts). */
  fourDigitYears?: boolean;
  /** Times on the 12-hour clock ('1:05 PM') are not read: an inferred column of a dataset imported before they were (parse-rules.ts). */
  noTwelveHourTimes?: boolean;
  /** A decimal-comma column typed int reads '1.444' as 1444 (dot-reading.ts); off for datasets imported before (parse-rules.ts). */
  intDotThousands?: boolean;
}

export interface ColumnContext {
  dir: string;
  file: string;
  policy: InvalidPolicy;
  validation: Validation;
  /** Decodes field bytes to a string in the file's encoding. */
  text(buf: Buffer, s: number, e: number): string;
  /** How a delimited file was read, for the pandas lines of the import's advice (pandas-read.ts); absent for other formats. */
  reading?: FileReading;
  /** The cells category, text and boolean columns read as missing (the pandasMissingCells rule's list); absent: pandas' (missing-cell-bytes.ts). */
  missingCells?: MissingCells;
}

export abstract class ColumnWriter {
  /** Committed rows. */
  rows = 0;
  /** The staged value cannot be used (unparsable, NaN/Inf, or missing where a number is needed). */
  bad = false;
  /** The staged value is missing and would be imputed. */
  missing = false;
  /** Values that did not parse as this column's kind (drives re-typing of inferred columns). */
  unparsable = 0;
  unparsableAllNumeric = true;
  firstUnparsable: { line: number; value: string } | null = null;
  protected pos = 0;
  protected arr: ColumnValues;
  protected readonly path: string;
  private readonly imputeRows: number[] = [];
  private readonly imputing: boolean;
  /** Rows the buffer holds. */
  private readonly capacity: number;

  constructor(readonly plan: ColumnPlan, readonly index: number, protected readonly ctx: ColumnContext, capacity: number) {
    this.imputing = ctx.policy === 'impute';
    this.capacity = capacity;
    const n = capacity * (plan.dim ?? 1);
    this.arr = plan.dtype === 'float64' ? new Float64Array(n) : plan.dtype === 'int32' ? new Int32Array(n) : new Float32Array(n);
    this.path = join(ctx.dir, columnFileName(index));
    writeFileSync(this.path, new Uint8Array(0));
  }

  /** Stages the value of field bytes buf[s..e) (`esc`: contains doubled quotes). */
  abstract putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void;
  /** Stages a JS value (JSON Lines, Parquet, Arrow); null/undefined mean missing. */
  abstract putValue(v: unknown, line: number): void;
  /** Stats for the committed slot; called once per kept row. */
  protected abstract observe(slot: number): void;
  /** Writes the column's remaining files and returns its description. */
  abstract finish(): CachedColumn;

  commit(): void {
    if (this.missing && this.imputing) this.imputeRows.push(this.rows);
    this.observe(this.pos);
    this.pos++;
    this.rows++;
    if (this.pos === this.capacity) this.flush();
  }

  protected flush(): void {
    if (this.pos === 0) return;
    const n = this.pos * (this.plan.dim ?? 1);
    appendFileSync(this.path, new Uint8Array(this.arr.buffer, 0, n * this.arr.BYTES_PER_ELEMENT));
    this.pos = 0;
  }

  protected noteUnparsable(line: number, value: string, expected: string): void {
    this.unparsable++;
    if (!this.firstUnparsable) this.firstUnparsable = { line, value };
    if (this.unparsableAllNumeric && !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) this.unparsableAllNumeric = false;
    this.bad = true;
    this.ctx.validation.add('unparsable', this.plan.name, line, value, () => `column '${this.plan.name}': values that are not ${expected}`);
  }

  /**
   * Flushes, then streams the column file back in blocks (memory stays bounded, whatever the file's
   * size): imputed slots are patched and written back in place, and `visit` sees every block.
   */
  protected readBack(imputeWith: number | null, visit?: (values: ColumnValues) => void): void {
    this.flush();
    const patch = imputeWith !== null && this.imputeRows.length > 0;
    if (!patch && !visit) return;
    const dim = this.plan.dim ?? 1;
    const size = this.arr.BYTES_PER_ELEMENT;
    const blockRows = Math.max(1, Math.floor(READ_BLOCK_BYTES / (dim * size)));
    if (!sharedBlock || sharedBlock.length < blockRows * dim * size) sharedBlock = Buffer.alloc(Math.max(READ_BLOCK_BYTES, blockRows * dim * size));
    const buf = sharedBlock;
    const fd = openSync(this.path, patch ? 'r+' : 'r');
    try {
      let next = 0; // index into imputeRows (ascending)
      for (let row0 = 0; row0 < this.rows; row0 += blockRows) {
        const n = Math.min(blockRows, this.rows - row0);
        const bytes = n * dim * size;
        readSync(fd, buf, 0, bytes, row0 * dim * size);
        const values = view(this.plan.dtype, buf, n * dim);
        if (patch) {
          let changed = false;
          while (next < this.imputeRows.length && this.imputeRows[next] < row0 + n) { values[this.imputeRows[next++] - row0] = imputeWith; changed = true; }
          if (changed) writeSync(fd, buf, 0, bytes, row0 * dim * size);
        }
        visit?.(values);
      }
    } finally {
      closeSync(fd);
    }
    if (patch) {
      this.ctx.validation.valuesImputed += this.imputeRows.length;
      this.ctx.validation.addCounted('imputed', this.plan.name, this.imputeRows.length,
        `column '${this.plan.name}': ${this.imputeRows.length.toLocaleString('en-US')} missing or invalid value${this.imputeRows.length === 1 ? '' : 's'} replaced by ${this.plan.kind === 'number' || this.plan.kind === 'datetime' ? `the mean (${imputeWith})` : 'the most frequent value'}`);
    }
  }

  /** The whole column in memory (only for sorting a time column that is out of order). */
  protected readAll(): ColumnValues {
    this.flush();
    const bytes = readFileSync(this.path);
    return view(this.plan.dtype, Buffer.from(bytes), bytes.length / this.arr.BYTES_PER_ELEMENT);
  }

  get imputedCount(): number {
    return this.imputeRows.length;
  }
}

/** An equal-width histogram over finite values, filled block by block. */
export class HistogramBuilder {
  private readonly counts: Float64Array;
  private readonly scale: number;

  constructor(private readonly min: number, private readonly max: number, private readonly bins = 20) {
    this.counts = new Float64Array(max > min ? bins : 1);
    this.scale = max > min ? bins / (max - min) : 0;
  }

  add(values: ArrayLike<number>): void {
    const { min, scale, counts } = this;
    const last = counts.length - 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!(v > -Infinity && v < Infinity)) continue; // NaN fails too
      // stored Float32 values may round just outside the Float64 min/max: clamp
      const b = ((v - min) * scale) | 0;
      counts[b > last ? last : b < 0 ? 0 : b]++;
    }
  }

  result(): { edges: number[]; counts: number[] } {
    const counts = Array.from(this.counts);
    if (!(this.max > this.min)) return { edges: [this.min, this.max], counts };
    const edges = Array.from({ length: this.bins + 1 }, (_, i) => this.min + (i * (this.max - this.min)) / this.bins);
    return { edges, counts };
  }
}
