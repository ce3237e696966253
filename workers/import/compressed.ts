// Compressed sources. A gzip file (data.csv.gz) is read through node:zlib as it streams, so it is never
// unpacked to disk; the dataset is still keyed by the bytes the user gave. A ZIP archive (which is also
// what an Excel .xlsx workbook is) is refused with what to do instead.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { ImportError } from '../../common/dataset-cache';

export const isGzip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
export const isZip = (head: Uint8Array) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** What to do with a workbook, in every refusal of one (here, and .xls/HTML tables in spreadsheet-files.ts). */
export const SAVE_AS_CSV = 'save it as CSV (File → Save As → CSV UTF-8) or Parquet and import that';

/** The error for a ZIP archive or Excel workbook. */
export function zipError(path: string, file: string): ImportError {
  const ext = extname(path).toLowerCase();
  const excel = ext === '.xlsx' || ext === '.xlsm' || ext === '.ods';
  return new ImportError('binary_file', excel
    ? `${file}: this is an Excel workbook (a ZIP file), which GateLab does not read: ${SAVE_AS_CSV}`
    : `${file}: this is a ZIP/Excel file, which GateLab does not read: unzip it and import the CSV inside, or for a workbook ${SAVE_AS_CSV}`, { file });
}

function gzipError(file: string, e: unknown): ImportError {
  return new ImportError('bad_format', `${file}: the gzip data is damaged or cut short (${(e as Error).message}); decompress it with gunzip to check, or download it again`, { file });
}

/**
 * The first `bytes` decompressed bytes of a gzip file (fewer when it is shorter) and whether that is all
 * of it. Reads a growing compressed prefix and inflates it with a sync flush, which yields what a partial
 * stream holds without an error.
 */
export function gunzipHead(path: string, bytes: number, totalBytes: number, file: string): { head: Buffer; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    for (let want = 64 * 1024; ; want *= 4) {
      const n = Math.min(want, totalBytes);
      const raw = Buffer.alloc(n);
      readSync(fd, raw, 0, n, 0);
      let out: Buffer;
      try {
        out = n === totalBytes ? gunzipSync(raw) : gunzipSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
      } catch (e) {
        throw gzipError(file, e);
      }
      if (out.length >= bytes) return { head: out.subarray(0, bytes), whole: out.length === bytes && n === totalBytes };
      if (n === totalBytes) return { head: out, whole: true };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Decompressed chunks of about `chunkBytes` (the last may be shorter), `skip` bytes dropped from the front
 * (a byte-order mark), and the compressed bytes read so far, for progress.
 */
export async function* gunzipChunks(path: string, skip: number, chunkBytes: number, file: string): AsyncGenerator<{ chunk: Buffer; last: boolean; bytesRead: number }> {
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  let parts: Buffer[] = [], size = 0, ready: Buffer | null = null;
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      let p = piece;
      if (skip > 0) { const k = Math.min(skip, p.length); p = p.subarray(k); skip -= k; }
      parts.push(p);
      size += p.length;
      if (size < chunkBytes) continue;
      if (ready) yield { chunk: ready, last: false, bytesRead: source.bytesRead };
      ready = Buffer.concat(parts);
      parts = []; size = 0;
    }
  } catch (e) {
    throw e instanceof ImportError ? e : gzipError(file, e);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  yield { chunk: Buffer.concat(ready ? [ready, ...parts] : parts), last: true, bytesRead: source.bytesRead };
}
