// A JSON array of records ([{...}, {...}]: pandas to_json(orient='records'), most JSON exports), compact
// or indented. Streamed: each item is cut out of the bytes (json-scan.ts) and parsed alone, then batched as
// JSON Lines records are (json-records.ts), so memory is one chunk plus one batch, whatever the file's size.
import { ImportError } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import { JsonRecords } from './json-records';
import { arrayStructureError, cutShortError, notJsonError, notRecordsError, topLevelObjectError } from './json-refusals';
import { JsonValueScan, ValueEnd, isJsonSpace } from './json-scan';
import type { RecordBatch } from './records';
import { guessJobEncoding, readTextChunks } from './text-source';

/** One item larger than this is a broken file (a quote never closed), not a record: refused rather than held. */
export const MAX_ITEM_BYTES = 64 << 20;

// where the reader is in the array
const OPEN = 0, FIRST = 1, ITEM = 2, IN_ITEM = 3, AFTER = 4, DONE = 5;

export async function* jsonArrayBatches(job: ImportJob): AsyncGenerator<RecordBatch> {
  const file = job.fileName;
  const guess = guessJobEncoding(job);
  const decode = guess.encoding === 'latin1' ? 'latin1' : 'utf8';
  const records = new JsonRecords(job, { noun: 'array item', pandasRead: 'pd.read_json(f)' });
  const scan = new JsonValueScan();
  let state = OPEN, line = 1, itemLine = 1, bytes = 0, items = 0;
  let carry: Buffer | null = null;
  for await (const { chunk, last } of readTextChunks(job.path, guess, (b) => { bytes = b; }, () => line, file)) {
    // an item cut by the chunk's end continues in this one: scanning resumes after its carried bytes
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let i = carry ? carry.length : 0;
    let itemStart = 0;
    carry = null;
    for (; i < buf.length; i++) {
      if (state === IN_ITEM) {
        scan.newlines = 0;
        const end = scan.scanTo(buf, i);
        line += scan.newlines;
        if (end < 0) break; // the item goes on in the next chunk
        records.take(buf.toString(decode, itemStart, end), itemLine);
        state = AFTER;
        if (records.full) yield records.flush(bytes, line);
        i = end; // the byte after the item: ',' or ']' or space
        if (i >= buf.length) break;
      }
      const c = buf[i];
      if (c === 10) line++;
      if (isJsonSpace(c)) continue;
      if (state === OPEN) {
        if (c === 91) { state = FIRST; continue; }
        throw c === 123 ? topLevelObjectError(file) : notJsonError(file, line, String.fromCharCode(c));
      }
      if (state === AFTER) {
        if (c === 44) state = ITEM;
        else if (c === 93) state = DONE;
        else throw arrayStructureError(file, line, `expected ',' or ']' after the array item that starts on line ${itemLine}, found '${String.fromCharCode(c)}'`);
        continue;
      }
      if (state === DONE) throw arrayStructureError(file, line, `more text after the array's closing ']' (found '${String.fromCharCode(c)}')`);
      // FIRST or ITEM: a value starts, or the array ends (a trailing comma is forgiven: the records are whole)
      if (c === 93) { state = DONE; continue; }
      if (c === 44 || c === 58 || c === 125) throw arrayStructureError(file, line, `'${String.fromCharCode(c)}' where an array item should start`);
      if (state === FIRST && c !== 123) throw notRecordsError(file, line, c);
      state = IN_ITEM; itemStart = i; itemLine = line; items++;
      scan.begin(c);
    }
    if (state === IN_ITEM && !last) {
      if (buf.length - itemStart > MAX_ITEM_BYTES) throw arrayStructureError(file, itemLine, `one array item is longer than ${MAX_ITEM_BYTES >> 20} MB; most likely a quote (") opened in it is never closed`);
      carry = Buffer.from(buf.subarray(itemStart));
    }
  }
  if (state !== DONE) throw state === OPEN ? notJsonError(file, line, 'nothing') : cutShortError(file, line);
  if (items === 0) throw new ImportError('no_rows', `${file}: an empty JSON array ([]), no rows`, { file });
  records.noteNested();
  if (records.pending > 0) yield records.flush(bytes, line);
}

/** The first byte of a file's text that is not a BOM, whitespace or (UTF-16) a NUL; -1 when there is none. */
export function firstJsonByte(head: Uint8Array): number {
  for (const c of head) if (!isJsonSpace(c) && c !== 0 && c !== 0xef && c !== 0xbb && c !== 0xbf && c !== 0xff && c !== 0xfe) return c;
  return -1;
}

/**
 * Whether a file that starts with '{' is JSON Lines (a first object on one line, another object after it) or
 * one JSON object (pretty-printed, or alone in the file). Reads up to the end of the first object: a JSON
 * Lines file with long lines (vectors of thousands of numbers) cannot be told from a head of a few KB.
 */
export async function objectFileIsJsonLines(job: Pick<ImportJob, 'path' | 'totalBytes' | 'fileName' | 'options'>): Promise<boolean> {
  const file = job.fileName;
  const guess = guessJobEncoding(job);
  const scan = new JsonValueScan();
  let phase: 'before' | 'in' | 'after' = 'before', scanned = 0;
  for await (const { chunk } of readTextChunks(job.path, guess, () => {}, () => 1, file)) {
    for (const c of chunk) {
      if (phase === 'in') {
        if (c === 10) return false; // a newline inside the first object: pretty-printed, not JSON Lines
        if (scan.step(c) === ValueEnd.Here) phase = 'after';
      } else if (!isJsonSpace(c)) {
        if (phase === 'after') return c === 123;
        if (c !== 123) return false;
        phase = 'in';
        scan.begin(c);
      }
    }
    scanned += chunk.length;
    if (scanned > MAX_ITEM_BYTES && phase === 'in') return false;
  }
  return false;
}
