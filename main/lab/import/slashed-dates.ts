// Whether a file's dates could be read in another order at all: --date-order only changes slashed dates
// (01/07/2016). The importer decides a column's date format from its first rows (at most 1 MB of text, or
// the first 1,000 records), so when no digit/digit appears there, no column was read as slashed dates and
// the order cannot matter (ISO dates, epoch times, no dates). Used when the same bytes are imported again
// with --date-order: that option is then not "not applied", it is not needed.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** What the importer samples: the first megabyte of text, and at least the first 1,000 records (+ header). */
const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_LINES = 1002;
/** Beyond this the answer is "may": scanning more than the importer samples is not worth the wait. */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** A digit, a slash (escaped '\/' in JSON), a digit: the middle of every slashed date. */
const SLASHED = /\d\\?\/\d/;
const MULTI_BYTE = new Set(['utf-16le', 'utf-16be', 'gb18030', 'shift_jis', 'euc-kr', 'big5']);

/**
 * False when the file's sampled text holds no slashed date, so no date order can change how it reads; true
 * when it does, or when that cannot be told cheaply (Parquet and Arrow store their text compressed).
 */
export async function mayHoldSlashedDates(path: string, d: { format: string; encoding: string | null }): Promise<boolean> {
  if (d.format === 'npy') return false; // numbers only
  if (d.format !== 'csv' && d.format !== 'tsv' && d.format !== 'jsonl') return true;
  // multi-byte encodings must be decoded to see their digits and slashes; single-byte ones read as latin-1 do
  const decoder = new TextDecoder(d.encoding && MULTI_BYTE.has(d.encoding) ? d.encoding : 'latin1');
  let raw: Readable | null = null, stream: Readable | null = null;
  try {
    const gzip = isGzip(path);
    raw = createReadStream(path, { highWaterMark: 1 << 20 });
    stream = gzip ? raw.pipe(createGunzip()) : raw; // gzip around the text: the importer reads through it
    if (gzip) raw.on('error', (e) => stream!.destroy(e));
    let bytes = 0, lines = 0, tail = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = tail + decoder.decode(chunk, { stream: true });
      if (SLASHED.test(text)) return true;
      tail = text.slice(-4); // a date cut between two chunks
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      if (bytes >= SAMPLE_BYTES && lines >= SAMPLE_LINES) return false;
      if (bytes >= MAX_SCAN_BYTES) return true;
    }
    return false;
  } catch {
    return true; // unreadable now: say what would have been said before
  } finally {
    stream?.destroy();
    raw?.destroy();
  }
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
