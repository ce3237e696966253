// Compressed sources: gzip is read as it streams (across chunk boundaries, with a BOM, as CSV or JSON
// Lines), giving the same cache as the plain file; a ZIP/Excel file is refused with what to do.
import { deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-gzip-');
afterAll(cleanup);

/** A minimal one-entry ZIP archive (local header + central directory), as an .xlsx starts. */
function zipOf(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(content.length, 22); local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, Buffer.from(name), data]);
}

describe('compressed files', () => {
  it('a .csv.gz imports like the CSV it holds, across decompressed chunk boundaries', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i},${(i * 0.25).toFixed(2)},${['a', 'b', 'c'][i % 3]}`);
    const text = `\uFEFFn,x,k\n${rows.join('\n')}\n`; // about 7 MB: more than one 4 MB chunk
    const gz = await load(gzipSync(text), {}, 'data.csv.gz');
    expect(gz.result).toMatchObject({ format: 'csv', rows: 400_000, hasHeader: true, encoding: 'utf-8' });
    const n = gz.col('n');
    expect(n.length).toBe(400_000);
    expect(n.every((v, i) => v === i)).toBe(true); // no row lost or split at a chunk boundary
    expect(gz.col('x')[399_999]).toBe(Math.fround(99_999.75));
    expect(gz.col('k').slice(0, 4)).toEqual(['a', 'b', 'c', 'a']);
    const plain = await load(text);
    expect(gz.result.columns).toEqual(plain.result.columns);
  });

  it('reads JSON Lines inside gzip, and sniffs a .gz without an inner extension', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `u${i}`, v: i / 2 })).join('\n');
    const r = await load(gzipSync(lines), {}, 'events.jsonl.gz');
    expect(r.result.format).toBe('jsonl');
    expect(r.col('v')[9]).toBe(4.5);
    expect((await load(gzipSync(lines), {}, 'dump.gz')).result.format).toBe('jsonl');
    expect((await load(gzipSync('a\tb\n1\t2\n'), {}, 'table.tsv.gz')).col('b')).toEqual([2]);
  });

  it('a damaged gzip file is an error saying so', async () => {
    const bytes = gzipSync(Array.from({ length: 20_000 }, (_, i) => `${i},${i * 7}`).join('\n'));
    await expect(load(bytes.subarray(0, bytes.length - 500), {}, 'cut.csv.gz')).rejects.toMatchObject({
      code: 'bad_format', message: expect.stringMatching(/cut\.csv\.gz: the gzip data is damaged or cut short/),
    });
  });

  it('an .xlsx (a ZIP file) is refused with how to save it as CSV, whatever its name or --format', async () => {
    const xlsx = zipOf('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    await expect(load(xlsx, {}, 'book.xlsx')).rejects.toMatchObject({
      code: 'binary_file', message: expect.stringMatching(/book\.xlsx: this is an Excel workbook \(a ZIP file\).*File → Save As → CSV UTF-8\) or Parquet/),
    });
    await expect(load(xlsx, { format: 'csv' }, 'export.csv')).rejects.toMatchObject({ message: expect.stringMatching(/this is a ZIP\/Excel file/) });
  });
});
