// pandas' default na_values ('n/a', 'None', '#NA', '-nan', ...) are missing in category, text and boolean
// columns of a new import, as pandas reads them (LendingClub's emp_length 'n/a' was a category of its own),
// with a note that counts them and says how to keep them as a category; '#NA', '-nan' in number columns too. A
// dataset imported before the rule (parseRules without pandasMissingCells) reads them as it did: categories, text.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';
import { PANDAS_NA_VALUES } from './missing-cell-bytes';

const { load, tmp, cleanup } = textLoader('gatelab-pandas-missing-');
afterAll(cleanup);

const BEFORE = { parseRules: parseRulesWith((rule) => rule !== 'pandasMissingCells') } as ImportOptions;
const LENGTHS = ['10+ years', 'n/a', '< 1 year', '3 years', 'n/a', '1 year'];
const SMOKING = ['never smoked', 'None', 'smokes', 'None', 'formerly smoked', '#NA'];
const CSV = ['loan,emp_length,smoking_status', ...LENGTHS.map((l, i) => `${1000 + i},${l},${SMOKING[i]}`)].join('\n') + '\n';

const stats = (r: Awaited<ReturnType<typeof load>>, name: string) => r.result.columns.find((c) => c.name === name)!.stats;
const notes = (r: Awaited<ReturnType<typeof load>>) => r.result.validation.issues.filter((i) => i.kind === 'note');

describe("pandas' missing cells in category columns", () => {
  it("are missing values, not categories, each column's counted in a note that says how to keep them", async () => {
    const r = await load(CSV, {}, 'loans.csv');
    expect(r.type('emp_length')).toBe('categorical');
    expect(r.col('emp_length')).toEqual(['10+ years', null, '< 1 year', '3 years', null, '1 year']);
    expect(stats(r, 'emp_length')).toMatchObject({ missing: 2, cardinality: 4 });
    expect(stats(r, 'emp_length').topValues?.map((t) => t.value)).not.toContain('n/a');
    expect(r.col('smoking_status')).toEqual(['never smoked', null, 'smokes', null, 'formerly smoked', null]);
    expect(stats(r, 'smoking_status')).toMatchObject({ missing: 3, cardinality: 3 });
    const byColumn = Object.fromEntries(notes(r).filter((n) => /as pandas' read_csv does \(its default na_values\)/.test(n.message)).map((n) => [n.column, n]));
    expect(byColumn.emp_length).toMatchObject({ count: 2, message: "column 'emp_length': 2 cells 'n/a' read as missing, as pandas' read_csv does (its default na_values). "
      + "To keep them as a category, write them another way in the file (any spelling not in that list, e.g. 'none' or 'unknown') and import it again; "
      + "pandas keeps them with `pd.read_csv('loans.csv', keep_default_na=False, na_values=[''])` (only empty cells missing, in every column)" });
    // the pandas line, run on the very file: 'n/a' and 'None' are values there
    const line = /`(pd\.read_csv\([^`]+\))`/.exec(byColumn.smoking_status.message)![1];
    const py = `import json, pandas as pd\ndf = ${line}\nprint(json.dumps([df['emp_length'].tolist(), df['smoking_status'].tolist()]))`;
    expect(JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))).toEqual([LENGTHS, SMOKING]);
    expect(byColumn.smoking_status).toMatchObject({ count: 3, message: expect.stringMatching(/^column 'smoking_status': 3 cells 'None' or '#NA' read as missing/) });
    expect(byColumn.loan).toBeUndefined();
  });

  it('a dataset imported before the rule keeps them as categories when parsed again, with no note', async () => {
    const r = await load(CSV, BEFORE);
    expect(r.col('emp_length')).toEqual(LENGTHS);
    expect(stats(r, 'emp_length')).toMatchObject({ missing: 0, cardinality: 5 });
    expect(r.col('smoking_status')).toEqual(SMOKING);
    expect(notes(r).some((n) => /na_values/.test(n.message))).toBe(false);
    // the cells missing to it before stay missing
    const old = await load('k,c\n1,a\n2,NA\n3,b\n4,N/A\n5,n/a\n', BEFORE);
    expect(old.col('c')).toEqual(['a', null, 'b', null, 'n/a']);
  });

  it('are matched exactly, long spellings too; cells that only look like them are values', async () => {
    const cells = ['#N/A N/A', '-1.#QNAN', '1.#IND', '-NaN', '-nan', 'none', 'NONE', ' None', 'n/a ', 'N/a', '1.#INDX', '#na', 'a'];
    const r = await load(`k,c\n${cells.map((c, i) => `${i},"${c}"`).join('\n')}\n`, { columnTypes: { c: 'categorical' } });
    expect(r.col('c')).toEqual([null, null, null, null, null, 'none', 'NONE', ' None', 'n/a ', 'N/a', '1.#INDX', '#na', 'a']);
    expect(notes(r).find((n) => n.column === 'c' && n.message.includes('na_values'))!.message).toMatch(/^column 'c': 5 cells '#N\/A N\/A' or '-1\.#QNAN' or '1\.#IND' or other spellings of missing read as missing/);
    for (const cell of PANDAS_NA_VALUES.cells) expect(PANDAS_NA_VALUES.indexOfBytes(Buffer.from(`x${cell}y`), 1, 1 + cell.length)).toBe(PANDAS_NA_VALUES.cells.indexOf(cell));
  });

  it("'#NA', '-nan', '1.#IND' are missing in number columns too (decimal commas and a typed float alike); before the rule they made the column text", async () => {
    const csv = 'k,a,b,c\n1,1.5,2,3\n2,#NA,-nan,1.#IND\n3,2.5,4,5\n4,3.5,5,-1.#QNAN\n';
    const r = await load(csv);
    expect([r.type('a'), r.type('b'), r.type('c')]).toEqual(['float', 'int', 'int']);
    expect(r.col('a')).toEqual([1.5, NaN, 2.5, 3.5]);
    expect(r.col('c')).toEqual([3, NaN, 5, NaN]);
    expect(stats(r, 'c').missing).toBe(2);
    expect(notes(r).some((n) => /na_values/.test(n.message))).toBe(false); // pandas reads them so: nothing to explain
    expect((await load('k;a\n1;1,5\n2;#NA\n3;2,5\n')).col('a')).toEqual([1.5, NaN, 2.5]);
    expect((await load('k,a\n1,1.5\n2,#N/A N/A\n', { columnTypes: { a: 'float' } })).col('a')).toEqual([1.5, NaN]);
    const old = await load(csv, BEFORE);
    expect([old.type('a'), old.type('b'), old.type('c')]).toEqual(['categorical', 'categorical', 'categorical']);
    expect(old.col('b')).toEqual(['2', '-nan', '4', '5']);
    await expect(load('k,a\n1,1.5\n2,#NA\n', { ...BEFORE, columnTypes: { a: 'float' } })).rejects.toThrow(/line 3.*'#NA'/);
  });

  it("are missing in a boolean column and in JSON Lines strings too; one cell is 'it'; a ';' file's pandas line sniffs its separator", async () => {
    const flags = await load('id,member\n1,yes\n2,no\n3,None\n4,yes\n5,no\n');
    expect(flags.type('member')).toBe('boolean');
    expect(flags.col('member')).toEqual(['true', 'false', null, 'true', 'false']);
    expect(notes(flags).find((n) => n.column === 'member')!.message).toMatch(/^column 'member': 1 cell 'None' read as missing, as pandas' read_csv does .* To keep it as a category, write it another way/);
    const lines = await load('{"k":1,"c":"a"}\n{"k":2,"c":"n/a"}\n{"k":3,"c":"b"}\n', {}, 'jsonl');
    expect(lines.col('c')).toEqual(['a', null, 'b']);
    expect(notes(lines).find((n) => n.column === 'c')!.message).not.toContain('pd.read_csv'); // read_json applies no na_values
    const semi = await load('k;c\n1;a\n2;None\n', {}, 'semi.csv');
    expect(notes(semi).find((n) => n.column === 'c')!.message).toContain("`pd.read_csv('semi.csv', sep=None, engine='python', keep_default_na=False, na_values=[''])`");
  });
});
