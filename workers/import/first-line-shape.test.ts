// A file whose line 1 is the odd one out is refused naming line 1, not the first data line: a header one field
// short of (or one over) every data line, and a headerless file whose first line differs from all after it.
// A bad data row below a good header keeps the usual refusal.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-first-line-');
afterAll(cleanup);

const rows = (n: number, fields: number) => Array.from({ length: n }, (_, i) => Array.from({ length: fields }, (_, j) => i * 10 + j).join(',')).join('\n');

describe('a first line unlike the lines after it', () => {
  it('a header one name short of every data line (R write.table row names) is named as the line to fix', async () => {
    await expect(load(`name,score,city\n${rows(5, 4)}\n`)).rejects.toMatchObject({
      code: 'ragged_row', line: 1,
      message: expect.stringContaining("line 1: the header has 3 fields ('name', 'score', 'city'), but all 5 lines read after it (from line 2) have 4: "
        + "the header names 1 field fewer than each data line has (R's write.table and write.csv write each row's name first, unnamed in the header; "
        + 'a delimiter at the end of every data line adds an empty field). Give line 1 a name for each of the 4 fields, or remove the extra field from the data lines, and import again'),
    });
  });

  it('a header one name over every data line, ending with a delimiter, is named too', async () => {
    const err = await load(`a,b,c,\n${rows(3, 3)}\n`).then(() => new Error('imported'), (e: Error) => e);
    expect(err.message).toMatch(/line 1: the header has 4 fields \('a', 'b', 'c', 'column_4'\), but all 3 lines read after it \(from line 2\) have 3: the header names 1 field more than each data line has \(line 1 ends with a delimiter, which adds an empty name\)\. Make line 1 name exactly the 3 fields of the data lines and import again$/);
    // no advice to drop rows: dropping them all would leave nothing
    expect(err.message).not.toMatch(/onInvalid/);
  });

  it('under drop, the dropped rows are explained by the header', async () => {
    const r = await load(`name,score,city\n${rows(2, 4)}\n`, { onInvalid: 'drop' });
    expect(r.issues.ragged_row.message).toMatch(/^line 1: the header has 3 fields \('name', 'score', 'city'\), but both lines read after it \(from line 2\) have 4/);
  });

  it('a headerless first line with a field more than all lines after it says line 1, and what it may be', async () => {
    await expect(load(`1,2,3\n${rows(4, 2)}\n`)).rejects.toMatchObject({
      line: 1,
      message: expect.stringMatching(/, line 1 has 3 fields, but all 4 lines read after it \(from line 2\) have 2: if line 1 is a title or a header, remove it or make it name each of the 2 fields\. Fix the row, or import with onInvalid 'drop'/),
    });
  });

  it('after title lines the header is named by its line in the file', async () => {
    const err = await load(`Station: Musterstadt;;\nzeit;temp;hum\n${rows(12, 4).replaceAll(',', ';')}\n`).then(() => new Error('imported'), (e: Error) => e);
    expect(err.message).toMatch(/line 2: the header has 3 fields \('zeit', 'temp', 'hum'\), but all 12 lines read after it \(from line 3\) have 4/);
  });

  it('a bad data row under a good header keeps the usual refusal', async () => {
    await expect(load('a,b,c\n1,2,3\n4,5\n6,7,8\n')).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/line 3: expected 3 fields \(as in the header\), found 2\. Fix the row/) });
    await expect(load('1,2,3\n4,5,6\n7,8\n9,10,11\n')).rejects.toThrow(/line 3: expected 3 fields \(as most of the first lines have\), found 2/);
  });
});
