// A number column's missing values and infinities are counted apart: NaN (from a text cell or a Parquet
// float) is a missing value; an infinity is a value that the trainer stops at, so it is warned about once,
// saying what the policy made of it, and is not counted again as missing.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { writeParquet } from './fixtures/parquet-writer';
import { formattedNote } from './formatted-number';
import { infinitiesMessage } from './number-column';

const { load, cleanup } = textLoader('gatelab-number-column-');
afterAll(cleanup);

/** One blank, one 'NaN', one 'inf' and two numbers (line 5 holds the infinity). */
const CSV = 'x,y\n1,a\n,b\nNaN,c\ninf,d\n5,e\n';

describe('infinities are not missing values', () => {
  it("under 'reject': kept as ±Infinity, warned once, and the missing count is the blank and the NaN", async () => {
    const r = await load(CSV);
    expect(r.col('x')).toEqual([1, NaN, NaN, Infinity, 5]);
    expect(r.result.columns[0].stats).toMatchObject({ count: 2, missing: 2, mean: 3 });
    expect(r.issues['missing:x']).toMatchObject({ count: 2, message: "column 'x': 2 missing values" });
    expect(r.issues['nan_inf:x']).toMatchObject({
      count: 1, severity: 'warning', examples: [{ line: 5, value: 'inf' }],
      message: "column 'x': 1 infinite value, kept as ±Infinity: a run that uses the column as an input stops at it (fix it in the file, or import with --on-invalid impute or drop)",
    });
  });

  it("under 'impute': replaced by the mean with the missing values, and nothing is left missing", async () => {
    const r = await load(CSV, { onInvalid: 'impute' });
    expect(r.col('x')).toEqual([1, 3, 3, 3, 5]);
    expect(r.result.columns[0].stats).toMatchObject({ count: 2, missing: 0 });
    expect(r.issues['missing:x']).toBeUndefined();
    expect(r.issues['imputed:x']).toMatchObject({ count: 3, message: "column 'x': 3 missing or invalid values replaced by the mean (3)" });
    expect(r.issues['nan_inf:x'].message).toBe("column 'x': 1 infinite value, replaced by the column mean like missing values");
    expect(r.result.validation.valuesImputed).toBe(3);
  });

  it("under 'drop': the rows go, and the warning says so", async () => {
    const r = await load('x,y\n1,a\ninf,b\n-inf,c\n4,d\n', { onInvalid: 'drop' });
    expect(r.col('y')).toEqual(['a', 'd']);
    expect(r.issues['nan_inf:x'].message).toBe("column 'x': 2 infinite values; their rows were dropped");
    expect(r.result.validation).toMatchObject({ rowsRead: 4, rowsKept: 2, rowsDropped: 2 });
  });

  it('an infinite target is not imputed: its row is dropped, and the warning does not claim a replacement', async () => {
    const r = await load('f,t\n1,2\n2,inf\n3,4\n4,6\n', { onInvalid: 'impute', target: 't' });
    expect(r.col('t')).toEqual([2, 4, 6]);
    expect(r.issues['nan_inf:t'].message).toBe("target 't': 1 infinite value; its row was dropped, like rows without a target value");
  });

  it('an infinite target is counted once, by the infinity warning, apart from rows without a target', async () => {
    const csv = 'f,t\n1,2\n2,inf\n3,\n4,-inf\n5,6\n';
    const dropped = await load(csv, { onInvalid: 'drop', target: 't' });
    expect(dropped.col('f')).toEqual([1, 5]);
    expect(dropped.issues['nan_inf:t']).toMatchObject({ count: 2, message: "target 't': 2 infinite values; their rows were dropped, like rows without a target value" });
    // the empty cell on line 4 only: the infinities are not also rows "without a target value"
    expect(dropped.issues['target_missing:t']).toMatchObject({ count: 1, examples: [{ line: 4 }], message: "target 't': rows without a target value (dropped)" });
    expect(dropped.issues.dropped_rows.message).toBe("3 of 5 rows dropped (policy 'drop'): lines 3–5");

    const kept = await load(csv, { target: 't' });
    expect(kept.col('t')).toEqual([2, Infinity, NaN, -Infinity, 6]);
    expect(kept.issues['nan_inf:t'].message).toBe("target 't': 2 infinite values, kept as ±Infinity (fix them in the file, or import with --on-invalid drop or impute to drop their rows)");
    expect(kept.issues['target_missing:t']).toMatchObject({ count: 1, examples: [{ line: 4 }] });
  });

  it('a number beyond the Float32 range, after the rows the type is chosen from, is named for what it is', async () => {
    const small = Array.from({ length: 3000 }, (_, i) => String(i % 7));
    const r = await load(`x\n${small.join('\n')}\n1e39\n-2e40\n3\n`);
    expect(r.col('x').slice(3000)).toEqual([Infinity, -Infinity, 3]);
    expect(r.issues['nan_inf:x']).toMatchObject({ count: 2, examples: [{ line: 3002, value: '1e39' }, { line: 3003, value: '-2e40' }] });
    expect(r.issues['nan_inf:x'].message).toMatch(/^column 'x': 2 numbers beyond the Float32 range \(±3\.4e38\), kept as ±Infinity: a run that uses the column as an input stops at the first one \(fix them in the file/);
    expect(r.issues['missing:x']).toBeUndefined();
  });

  it('a NaN float from Parquet is a missing value (no NaN/Inf warning); an infinity there is warned about', async () => {
    const file = writeParquet([
      { name: 'x', kind: 'double', values: [1, NaN, null, Infinity, 5] },
      { name: 'k', kind: 'string', values: ['a', 'b', 'c', 'd', 'e'] },
    ]);
    const r = await load(file, {}, 'parquet');
    expect(r.col('x')).toEqual([1, NaN, NaN, Infinity, 5]);
    expect(r.issues['missing:x']).toMatchObject({ count: 2, message: "column 'x': 2 missing values" });
    expect(r.issues['nan_inf:x']).toMatchObject({ count: 1, examples: [{ value: 'Infinity' }] });
    expect(r.issues['nan_inf:x'].message).toMatch(/^column 'x': 1 infinite value, kept as ±Infinity/);
    // and the same column without the infinity has no warning at all
    const nanOnly = await load(writeParquet([{ name: 'x', kind: 'double', values: [1, NaN, 3] }]), {}, 'parquet');
    expect(nanOnly.result.validation.issues.map((i) => [i.kind, i.count])).toEqual([['missing', 1]]);
  });
});

describe('counts in words', () => {
  it("one '-' marker is one cell; many are written with thousands separators", async () => {
    const one = await load('amount\n1\n-\n3\n');
    expect(one.issues['note:amount'].message).toMatch(/^column 'amount': 1 cell '-' or '\?' read as a missing value \(in a number column only/);
    const many = await load(`amount\n${Array.from({ length: 2400 }, (_, i) => (i % 2 ? '?' : String(i))).join('\n')}\n`);
    expect(many.issues['note:amount']).toMatchObject({ count: 1200 });
    expect(many.issues['note:amount'].message).toMatch(/^column 'amount': 1,200 cells '-' or '\?' read as missing values \(/);
    expect(many.issues['missing:amount'].message).toBe("column 'amount': 1,200 missing values");
  });

  it('the note on formatted numbers and the imputation count write counts with separators, one value in the singular', async () => {
    expect(formattedNote('rate', { thousands: 1, percent: 1_200, currency: new Set(), example: '1,013.5%' }))
      .toBe("column 'rate': read as numbers with thousands separators (1 value) and '%' (1,200 values) removed (e.g. '1,013.5%'); a percentage is kept as the number written: 77% is 77, not 0.77");
    const rows = Array.from({ length: 3000 }, (_, i) => `${i % 3 ? String(i) : ''},a`);
    const r = await load(`x,y\n${rows.join('\n')}\n`, { onInvalid: 'impute' });
    expect(r.issues['imputed:x'].message).toMatch(/^column 'x': 1,000 missing or invalid values replaced by the mean/);
    const one = await load('x,y\n1,a\n,b\n3,c\n', { onInvalid: 'impute' });
    expect(one.issues['imputed:x'].message).toBe("column 'x': 1 missing or invalid value replaced by the mean (2)");
  });

  it('the infinity warning counts with separators and splits dropped from kept', () => {
    expect(infinitiesMessage('x', { values: 1200, overFloat32: 0, kept: 1200 }, 'reject', false)).toMatch(/^column 'x': 1,200 infinite values, kept as ±Infinity: a run that uses the column as an input stops at the first one \(fix them in the file, or import with --on-invalid impute or drop\)$/);
    expect(infinitiesMessage('x', { values: 3, overFloat32: 1, kept: 2 }, 'impute', true)).toBe("column 'x': 3 infinite values (1 of them numbers beyond the Float32 range, ±3.4e38): 1 in a dropped row, 2 replaced by the column mean like missing values");
    expect(infinitiesMessage('x', { values: 2, overFloat32: 0, kept: 2 }, 'impute', false)).toBe("column 'x': 2 infinite values, kept as ±Infinity (the column has no finite value to take a mean of): a run that uses the column as an input stops at the first one (fix them in the file)");
  });
});
