// Vector columns (embeddings): Float32 [rows * dim]. From .npy arrays of 3 or more dimensions, JSON arrays,
// Arrow/Parquet lists, or a CSV field holding "[0.1, 0.2, ...]".
import type { CachedColumn } from '../../common/dataset-cache';
import { ColumnWriter, HistogramBuilder } from './column-writer';

export class VectorColumn extends ColumnWriter {
  private count = 0;
  private missingCount = 0;
  private min = Infinity;
  private max = -Infinity;
  private sum = 0;
  private sumSq = 0;
  private elements = 0;

  private get dim(): number {
    return this.plan.dim ?? 1;
  }

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    const text = this.ctx.text(buf, s, e).trim();
    if (text === '') return this.putValue(null, line);
    const parts = text.replace(/^\[|\]$/g, '').split(/[,;\s]+/).filter((p) => p !== '');
    const nums = parts.map(Number);
    if (nums.some((n, i) => Number.isNaN(n) && !/^nan$/i.test(parts[i]))) return this.reject(line, text);
    this.putValue(nums, line);
  }

  putValue(v: unknown, line: number): void {
    this.bad = this.missing = false;
    const base = this.pos * this.dim;
    if (v === null || v === undefined) {
      this.bad = this.missing = true;
      this.arr.fill(NaN, base, base + this.dim);
      return;
    }
    const a = v as ArrayLike<number>;
    if (typeof v !== 'object' || typeof a.length !== 'number' || a.length !== this.dim) {
      return this.reject(line, Array.isArray(v) ? `[${v.length} values]` : String(v));
    }
    let finite = true;
    for (let i = 0; i < this.dim; i++) {
      const x = a[i] === null ? NaN : Number(a[i]);
      if (!Number.isFinite(x)) finite = false;
      this.arr[base + i] = x;
    }
    if (!finite) this.noteNonFinite(line);
  }

  /** Stages a row straight from a Float32/Float64 source (the .npy path: a 3-D+ array's row), no per-value boxing. */
  putRow(src: Float32Array | Float64Array, offset: number, line: number): void {
    this.bad = this.missing = false;
    const base = this.pos * this.dim;
    let finite = true;
    for (let i = 0; i < this.dim; i++) {
      const x = src[offset + i];
      if (!Number.isFinite(x)) finite = false;
      this.arr[base + i] = x;
    }
    if (!finite) this.noteNonFinite(line);
  }

  private noteNonFinite(line: number): void {
    this.bad = true;
    this.ctx.validation.add('nan_inf', this.plan.name, line, `row ${line}`, () => `column '${this.plan.name}': vectors containing NaN or infinite values`);
  }

  private reject(line: number, value: string): void {
    this.noteUnparsable(line, value, `vectors of ${this.dim} numbers`);
    this.missing = true;
    const base = this.pos * this.dim;
    this.arr.fill(NaN, base, base + this.dim);
  }

  protected observe(slot: number): void {
    const base = slot * this.dim;
    let finite = true;
    for (let i = 0; i < this.dim; i++) {
      const x = this.arr[base + i];
      if (!Number.isFinite(x)) { finite = false; continue; }
      this.elements++;
      this.sum += x;
      this.sumSq += x * x;
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
    }
    if (finite) this.count++; else this.missingCount++;
  }

  finish(): CachedColumn {
    const has = this.elements > 0;
    const histogram = has ? new HistogramBuilder(this.min, this.max) : null;
    this.readBack(null, histogram ? (v) => histogram.add(v) : undefined);
    const mean = has ? this.sum / this.elements : 0;
    return {
      name: this.plan.name, type: 'vector', dtype: 'float32', dim: this.dim, file: '',
      stats: {
        count: this.count, missing: this.missingCount,
        min: has ? this.min : null, max: has ? this.max : null, mean: has ? mean : null,
        std: has ? Math.sqrt(Math.max(0, this.sumSq / this.elements - mean * mean)) : null,
        cardinality: null, topValues: null, histogram: histogram?.result() ?? null,
      },
    };
  }
}
