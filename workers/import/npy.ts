// NumPy .npy: a table without a header. A 1-D array [rows] is one column; a 2-D array [rows, C] is C
// columns; both named column_1, column_2, ... as a headerless CSV's are, typed by the dtype (float, int,
// boolean) so a float matrix of 0/1 flags is not guessed into another type. Only an array of 3 or more
// dimensions holds a vector per row: [rows, d1, d2, ...] becomes one vector column of d1*d2*... numbers
// per row (C order). Read in row blocks, never whole; column-major (Fortran) 2-D arrays are read too.
import { closeSync, openSync, readSync } from 'node:fs';
import { ImportError, type ColumnType, type DatasetCacheMeta } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import { withDateOrder } from './date-order';
import { withDayFirst } from './infer';
import type { ImportJob } from './job';
import { dtypeName, readNpyHeader, type NpyHeader } from './npy-header';
import { decodeInto } from './npy-values';
import { parseRulesOf, retypedNow, withExcelDatesRule, withLaterRules } from './parse-rules';
import { missingCellsUnder } from './missing-cell-bytes';
import { inferValues } from './records';
import { columnNames } from './sniff';
import { MAX_COLUMNS, TableWriter } from './table-writer';
import { VectorColumn } from './vector-column';

const BLOCK_BYTES = 2 * 1024 * 1024;
const SAMPLE_ROWS = 1000;
const FLOAT32_EXACT_INT = 2 ** 24;
const count = (n: number) => n.toLocaleString('en-US');

/** How the array's elements lie: `rows` rows of `width` numbers, one column each or one vector (`vector`). */
interface Layout {
  rows: number;
  width: number;
  vector: boolean;
}

function layoutOf(file: string, h: NpyHeader): Layout {
  const [rows, ...rest] = h.shape;
  const width = rest.reduce((a, b) => a * b, 1);
  if (rows === 0 || width === 0) throw new ImportError('no_rows', `${file}: the array is empty (shape (${h.shape.join(', ')}))`, { file });
  const vector = h.shape.length >= 3;
  if (h.fortran && vector && width > 1) {
    throw new ImportError('bad_format', `${file}: the ${h.shape.length}-D .npy array is in Fortran (column-major) order; save it with np.save(path, np.ascontiguousarray(x))`, { file });
  }
  if (!vector && width > MAX_COLUMNS) {
    throw new ImportError('too_many_columns', `${file}: the .npy matrix has ${count(width)} columns; GateLab imports at most ${count(MAX_COLUMNS)}. For embeddings, save it with one vector per row, np.save(path, x[:, None, :]) (shape (${count(rows)}, 1, ${count(width)})): it becomes one vector column`, { file });
  }
  return { rows, width, vector };
}

/** Reads rows [r0, r0+n) into `out` row-major (row r, column k at r*width+k), whatever the file's order. */
class BlockReader {
  private readonly buf: Buffer;
  private readonly tmp: Float64Array;

  constructor(private readonly fd: number, private readonly file: string, private readonly h: NpyHeader, private readonly l: Layout, blockRows: number, private readonly names: string[]) {
    this.buf = Buffer.alloc(blockRows * l.width * h.dtype.size);
    this.tmp = new Float64Array(h.fortran ? blockRows : 0);
  }

  read(r0: number, n: number, out: Float64Array): void {
    const { h, l } = this;
    const size = h.dtype.size;
    if (!h.fortran || l.width === 1) {
      readSync(this.fd, this.buf, 0, n * l.width * size, h.dataOffset + r0 * l.width * size);
      decodeInto(this.buf, n * l.width, h.dtype, out, (i, v) => this.inexact(r0 + Math.floor(i / l.width), i % l.width, v));
      return;
    }
    // column-major: column k's rows lie together, at k*rows
    for (let k = 0; k < l.width; k++) {
      readSync(this.fd, this.buf, 0, n * size, h.dataOffset + (k * l.rows + r0) * size);
      decodeInto(this.buf, n, h.dtype, this.tmp, (i, v) => this.inexact(r0 + i, k, v));
      for (let r = 0; r < n; r++) out[r * l.width + k] = this.tmp[r];
    }
  }

  private inexact(row: number, k: number, v: bigint): never {
    const where = this.l.vector ? `row ${count(row + 1)} of '${this.names[0]}'` : `column '${this.names[k]}', row ${count(row + 1)}`;
    throw new ImportError('bad_format', `${this.file}: ${where} holds ${v}, beyond 2^53, where a number cannot hold every integer: it would be stored rounded. Save ids as strings in a CSV or Parquet file; save amounts as floats (x.astype('float64'))`, { file: this.file, column: this.names[this.l.vector ? 0 : k] });
  }
}

/** The type a column reads as without --types: by dtype. */
function dtypeType(h: NpyHeader, l: Layout): ColumnType {
  if (l.vector) return 'vector';
  return h.dtype.kind === 'float' ? 'float' : h.dtype.kind === 'bool' ? 'boolean' : 'int';
}

/** A user type the column can be read as; otherwise why not and what to do instead. */
function checkUserType(file: string, name: string, type: ColumnType, l: Layout): void {
  if (l.vector && type !== 'vector' && type !== 'categorical' && type !== 'text') {
    throw new ImportError('bad_format', `${file}: column '${name}' holds ${count(l.width)} numbers per row (a vector) and cannot be read as ${type}. To have one ${type} column per number, save the array 2-D: np.save(path, x.reshape(len(x), -1))`, { file, column: name });
  }
  if (!l.vector && type === 'vector') {
    throw new ImportError('bad_format', `${file}: column '${name}' holds one number per row and cannot be read as a vector. To import the matrix as one vector column, save it with one vector per row: np.save(path, x[:, None, :])`, { file, column: name });
  }
}

export function importNpy(job: ImportJob): DatasetCacheMeta {
  const file = job.fileName;
  const fd = openSync(job.path, 'r');
  try {
    const h = readNpyHeader(fd, file, job.totalBytes);
    const rules = parseRulesOf(job.options), retyped = retypedNow(job.options);
    // A dataset imported before npyColumns parses again as it was imported: a 1-D/2-D array as ONE vector
    // column named after the dataset (its runs, roles and splits name that column).
    const oneVector = !rules.npyColumns && h.shape.length <= 2;
    const l = oneVector ? { ...layoutOf(file, { ...h, shape: [h.shape[0], 1, h.shape[1] ?? 1] }), vector: true } : layoutOf(file, h);
    const names = oneVector ? [job.options.name?.trim() || 'vector'] : columnNames(null, l.vector ? 1 : l.width);
    const given = job.options.columnTypes ?? {};
    for (const [name, type] of Object.entries(given)) {
      if (!names.includes(name)) throw new ImportError('bad_format', `${file}: a type was given for column '${name}', which is not in the file (a .npy file's columns are ${names.length > 3 ? `${names[0]} to ${names[names.length - 1]}` : names.join(', ')})`, { file, column: name });
      checkUserType(file, name, type, l);
    }
    const blockRows = Math.max(1, Math.min(l.rows, Math.floor(BLOCK_BYTES / (l.width * 8))));
    const reader = new BlockReader(fd, file, h, l, blockRows, names);
    const values = new Float64Array(blockRows * l.width);
    const cellOf = cellReader(h, l, values);
    const wide = wideIntColumns(job, h, l, reader, blockRows, values);

    // plans from the first rows, as other formats that deliver values: a user type's details (date format) need them
    const sampleRows = Math.min(SAMPLE_ROWS, blockRows);
    reader.read(0, sampleRows, values);
    const plans: ColumnPlan[] = names.map((name, k) => {
      const sample = Array.from({ length: sampleRows }, (_, r) => cellOf(r, k));
      const plan = inferValues(name, sample, given[name] ?? dtypeType(h, l), rules);
      if (plan.kind === 'number' && wide[k]) plan.dtype = 'float64'; // integers beyond 2^24 that float32 would round
      return withDateOrder(withDayFirst(withLaterRules(withExcelDatesRule(plan, rules, retyped), rules, retyped), job.dayFirst), job.options.dateOrder);
    });
    noteShape(job, h, l, names);

    const table = new TableWriter(plans, { dir: job.outDir, file, policy: job.policy, validation: job.validation, text: (b, s, e) => b.toString('utf8', s, e), missingCells: missingCellsUnder(rules.pandasMissingCells) }, job.options.target);
    const cols = table.columns;
    // a vector row goes in as a slice of the block; typed categorical or text, as the list's text
    const vectorCol = cols[0] instanceof VectorColumn ? cols[0] : null;
    for (let r0 = 0; r0 < l.rows; r0 += blockRows) {
      job.checkCancelled();
      const n = Math.min(blockRows, l.rows - r0);
      reader.read(r0, n, values);
      for (let r = 0; r < n; r++) {
        const line = r0 + r + 1;
        if (vectorCol) vectorCol.putRow(values, r * l.width, line);
        else for (let k = 0; k < cols.length; k++) cols[k].putValue(cellOf(r, k), line);
        table.endRow(line);
      }
      job.progress(h.dataOffset + (r0 + n) * l.width * h.dtype.size, table.rows);
    }
    return table.finish({ fileName: file, bytes: job.totalBytes, format: 'npy', encoding: 'utf-8' });
  } finally {
    closeSync(fd);
  }
}

/**
 * Cell (r, k) of the block as a column writer takes it: a number, a boolean (bool arrays), or for a vector
 * column the row's numbers as a plain array (a sample, or a list whose text a categorical column keeps).
 */
function cellReader(h: NpyHeader, l: Layout, values: Float64Array): (r: number, k: number) => unknown {
  if (l.vector) return (r) => Array.from(values.subarray(r * l.width, (r + 1) * l.width));
  if (h.dtype.kind === 'bool') return (r, k) => values[r * l.width + k] !== 0;
  return (r, k) => values[r * l.width + k];
}

/**
 * Integer columns (32- and 64-bit dtypes) holding a value beyond 2^24, which need float64 to stay exact:
 * known only from the whole file, so read once before the import (which also finds 64-bit values past 2^53).
 */
function wideIntColumns(job: ImportJob, h: NpyHeader, l: Layout, reader: BlockReader, blockRows: number, values: Float64Array): boolean[] {
  const wide = new Array<boolean>(l.vector ? 1 : l.width).fill(false);
  if (l.vector || h.dtype.kind === 'float' || h.dtype.kind === 'bool' || h.dtype.size < 4) return wide;
  for (let r0 = 0; r0 < l.rows; r0 += blockRows) {
    job.checkCancelled();
    const n = Math.min(blockRows, l.rows - r0);
    reader.read(r0, n, values);
    for (let i = 0; i < n * l.width; i++) if (Math.abs(values[i]) > FLOAT32_EXACT_INT) wide[i % l.width] = true;
  }
  return wide;
}

/** What the array became, since a .npy file names no columns: said once in the import's report. */
function noteShape(job: ImportJob, h: NpyHeader, l: Layout, names: string[]): void {
  const shape = h.shape.map(count).join(' × ');
  const what = l.vector
    ? `each row's ${h.shape.slice(1).map(count).join(' × ')} values are one vector column '${names[0]}' of ${count(l.width)} numbers (C order)`
    : names.length === 1 ? `one column '${names[0]}'` : `${count(names.length)} columns, ${names[0]} to ${names[names.length - 1]} (a .npy file has no column names)`;
  job.validation.addCounted('note', null, 1, `a ${shape} ${dtypeName(h.dtype)} array: ${what}`, 'npy-shape');
}
