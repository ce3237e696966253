// Round trips for the non-CSV formats: files written here (Arrow by apache-arrow, Parquet by our
// minimal test writer, JSON Lines by hand; .npy: npy.test.ts) must come back value for value from the cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Field, FixedSizeList, Float32, Float64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray,
} from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { META_FILE, type DatasetCacheMeta } from '../../common/dataset-cache';
import { openDatasetCache } from '../../main/lab/import/cache-io';
import { writeParquet } from './fixtures/parquet-writer';
import { runImport } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;
const put = (name: string, data: string | Uint8Array) => { const p = join(tmp, name); writeFileSync(p, data); return p; };
const out = () => join(tmp, `out${seq++}`);
const decode = (c: { values: ArrayLike<number>; dictionary: string[] | null }) => Array.from(c.values, (v) => (c.dictionary ? (v < 0 ? null : c.dictionary[v]) : v));

describe('Parquet', () => {
  it('reads every row group, types and nulls', async () => {
    const n = 2500;
    const src = put('t.parquet', writeParquet([
      { name: 'user_id', kind: 'int64', values: Array.from({ length: n }, (_, i) => BigInt(i % 100)) },
      { name: 'x', kind: 'double', values: Array.from({ length: n }, (_, i) => (i % 10 === 3 ? null : i * 0.5)) },
      { name: 'f', kind: 'float', values: Array.from({ length: n }, (_, i) => i * 0.25) },
      { name: 'count', kind: 'int32', values: Array.from({ length: n }, (_, i) => i % 7) },
      { name: 'city', kind: 'string', values: Array.from({ length: n }, (_, i) => (i === 5 ? null : ['Zürich', 'Oslo', 'Lima'][i % 3])) },
      { name: 'clicked', kind: 'boolean', values: Array.from({ length: n }, (_, i) => i % 2 === 0) },
    ], 1000));
    const dir = out();
    const r = await runImport(src, dir, {});
    expect(r.format).toBe('parquet');
    expect(r.rows).toBe(n);
    expect(Object.fromEntries(r.columns.map((c) => [c.name, c.type]))).toEqual({ user_id: 'categorical', x: 'float', f: 'float', count: 'int', city: 'categorical', clicked: 'boolean' });
    const cache = openDatasetCache(dir);
    const x = decode(cache.column('x'));
    expect(x[3]).toBeNaN();
    expect(x[2499]).toBe(1249.5);
    expect(r.columns[1].stats.missing).toBe(250);
    expect(decode(cache.column('city')).slice(0, 6)).toEqual(['Zürich', 'Oslo', 'Lima', 'Zürich', 'Oslo', null]);
    expect(decode(cache.column('clicked')).slice(0, 3)).toEqual(['true', 'false', 'true']);
    expect(decode(cache.column('user_id'))[1234]).toBe('34');
  });

  it('rejects a damaged file with a specific message', async () => {
    const good = writeParquet([{ name: 'a', kind: 'double', values: [1, 2, 3] }]);
    const src = put('bad.parquet', good.subarray(0, good.length - 9));
    await expect(runImport(src, out(), {})).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(/bad\.parquet: not a readable Parquet file/) });
  });
});

describe('Arrow IPC', () => {
  const n = 300;
  const table = new Table({
    t: vectorFromArray(Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1, i))), new TimestampMillisecond()),
    y: vectorFromArray(Array.from({ length: n }, (_, i) => (i === 7 ? null : Math.sin(i))), new Float64()),
    label: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'spam' : 'ham')), new Utf8()),
    emb: vectorFromArray(Array.from({ length: n }, (_, i) => [i, -i, i / 2]), new FixedSizeList(3, new Field('e', new Float32()))),
  });

  for (const kind of ['file', 'stream'] as const) {
    it(`round-trips an Arrow ${kind}: datetimes, nulls, strings, fixed-size lists as vectors`, async () => {
      const src = put(`t.${kind}.arrow`, tableToIPC(table, kind));
      const dir = out();
      const r = await runImport(src, dir, {});
      expect(r).toMatchObject({ format: 'arrow', rows: n });
      expect(r.columns.map((c) => [c.name, c.type, c.dim])).toEqual([['t', 'datetime', 1], ['y', 'float', 1], ['label', 'categorical', 1], ['emb', 'vector', 3]]);
      const cache = openDatasetCache(dir);
      expect(cache.column('t').values[5]).toBe(Date.UTC(2024, 0, 1, 5) / 1000);
      expect(cache.column('y').values[7]).toBeNaN();
      expect(cache.column('y').values[8]).toBe(Math.fround(Math.sin(8)));
      expect(Array.from(cache.column('emb').values.slice(3 * 10, 3 * 11))).toEqual([10, -10, 5]);
      expect(decode(cache.column('label')).filter((v) => v === 'spam')).toHaveLength(75);
    });
  }
});

describe('JSON Lines', () => {
  it('infers types, treats absent keys as missing and keeps vectors', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({
      id: `u${i}`, score: i / 4, ok: i % 3 === 0, when: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      vec: [i, i + 1], ...(i % 5 === 0 ? {} : { note: `n${i}` }), meta: { a: i },
    }));
    const src = put('t.jsonl', `\uFEFF${lines.join('\n')}\n\n`);
    const dir = out();
    const r = await runImport(src, dir, {});
    expect(r).toMatchObject({ format: 'jsonl', rows: 50 });
    expect(Object.fromEntries(r.columns.map((c) => [c.name, c.type]))).toEqual({ id: 'categorical', score: 'float', ok: 'boolean', when: 'datetime', vec: 'vector', note: 'categorical', meta: 'categorical' });
    const cache = openDatasetCache(dir);
    expect(decode(cache.column('note')).slice(0, 2)).toEqual([null, 'n1']);
    expect(decode(cache.column('meta'))[3]).toBe('{"a":3}');
    expect(Array.from(cache.column('vec').values.slice(8, 10))).toEqual([4, 5]);
  });

  it('records the number format of numbers written as text ("3.5", "1,234.5"), and none for numbers', async () => {
    const lines = ['{"price":"3.5","amount":"1,234.5","n":2.5}', '{"price":"4","amount":"2,000","n":3}', '{"price":null,"amount":"12","n":1}'];
    const dir = out();
    const r = await runImport(put('text-numbers.jsonl', `${lines.join('\n')}\n`), dir, {});
    const meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as DatasetCacheMeta;
    expect(Object.fromEntries(meta.columns.map((c) => [c.name, [c.type, c.numberFormat]]))).toEqual({
      price: ['float', { decimal: '.', thousands: ',' }],
      amount: ['float', { decimal: '.', thousands: ',' }],
      n: ['float', undefined], // numbers as numbers: no format to record
    });
    expect(Array.from(openDatasetCache(dir).column('amount').values)).toEqual([1234.5, 2000, 12]);
    expect(r.format).toBe('jsonl');
  });

  it('keeps 64-bit integers beyond 2^53 exact, as the same values in a CSV are', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => (2n ** 60n + BigInt(i)).toString());
    const big = Array.from({ length: 40 }, (_, i) => (2n ** 55n + BigInt(i * 1000)).toString());
    const jsonl = ids.map((id, i) => `{"device_id": ${id}, "big": ${big[i]}, "n": ${i}}`).join('\n');
    const csv = `device_id,big,n\n${ids.map((id, i) => `${id},${big[i]},${i}`).join('\n')}\n`;
    const [dj, dc] = [out(), out()];
    const rj = await runImport(put('big.jsonl', jsonl), dj, {});
    const rc = await runImport(put('big.csv', csv), dc, {});
    expect(rj.columns.map((c) => [c.name, c.type, c.dtype])).toEqual(rc.columns.map((c) => [c.name, c.type, c.dtype]));
    const [cj, cc] = [openDatasetCache(dj), openDatasetCache(dc)];
    expect(decode(cj.column('device_id'))).toEqual(ids);
    expect(rj.columns[0].stats.cardinality).toBe(40);
    expect(Array.from(cj.column('big').values)).toEqual(Array.from(cc.column('big').values));
  });

  it('rejects an invalid line by number, or drops it when asked', async () => {
    const src = put('bad.jsonl', '{"a":1}\n{"a":2}\n{"a":\n{"a":4}\n');
    await expect(runImport(src, out(), {})).rejects.toMatchObject({ code: 'unparsable', line: 3, message: expect.stringMatching(/bad\.jsonl, line 3: not valid JSON/) });
    const r = await runImport(src, out(), { onInvalid: 'drop' });
    expect(r.rows).toBe(3);
    expect(r.validation).toMatchObject({ rowsRead: 4, rowsDropped: 1 });
  });
});
