// UCI's Air Quality file ends with lines of nothing but ';'. As rows they had no time and no value, so every
// column counted them missing and a forecasting run padded its test part with them. At the end of the file
// they are skipped with a note; inside the table they stay rows; a dataset imported before keeps them.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-empty-tail-');
afterAll(cleanup);
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `2004-03-${String(10 + Math.floor((from + i) / 24)).padStart(2, '0')} ${String((from + i) % 24).padStart(2, '0')}:00;${(2 + ((from + i) % 7) / 10).toFixed(1).replace('.', ',')};1${(from + i) % 10}`).join('\n');
const note = (r: Awaited<ReturnType<typeof load>>) => r.result.validation.issues.find((i) => i.kind === 'note' && /only delimiters/.test(i.message))?.message;

describe("lines of only ';' at the end of the file", () => {
  it('are skipped with a note naming their lines; no column counts them missing', async () => {
    const r = await load(`date;CO;T\n${rows(30)}\n;;\n;;\n ; ;\n`);
    expect(r.result.rows).toBe(30);
    expect(r.result.columns.map((c) => c.stats.missing)).toEqual([0, 0, 0]);
    expect(note(r)).toBe("the last 3 lines (32–34) at the end of the file hold only delimiters (';;'), no values: skipped; they are not data");
  });

  it('stay rows inside the table, where a row with values follows them', async () => {
    const inside = await load(`date;CO;T\n${rows(20)}\n;;\n;;\n${rows(10, 20)}\n`);
    expect(inside.result.rows).toBe(32);
    expect(inside.col('CO').slice(20, 23)).toEqual([NaN, NaN, Math.fround(2.6)]);
    expect(note(inside)).toBeUndefined();
  });

  it('a dataset imported before the rule keeps them as rows', async () => {
    const r = await load(`date;CO;T\n${rows(30)}\n;;\n;;\n`, { parseRules: parseRulesWith((rule) => rule !== 'emptyTrailingRows') } as ImportOptions);
    expect(r.result.rows).toBe(32);
  });
});
