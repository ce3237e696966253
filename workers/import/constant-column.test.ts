// The constant-column warning: a column with one value in every row carries nothing; one with a value in
// some rows and nothing in the others is not "the same in every row" (the audit's `notes`: 'ok' in 2,142
// rows, empty in 358), and whether a row is empty may be what it tells.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-constant-');
afterAll(cleanup);

describe('constant columns', () => {
  it('one value in every row: no information', async () => {
    const r = await load(`x,same\n${Array.from({ length: 10 }, (_, i) => `${i},ok`).join('\n')}\n`);
    expect(r.issues['constant_column:same'].message).toBe("column 'same' has the same value in every row; it carries no information");
  });

  it('one value where there is one, empty elsewhere: says how many rows are empty, for words and numbers', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},${i % 7 === 0 ? '' : 'ok'},${i % 5 === 0 ? 'NaN' : '3.5'}`);
    const r = await load(`x,notes,level\n${rows.join('\n')}\n`);
    expect(r.issues['constant_column:notes'].message).toBe("column 'notes' has the same value in every non-empty row (358 empty); only whether a row is empty can carry information");
    expect(r.issues['constant_column:level'].message).toBe("column 'level' has the same value in every non-empty row (500 empty); only whether a row is empty can carry information");
    expect(r.issues['constant_column:x']).toBeUndefined();
  });
});
