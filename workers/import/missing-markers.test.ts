// '-' and '?' as pandas reads them: categories in a category column (pandas' default na_values do not
// include them), missing in a number column (where pandas would turn the whole column into text), each
// with a note; and the exported model's list of missing cells agrees with the importer's category column.
import { afterAll, describe, expect, it } from 'vitest';
import { EARLIER_MISSING_CELLS, MISSING_CELLS, NUMBER_MISSING_CELLS } from '../../main/lab/runs/export-preprocessing';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-markers-');
afterAll(cleanup);

describe("'-' and '?' markers", () => {
  it('are missing in a number column and categories in a category column, each said in a note', async () => {
    const r = await load('city,amount\nOslo,1.5\n?,-\nLima,?\n-,2\nNA,null\n');
    expect(r.type('amount')).toBe('float');
    expect(r.col('amount')).toEqual([1.5, NaN, NaN, 2, NaN]);
    expect(r.col('city')).toEqual(['Oslo', '?', 'Lima', '-', null]);
    const notes = Object.fromEntries(r.result.validation.issues.filter((i) => i.kind === 'note').map((i) => [i.column, i]));
    expect(notes.amount).toMatchObject({ count: 2, message: expect.stringMatching(/column 'amount': 2 cells '-' or '\?' read as missing values/) });
    expect(notes.city).toMatchObject({ count: 2, message: expect.stringMatching(/column 'city': '\?' \(1 rows\) and '-' \(1 rows\) kept as categories, as pandas does/) });
    expect(r.result.columns.find((c) => c.name === 'city')!.stats.missing).toBe(1); // only NA
  });

  // pandas' default na_values (README "Missing markers"); a dataset imported before that rule: GateLab's first list
  it("the export's missing cells are exactly those the category column reads as missing, for a new and an old dataset", async () => {
    const candidates = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '<NA>', '#N/A', 'n/a', 'None', '#NA', '#N/A N/A', '-NaN', '-nan', '1.#IND', '-1.#IND', '1.#QNAN', '-1.#QNAN',
      '-', '?', 'none', 'NONE', 'N/a', 'x'];
    const csv = `k,v\n${candidates.map((c, i) => `"${c}",${i}`).join('\n')}\n`;
    const missingUnder = async (options: ImportOptions) => {
      const r = await load(csv, { ...options, columnTypes: { k: 'categorical' } });
      return candidates.filter((_, i) => r.col('k')[i] === null);
    };
    expect(await missingUnder({})).toEqual(MISSING_CELLS);
    expect(await missingUnder({ parseRules: parseRulesWith((rule) => rule !== 'pandasMissingCells') } as ImportOptions)).toEqual(EARLIER_MISSING_CELLS);
  });

  it("the export's number-missing cells (trimmed, any case) are those a number column reads as missing", async () => {
    const variants = ['', 'NA', 'n/a', 'NaN', 'null', 'None', ' ? ', '-', '#N/A', 'NIL', '<NA>'];
    expect(new Set(variants.map((c) => c.trim().toLowerCase()))).toEqual(new Set(NUMBER_MISSING_CELLS));
    const numbers = Array.from({ length: 20 }, (_, i) => `${100 + i},${i / 2}`).join('\n');
    const r = await load(`k,v\n${variants.map((c, i) => `${i},"${c}"`).join('\n')}\n${numbers}\n`, { columnTypes: { v: 'float' } });
    expect(r.col('v').slice(0, variants.length).every((x) => Number.isNaN(x))).toBe(true);
    // cells that only look like them are no numbers: the import refuses them
    for (const cell of ['nul', 'n.a.', '??']) await expect(load(`k,v\n0,"${cell}"\n${numbers}\n`, { columnTypes: { v: 'float' } })).rejects.toThrow(/not a valid float value/);
  });
});
