// .npy files as tables: a 1-D array is one column, a 2-D array [rows, C] C columns (column_1..), typed by
// dtype; only 3-D and up hold a vector per row. Values come back exactly from the cache, and a forecasting
// run on a matrix reads column k as matrix[:, k] (an earlier importer handed it the flattened matrix).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetCache } from '../../main/lab/import/cache-io';
import { labDatasetRun } from '../data/run-data';
import { readDatasetCache } from '../data/cache';
import { rangeBatch } from '../run/run-data';
import { runImport } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-npy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;
const put = (name: string, data: Uint8Array) => { const p = join(tmp, name); writeFileSync(p, data); return p; };
const out = () => join(tmp, `out${seq++}`);
const values = (dir: string, column: string) => Array.from(openDatasetCache(dir).column(column).values);

/** A .npy file as np.save writes it (version 1.0, header padded to 64 bytes). */
function npy(descr: string, shape: number[], data: ArrayBufferView, fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = 10 + header.length + 1;
  header = header.padEnd(header.length + ((64 - (total % 64)) % 64), ' ') + '\n';
  const pre = Buffer.alloc(10);
  pre[0] = 0x93; pre.write('NUMPY', 1, 'latin1'); pre[6] = 1; pre[7] = 0; pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

/** matrix[r][k] of a rows x cols matrix stored row-major in `flat`. */
const column = (flat: ArrayLike<number>, cols: number, k: number) => Array.from({ length: flat.length / cols }, (_, r) => flat[r * cols + k]);

describe('.npy import as a table', () => {
  it('a 1-D float32 array is one float column with the exact values', async () => {
    const x = Float32Array.from({ length: 50 }, (_, i) => Math.sin(i) * 100);
    const dir = out();
    const r = await runImport(put('series.npy', npy('<f4', [50], x)), dir, {});
    expect(r.columns.map((c) => [c.name, c.type])).toEqual([['column_1', 'float']]);
    expect(r.rows).toBe(50);
    expect(values(dir, 'column_1')).toEqual(Array.from(x));
  });

  it('a 2-D float32 matrix is one float column per matrix column, column k = matrix[:, k]', async () => {
    const rows = 2000, cols = 6;
    // column 6 holds 0/1 flags: still float, as the dtype says
    const m = Float32Array.from({ length: rows * cols }, (_, i) => (i % cols === 5 ? (i >> 3) & 1 : Math.fround((i % cols) * 1000 + Math.floor(i / cols) + 0.25)));
    const dir = out();
    const r = await runImport(put('matrix.npy', npy('<f4', [rows, cols], m)), dir, {});
    expect(r.rows).toBe(rows);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['column_1:float', 'column_2:float', 'column_3:float', 'column_4:float', 'column_5:float', 'column_6:float']);
    for (let k = 0; k < cols; k++) expect(values(dir, `column_${k + 1}`)).toEqual(column(m, cols, k));
    expect(r.validation.issues).toContainEqual(expect.objectContaining({ kind: 'note', message: 'a 2,000 × 6 float32 array: 6 columns, column_1 to column_6 (a .npy file has no column names)' }));
  });

  it('a dataset imported before the columns rule parses again as it was: one vector column named after it', async () => {
    // a type change or a cache rebuild re-reads the stored file under the rules its import recorded
    const rows = 5, cols = 3;
    const m = Float32Array.from({ length: rows * cols }, (_, i) => i + 0.5);
    const dir = out();
    const r = await runImport(put('old.npy', npy('<f4', [rows, cols], m)), dir, { name: 'emb', parseRules: { excelDates: true } } as never);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['emb:vector']);
    expect(values(dir, 'emb')).toEqual(Array.from(m));
    const again = await runImport(put('new.npy', npy('<f4', [rows, cols], m)), out(), { name: 'emb', parseRules: { excelDates: true, npyColumns: true } } as never);
    expect(again.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
  });

  it('float64 values are stored as float32, as numbers from every format are', async () => {
    const m = Float64Array.from({ length: 3 * 2 }, (_, i) => 1 / (i + 1));
    const dir = out();
    await runImport(put('f64.npy', npy('<f8', [3, 2], m)), dir, {});
    expect(values(dir, 'column_1')).toEqual(column(m, 2, 0).map(Math.fround));
    expect(values(dir, 'column_2')).toEqual(column(m, 2, 1).map(Math.fround));
  });

  it('integer and boolean arrays give int and boolean columns; integers past 2^24 stay exact', async () => {
    const i32 = Int32Array.from([1, -2, 3, 40_000_001, 5, -6]);
    const dir = out();
    const r = await runImport(put('i32.npy', npy('<i4', [3, 2], i32)), dir, {});
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.dtype}`)).toEqual(['column_1:int:float32', 'column_2:int:float64']);
    expect(values(dir, 'column_2')).toEqual([-2, 40_000_001, -6]);

    const i64 = BigInt64Array.from([7n, 2n ** 40n + 1n, -9n]);
    const dir64 = out();
    await runImport(put('i64.npy', npy('<i8', [3], i64)), dir64, {});
    expect(values(dir64, 'column_1')).toEqual([7, 2 ** 40 + 1, -9]);

    const u8 = Uint8Array.from([0, 255, 17, 3]);
    const dirU = out();
    const ru = await runImport(put('u8.npy', npy('|u1', [2, 2], u8)), dirU, {});
    expect(ru.columns.map((c) => c.type)).toEqual(['int', 'int']);
    expect(values(dirU, 'column_2')).toEqual([255, 3]);

    const dirB = out();
    const rb = await runImport(put('b.npy', npy('|b1', [4], Uint8Array.from([1, 0, 0, 1]))), dirB, {});
    expect(rb.columns[0].type).toBe('boolean');
    expect(values(dirB, 'column_1')).toEqual([1, 0, 0, 1]);
  });

  it('refuses a 64-bit integer a number cannot hold, naming the column and row', async () => {
    const big = BigInt64Array.from([1n, 2n, 3n, 2n ** 60n + 1n]);
    await expect(runImport(put('ids.npy', npy('<i8', [2, 2], big)), out(), {})).rejects.toMatchObject({
      code: 'bad_format', message: `ids.npy: column 'column_2', row 2 holds ${2n ** 60n + 1n}, beyond 2^53, where a number cannot hold every integer: it would be stored rounded. Save ids as strings in a CSV or Parquet file; save amounts as floats (x.astype('float64'))`,
    });
  });

  it('reads column-major (Fortran) and big-endian matrices as the same table', async () => {
    const rows = 5, cols = 3;
    const m = Float32Array.from({ length: rows * cols }, (_, i) => i + 0.5);
    const fortran = Float32Array.from({ length: rows * cols }, (_, j) => m[(j % rows) * cols + Math.floor(j / rows)]);
    const dirF = out();
    await runImport(put('f.npy', npy('<f4', [rows, cols], fortran, true)), dirF, {});
    const be = Buffer.alloc(rows * cols * 4);
    m.forEach((v, i) => be.writeFloatBE(v, i * 4));
    const dirB = out();
    await runImport(put('be.npy', npy('>f4', [rows, cols], be)), dirB, {});
    for (let k = 0; k < cols; k++) {
      expect(values(dirF, `column_${k + 1}`)).toEqual(column(m, cols, k));
      expect(values(dirB, `column_${k + 1}`)).toEqual(column(m, cols, k));
    }
  });

  it('a 3-D array [rows, a, b] is one vector column of a*b numbers per row', async () => {
    const m = Float32Array.from({ length: 4 * 2 * 3 }, (_, i) => i * 0.5);
    const dir = out();
    const r = await runImport(put('emb.npy', npy('<f4', [4, 2, 3], m)), dir, {});
    expect(r.columns).toEqual([expect.objectContaining({ name: 'column_1', type: 'vector', dim: 6 })]);
    expect(values(dir, 'column_1')).toEqual(Array.from(m));
    // typed text, a row is its list (what the schema table offers a vector column besides vector)
    const dirT = out();
    const t = await runImport(put('emb-text.npy', npy('<f4', [4, 2, 3], m)), dirT, { columnTypes: { column_1: 'text' } });
    expect(t.columns[0].type).toBe('text');
    expect(openDatasetCache(dirT).column('column_1').dictionary![0]).toBe('[0,0.5,1,1.5,2,2.5]');
    await expect(runImport(put('emb2.npy', npy('<f4', [4, 2, 3], m)), out(), { columnTypes: { column_1: 'float' } })).rejects.toMatchObject({
      message: "emb2.npy: column 'column_1' holds 6 numbers per row (a vector) and cannot be read as float. To have one float column per number, save the array 2-D: np.save(path, x.reshape(len(x), -1))",
    });
  });

  it('applies --types to a matrix column and refuses types for columns the file does not have', async () => {
    const m = Float32Array.from([1, 0.5, 2, 1.5, 1, 2.5]);
    const dir = out();
    const r = await runImport(put('t.npy', npy('<f4', [3, 2], m)), dir, { columnTypes: { column_1: 'categorical' } });
    expect(r.columns.map((c) => c.type)).toEqual(['categorical', 'float']);
    expect(openDatasetCache(dir).column('column_1').dictionary).toEqual(['1', '2']);
    await expect(runImport(put('t2.npy', npy('<f4', [3, 2], m)), out(), { columnTypes: { m2: 'float' } })).rejects.toMatchObject({
      code: 'bad_format', message: "t2.npy: a type was given for column 'm2', which is not in the file (a .npy file's columns are column_1, column_2)",
    });
    await expect(runImport(put('t3.npy', npy('<f4', [3, 2], m)), out(), { columnTypes: { column_2: 'vector' } })).rejects.toMatchObject({
      message: expect.stringContaining("column 'column_2' holds one number per row and cannot be read as a vector. To import the matrix as one vector column, save it with one vector per row: np.save(path, x[:, None, :])"),
    });
  });

  it('explains arrays it does not read', async () => {
    await expect(runImport(put('s.npy', npy('<U5', [2], new Uint8Array(40))), out(), {})).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(/holds strings \(dtype '<U5'\)/) });
    await expect(runImport(put('h.npy', npy('<f2', [2], new Uint16Array(2))), out(), {})).rejects.toMatchObject({ message: expect.stringMatching(/16-bit floats.*astype\('float32'\)/) });
    await expect(runImport(put('e.npy', npy('<f4', [0, 3], new Float32Array(0))), out(), {})).rejects.toMatchObject({ code: 'no_rows' });
    const full = npy('<f4', [100, 2], new Float32Array(200));
    await expect(runImport(put('cut.npy', full.subarray(0, full.length - 10)), out(), {})).rejects.toMatchObject({ message: expect.stringMatching(/truncated \.npy file/) });
    await expect(runImport(put('wide.npy', npy('<f4', [1, 20_001], new Float32Array(20_001))), out(), {})).rejects.toMatchObject({
      code: 'too_many_columns', message: expect.stringContaining('np.save(path, x[:, None, :]) (shape (1, 1, 20,001)): it becomes one vector column'),
    });
  });
});

describe('forecasting on a .npy matrix', () => {
  it('trains on column k as matrix[:, k], not on the flattened matrix', async () => {
    const rows = 300, cols = 3;
    // each column its own series, far apart, so a read across columns shows at once
    const m = Float32Array.from({ length: rows * cols }, (_, i) => Math.fround((i % cols) * 100 + Math.sin(Math.floor(i / cols) / (3 + (i % cols)))));
    const dir = out();
    await runImport(put('fc.npy', npy('<f4', [rows, cols], m)), dir, {});
    const meta = readDatasetCache(dir).meta;
    const roles: Record<string, string> = { column_1: 'feature', column_2: 'target', column_3: 'feature' };
    const columns = meta.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name], modality: null }));
    const run = labDatasetRun({ cacheDir: dir, family: 'forecasting', columns }, { model: { template: 'dlinear', lookback: 24, horizon: 6 }, data: {} });
    expect(run.model).toMatchObject({ channels: 3 });
    const trainRows = Math.round(rows * 0.7); // the default chronological split: the first 70% of the rows train
    const x = rangeBatch(run.data.train, 0, 1).x;
    expect(x.dims).toEqual([1, 24, 3]);
    for (let k = 0; k < cols; k++) {
      const series = column(m, cols, k);
      const train = series.slice(0, trainRows);
      const mean = train.reduce((a, b) => a + b, 0) / train.length;
      const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
      const seen = Array.from({ length: 24 }, (_, t) => x.data[t * cols + k] as number);
      seen.forEach((v, t) => expect(v).toBeCloseTo((series[t] - mean) / std, 4));
    }
  });
});
