// Quotes that run across lines: a stray quote that swallows the lines after it is named with the lines
// it joined, the drop count says how many lines of the file went, and nothing around it is lost; a real
// multi-line quoted value (a review with line breaks) still imports as one value.
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-quoted-lines-');
afterAll(cleanup);

/** The newcomer audit's file: the quote opened on line 3 is closed by the one that starts line 6. */
const MALFORMED = 'a,b,c\n1,2,3\n4,"5,6\n7,8\n9,10,11,12,13\n"unterminated,1,2\n';

const issue = (issues: ValidationIssue[], kind: string, message: RegExp) => issues.find((i) => i.kind === kind && message.test(i.message));

describe('a quote that joins several lines into one row', () => {
  it('is rejected naming the quote, its column, the lines it joined and the field counts', async () => {
    const err = load(MALFORMED);
    await expect(err).rejects.toMatchObject({ code: 'ragged_row', line: 3, column: 'b' });
    await expect(err).rejects.toThrow(
      `line 3: a quote (") opened here in column 'b' is not closed until line 6, so lines 3–6 read as one row with 4 fields; the header has 3. Most likely the quote is stray: close it where the value ends, or remove it`,
    );
    // the app rewrites this ending into its "Drop bad rows" button (renderer/lib/ui-hints.ts)
    await expect(err).rejects.toThrow(/Fix the line, or import with onInvalid 'drop' to drop those 4 lines as one row$/);
  });

  it("under 'drop' counts the 4 lines that went, not just '1 row'", async () => {
    const r = await load(MALFORMED, { onInvalid: 'drop' });
    expect(r.col('a')).toEqual([1]);
    expect(r.result.validation).toMatchObject({ rowsRead: 2, rowsKept: 1, rowsDropped: 1 });
    const issues = r.result.validation.issues;
    expect(r.issues.dropped_rows.message).toBe("1 of 2 rows dropped (policy 'drop'), 4 lines of the file: it spans lines 3–6 (a quoted value with line breaks in it makes them one row)");
    const stray = issue(issues, 'ragged_row', /almost always a stray quote/)!;
    expect(stray).toMatchObject({ count: 1, severity: 'warning', examples: [{ line: 3, value: "4 fields over lines 3–6, quote in column 'b'" }] });
  });

  it('keeps every row before and after the joined lines, and counts an ordinary short row beside it', async () => {
    const csv = [
      'a,b,c',
      '1,2,3', // line 2
      '4,"five,6', // line 3: a stray quote ...
      '7,8,9',
      '10,11",12,13', // ... closed on line 5: one row of 4 fields
      '14,15,16',
      '17,18,19',
      '20,21', // line 8: short
      '22,23,24',
    ].join('\n');
    const r = await load(csv, { onInvalid: 'drop' });
    expect(r.col('a')).toEqual([1, 14, 17, 22]);
    expect(r.col('c')).toEqual([3, 16, 19, 24]);
    expect(r.result.validation).toMatchObject({ rowsRead: 6, rowsKept: 4, rowsDropped: 2 });
    // 8 data lines: 4 kept, lines 3–5 and 8 dropped
    expect(r.issues.dropped_rows.message).toBe("2 of 6 rows dropped (policy 'drop'), 4 lines of the file: one of them spans lines 3–5 (a quoted value with line breaks in it makes them one row)");
    const issues = r.result.validation.issues;
    expect(issue(issues, 'ragged_row', /stray quote/)!.examples.map((e) => e.line)).toEqual([3]);
    expect(issue(issues, 'ragged_row', /^rows with a different number of fields/)!.examples).toEqual([{ line: 8, column: null, value: '2 fields' }]);
  });

  it("under 'impute' drops joined lines instead of padding them into one value", async () => {
    const csv = 'a,b,c\n1,2,3\n4,"five\n6"\n7,8,9\n10,11\n';
    const r = await load(csv, { onInvalid: 'impute' });
    expect(r.col('a')).toEqual([1, 7, 10]); // the ordinary short row (line 6) is still padded
    expect(r.col('b')).toEqual([2, 8, 11]);
    expect(r.result.validation).toMatchObject({ rowsKept: 3, rowsDropped: 1, valuesImputed: 1 });
    expect(issue(r.result.validation.issues, 'ragged_row', /stray quote.*\(dropped, with all their lines\)/)!.examples[0]).toMatchObject({ line: 3, value: "2 fields over lines 3–4, quote in column 'b'" });
    expect(r.issues.dropped_rows.message).toMatch(/^1 of 4 rows dropped \(policy 'impute'\), 2 lines of the file: it spans lines 3–4/);
  });

  it('without a header names the field, and compares with the first row', async () => {
    await expect(load('1,2,3\n4,"5,6\n7,8\n9,10"\n', { header: false })).rejects.toThrow(
      'line 2: a quote (") opened here in field 2 is not closed until line 4, so lines 2–4 read as one row with 2 fields; the first row has 3',
    );
  });
});

describe('a stray quote whose joined row has the right number of fields', () => {
  const strayWarning = (issues: ValidationIssue[]) => issues.filter((i) => i.kind === 'note' && /stray/.test(i.message));

  it('is kept as read, with a warning naming the column and the lines that were read as one value', async () => {
    const r = await load('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n10,11",12\n13,14,15\n');
    expect(r.col('a')).toEqual([1, 4, 13]);
    expect(r.col('b')).toEqual(['2', '5,6\n7,8,9\n10,11', '14']);
    const [w] = strayWarning(r.result.validation.issues);
    expect(w).toMatchObject({ column: 'b', count: 1, severity: 'warning', examples: [{ line: 3, value: 'lines 3–5' }] });
    expect(w.message).toBe(`column 'b': a quote (") on line 3 is closed only on line 5, which joins lines 3–5 into one row, yet each of those lines has the 3 fields of a whole row: most likely the quote is stray, and lines 4–5 were read into its value instead of as rows. If they are rows, close the quote where its value ends or remove it (a quote inside a value is written as two: ""); if the value really runs over several lines, ignore this`);
  });

  it('after the sampled rows, is named beside the re-typing it caused; without a header by its field', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `${i},${i * 2},${i * 3}`);
    const late = await load(['a,b,c', ...rows, '4,"5,6', '7,8,9', '10,11",12', '13,14,15'].join('\n'));
    expect(late.issues['retyped:b'].message).toMatch(/^column 'b' looked like number in the first rows, but line 1102 has '5,6/);
    expect(strayWarning(late.result.validation.issues).map((i) => i.message)).toEqual([expect.stringMatching(/^column 'b': a quote \(\"\) on line 1102 is closed only on line 1104, which joins lines 1102–1104 into one row/)]);
    const bare = await load('1,2,3\n4,"5,6\n7,8",9\n', { header: false });
    expect(strayWarning(bare.result.validation.issues).map((i) => [i.column, i.message.slice(0, 40)])).toEqual([[null, 'field 2: a quote (") on line 2 is closed']]);
  });

  it('is not claimed for a real multi-line value, nor in a file of text columns only', async () => {
    // the review's lines have commas, but not a whole row's fields with a number under 'stars'
    const reviews = await load('id,review,stars\n1,"Great.\nWould buy, again",5\n2,"Bad, really\nbad, yes",1\n3,ok,4\n');
    expect(reviews.col('stars')).toEqual([5, 1, 4]);
    expect(strayWarning(reviews.result.validation.issues)).toEqual([]);
    // two text columns: 'one line\nsecond, line' could be either, so nothing is said
    const text = await load('title,body\na,"one line\nsecond, line"\nb,c\n');
    expect(text.col('body')).toEqual(['one line\nsecond, line', 'c']);
    expect(strayWarning(text.result.validation.issues)).toEqual([]);
  });
});

describe('a quote never closed before the end of the file', () => {
  it('names the lines from the quote to the end, and the column', async () => {
    const csv = 'a,b,c\n1,2,3\n4,5,6\n"unterminated,1,2\n7,8,9\n';
    for (const onInvalid of ['reject', 'drop'] as const) {
      const err = load(csv, { onInvalid });
      await expect(err).rejects.toMatchObject({ code: 'unclosed_quote', line: 4, column: 'a' });
      await expect(err).rejects.toThrow(
        `line 4: the quote (") opening field 1 is never closed before the end of the file, so lines 4–5 (to the end of the file) read as one value of column 'a'. Close the quote where the value ends, or remove it`,
      );
    }
  });

  it('on the last line says it is the last line', async () => {
    await expect(load('a,b,c\n1,2,3\n4,5,"6\n\n')).rejects.toThrow(`line 3: the quote (") opening field 3 is never closed before the end of the file, so line 3, the last line of the file, reads as one value of column 'c'`);
  });

  it('after a bad row, is the error: dropping bad rows could not get past it, so no bad-row policy is offered', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 2},${i * 3}`);
    rows[3] = '7,8'; // line 5: short
    rows[20] = '5,"x,9'; // line 22: a quote never closed
    const err = load(`a,b,c\n${rows.join('\n')}\n`);
    await expect(err).rejects.toMatchObject({ code: 'unclosed_quote', line: 22, column: 'b' });
    await expect(err).rejects.toThrow(
      `line 22: the quote (") opening field 2 is never closed before the end of the file, so lines 22–31 (to the end of the file) read as one value of column 'b'. Close the quote where the value ends, or remove it (a quote inside a value is written as two: ""). `
      + 'Fix the quote first: the row at line 5 is bad too (2 fields; the header has 3), but dropping or padding bad rows cannot get past a quote that is never closed',
    );
    await expect(err).rejects.not.toThrow(/onInvalid/);
    // a value that does not fit a type the user set, and a stray quote joining lines, likewise
    const typed = [...rows];
    typed[3] = '7,eight,9';
    await expect(load(`a,b,c\n${typed.join('\n')}\n`, { columnTypes: { b: 'int' } })).rejects.toThrow(/^f\d+\.csv, line 22: the quote .* Fix the quote first: the row at line 5 is bad too \(a value that does not fit column 'b'\)/);
    const joined = [...rows];
    joined[3] = '7,"8,9';
    joined[5] = '1",2,3,4';
    await expect(load(`a,b,c\n${joined.join('\n')}\n`)).rejects.toThrow(/line 22: the quote .* Fix the quote first: the row at line 5 is bad too \(lines 5–7 read as one row with 5 fields; the header has 3\)/);
  });

  it('without one, the first bad row is still the error, with the whole file read', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 2},${i * 3}`);
    rows[3] = '7,8';
    rows[20] = '5,"x",9';
    await expect(load(`a,b,c\n${rows.join('\n')}\n`)).rejects.toThrow(/, line 5: expected 3 fields \(as in the header\), found 2\. Fix the row, or import with onInvalid 'drop'/);
    // and 'drop' gets past it
    expect((await load(`a,b,c\n${rows.join('\n')}\n`, { onInvalid: 'drop' })).result.rows).toBe(29);
  });
});

describe('a real multi-line quoted value', () => {
  const reviews = 'id,review,stars\n1,"Great.\nWould buy ""again"".",5\n2,"Bad.\r\n\r\nReally bad.",1\n3,ok,4\n';

  it('imports as one value with its line breaks and quotes, with no issue', async () => {
    const r = await load(reviews);
    expect(r.col('review')).toEqual(['Great.\nWould buy "again".', 'Bad.\r\n\r\nReally bad.', 'ok']);
    expect(r.col('stars')).toEqual([5, 1, 4]);
    expect(r.result.validation.issues.filter((i) => i.kind === 'ragged_row' || i.kind === 'dropped_rows')).toEqual([]);
  });

  it('dropped for a bad value, counts all of its lines', async () => {
    const r = await load(reviews.replace(',1\n3,', ',x\n3,'), { onInvalid: 'drop', columnTypes: { stars: 'int' } });
    expect(r.col('stars')).toEqual([5, 4]);
    expect(r.col('review')).toEqual(['Great.\nWould buy "again".', 'ok']);
    expect(r.issues.dropped_rows.message).toBe("1 of 3 rows dropped (policy 'drop'), 3 lines of the file: it spans lines 4–6 (a quoted value with line breaks in it makes them one row)");
  });
});
