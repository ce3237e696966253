// A datetime column the importer adds once the table is written, composed row by row of columns the file
// has: year/month/day[/hour[/minute]] parts (time-parts.ts) or a date and an hour-of-day number
// (date-hour-time.ts). It is written by the same DatetimeColumn as the file's own datetime columns, so its
// order, gaps and repeats are checked as theirs are; its file goes beside theirs and meta.json is rewritten.
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, columnFileName, type CachedColumn, type DatasetCacheMeta } from '../../common/dataset-cache';
import { DatetimeColumn } from './datetime-column';
import { noteLongFormat } from './table-shape';
import { seriesPerTime } from './repeats-per-time';
import type { Validation } from './validation';

/** Rows read back per block: memory stays bounded whatever the file's length. */
export const BLOCK_ROWS = 1 << 16;

/** The composed column's name: the first of these the file does not use. */
const TIME_NAMES = ['time', 'datetime', 'timestamp', 'time_composed'];

/** The name the composed column gets, or null when the file uses every one of them. */
export function freeTimeName(columns: readonly CachedColumn[]): string | null {
  const taken = new Set(columns.map((c) => c.name.trim().toLowerCase()));
  return TIME_NAMES.find((n) => !taken.has(n)) ?? null;
}

/** A column read back block by block. */
export class BlockReader {
  private readonly fd: number;
  private readonly size: number;
  private buf = Buffer.alloc(0);
  constructor(dir: string, col: CachedColumn) {
    this.fd = openSync(join(dir, col.file), 'r');
    this.size = col.dtype === 'float64' ? 8 : 4;
  }
  /** Rows [row0, row0 + n) as numbers (NaN: missing). */
  read(row0: number, n: number): Float32Array | Float64Array {
    const bytes = n * this.size;
    if (this.buf.length < bytes) this.buf = Buffer.alloc(bytes);
    readSync(this.fd, this.buf, 0, bytes, row0 * this.size);
    const copy = new Uint8Array(this.buf.subarray(0, bytes)).buffer;
    return this.size === 8 ? new Float64Array(copy) : new Float32Array(copy);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Every row of `sources` (column indices), block by block: `each` gets the row's index and its values in that order. */
export function forEachRow(meta: DatasetCacheMeta, dir: string, sources: readonly number[], each: (row: number, values: number[]) => void): void {
  const readers = sources.map((i) => new BlockReader(dir, meta.columns[i]));
  try {
    for (let row0 = 0; row0 < meta.rows; row0 += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, meta.rows - row0);
      const blocks = readers.map((r) => r.read(row0, n));
      for (let r = 0; r < n; r++) each(row0 + r, blocks.map((b) => b[r]));
    }
  } finally {
    for (const r of readers) r.close();
  }
}

/** What to compose: from which columns, how, and what the import's note says about it. */
export interface Composition {
  /** The new column's name (freeTimeName). */
  name: string;
  /** The columns read per row (indices into the table's columns), in the order `compose` gets their values. */
  sources: readonly number[];
  /** Milliseconds since 1970 (UTC) of one row's values, or NaN: that row gets no time. */
  compose(values: readonly number[]): number;
  /** Recorded on the new column as `timeParts`: the lab starts these columns with the role ignore. */
  parts: string[];
  /** The import's note (`first`: the first row's values that gave a time, null when none did; `without`: rows with no time). */
  note(first: readonly number[] | null, without: number): string;
}

/**
 * The table with the composed datetime column appended, its note in the report and meta.json rewritten.
 * `validation`: the import's collector, whose report the table's meta already holds (it is taken again).
 */
export function withTimeColumn(meta: DatasetCacheMeta, dir: string, validation: Validation, c: Composition): DatasetCacheMeta {
  const index = meta.columns.length;
  // missing parts leave the time missing: never imputed (a mean time is no time), whatever the policy
  const ctx = { dir, file: meta.source.fileName, policy: 'drop' as const, validation, text: () => '' };
  const writer = new DatetimeColumn({ name: c.name, kind: 'datetime', dtype: 'float64', dateFormat: 'iso' }, index, ctx, BLOCK_ROWS);
  // messages name a row by its line in a text file with a header (rows dropped at import shift it), else by its number
  const firstLine = meta.source.hasHeader === false || meta.source.hasHeader === undefined ? 1 : 2;
  let without = 0, first: number[] | null = null;
  forEachRow(meta, dir, c.sources, (row, values) => {
    const ms = c.compose(values);
    if (Number.isNaN(ms)) without++;
    else first ??= values;
    writer.putValue(Number.isNaN(ms) ? null : new Date(ms), row + firstLine);
    writer.commit();
  });
  const column: CachedColumn & { timeParts: string[] } = { ...writer.finish(), file: columnFileName(index), timeParts: c.parts };
  const columns = [...meta.columns, column];
  if (writer.repeatsPerTime) noteLongFormat(columns, c.name, seriesPerTime(writer.repeatsPerTime, columns, c.name), validation);
  validation.addCounted('note', c.name, meta.rows - without, c.note(first, without), 'time-parts');
  const out: DatasetCacheMeta = { ...meta, columns, validation: validation.report() };
  writeFileSync(join(dir, META_FILE), JSON.stringify(out));
  return out;
}
