// UCI's Air Quality file ends every line with ';;': two columns without a name or a value. The warning says
// where they come from instead of naming columns the user never saw; an empty column the header names, or
// one between named columns, keeps the plain warning.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-trailing-');
afterAll(cleanup);
const emptyWarnings = async (text: string) => Object.fromEntries((await load(text)).result.validation.issues
  .filter((i) => i.kind === 'empty_column').map((i) => [i.column, i.message]));
const lines = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';

describe('empty columns made by a delimiter at the end of every line', () => {
  it("names the trailing ';' as their cause", async () => {
    const w = await emptyWarnings(`Date;CO(GT);T;;\n${lines(20, (i) => `${10 + i}/03/2004;2,${i % 10};1${i % 10},5;;`)}`);
    expect(Object.keys(w)).toEqual(['column_4', 'column_5']);
    expect(w.column_4).toBe("column 'column_4' has no values and no name in the header: the lines end with ';' after their last value, which reads as an empty column. Runs leave it out; to be rid of it, set its role to ignore or remove the ';' at the line ends");
  });

  it('keeps the plain warning for an empty column the header names, or one before a column with values', async () => {
    expect(await emptyWarnings(`a,notes\n${lines(20, (i) => `${i},`)}`)).toEqual({ notes: "column 'notes' has no values" });
    expect(await emptyWarnings(`a,,b\n${lines(20, (i) => `${i},,${i * 2}`)}`)).toEqual({ column_2: "column 'column_2' has no values" });
  });
});
