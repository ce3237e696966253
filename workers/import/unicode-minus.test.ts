// The Unicode minus U+2212 ('−1.23'), as Swedish and other Nordic exports write negatives, is a minus sign:
// a column of such numbers is a number column (formatted-number.ts), its note says so, and a dataset recorded
// without the rule (ParseRules.unicodeMinus) reads it as the text it was.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { formattedNote, parseFormatted } from './formatted-number';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-unicode-minus-');
afterAll(cleanup);

const M = '\u2212';
const WITHOUT = { parseRules: parseRulesWith((rule) => rule !== 'unicodeMinus') } as ImportOptions;

describe('the Unicode minus', () => {
  it('reads as a minus wherever a sign may stand, and not for a dataset recorded without it', () => {
    expect(parseFormatted(`${M}1.23`, false)).toMatchObject({ value: -1.23, unicodeMinus: true });
    expect(parseFormatted(`${M}1 234,50`, true)?.value).toBe(-1234.5);
    expect(parseFormatted(`${M}$5`, false)?.value).toBe(-5);
    expect(parseFormatted(`(${M}5)`, false)).toBeNull(); // a sign inside parentheses is no accounting negative
    expect(parseFormatted(`${M}${M}5`, false)).toBeNull();
    expect(parseFormatted(`${M}1.23`, false, { noUnicodeMinus: true })).toBeNull();
    expect(parseFormatted('-1.23', false, { noUnicodeMinus: true })?.value).toBe(-1.23);
  });

  it('a Swedish export (tab-separated, decimal commas) of them is a float column with a note', async () => {
    const r = await load(`datum\ttemp\n2024-01-01\t${M}1,5\n2024-01-02\t2,25\n2024-01-03\t${M}0,75\n`, {}, 'tsv');
    expect(r.type('temp')).toBe('float');
    expect(r.col('temp')).toEqual([-1.5, 2.25, -0.75]);
    expect(r.result.validation.issues.find((i) => i.kind === 'note' && i.column === 'temp')?.message).toMatch(/Unicode minus signs '−' \(2 values/);
  });

  it("a comma-separated column is float; a later '−' beyond a plain sample is read as well", async () => {
    expect((await load(`id,v\na,${M}1.23\nb,4.5\nc,0.5\n`)).col('v')).toEqual([-1.23, 4.5, 0.5].map(Math.fround));
    const plain = Array.from({ length: 2000 }, (_, i) => `r${i},${(i % 7) + 0.5}`);
    const r = await load(`id,v\n${plain.join('\n')}\nlast,${M}2.5\n`);
    expect(r.type('v')).toBe('float');
    expect(r.col('v').at(-1)).toBe(-2.5);
  });

  it('recorded without unicodeMinus the column is the text it was', async () => {
    expect((await load(`id,v\na,${M}1.23\nb,4.5\nc,0.5\n`, WITHOUT)).type('v')).toBe('categorical');
  });

  it('the note counts them', () => {
    expect(formattedNote('v', { thousands: 0, percent: 0, currency: new Set(), unicodeMinus: 2, example: '−1.23' })).toBe("column 'v': read as numbers with Unicode minus signs '−' (2 values) removed (e.g. '−1.23'); '−' is taken as '-': −1.5 is -1.5");
  });
});
