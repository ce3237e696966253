// Columns aligned by runs of spaces (UCI housing.data, auto-mpg.data) read as columns, and the files the
// sniff already read right (a consistent ',' '\t' '|') keep their reading.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';
import { sniffDelimited } from './sniff';
import { WhitespaceToTabs, sniffWhitespaceColumns } from './whitespace-columns';

const { load, cleanup } = textLoader('gatelab-whitespace-');
afterAll(cleanup);

/** Lines as Python's `' '.join(f'{v:9.4f}')` writes them: a leading space, values right-aligned in 9. */
function aligned(rows: number[][]): string {
  return rows.map((r) => ' ' + r.map((v) => v.toFixed(4).padStart(9)).join(' ')).join('\n') + '\n';
}
// TAX crosses from 2 to 4 digits: the spaces between fields vary from line to line, as in the real file
const HOUSING = aligned(Array.from({ length: 40 }, (_, i) => [0.00632 * (i + 1), 18 + (i % 3), 2.31, i % 2, 0.538, 6.575 + i / 100, 65.2, 4.09, 1, 11 + i * i, 15.3, 396.9, 4.98, 24 - i / 10]));
const OLD_RULES = { parseRules: parseRulesWith((r) => r !== 'whitespaceColumns') } as ImportOptions;

describe('WhitespaceToTabs', () => {
  it('turns runs of spaces/tabs into one tab, drops them at line ends, keeps quoted values and line breaks', () => {
    const t = new WhitespaceToTabs();
    const out = Buffer.concat([t.push(Buffer.from('  1.5   2 \t "a  b"   ')), t.push(Buffer.from('x\r\n 3  "q ""x"" y" 4\n'))]).toString();
    expect(out).toBe('1.5\t2\t"a  b"\tx\r\n3\t"q ""x"" y"\t4\n');
  });
});

describe('sniffing whitespace columns', () => {
  it('finds the width when every line splits alike, and nothing for free text or a single line', () => {
    expect(sniffWhitespaceColumns(Buffer.from(HOUSING), true)).toBe(14);
    expect(sniffWhitespaceColumns(Buffer.from('the cat sat\non the mat today\n'), true)).toBeNull();
    expect(sniffWhitespaceColumns(Buffer.from('1 2 3\n'), true)).toBeNull();
    expect(sniffWhitespaceColumns(Buffer.from('Ann Lee\nBo Chan\nCy Wu\n'), true)).toBeNull(); // names, not columns
  });

  it('reads housing.data as 14 numeric columns with no header row (no row lost), and says so', async () => {
    const r = await load(HOUSING, {}, 'housing.data');
    expect(r.result).toMatchObject({ delimiter: 'whitespace', hasHeader: false, rows: 40 });
    expect(r.result.columns.map((c) => c.type)).toEqual(Array(14).fill(r.result.columns[0].type));
    expect(r.result.columns[0].type).toBe('float');
    expect(r.col('column_1')[0]).toBeCloseTo(0.0063, 4);
    expect(r.col('column_14')[39]).toBeCloseTo(20.1, 4);
    expect(r.issues.note.message).toMatch(/aligned by runs of spaces.*14 columns split on whitespace/);
  });

  it('reads auto-mpg.data: a quoted car name with spaces after a tab stays one value', async () => {
    const lines = ['18.0   8   307.0      130.0      3504.      12.0   70  1\t"chevrolet chevelle malibu"', '15.0   8   350.0      165.0      3693.      11.5   70  1\t"buick skylark 320"', '26.0   4   97.00      46.00      1835.      20.5   70  2\t"volkswagen 1131 deluxe sedan"'];
    const r = await load(lines.join('\n') + '\n', {}, 'auto-mpg.data');
    expect(r.result).toMatchObject({ delimiter: 'whitespace', hasHeader: false, rows: 3 });
    expect(r.col('column_9')).toEqual(['chevrolet chevelle malibu', 'buick skylark 320', 'volkswagen 1131 deluxe sedan']);
    expect(r.col('column_5')).toEqual([3504, 3693, 1835]);
  });

  it('a header row of names over aligned numbers is still a header', async () => {
    const r = await load('   CRIM     ZN   MEDV\n 0.0063  18.00  24.00\n 0.0273   0.00  21.60\n 0.0273   0.00  34.70\n');
    expect(r.result).toMatchObject({ delimiter: 'whitespace', hasHeader: true, rows: 3 });
    expect(r.col('MEDV').map((v) => Math.round(Number(v) * 10) / 10)).toEqual([24, 21.6, 34.7]);
  });

  it('--delimiter whitespace is accepted; a comma or tab file that splits alike keeps its delimiter', async () => {
    expect((await load('a b  c\n1 2  3\n4 5 6\n7 8 9\n', { delimiter: 'whitespace' })).result).toMatchObject({ delimiter: 'whitespace', rows: 3 });
    expect((await load('name,city\nAnn Lee,New York\nBo Chan,Los Angeles\n')).result).toMatchObject({ delimiter: ',', rows: 2 });
    expect((await load('name\tcity\nAnn Lee\tNew York\nBo Chan\tLos Angeles\n')).result).toMatchObject({ delimiter: '\t', rows: 2 });
  });

  it("--delimiter ' ' on aligned columns is refused with the way to read them", async () => {
    await expect(load(HOUSING, { delimiter: ' ' })).rejects.toThrow(/--delimiter whitespace/);
  });

  it('a dataset imported before the rule reads its aligned file as the one column it had', async () => {
    const r = await load(HOUSING, OLD_RULES, 'old.data');
    expect(r.result.columns).toHaveLength(1);
    expect(r.result.delimiter).toBe(',');
  });
});

describe('the shared real files sniff as before', () => {
  const data = '/work/shared/data';
  const head = (p: string) => readFileSync(p).subarray(0, 1024 * 1024);
  const sniff = (p: string) => sniffDelimited(head(p), readFileSync(p).length <= 1024 * 1024, (b, s, e) => b.toString('utf8', s, e), p, { preferTab: false });
  it.skipIf(!existsSync(join(data, 'recsys/ml-100k/u.data')))('MovieLens u.data tab, u.item pipe, ETTh1 comma', () => {
    expect(sniff(join(data, 'recsys/ml-100k/u.data'))).toMatchObject({ delimiter: '\t', hasHeader: false, preambleLines: 0, skipInitialSpace: false });
    expect(sniff(join(data, 'recsys/ml-100k/u.item'))).toMatchObject({ delimiter: '|', hasHeader: false, preambleLines: 0 });
    const ett = sniff(join(data, 'forecasting/ETTh1.csv'));
    expect(ett).toMatchObject({ delimiter: ',', hasHeader: true, preambleLines: 0, skipInitialSpace: false, readingNotes: [] });
    expect(ett.names[0]).toBe('date');
  });
});
