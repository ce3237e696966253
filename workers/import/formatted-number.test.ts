// Numbers written for people: thousands separators, percentages and currency symbols are read as
// numbers (the values checked in the cache), with a note naming what was removed; a user's float type
// reads them too, and its error for a value it still cannot read says what it accepts.
import { afterAll, describe, expect, it } from 'vitest';
import { formattedNote, parseFormatted } from './formatted-number';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-formatted-');
afterAll(cleanup);

const notes = (r: Awaited<ReturnType<typeof load>>, column: string) => r.result.validation.issues.filter((i) => i.kind === 'note' && i.column === column).map((i) => i.message);

describe('formatted numbers', () => {
  it('parses separators, % and $ € £ ¥, and refuses what is ambiguous', () => {
    const v = (s: string, dc = false) => parseFormatted(s, dc)?.value ?? null;
    expect(v('1,619.5')).toBe(1619.5);
    expect(v('12,345,678')).toBe(12345678);
    expect(v('77%')).toBe(77);
    expect(v('$14.05')).toBe(14.05);
    expect(v('-$1,200.50')).toBe(-1200.5);
    expect(v('$-3')).toBe(-3);
    expect(v('14.05 €')).toBe(14.05);
    expect(v('£7')).toBe(7);
    expect(v('¥1,000')).toBe(1000);
    expect(v('1.234,50 €', true)).toBe(1234.5);
    expect(v('€3,50', true)).toBe(3.5);
    expect(v('0,867')).toBeNull(); // a decimal comma, not 867
    expect(v('1,5')).toBeNull();
    expect(v('12,34.5')).toBeNull();
    expect(v('$')).toBeNull();
    expect(v('$5%')).toBeNull();
    expect(v('5 kg')).toBeNull();
  });

  it('a sniffed column of such values is float, with a note naming the column and what was stripped', async () => {
    const r = await load('city,amount,rate,price,code\nMalmö,"1,619.5",77%,$14.05,A\nKraków,412.7,2%,$0.55,B\nOslo,"12,000",100%,$3,C\n');
    expect([r.type('amount'), r.type('rate'), r.type('price'), r.type('code')]).toEqual(['float', 'int', 'float', 'categorical']);
    expect(r.col('amount')).toEqual([1619.5, 412.7, 12000].map(Math.fround));
    expect(r.col('rate')).toEqual([77, 2, 100]);
    expect(r.col('price')).toEqual([14.05, 0.55, 3].map(Math.fround));
    expect(notes(r, 'amount')).toEqual([expect.stringMatching(/column 'amount': read as numbers with thousands separators \(2 values\) removed \(e\.g\. '1,619\.5'\)/)]);
    // one sentence: what was removed and an example, then what the '%' means (not wedged between them)
    expect(notes(r, 'rate')).toEqual(["column 'rate': read as numbers with '%' (3 values) removed (e.g. '77%'); a percentage is kept as the number written: 77% is 77, not 0.77"]);
    expect(notes(r, 'price')[0]).toMatch(/currency symbols '\$'/);
  });

  it("reads '€3,50' in a ';' file; mixed currencies or a partial '%' stay categories", async () => {
    const eu = await load('item;price\na;€3,50\nb;"1.234,00 €"\nc;€2\n');
    expect(eu.type('price')).toBe('float');
    expect(eu.col('price')).toEqual([3.5, 1234, 2]);
    expect((await load('p\n$1\n€2\n$3\n')).type('p')).toBe('categorical');
    expect((await load('p\n5%\n0.05\n7%\n')).type('p')).toBe('categorical');
  });

  it('--types amount=float reads them too; a value it cannot read fails with what it accepts', async () => {
    const r = await load('id,amount\na,"1,619.5"\nb,$3\n', { columnTypes: { amount: 'float' } });
    expect(r.col('amount')).toEqual([1619.5, 3]);
    await expect(load('id,amount\na,"1,619.5"\nb,3 kg\n', { columnTypes: { amount: 'float' } })).rejects.toMatchObject({
      code: 'unparsable', line: 3, message: expect.stringMatching(/'3 kg' is not a valid float value .*thousands separators \(1,234\.5\), a trailing % \(77%\) and the currency symbols \$ € £ ¥/),
    });
  });

  it('a number column reads thousands separators after the sample, but a later % or $ re-types it', async () => {
    const small = Array.from({ length: 1100 }, (_, i) => `${i}`);
    const r = await load(`amount\n${small.join('\n')}\n"1,250"\n"12,000.5"\n`);
    expect(r.type('amount')).toBe('float');
    expect(r.col('amount').slice(-2)).toEqual([1250, 12000.5]);
    expect(r.result.validation.issues.map((i) => i.kind)).toEqual(['note']);
    expect((await load(`rate\n${small.join('\n')}\n5%\n`)).type('rate')).toBe('categorical');
  });

  it('a formatted column that meets an unreadable value later is re-read as categories', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `$${i}.50`);
    const r = await load(`price\n${rows.join('\n')}\nfree\n`);
    expect(r.type('price')).toBe('categorical');
    expect(r.result.validation.issues.some((i) => i.kind === 'retyped' && i.column === 'price')).toBe(true);
  });

  it("reads thousands grouped by spaces (also U+00A0, U+202F) and apostrophes (also U+2019), and accounting negatives; refuses what does not group by three", () => {
    const v = (s: string, dc = false) => parseFormatted(s, dc)?.value ?? null;
    expect(v('40 347,64', true)).toBe(40347.64);
    expect(v('40\u00a0347,64', true)).toBe(40347.64);
    expect(v('1\u202f234\u202f567,5 €', true)).toBe(1234567.5);
    expect(v('12 345')).toBe(12345);
    expect(v("1'234.50")).toBe(1234.5);
    expect(v('1\u2019234\u2019567')).toBe(1234567);
    expect(v('(1,234.50)')).toBe(-1234.5);
    expect(v('($5)')).toBe(-5);
    expect(v('(1 234,50 €)', true)).toBe(-1234.5);
    expect(parseFormatted('(7.25)', false)).toMatchObject({ value: -7.25, parenthesized: true, thousands: false });
    expect(parseFormatted("1'234.50", false)).toMatchObject({ thousands: true, separator: "'" });
    expect(v('1 234,567.5')).toBeNull(); // one separator throughout a number
    expect(v("1'234 567")).toBeNull();
    expect(v('12 34')).toBeNull();
    expect(v('1 2345')).toBeNull();
    expect(v('0 123')).toBeNull();
    expect(v('(-5)')).toBeNull(); // a sign inside parentheses is no accounting negative
    expect(v('((5))')).toBeNull();
    expect(v('(5')).toBeNull();
  });

  it("French, Swiss and accounting columns are float with the numbers written, and their note says thousands separators were removed", async () => {
    const fr = await load('montant;taux\n"40 347,64";3,5\n"1\u00a0250,00";4\n"999,5";2,25\n'.replaceAll('"', ''));
    expect(fr.type('montant')).toBe('float');
    expect(fr.col('montant')).toEqual([40347.64, 1250, 999.5].map(Math.fround));
    expect(notes(fr, 'montant')).toEqual([expect.stringMatching(/read as numbers with thousands separators \(2 values\) removed \(e\.g\. '40 347,64'\)/)]);
    const ch = await load("id,v\na,1'053.50\nb,12.25\nc,1\u2019000\n");
    expect(ch.type('v')).toBe('float');
    expect(ch.col('v')).toEqual([1053.5, 12.25, 1000]);
    const acc = await load('id,v\na,"(1,234.50)"\nb,"2,000.00"\nc,(3.25)\nd,4.5\n');
    expect(acc.type('v')).toBe('float');
    expect(acc.col('v')).toEqual([-1234.5, 2000, -3.25, 4.5]);
    // parentheses alone are evidence too: no separator needed
    expect((await load('id,v\na,(12.5)\nb,3\nc,4.25\n')).col('v')).toEqual([-12.5, 3, 4.25]);
  });

  it('the note names accounting parentheses when the column counts them', () => {
    expect(formattedNote('v', { thousands: 3, percent: 0, currency: new Set(), parenthesized: 2, example: '(3,552.30)' }))
      .toBe("column 'v': read as numbers with thousands separators (3 values) and accounting parentheses (2 values) removed (e.g. '(3,552.30)'); a number in parentheses is negative: (1,234.50) is -1234.5");
    expect(formattedNote('v', { thousands: 1, percent: 0, currency: new Set(), example: '1,234' })).toBe("column 'v': read as numbers with thousands separators (1 value) removed (e.g. '1,234')");
    expect(formattedNote('v', { thousands: 0, percent: 0, currency: new Set(), example: '' })).toBeNull();
  });

  it('a column mixing ways of grouping thousands, or numbers not grouped by three, stays text', async () => {
    expect((await load("id,v\na,1 234\nb,5'678\nc,12\n")).type('v')).toBe('categorical');
    expect((await load('id,v\na,12 34\nb,56 78\nc,1 2\n')).type('v')).toBe('categorical');
  });
});
