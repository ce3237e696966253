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

describe('the lines of every dropped row', () => {
  it('are all stored as ranges, while the message names the first five and counts the rest', async () => {
    // 20 rows with a bad number, every third line from line 4
    const bad = new Set(Array.from({ length: 20 }, (_, i) => 4 + 3 * i));
    const rows = Array.from({ length: 80 }, (_, i) => (bad.has(i + 2) ? `${i},ERR` : `${i},${i / 2}`));
    const r = await load(`a,b\n${rows.join('\n')}\n`, { columnTypes: { b: 'float' }, onInvalid: 'drop' });
    const v = r.result.validation as { droppedLineRanges?: Array<[number, number]>; rowsDropped: number };
    expect(v.rowsDropped).toBe(20);
    expect(v.droppedLineRanges).toEqual([...bad].map((l) => [l, l]));
    expect(r.issues.dropped_rows.message).toBe("20 of 80 rows dropped (policy 'drop'): lines 4, 7, 10, 13, 16, … (15 more)");
    expect(r.issues['unparsable:b'].examples).toHaveLength(5); // examples in messages stay five
  });

  it('a row over several lines is stored with all its lines, and neighbouring dropped lines merge', () => {
    const v = new Validation('drop');
    v.rowsRead = 10;
    v.rowsDropped = 3;
    v.droppedLines(2, 2); // the table writer names a row's first line ...
    v.droppedLines(3, 3);
    v.droppedLines(5, 5);
    v.droppedLines(5, 8); // ... the text reader widens it to its last
    expect(v.report()).toMatchObject({ rowsDropped: 3, linesDropped: 6, droppedLineRanges: [[2, 3], [5, 8]] });
  });

  it('are left out, not stored incomplete, when a dropped row was not named (no wrong line mapping)', () => {
    const v = new Validation('drop');
    v.rowsRead = 5;
    v.rowsDropped = 2;
    v.droppedLines(3, 3);
    expect(v.report()).not.toHaveProperty('droppedLineRanges');
    expect(v.droppedRowsMessage()).toBe("2 of 5 rows dropped (policy 'drop')");
  });
});
