// Decimal commas ('0,867') end to end: sniffed as numbers in ';' files, accepted by a user's float type
// in files not separated by ',', and refused with a hint in a comma-separated file.
import { afterAll, describe, expect, it } from 'vitest';
import { parseDecimalComma } from './decimal-comma';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-comma-');
afterAll(cleanup);

describe('decimal commas', () => {
  it('parses a decimal comma and dots between thousands', () => {
    const p = (s: string) => { const b = Buffer.from(s); return parseDecimalComma(b, 0, b.length); };
    expect(p('0,867316816707373')).toBe(0.867316816707373);
    expect(p('-1.234,5')).toBe(-1234.5);
    expect(p('12')).toBe(12);
    expect(p('1,5e3')).toBe(1500);
    expect(p('1,2,3')).toBeNaN();
  });

  it("are sniffed as numbers in a ';' file (a European spreadsheet export)", async () => {
    const r = await load('\uFEFFwhen;load a;température °C;code\n01.01.2024 00:00;0,0125730221093393;10,3;A1\n01.01.2024 01:00;-0,25;9;B2\n01.01.2024 02:00;1.234,5;NA;A1\n');
    expect(r.result.delimiter).toBe(';');
    expect([r.type('when'), r.type('load a'), r.type('température °C'), r.type('code')]).toEqual(['datetime', 'float', 'float', 'categorical']);
    expect(r.col('load a')).toEqual([0.0125730221093393, -0.25, 1234.5].map(Math.fround));
    expect(r.col('température °C').slice(0, 2)).toEqual([Math.fround(10.3), 9]);
    expect(r.col('when')[1]).toBe(Date.UTC(2024, 0, 1, 1) / 1000);
  });

  it("a ';' number column whose first rows are integers still reads a later decimal comma", async () => {
    const rows = ['a;b', ...Array.from({ length: 1200 }, (_, i) => `${i};x${i % 3}`), '0,5;x0'];
    const r = await load(rows.join('\n'));
    expect(r.type('a')).toBe('float');
    expect(r.col('a').at(-1)).toBe(0.5);
    expect(r.result.validation.issues.filter((i) => i.kind === 'retyped')).toEqual([]);
  });

  it("a float type accepts decimal commas in a tab-separated file; sniffed there when a cell proves them ('0,867')", async () => {
    const tsv = 'a\tb\n1\t0,867\n2\t1,5\n';
    expect((await load(tsv, {}, 'tsv')).col('b')).toEqual([Math.fround(0.867), 1.5]);
    // a file that also writes decimal points proves neither: the column stays text unless typed
    expect((await load('a\tb\n1.5\t0,867\n2.5\t1,5\n', {}, 'tsv')).type('b')).toBe('categorical');
    const r = await load(tsv, { columnTypes: { b: 'float' } }, 'tsv');
    expect(r.col('b')).toEqual([Math.fround(0.867), 1.5]);
  });

  it('a float type in a comma-separated file refuses them with a hint', async () => {
    const csv = 'a,b\n1,"0,867"\n2,"1,5"\n';
    expect((await load(csv)).type('b')).toBe('categorical');
    await expect(load(csv, { columnTypes: { b: 'float' } })).rejects.toMatchObject({
      code: 'unparsable', line: 2, message: expect.stringMatching(/'0,867' is not a valid float value .*decimal comma.*';' as the separator/),
    });
  });
});
