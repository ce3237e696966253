// The report's drop counts: rows of the dataset, and the lines of the file they covered when a row ran
// over several (linesDropped), so a program reading --json and the CLI summary can say both.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { Validation } from './validation';

const { load, cleanup } = textLoader('gatelab-validation-');
afterAll(cleanup);

describe('linesDropped', () => {
  it('counts every line of a dropped row that a stray quote made of lines 3–6', async () => {
    const r = await load('a,b,c\n1,2,3\n4,"5,6\n7,8\n9,10,11,12,13\n"unterminated,1,2\n', { onInvalid: 'drop' });
    expect(r.result.validation).toMatchObject({ rowsRead: 2, rowsKept: 1, rowsDropped: 1, linesDropped: 4 });
  });

  it('adds the extra lines of several multi-line rows to the one-line rows dropped', () => {
    const v = new Validation('drop');
    v.rowsRead = 10;
    v.rowsDropped = 3; // one ordinary row, and rows over lines 4–6 and 8–9
    v.droppedLines(4, 6);
    v.droppedLines(8, 9);
    expect(v.report()).toMatchObject({ rowsDropped: 3, linesDropped: 6 });
  });

  it('is absent when every dropped row was one line', async () => {
    const r = await load('a,b\n1,2\n3\n4,5\n', { onInvalid: 'drop' });
    expect(r.result.validation.rowsDropped).toBe(1);
    expect(r.result.validation).not.toHaveProperty('linesDropped');
  });
});

describe('the drop count', () => {
  it('writes counts with thousands separators, as the other import messages do', () => {
    const v = new Validation('drop');
    v.rowsRead = 1_234_567;
    v.rowsDropped = 20_000;
    expect(v.droppedRowsMessage()).toBe("20,000 of 1,234,567 rows dropped (policy 'drop')");
    v.droppedLines(4, 1_506); // a quote that ran over 1,503 lines
    expect(v.droppedRowsMessage()).toBe("20,000 of 1,234,567 rows dropped (policy 'drop'), 21,502 lines of the file: one of them spans lines 4–1506 (a quoted value with line breaks in it makes them one row)");
  });

  it("says 'row' for a file of one row", () => {
    const v = new Validation('drop');
    v.rowsRead = 1;
    v.rowsDropped = 1;
    expect(v.droppedRowsMessage()).toBe("1 of 1 row dropped (policy 'drop')");
  });
});
