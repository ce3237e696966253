// The line count that decides whether a row's file line is its index plus a fixed offset (gatelab split's
// row note, Try it's lines): the importer reads LF, CRLF and lone-CR line breaks alike, so the count must too,
// or a CR-only file would be said to have one line.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countFileLinesSync, lineCounter } from './file-line-count';

const linesOf = (...chunks: string[]) => {
  const counter = lineCounter();
  for (const c of chunks) counter.add(Buffer.from(c, 'latin1'));
  return counter.lines();
};

describe('lineCounter', () => {
  it('counts LF, CRLF and lone-CR line breaks, to the last non-blank line', () => {
    expect(linesOf('a,b\n1,2\n3,4\n')).toBe(3);
    expect(linesOf('a,b\r\n1,2\r\n3,4\r\n')).toBe(3);
    expect(linesOf('a,b\r1,2\r3,4\r')).toBe(3);
    expect(linesOf('a,b\n1,2\n\n\n')).toBe(2);
    expect(linesOf('a,b\n\n1,2')).toBe(3);
    expect(linesOf('')).toBe(0);
  });

  it('counts a CRLF split between two chunks once', () => {
    expect(linesOf('a,b\r', '\n1,2\r', '\n3,4')).toBe(3);
    expect(linesOf('a,b\r', '1,2\r', '3,4')).toBe(3);
  });
});

describe('countFileLinesSync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file; null for a gzip file and one that is not there', () => {
    writeFileSync(join(dir, 'cr.csv'), 'a,b,c\r1,2,x\r3,4,y\r');
    expect(countFileLinesSync(join(dir, 'cr.csv'))).toBe(3);
    writeFileSync(join(dir, 'r.csv.gz'), gzipSync('a\n1\n'));
    expect(countFileLinesSync(join(dir, 'r.csv.gz'))).toBeNull();
    expect(countFileLinesSync(join(dir, 'none.csv'))).toBeNull();
  });
});
