// A column the user types int ('--types qty=int') whose cells hold fractions ('1.1') is stored as written,
// but not silently: the import warns with the count and the first such cell, as it does for other values
// that do not fit the type they were given.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-int-fractions-');
afterAll(cleanup);

describe('fractions in a column typed int', () => {
  it('warns with the count and the first cell and its line, and keeps the values as written', async () => {
    const { issues, col, type } = await load('id,qty\na,1\nb,1.1\nc,3\nd,2.5\n', { columnTypes: { qty: 'int' } });
    expect(type('qty')).toBe('int');
    expect(col('qty')).toEqual([1, Math.fround(1.1), 3, 2.5]);
    const w = issues['note:qty'];
    expect(w.severity).toBe('warning');
    expect(w.count).toBe(2);
    expect(w.message).toBe("column 'qty': typed int, but 2 values have a fraction (e.g. '1.1' at line 3); they are kept as written, not rounded. Set its type to float if the fractions are real, or correct them in the file and import it again");
  });

  it('says nothing for whole numbers typed int, nor for fractions typed float or inferred', async () => {
    expect((await load('qty\n1\n2.0\n3\n', { columnTypes: { qty: 'int' } })).issues['note:qty']).toBeUndefined();
    expect((await load('qty\n1\n2.5\n', { columnTypes: { qty: 'float' } })).issues['note:qty']).toBeUndefined();
    expect((await load('qty\n1\n2.5\n')).issues['note:qty']).toBeUndefined();
  });

  it('JSON Lines numbers too', async () => {
    const { issues } = await load('{"qty": 1}\n{"qty": 1.25}\n', { columnTypes: { qty: 'int' } }, 'jsonl');
    expect(issues['note:qty'].message).toContain("1 value has a fraction (e.g. '1.25' at line 2)");
  });
});
