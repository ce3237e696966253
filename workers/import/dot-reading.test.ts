// What '.' means in a decimal-comma column, decided by all of its cells: '1.444' is 1444 when the column
// writes '1.444,0' (never 1.444 beside it, silently), also when the evidence comes after the sampled rows;
// a column that writes '.' both ways keeps the plain reading and is warned about with a line of each; and
// the number format recorded for the column says how its cells were read.
import { afterAll, describe, expect, it } from 'vitest';
import type { NumberFormat, ValidationIssue } from '../../common/dataset-cache';
import { AMBIGUOUS, COMMA_DECIMAL, DOT_DECIMAL, DOT_THOUSANDS, NO_DOT, dotRoleOf } from './dot-reading';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-dots-');
afterAll(cleanup);

const dotsWarning = (issues: ValidationIssue[]) => issues.filter((i) => i.kind === 'note' && i.severity === 'warning' && /'\.'|decimal point/.test(i.message));
/** The number format recorded in the cache meta (the import's result carries the columns' meta). */
const formatOf = (r: Awaited<ReturnType<typeof load>>, column: string) => (r.result.columns.find((c) => c.name === column) as { numberFormat?: NumberFormat }).numberFormat;

describe("a cell's dot", () => {
  it('is ambiguous only as one group of three digits after one to three digits', () => {
    expect(['1.444', '-12.500', ' 999.999 '].map(dotRoleOf)).toEqual([AMBIGUOUS, AMBIGUOUS, AMBIGUOUS]);
    expect(['7.4', '0.444', '1234.567', '1.4445', '1.5e3', '.444'].map(dotRoleOf)).toEqual(Array(6).fill(DOT_DECIMAL));
    expect(['1.444,0', '1.234.567', '-1.234,5', '1.444 €'].map(dotRoleOf)).toEqual(Array(4).fill(DOT_THOUSANDS));
    expect(['0,5', '-1,8', '1,5e3'].map(dotRoleOf)).toEqual(Array(3).fill(COMMA_DECIMAL));
    expect(['12', '', 'NA', '1,2,3', '10.03.2022', '1,5.3'].map(dotRoleOf)).toEqual(Array(6).fill(NO_DOT));
  });
});

describe("'1.444' in a column of decimal commas", () => {
  it("is 1444 when the column writes '1.444,0', with a warning naming both cells and their lines", async () => {
    const r = await load('a;b\n1.444;x\n1.444,0;y\n0,5;z\n-2.500;w\n');
    expect(r.col('a')).toEqual([1444, 1444, 0.5, -2500]);
    const [w] = dotsWarning(r.result.validation.issues);
    expect(w).toMatchObject({ column: 'a', count: 2 });
    expect(w.message).toBe("column 'a': '1.444' (line 2) could be 1.444 or 1444; the column writes '.' between thousands ('1.444,0', line 3) and never '.' as a decimal point, so it was read as 1444 (2 cells like it). If such cells are decimals, write them with a decimal comma ('1,444')");
    // the record says so: the documented rule alone would read '1.444' as 1.444
    expect(formatOf(r, 'a')).toEqual({ decimal: ',', thousands: '.', dotsWithoutComma: 'thousands' });
  });

  it('is 1444 beside decimal commas alone', async () => {
    const r = await load('a;b\n0,5;x\n1.250;y\n');
    expect(r.col('a')).toEqual([0.5, 1250]);
    expect(dotsWarning(r.result.validation.issues).map((i) => i.message)).toEqual([
      "column 'a': '1.250' (line 3) could be 1.25 or 1250; the column writes decimal commas ('0,5', line 2) and never '.' as a decimal point, so it was read as 1250. If such cells are decimals, write them with a decimal comma ('1,250')",
    ]);
  });

  it('read as 1.444 in the sampled rows, is read again as 1444 when a later row writes a dot between thousands', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `${1 + (i % 9)}.${String((i * 37) % 1000).padStart(3, '0')};x`);
    const r = await load(['a;b', ...rows, '2.500,5;y', '3;z'].join('\n'));
    const a = r.col('a');
    expect(a.slice(0, 3)).toEqual([1000, 2037, 3074]);
    expect(a.slice(-2)).toEqual([2500.5, 3]);
    expect(r.result.rows).toBe(1102);
    const [w] = dotsWarning(r.result.validation.issues);
    expect(w).toMatchObject({ count: 1100 });
    expect(w.message).toMatch(/^column 'a': '1\.000' \(line 2\) could be 1 or 1000; the column writes '\.' between thousands \('2\.500,5', line 1102\) and never '\.' as a decimal point, so it was read as 1000 \(1,100 cells like it\)/);
    // one reading in the dataset: no report of the first pass is left over
    expect(r.result.validation.issues.filter((i) => i.kind === 'retyped')).toEqual([]);
  });

  it("keeps the plain reading in a column that also writes '.' as a decimal point, and warns with a line of each", async () => {
    // a column of both forms is text when sniffed ('7.25' is no European number): here the user typed it float
    const r = await load('a;b\n1.444;x\n2,5;y\n7.25;z\n', { columnTypes: { a: 'float' } });
    expect(r.col('a')).toEqual([1.444, 2.5, 7.25].map(Math.fround));
    const [w] = dotsWarning(r.result.validation.issues);
    expect(w).toMatchObject({ column: 'a', count: 1, severity: 'warning' });
    expect(w.message).toBe("column 'a' writes numbers two ways: with a decimal point ('7.25', line 4) and with a decimal comma ('2,5', line 3), so '1.444' (line 2) cannot be told apart: it was read with '.' as the decimal point, 1.444 (not 1444). Check those cells, and write the column one way: a decimal comma with '.' between thousands ('1.444,5'), or a decimal point without thousands separators ('1444.5')");
    expect(formatOf(r, 'a')).toEqual({ decimal: ',', thousands: '.' });
  });

  it("warns about a column whose cells use '.' both ways even when none is ambiguous", async () => {
    const r = await load('a;b\n1.234,5;x\n7.25;y\n3;z\n', { columnTypes: { a: 'float' } });
    expect(r.col('a')).toEqual([1234.5, 7.25, 3].map(Math.fround));
    expect(dotsWarning(r.result.validation.issues).map((i) => i.message)).toEqual([
      "column 'a' writes '.' two ways: as a decimal point ('7.25', line 3) and between thousands ('1.234,5', line 2). Each cell was read by its own form, but a cell such as '1.444' could not be: write the column one way: a decimal comma with '.' between thousands ('1.444,5'), or a decimal point without thousands separators ('1444.5')",
    ]);
  });

  it("read as 1444 in the sampled rows, is read again as 1.444 when a later row writes '.' as a decimal point", async () => {
    // the sample has decimal commas and '1.000'-like cells: 1000; line 1102 has '7.25', so the column is written both ways
    const rows = Array.from({ length: 1100 }, (_, i) => (i % 2 ? `${1 + (i % 9)},${i % 10};x` : `${1 + (i % 9)}.${String((i * 37) % 1000).padStart(3, '0')};x`));
    const r = await load(['a;b', ...rows, '7.25;y'].join('\n'));
    expect(r.col('a').slice(0, 3)).toEqual([1, 2.1, 3.074].map(Math.fround));
    const [w] = dotsWarning(r.result.validation.issues);
    expect(w).toMatchObject({ count: 550 });
    expect(w.message).toMatch(/^column 'a' writes numbers two ways: with a decimal point \('7\.25', line 1102\) and with a decimal comma \('2,1', line 3\), so '1\.000' \(line 2\) cannot be told apart: it was read with '\.' as the decimal point, 1 \(not 1000\) \(550 cells like it\)/);
    expect(formatOf(r, 'a')).toEqual({ decimal: ',', thousands: '.' });
  });

  it("stays 1.444 in a ';' file written with decimal points, without a warning", async () => {
    const r = await load('fixed acidity;density\n7.4;0.9978\n1.444;0.998\n');
    expect(r.col('fixed acidity')).toEqual([7.4, 1.444].map(Math.fround));
    expect(dotsWarning(r.result.validation.issues)).toEqual([]);
  });
});

describe("a ';' file whose only dotted numbers are '1.444'-like, and no cell proves either mark", () => {
  const file = `Artikel;Menge;Lager\n${Array.from({ length: 20 }, (_, i) => `A${i};${1 + (i % 9)}.${String(100 + i * 37).padStart(3, '0')};${['Nord', 'Süd'][i % 2]}`).join('\n')}\n`;

  it('reads 1.1 as written, with a warning naming both readings and how to ask for thousands', async () => {
    const r = await load(file);
    expect(r.col('Menge').slice(0, 3)).toEqual([1.1, 2.137, 3.174].map(Math.fround));
    const [w] = dotsWarning(r.result.validation.issues);
    expect(w).toMatchObject({ column: 'Menge', count: 20, severity: 'warning' });
    expect(w.message).toBe("column 'Menge': '1.100' (line 2) could be 1.1 or 1100. The file is separated by ';', as European spreadsheets save files that write '.' between thousands, yet no cell in it proves either reading (no decimal comma, no decimal point followed by other than three digits), so it was read with '.' as the decimal point: 1.1 (20 cells like it). "
      + "If the dots separate thousands, import with --types Menge=int, which reads '1.100' as 1100; to keep 1.1 without this warning, import with --types Menge=float");
  });

  it('--types Menge=int reads them as thousands (recorded so), --types Menge=float keeps 1.1; neither warns', async () => {
    const int = await load(file, { columnTypes: { Menge: 'int' } });
    expect(int.col('Menge').slice(0, 3)).toEqual([1100, 2137, 3174]);
    expect(formatOf(int, 'Menge')).toEqual({ decimal: ',', thousands: '.', dotsWithoutComma: 'thousands' });
    expect(dotsWarning(int.result.validation.issues)).toEqual([]);
    const float = await load(file, { columnTypes: { Menge: 'float' } });
    expect(float.col('Menge')[0]).toBe(Math.fround(1.1));
    expect(dotsWarning(float.result.validation.issues)).toEqual([]);
  });

  it('says nothing when another column proves the decimal point (7.25) or a cell of the column does (0.998)', async () => {
    const lines = file.trimEnd().split('\n');
    const withPreis = (cell: string) => `${[`${lines[0]};Preis`, ...lines.slice(1).map((l, i) => `${l};${i === 4 ? cell : i}`)].join('\n')}\n`;
    expect(dotsWarning((await load(withPreis('7.25'))).result.validation.issues)).toEqual([]);
    // whole numbers beside it prove nothing: still warned
    expect(dotsWarning((await load(withPreis('3'))).result.validation.issues)).toHaveLength(1);
    const own = await load(file.replace(';2.137;', ';0.998;'));
    expect(dotsWarning(own.result.validation.issues)).toEqual([]);
  });
});

describe("a tab (or '|') file whose only dotted numbers are '1.444'-like, and no cell proves either mark", () => {
  const rows = (d: string) => `Artikel${d}Menge${d}Lager\n${Array.from({ length: 20 }, (_, i) => `A${i}${d}${1 + (i % 9)}.${String(100 + i * 37).padStart(3, '0')}${d}${['Nord', 'Süd'][i % 2]}`).join('\n')}\n`;

  it("reads 1.1 as written, with the ';' file's warning naming --types Menge=int; int reads 1100, float keeps 1.1 without it", async () => {
    const tab = await load(rows('\t'), {}, 'tsv');
    expect(tab.col('Menge').slice(0, 3)).toEqual([1.1, 2.137, 3.174].map(Math.fround));
    const [w] = dotsWarning(tab.result.validation.issues);
    expect(w).toMatchObject({ column: 'Menge', count: 20, severity: 'warning' });
    expect(w.message).toBe("column 'Menge': '1.100' (line 2) could be 1.1 or 1100. The file is separated by tabs, as spreadsheets save text exports, which write '.' between thousands in many locales, yet no cell in it proves either reading (no decimal comma, no decimal point followed by other than three digits), so it was read with '.' as the decimal point: 1.1 (20 cells like it). "
      + "If the dots separate thousands, import with --types Menge=int, which reads '1.100' as 1100; to keep 1.1 without this warning, import with --types Menge=float");
    const int = await load(rows('\t'), { columnTypes: { Menge: 'int' } }, 'tsv');
    expect(int.col('Menge').slice(0, 3)).toEqual([1100, 2137, 3174]);
    expect(dotsWarning(int.result.validation.issues)).toEqual([]);
    const float = await load(rows('\t'), { columnTypes: { Menge: 'float' } }, 'tsv');
    expect(float.col('Menge')[0]).toBe(Math.fround(1.1));
    expect(dotsWarning(float.result.validation.issues)).toEqual([]);

    const pipe = await load(rows('|'), {}, 'txt');
    expect(dotsWarning(pipe.result.validation.issues)[0].message).toMatch(/^column 'Menge': '1\.100' \(line 2\) could be 1\.1 or 1100\. The file is separated by '\|', not ',', so its numbers may be written as in locales that put '\.' between thousands, yet .* import with --types Menge=int/);
    expect((await load(rows('|'), { columnTypes: { Menge: 'int' } }, 'txt')).col('Menge')[0]).toBe(1100);
  });

  it("says nothing in a ',' file, or when a cell of the file proves the decimal point", async () => {
    expect(dotsWarning((await load(rows(','))).result.validation.issues)).toEqual([]);
    const proven = rows('\t').replace('\t2.137\t', '\t0.998\t');
    expect(dotsWarning((await load(proven, {}, 'tsv')).result.validation.issues)).toEqual([]);
  });
});
