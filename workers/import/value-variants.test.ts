// One value written several ways: labels differing only in case or surrounding spaces (the audit's c4
// file: 7 classes instead of 2) and ids with and without leading zeros ('007' and '7') are warnings that
// name the spellings and their rows; a '|'-separated list column gets a note pointing at the multi-hot role.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { caseVariants, describeVariants, idKey, leadingZeroVariants } from './value-variants';
import { detectListColumn } from './category-checks';

const { load, cleanup } = textLoader('gatelab-variants-');
afterAll(cleanup);

const issue = (r: Awaited<ReturnType<typeof load>>, column: string, text: string) =>
  r.result.validation.issues.find((i) => i.column === column && i.message.includes(text));

describe('values that differ only in case or spaces', () => {
  it('a label column: a warning naming the spellings, their rows, and what to do; the values are kept as written', async () => {
    const forms = ['recommended', 'Recommended', 'recommended ', 'RECOMMENDED', 'not recommended', 'Not recommended'];
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 7},"${forms[i % 6]}"`);
    const r = await load(`age,label\n${rows.join('\n')}\n`);
    expect(r.type('label')).toBe('categorical');
    expect(r.result.columns.find((c) => c.name === 'label')!.stats.cardinality).toBe(6);
    expect(r.col('label').slice(0, 3)).toEqual(['recommended', 'Recommended', 'recommended ']);
    const w = issue(r, 'label', 'upper/lower case')!;
    expect(w).toMatchObject({ kind: 'note', severity: 'warning', count: 60 });
    expect(w.message).toBe("column 'label': 6 values differ only in upper/lower case or surrounding spaces, and are 2 values once those are ignored (60 rows): "
      + "'recommended' (10 rows), 'Recommended' (10 rows), 'recommended ' (10 rows), 'RECOMMENDED' (10 rows); 'not recommended' (10 rows), 'Not recommended' (10 rows). "
      + "Each spelling is its own category (6 in all), so as a target they are separate classes. If they mean the same, write them one way in the file "
      + "(pandas: df['label'] = df['label'].str.strip().str.lower()) and import it again");
  });

  it('clean categories, booleans written in several cases, and free text get no warning', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${['red', 'green', 'blue'][i % 3]},${['yes', 'Yes', ' YES', 'no'][i % 4]}`);
    const r = await load(`colour,ok\n${rows.join('\n')}\n`);
    expect(r.type('ok')).toBe('boolean');
    expect(r.result.validation.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });

  it('caseVariants groups a dictionary by its counts, largest group first (for a run data line)', () => {
    const groups = caseVariants(['no', 'yes', 'Yes', 'NO ', 'maybe'], [5, 10, 3, 1, 2]);
    expect(groups.map((g) => [g.key, g.rows, g.values.map((v) => v.value)])).toEqual([['yes', 13, ['yes', 'Yes']], ['no', 6, ['no', 'NO ']]]);
    expect(describeVariants(groups)).toBe("'yes' (10 rows), 'Yes' (3 rows); 'no' (5 rows), 'NO ' (1 rows)");
    expect(caseVariants(['a', 'A'], [4, 0])).toEqual([]); // a spelling no kept row uses
  });
});

describe('ids with and without leading zeros', () => {
  it("'007' and '7' in one id column: a warning naming both", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i < 25 ? String(i % 12).padStart(3, '0') : String(i % 12)},${i % 2}`);
    const r = await load(`user,clicked\n${rows.join('\n')}\n`);
    expect(r.type('user')).toBe('categorical');
    const w = issue(r, 'user', 'leading zeros')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/^column 'user': 12 ids are written both with and without leading zeros \(50 rows\): '00\d' \(\d rows\), '\d' \(\d rows\);/);
    expect(w.message).toMatch(/if they are the same id, write them one way in the file \(all padded or none\) and import it again$/);
  });

  it('zip codes all padded, or ids that never collide, are not flagged; codes with a prefix are', () => {
    expect(leadingZeroVariants(['02134', '00717', '10001'])).toEqual([]);
    expect(leadingZeroVariants(['001', '002', '50', '51'])).toEqual([]);
    expect(leadingZeroVariants(['item 007', 'item 7', 'item 8']).map((g) => g.key)).toEqual(['item 7']);
    expect(leadingZeroVariants(['1.05', '1.5'])).toEqual([]); // decimals are not ids
  });

  it('reads ids as the former pattern did, and a 100,000-character cell of spaces and zeros in linear time', () => {
    // the former pattern (quadratic and worse on long cells), as the reference on short ones
    const FORMER = /^\s*([A-Za-z_#:. -]*?)0*(\d+)\s*$/;
    const former = (v: string) => { const m = FORMER.exec(v); return m ? `${m[1]}${m[2]}` : null; };
    const ids = ['007', '7', ' 0012 ', 'item 007', 'U-0012', '#000', '0', '000', 'a.b:c_0100', '\t42\n', 'x 7 y', '1.05', '', '  ', 'U-', '-0', '12a', '\u00a0 09'];
    expect(ids.map(idKey)).toEqual(ids.map(former));
    expect(idKey('item 007')).toBe('item 7');
    expect(idKey(' 000 ')).toBe('0');
    // every short string over the characters that matter (a fixed pseudo-random sample)
    const chars = ['0', '1', '9', ' ', '\t', 'a', 'Z', '-', '_', '#', ':', '.', '/', '\u00a0'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const v = Array.from({ length: Math.floor(next() * 8) }, () => chars[Math.floor(next() * chars.length)]).join('');
      if (idKey(v) !== former(v)) throw new Error(`idKey(${JSON.stringify(v)}) = ${idKey(v)}, the former pattern gives ${former(v)}`);
    }
    const long = [' '.repeat(50_000) + '0'.repeat(50_000) + 'x', '0'.repeat(100_000) + ' x', ' '.repeat(99_999) + 'x', '-'.repeat(99_999) + 'x'];
    const started = performance.now();
    expect(long.map(idKey)).toEqual([null, null, null, null]);
    expect(idKey(' '.repeat(50_000) + '0'.repeat(49_999) + '7')).toBe('7');
    expect(performance.now() - started).toBeLessThan(5_000); // linear time; the former pattern took minutes for 8,000 characters
    expect(leadingZeroVariants([long[0], '07', '7']).map((g) => g.key)).toEqual(['7']);
  });
});

describe('a column of separated lists', () => {
  it("'Action|Comedy' lists of 12 tokens in many combinations: a note with the multi-hot role command", async () => {
    const tokens = Array.from({ length: 12 }, (_, k) => `G${k}`);
    const pick = (i: number) => [tokens[i % 12], tokens[Math.floor(i / 12) % 12], tokens[(i * i) % 11]].filter((t, j, a) => a.indexOf(t) === j).join('|');
    const rows = Array.from({ length: 120 }, (_, i) => `${i % 9},${pick(i)}`);
    const r = await load(`user,genres\n${rows.join('\n')}\n`);
    const n = issue(r, 'genres', 'multi-hot')!;
    expect(n.severity).toBe('info');
    expect(n.message).toMatch(/^column 'genres': its values are '\|'-separated lists of 12 distinct tokens \(e\.g\. 'G1\|G0'\), so as a category each of its \d+ combinations is a value of its own\. For recommendation models give it the multi-hot role, one feature of its tokens \(in the app: Datasets → Schema → that column's Role → multi-hot; on the command line: gatelab datasets roles ID 'genres=multi-hot'\)$/);
  });

  it('few combinations, or values without separators, are plain categories', () => {
    expect(detectListColumn(Array.from({ length: 30 }, (_, i) => `code${i}`))).toBeNull();
    expect(detectListColumn(['a|b', 'b|c', 'a|c', 'a', 'b', 'c'])).toBeNull();
    expect(detectListColumn(Array.from({ length: 40 }, (_, i) => `t${i % 5};t${(i * 3) % 7};t${i % 3}`))?.separator).toBe(';');
  });
});
