// Whole numbers beyond 2^53 in a column not named like an id are read as exact categories, with a note; a
// dataset imported before the rule (bigIntCodes off) reads them as numbers, as it did.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { inferKind } from './infer';
import { beyondFloat64 } from './big-int-codes';

const { load, cleanup } = textLoader('gatelab-big-ints-');
afterAll(cleanup);

// 2^60 + 1 and 2^60 + 2: one and the same float64
const CSV = 'order,amount\n1152921504606846977,10\n1152921504606846978,20\n42,30\n';

describe('integers beyond 2^53', () => {
  it('a column not named like an id is categorical and keeps every digit, so distinct values stay distinct', async () => {
    const r = await load(CSV);
    expect(r.type('order')).toBe('categorical');
    expect(r.col('order')).toEqual(['1152921504606846977', '1152921504606846978', '42']);
    expect(r.issues['note:order']?.message).toMatch(/beyond 2\^53 \(e\.g\. '1152921504606846977'\).*would be 1152921504606846976.*Set its type to float/);
    expect(r.type('amount')).toBe('int');
  });

  it('JSON Lines too (its big integers arrive as their digits)', async () => {
    const r = await load('{"order": 1152921504606846977, "v": 1}\n{"order": 1152921504606846978, "v": 2}\n', {}, 'jsonl');
    expect(r.col('order')).toEqual(['1152921504606846977', '1152921504606846978']);
  });

  it('a dataset imported before the rule reads them as numbers again; smaller numbers are not affected', () => {
    expect(inferKind('order', ['1152921504606846977', '42'], undefined, { bigIntCodes: false })).toMatchObject({ kind: 'number', dtype: 'float64' });
    expect(inferKind('order', ['1152921504606846977', '42'])).toMatchObject({ kind: 'string', identifier: true });
    expect(inferKind('count', ['9007199254740991', '42'])).toMatchObject({ kind: 'number' }); // 2^53 - 1 is exact
    expect(inferKind('ratio', ['1152921504606846977.5', '1.5'])).toMatchObject({ kind: 'number' });
    expect(beyondFloat64('-9007199254740993')).toBe(true);
    expect(beyondFloat64('1e20')).toBe(false);
  });
});
