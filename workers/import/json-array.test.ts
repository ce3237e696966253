// JSON arrays of records, as pandas to_json(orient='records') and most exports write them: compact or
// indented, by name or by content, streamed across chunks; other JSON shapes refused with what to do.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { CHUNK_BYTES } from './text-source';
import { runImport } from './run';

const { load, tmp, cleanup } = textLoader('gatelab-json-array-');
afterAll(cleanup);

const records = Array.from({ length: 40 }, (_, i) => ({ id: `u${i % 7}`, price: i * 1.25, city: ['Oslo', 'Lima'][i % 2], clicked: i % 3 === 0 }));

describe('a JSON array of records', () => {
  it('compact (pandas orient=records) reads one row per object, typed as JSON Lines are', async () => {
    const { result, col, type } = await load(JSON.stringify(records), {}, 'sales.json');
    expect(result.format).toBe('json');
    expect(result.rows).toBe(40);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'price', 'city', 'clicked']);
    expect([type('id'), type('price'), type('city'), type('clicked')]).toEqual(['categorical', 'float', 'categorical', 'boolean']);
    expect(col('price').slice(0, 3)).toEqual([0, 1.25, 2.5]);
    expect(col('city').slice(0, 2)).toEqual(['Oslo', 'Lima']);
  });

  it('indented (indent=2) reads the same rows, and a file without a .json name is known by its content', async () => {
    const compact = await load(JSON.stringify(records), {}, 'compact.json');
    const indented = await load(JSON.stringify(records, null, 2), {}, 'export');
    expect(indented.result.format).toBe('json');
    expect(indented.result.rows).toBe(40);
    expect(indented.col('price')).toEqual(compact.col('price'));
    expect(indented.col('id')).toEqual(compact.col('id'));
  });

  it('nested values: a list of numbers is a vector; an object stays one column, with a note saying how to flatten it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ y: i % 2, emb: [i, i + 0.5, -i], ctx: { device: i % 2 ? 'ios' : 'web', hour: i % 24 }, text: `say "]}" ${i}` }));
    const { result, col, type, issues } = await load(JSON.stringify(rows, null, 2), {}, 'nested.json');
    expect(result.rows).toBe(30);
    expect(type('emb')).toBe('vector');
    expect(col('text')[3]).toBe('say "]}" 3'); // brackets and quotes inside strings do not end the item
    expect(col('ctx')[1]).toBe('{"device":"ios","hour":1}');
    expect(issues['note:ctx'].message).toMatch(/column 'ctx': its values are JSON objects \(keys device, hour\).*ctx\.device, ctx\.hour.*pd\.json_normalize\(pd\.read_json\(f\)/);
  });

  it('64-bit ids stay exact, as in JSON Lines', async () => {
    const { col, type } = await load('[{"id": 1152921504606846977, "v": 1}, {"id": 1152921504606846978, "v": 2}, {"id": 3, "v": 3}]', {}, 'ids.json');
    expect(type('id')).toBe('categorical');
    expect(col('id')).toEqual(['1152921504606846977', '1152921504606846978', '3']);
  });

  it('an array larger than one read chunk: items cut by a chunk boundary are whole, and every row arrives', async () => {
    const n = Math.ceil((CHUNK_BYTES * 1.5) / 60);
    const text = `[\n${Array.from({ length: n }, (_, i) => `  {"i": ${i}, "name": "row number ${i} of the big one"}`).join(',\n')}\n]\n`;
    expect(text.length).toBeGreaterThan(CHUNK_BYTES);
    const { result, col } = await load(text, {}, 'big.json');
    expect(result.rows).toBe(n);
    const i = col('i');
    expect(i[n - 1]).toBe(n - 1);
    expect(i.every((v, k) => v === k)).toBe(true);
  });

  it('gzip-compressed (.json.gz) reads the same', async () => {
    const src = join(tmp, 'sales.json.gz');
    writeFileSync(src, gzipSync(JSON.stringify(records)));
    const r = await runImport(src, join(tmp, 'gz-out'), {});
    expect(r).toMatchObject({ format: 'json', rows: 40 });
  });

  it('--format jsonl on an array reads the array (JSON Lines cannot start with "[")', async () => {
    const { result } = await load(JSON.stringify(records, null, 2), { format: 'jsonl' }, 'pretty.jsonl');
    expect(result).toMatchObject({ format: 'json', rows: 40 });
  });

  it('an item that is not an object: refused naming its line, or dropped under onInvalid drop', async () => {
    const text = '[\n  {"a": 1},\n  {"a": 2},\n  7,\n  {"a": 4}\n]';
    await expect(load(text, {}, 'mixed.json')).rejects.toMatchObject({ code: 'unparsable', line: 4, message: expect.stringMatching(/mixed\.json, line 4 \(an array item\): expected a JSON object.*Fix the line, or import with onInvalid 'drop'/) });
    const { result, col } = await load(text, { onInvalid: 'drop' }, 'mixed.json');
    expect(result.rows).toBe(3);
    expect(col('a')).toEqual([1, 2, 4]);
  });
});

describe('JSON that is not an array of records', () => {
  it('an empty array: no rows, said so', async () => {
    await expect(load('[ ]\n', {}, 'empty.json')).rejects.toMatchObject({ code: 'no_rows', message: 'empty.json: an empty JSON array ([]), no rows' });
  });

  it('an array of numbers or of arrays is refused with how to write records', async () => {
    await expect(load('[1, 2, 3]', {}, 'scalars.json')).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(/a JSON array of numbers, not of records.*jq -c '\.\[\] \| \{value: \.\}'/) });
    await expect(load('[\n  [1, 2],\n  [3, 4]\n]', {}, 'rows.json')).rejects.toMatchObject({ code: 'bad_format', line: 2, message: expect.stringMatching(/rows\.json, line 2: a JSON array of arrays.*CSV with a header row.*\.npy/) });
  });

  it("one object (pandas' default orient='columns', or 'split') is refused, pointing to records", async () => {
    const columns = JSON.stringify({ a: { 0: 1, 1: 2 }, b: { 0: 3, 1: 4 } });
    const advice = /this is one JSON object, not a list of records.*df\.to_json\('out\.jsonl', orient='records', lines=True\).*jq -c '\.\[\]'/;
    await expect(load(columns, {}, 'columns.json')).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(advice) });
    await expect(load(JSON.stringify({ columns: ['a'], index: [0, 1], data: [[1], [2]] }, null, 2), {}, 'split.json')).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(advice) });
    // the same shape without a .json name is refused too (it read as one row of N-value columns before)
    await expect(load(columns, {}, 'columns')).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(advice) });
  });

  it('a cut-short array and text after the closing bracket are refused', async () => {
    await expect(load('[{"a": 1}, {"a": 2},\n{"a"', {}, 'cut.json')).rejects.toMatchObject({ code: 'bad_format', message: expect.stringMatching(/cut\.json, line 2: the file ends inside the JSON array.*cut short/) });
    await expect(load('[{"a": 1}]\n[{"a": 2}]\n', {}, 'two.json')).rejects.toMatchObject({ code: 'bad_format', line: 2, message: expect.stringMatching(/more text after the array's closing '\]'/) });
  });
});

describe('JSON Lines in a .json file', () => {
  it('is read as JSON Lines, also when its first line is longer than the sniffed head', async () => {
    const short = await load(records.map((r) => JSON.stringify(r)).join('\n'), {}, 'lines.json');
    expect(short.result).toMatchObject({ format: 'jsonl', rows: 40 });
    const wide = Array.from({ length: 5 }, (_, i) => JSON.stringify({ y: i, emb: Array.from({ length: 800 }, (_, k) => k / 7) }));
    expect(wide[0].length).toBeGreaterThan(4096);
    const long = await load(wide.join('\n'), {}, 'embeddings.json');
    expect(long.result).toMatchObject({ format: 'jsonl', rows: 5 });
    expect(long.type('emb')).toBe('vector');
  });
});
