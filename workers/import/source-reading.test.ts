// The one rewrite of a delimited file's bytes: what the sniff, the import and a later re-read of the first
// row (sampleRows with the source's record) see must be the same rows.
import { describe, expect, it } from 'vitest';
import { readSample, readingFilter } from './source-reading';
import { sampleRows } from './sniff';

const utf8 = (b: Buffer, s: number, e: number) => b.toString('utf8', s, e);

describe('readingFilter', () => {
  it('is null when the bytes go through as they are (no cost for an ordinary file)', () => {
    expect(readingFilter({ delimiter: ',' })).toBeNull();
    expect(readingFilter({ delimiter: ',', preambleLines: 0, skipInitialSpace: false })).toBeNull();
  });

  it('drops the preamble, then rewrites aligned columns as tab-separated, across chunks', () => {
    const f = readingFilter({ delimiter: 'whitespace', preambleLines: 1 })!;
    expect(Buffer.concat([f(Buffer.from('# units: m\n  1.0   2')), f(Buffer.from('.5\n  3.0   4.5\n'))]).toString()).toBe('1.0\t2.5\n3.0\t4.5\n');
  });

  it("reads a recorded source's first row as the import did: after its comments, without the spaces after ','", () => {
    const file = Buffer.from('# exported by logger\nname, city\n"Lee, J", Oslo\n');
    expect(sampleRows(file, true, ',', utf8, 'f.csv', 1, { preambleLines: 1, skipInitialSpace: true })[0]).toEqual(['name', 'city']);
    expect(readSample(Buffer.from('a, "b, c"\n'), { delimiter: ',', skipInitialSpace: true }).toString()).toBe('a,"b, c"\n');
  });
});
