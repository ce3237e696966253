// The base of every column being imported: a fixed-size typed buffer that is appended to the column's
// file whenever it fills, so a 1 GB file never sits in memory. A row's value is first *put* into the
// next slot, then *committed* once the whole row is known to be kept (dropped rows are never written).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  columnFileName, type CachedColumn, type ColumnDtype, type ColumnType, type ColumnValues, type InvalidPolicy,
} from '../../common/dataset-cache';
import type { DateFormat } from './datetime';
import type { Validation } from './validation';

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
  /** Integer identifiers ("user_id"): categorical however many distinct values they have. */
  identifier?: boolean;
}

export interface ColumnContext {
  dir: string;
  file: string;
  policy: InvalidPolicy;
  validation: Validation;
  /** Decodes field bytes to a string in the file's encoding. */
  text(buf: Buffer, s: number, e: number): string;
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

  /** Flushes, then reads the whole column back (for histograms and imputation), patching imputed slots. */
  protected readBack(imputeWith: number | null): ColumnValues {
    this.flush();
    const bytes = readFileSync(this.path);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const values: ColumnValues = this.plan.dtype === 'float64' ? new Float64Array(ab) : this.plan.dtype === 'int32' ? new Int32Array(ab) : new Float32Array(ab);
    if (imputeWith !== null && this.imputeRows.length > 0) {
      for (const r of this.imputeRows) values[r] = imputeWith;
      writeFileSync(this.path, new Uint8Array(values.buffer));
      this.ctx.validation.valuesImputed += this.imputeRows.length;
      this.ctx.validation.addCounted('imputed', this.plan.name, this.imputeRows.length,
        `column '${this.plan.name}': ${this.imputeRows.length} missing or invalid values replaced by ${this.plan.kind === 'number' || this.plan.kind === 'datetime' ? `the mean (${imputeWith})` : 'the most frequent value'}`);
    }
    return values;
  }

  get imputedCount(): number {
    return this.imputeRows.length;
  }
}

/** Edges and counts of an equal-width histogram over the finite values. */
export function numericHistogram(values: ArrayLike<number>, min: number, max: number, bins = 20): { edges: number[]; counts: number[] } {
  if (!(max > min)) return { edges: [min, max], counts: [countFinite(values)] };
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (max - min);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let b = Math.floor((v - min) * scale);
    if (b >= bins) b = bins - 1;
    if (b < 0) b = 0;
    counts[b]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + (i * (max - min)) / bins);
  return { edges, counts };
}

function countFinite(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  return n;
}
