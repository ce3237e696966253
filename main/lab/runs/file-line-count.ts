// How many lines a data file has, to the last non-blank one (line breaks at the very end start no line, as
// the importer reads them). A row's file line is its index plus the lines before the table only when the file
// has exactly those lines and one per row: a quoted value with line breaks in it (review texts often have
// them) or a blank line puts every later row further down. `gatelab split`'s row note (run-split-rows.ts,
// read synchronously) and Try it's lines (try-sources.ts, streamed) count them the same way and share one
// count per file version, here.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * Counts the lines of a file fed chunk by chunk, in order. A line ends at LF, CRLF or a lone CR (old Mac
 * files, which the importer reads as lines too): a CR counts, and so does an LF not right after a CR, also
 * when a CRLF is split between two chunks.
 */
export function lineCounter(): { add(chunk: Buffer): void; lines(): number } {
  let breaks = 0, lastLine = 0, endsInCr = false;
  return {
    add(chunk) {
      let end = chunk.length - 1; // the chunk's last byte that is not a line break
      while (end >= 0 && (chunk[end] === 0x0a || chunk[end] === 0x0d)) end--;
      let inChunk = 0, beforeEnd = 0;
      const count = (at: number) => { inChunk++; if (at < end) beforeEnd++; };
      for (let at = chunk.indexOf(0x0d); at >= 0; at = chunk.indexOf(0x0d, at + 1)) count(at);
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) {
        if (!(at > 0 ? chunk[at - 1] === 0x0d : endsInCr)) count(at);
      }
      if (chunk.length) endsInCr = chunk[chunk.length - 1] === 0x0d;
      if (end >= 0) lastLine = breaks + beforeEnd + 1;
      breaks += inChunk;
    },
    lines: () => lastLine,
  };
}

/** Counts by file version (path, size, modification time): a big file is read once. */
const counted = new Map<string, number>();
const counting = new Map<string, Promise<number>>();
const CHUNK = 1 << 20;

function versionKey(path: string): string {
  const s = statSync(path);
  return `${path}\u0000${s.size}\u0000${s.mtimeMs}`;
}

/**
 * The file's line count, read synchronously (a 10 MB file takes a few milliseconds), kept per file version;
 * null for a gzip file (its lines are counted only as it decompresses: Try it does, asynchronously) or one
 * that cannot be read.
 */
export function countFileLinesSync(path: string): number | null {
  try {
    const key = versionKey(path);
    const known = counted.get(key);
    if (known !== undefined) return known;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      const counter = lineCounter();
      for (let first = true; ; first = false) {
        const got = readSync(fd, buf, 0, CHUNK, null);
        if (got === 0) break;
        if (first && got >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return null;
        counter.add(buf.subarray(0, got));
      }
      counted.set(key, counter.lines());
      return counter.lines();
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * The file's line count, streamed (Try it must not block the lab while a big file is read); gzip files are
 * counted as they decompress. Rejects when the file cannot be read.
 */
export async function countFileLines(path: string): Promise<number> {
  const key = versionKey(path);
  const known = counted.get(key);
  if (known !== undefined) return known;
  let count = counting.get(key);
  if (!count) {
    count = streamedCount(path)
      .then((lines) => { counted.set(key, lines); return lines; })
      .finally(() => counting.delete(key));
    counting.set(key, count);
  }
  return count;
}

async function streamedCount(path: string): Promise<number> {
  const file = await open(path, 'r');
  const head = Buffer.alloc(2);
  try { await file.read(head, 0, 2, 0); } finally { await file.close(); }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const stream = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const counter = lineCounter();
  for await (const chunk of stream as AsyncIterable<Buffer>) counter.add(chunk);
  return counter.lines();
}
