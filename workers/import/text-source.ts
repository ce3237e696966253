// Reads a text file in chunks as ASCII-compatible bytes (UTF-8 or latin-1 as stored; UTF-16, Windows-1252
// and the CJK encodings are transcoded to UTF-8 on the fly; gzip is decompressed as it streams), after
// working out its encoding from the BOM and the first bytes (legacy-encoding.ts when they are not UTF-8).
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { ImportError, type TextEncoding } from '../../common/dataset-cache';
import { gunzipChunks, gunzipHead, isGzip, isZip, zipError } from './compressed';
import { legacyReadingOf, type CjkEncoding } from './legacy-encoding';
import { windows1252ToUtf8 } from './windows-1252';

export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The first `bytes` bytes of a text file's content, decompressed when it is gzip, and whether that is the
 * whole content. `totalBytes` is the file's size.
 */
export function readTextHead(path: string, bytes: number, totalBytes: number, file: string): { head: Buffer; whole: boolean } {
  const raw = readHead(path, Math.min(bytes, 4));
  if (isGzip(raw)) return gunzipHead(path, bytes, totalBytes, file);
  if (isZip(raw)) throw zipError(path, file);
  const head = readHead(path, bytes);
  return { head, whole: head.length >= totalBytes };
}

/** The first `bytes` bytes of a file (fewer when it is shorter). */
export function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** True when the user did not choose the encoding (a later UTF-8 error may fall back to latin-1). */
  sniffed: boolean;
  /** Sniffed windows-1252 though the bytes look like this CJK encoding (the import warns). */
  suspect?: CjkEncoding;
}

/** Thrown mid-file when sniffed UTF-8 turns out not to be UTF-8; the importer restarts as latin-1. */
export class NotUtf8 extends Error {
  constructor(readonly line: number) {
    super(`not UTF-8 near line ${line}`);
  }
}

/** The encoding of an import job's file, from its first 64 KB (a BOM, UTF-16's NULs) or the user's choice. */
export function guessJobEncoding(job: { path: string; totalBytes: number; fileName: string; options: { encoding?: TextEncoding } }): EncodingGuess {
  return guessEncoding(readTextHead(job.path, 65536, job.totalBytes, job.fileName).head, job.fileName, job.options.encoding);
}

export function guessEncoding(head: Buffer, file: string, requested?: TextEncoding): EncodingGuess {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le'
    : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const bomBytes = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  if (requested) return { encoding: requested, bomBytes: bom === requested ? bomBytes : 0, sniffed: false };
  if (bom) return { encoding: bom, bomBytes, sniffed: true };
  // UTF-16 without a BOM shows as NUL in every other byte of ASCII text
  const n = Math.min(head.length, 4096);
  let zerosEven = 0, zerosOdd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) { if (i & 1) zerosOdd++; else zerosEven++; }
  if (n >= 4 && zerosOdd > n * 0.4 && zerosEven === 0) return { encoding: 'utf-16le', bomBytes: 0, sniffed: true };
  if (n >= 4 && zerosEven > n * 0.4 && zerosOdd === 0) return { encoding: 'utf-16be', bomBytes: 0, sniffed: true };
  const firstNul = head.subarray(0, n).indexOf(0);
  if (firstNul >= 0) {
    throw new ImportError('binary_file', `${file}: this looks like a binary file, not text (a NUL byte at offset ${firstNul}); GateLab reads CSV/TSV, JSON Lines, Parquet, Arrow IPC and .npy`, { file });
  }
  let control = 0;
  for (let i = 0; i < n; i++) { const c = head[i]; if (c < 9 || (c > 13 && c < 32) || c === 127) control++; }
  if (n > 0 && control > n * 0.05) {
    throw new ImportError('binary_file', `${file}: this looks like a binary file, not text (${control} control bytes in the first ${n}); GateLab reads CSV/TSV, JSON Lines, Parquet, Arrow IPC and .npy`, { file });
  }
  if (validUtf8Prefix(head)) return { encoding: 'utf-8', bomBytes: 0, sniffed: true };
  // not latin-1 any more: datasets recorded as latin1 still read so, new ones get what the bytes say
  const { encoding, suspect } = legacyReadingOf(head);
  return suspect ? { encoding, bomBytes: 0, sniffed: true, suspect } : { encoding, bomBytes: 0, sniffed: true };
}

/**
 * Encodings the tokenizer cannot read as stored: UTF-16 (NUL bytes), CJK double-byte encodings (a trail
 * byte can be '|' or '\\'), and Windows-1252 (its 0x80-0x9F are not latin-1's), all read as UTF-8.
 */
export function transcoded(encoding: TextEncoding): boolean {
  return encoding !== 'utf-8' && encoding !== 'latin1';
}

/** A sample of the file (its BOM skipped) as the bytes readTextChunks yields: ASCII-compatible. */
export function asciiCompatible(body: Buffer, encoding: TextEncoding): Buffer {
  if (!transcoded(encoding)) return body;
  if (encoding === 'windows-1252') return windows1252ToUtf8(body);
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  return Buffer.from(new TextDecoder(encoding).decode(utf16 ? body.subarray(0, body.length & ~1) : body), 'utf8');
}

/** isUtf8 on a prefix, ignoring a multi-byte character cut off at the end. */
function validUtf8Prefix(b: Buffer): boolean {
  return isUtf8(b.subarray(0, completeUtf8Length(b)));
}

/** Length of b without a trailing incomplete UTF-8 sequence. */
export function completeUtf8Length(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back];
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}

/** The file's raw bytes in chunks (decompressed when gzip), from `skip`, with the source bytes read so far. */
async function* rawChunks(path: string, skip: number, file: string): AsyncGenerator<{ chunk: Buffer; last: boolean; bytesRead: number }> {
  if (isGzip(readHead(path, 2))) { yield* gunzipChunks(path, skip, CHUNK_BYTES, file); return; }
  const fd = openSync(path, 'r');
  try {
    const raw = Buffer.allocUnsafe(CHUNK_BYTES);
    let offset = skip;
    for (;;) {
      const n = readSync(fd, raw, 0, CHUNK_BYTES, offset);
      offset += n;
      const last = n < CHUNK_BYTES;
      yield { chunk: raw.subarray(0, n), last, bytesRead: offset };
      if (last) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Yields the file's content in chunks as UTF-8 (transcoded when it is not) or latin-1 bytes, validating UTF-8 on the fly (throws
 * NotUtf8: sniffed UTF-8 falls back to latin-1, UTF-8 the user asked for is an error). A gzip file is
 * decompressed as it streams. The yielded buffer may be reused: consume it before the next.
 */
export async function* readTextChunks(path: string, guess: EncodingGuess, onBytes: (bytesRead: number) => void, lineOf: () => number, file = path): AsyncGenerator<{ chunk: Buffer; last: boolean }> {
  // one byte one character: no state to carry between chunks (and not Node's TextDecoder: windows-1252.ts)
  const cp1252 = guess.encoding === 'windows-1252';
  const decoder = transcoded(guess.encoding) && !cp1252 ? new TextDecoder(guess.encoding, { fatal: false }) : null;
  let tail: Buffer | null = null;
  const check = guess.encoding === 'utf-8';
  for await (const { chunk: raw, last, bytesRead } of rawChunks(path, guess.bomBytes, file)) {
    onBytes(bytesRead);
    let chunk = raw;
    if (cp1252) {
      chunk = windows1252ToUtf8(chunk);
    } else if (decoder) {
      chunk = Buffer.from(decoder.decode(chunk, { stream: !last }), 'utf8');
    } else if (check) {
      const whole: Buffer = tail ? Buffer.concat([tail, chunk]) : chunk;
      const cut: number = last ? whole.length : completeUtf8Length(whole);
      if (!isUtf8(whole.subarray(0, cut))) throw new NotUtf8(lineOf());
      tail = cut < whole.length ? Buffer.from(whole.subarray(cut)) : null;
    }
    yield { chunk, last };
    if (last) return;
  }
}

/** Field bytes -> string in the given encoding (transcoded sources are UTF-8 by the time they get here). */
export function textDecoderFor(encoding: TextEncoding): (buf: Buffer, s: number, e: number) => string {
  // Buffer's own slice decoders (undocumented in the types, present since Node 0.x) skip toString's argument checks
  type Slicer = { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };
  return encoding === 'latin1' ? (b, s, e) => (b as unknown as Slicer).latin1Slice(s, e) : (b, s, e) => (b as unknown as Slicer).utf8Slice(s, e);
}
