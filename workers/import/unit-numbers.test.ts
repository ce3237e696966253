// LendingClub's emp_length ('10+ years', '< 1 year', 'n/a') and term (' 36 months') import as categories with
// no word on how to read their numbers: an info note gives the pandas line, run here by /usr/bin/python3 on
// the very file imported.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, tmp, cleanup } = textLoader('gatelab-unit-numbers-');
afterAll(cleanup);

const LENGTHS = ['10+ years', '< 1 year', '1 year', '3 years', '7 years', 'n/a'];
const loans = ['loan_amnt,term,emp_length', ...Array.from({ length: 24 }, (_, i) => `${1000 * (i + 1)}, ${i % 3 ? 36 : 60} months,${LENGTHS[i % LENGTHS.length]}`)].join('\n') + '\n';

/** The note's pandas line (between backticks after "e.g. pandas:"), run on `file`: the column's values after it. */
function runLine(message: string, file: string, column: string): (number | null)[] {
  const line = /e\.g\. pandas: `([^`]+)`/.exec(message)?.[1];
  expect(line, message).toBeDefined();
  const py = `import json, pandas as pd\ndf = pd.read_csv(${JSON.stringify(file)})\n${line}\nprint(json.dumps([None if v != v else v for v in df[${JSON.stringify(column)}].tolist()]))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as (number | null)[];
}

describe('numbers written with a unit word', () => {
  it("emp_length and term get an info note whose pandas line reads their numbers ('n/a' missing in both)", async () => {
    const r = await load(loans, {}, 'loans.csv');
    expect(r.type('emp_length')).toBe('categorical');
    const note = r.issues['note:emp_length'];
    expect(note).toMatchObject({ severity: 'info', count: 20 }); // its 4 'n/a' cells are missing, as in pandas
    expect(note.message).toBe("column 'emp_length' holds numbers with words ('10+ years', '< 1 year'), so it is read as categories. "
      + "To use them as numbers, keep the numbers alone and import the file again, e.g. pandas: `df['emp_length'] = df['emp_length'].str.extract(r'(\\d+)', expand=False).astype(float)` "
      + "('< 1 year' reads as 1)");
    expect(runLine(note.message, join(tmp, 'loans.csv'), 'emp_length').slice(0, 6)).toEqual([10, 1, 1, 3, 7, null]);
    const term = r.issues['note:term'];
    expect(term.message).toMatch(/^column 'term' holds numbers with words \(' 60 months', ' 36 months'\)/);
    expect(runLine(term.message, join(tmp, 'loans.csv'), 'term').slice(0, 3)).toEqual([60, 36, 36]);
  });

  it('reads fractions when a value has one, and leaves words and codes without a unit alone', async () => {
    const r = await load('weight,colour,size\n2.5 kg,red,3 apples\n10 kg,blue,4 pears\n0.75 kg,red,3 pears\n', {}, 'weights.csv');
    expect(r.issues['note:weight'].message).toContain("str.extract(r'(\\d+(?:\\.\\d+)?)', expand=False)");
    expect(runLine(r.issues['note:weight'].message, join(tmp, 'weights.csv'), 'weight')).toEqual([2.5, 10, 0.75]);
    expect(r.issues['note:colour']).toBeUndefined();
    expect(r.issues['note:size']).toBeUndefined();
  });
});
