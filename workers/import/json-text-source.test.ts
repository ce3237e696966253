// A JSON Lines or JSON file's `source` says how its text was read, as a CSV's does: a byte order mark
// (Excel and Windows tools write one) is skipped and recorded, so the exported model's `source` tells a
// consumer reading the file itself to skip it too; a UTF-16 file is recorded as UTF-16, not 'utf-8'.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetCache } from '../../main/lab/import/cache-io';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-json-source-');
afterAll(cleanup);

const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({ user: `u${i % 3}`, price: i + 0.5 })).join('\n') + '\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const sourceOf = (dir: string) => openDatasetCache(dir).meta.source;

describe("a JSON file's source", () => {
  it('JSON Lines with a UTF-8 BOM: read without it, and `bom: true` recorded', async () => {
    const { dir, result, col } = await load(Buffer.concat([BOM, Buffer.from(lines)]), {}, 'jsonl');
    expect(result.rows).toBe(12);
    // the mark is no part of the first key: the column is `user`, not '\ufeffuser'
    expect(col('user').slice(0, 2)).toEqual(['u0', 'u1']);
    expect(sourceOf(dir)).toMatchObject({ format: 'jsonl', encoding: 'utf-8', bom: true });
  });

  it('without a BOM, no `bom` (as a CSV without one)', async () => {
    const { dir } = await load(lines, {}, 'jsonl');
    expect(sourceOf(dir).bom).toBeUndefined();
  });

  it('a JSON array with a BOM records it too, and a UTF-16 LE file its encoding', async () => {
    const array = JSON.stringify(Array.from({ length: 5 }, (_, i) => ({ id: i, city: 'Oslo' })));
    expect(sourceOf((await load(Buffer.concat([BOM, Buffer.from(array)]), {}, 'json')).dir)).toMatchObject({ format: 'json', bom: true });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]);
    const { dir, result } = await load(utf16, {}, 'jsonl');
    expect(result.rows).toBe(12);
    expect(sourceOf(dir)).toMatchObject({ encoding: 'utf-16le', bom: true });
  });
});
