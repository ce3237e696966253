// The import report's column findings in the words and number format of the rest of the app: "1 missing
// value", "20,000 missing values" (the schema table says "20,000 missing"), and the drop count in the one
// wording Validation gives it.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { missingMessage } from './table-writer';

const { load, cleanup } = textLoader('gatelab-table-writer-');
afterAll(cleanup);

describe('missing values', () => {
  it("says '1 missing value' for one, and counts many with thousands separators", async () => {
    const one = await load('a,b\n1,x\n,y\n3,z\n');
    expect(one.issues['missing:a']).toMatchObject({ count: 1, severity: 'info', message: "column 'a': 1 missing value" });
    const rows = Array.from({ length: 20_001 }, (_, i) => (i === 0 ? '1,x' : `,${i % 3 ? 'y' : ''}`));
    const many = await load(`a,b\n${rows.join('\n')}\n`);
    expect(many.result.columns.find((c) => c.name === 'a')!.stats.missing).toBe(20_000);
    expect(many.issues['missing:a'].message).toBe("column 'a': 20,000 missing values");
    expect(many.issues['missing:b']).toMatchObject({ count: 6_666, message: "column 'b': 6,666 missing values" });
  });

  it('writes a column name as given', () => {
    expect(missingMessage("Zeit's", 2)).toBe("column 'Zeit's': 2 missing values");
  });
});

describe('dropped rows', () => {
  it('are counted in the words Validation gives the drop count, lines of the file included', async () => {
    const plain = await load('a,b\n1,2\n3\n4,5\n', { onInvalid: 'drop' });
    expect(plain.issues.dropped_rows).toMatchObject({ count: 1, severity: 'warning', message: "1 of 3 rows dropped (policy 'drop'): line 3" });
    // a stray quote on line 3 joins lines 3–5 into one row
    const joined = await load('a,b\n1,2\n3,"x\n4,5\n6",7,8\n9,10\n', { onInvalid: 'drop' });
    expect(joined.issues.dropped_rows.message).toBe("1 of 3 rows dropped (policy 'drop'), 3 lines of the file: it spans lines 3–5 (a quoted value with line breaks in it makes them one row)");
  });
});
