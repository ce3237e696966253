// Ids written as floats: pandas writes an integer column that has a missing value as floats (`10717.0`),
// and a CTR model fed them as numbers scales every user onto one line (the audit's clicks.csv: AUC 0.617
// as numbers, 0.648 as categories). In an id-named column they are ids, `10717.0` and `10717` one of them.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-float-ids-');
afterAll(cleanup);

/** 60 clicks whose ids pandas wrote as floats, one user id missing (the NaN that made them floats). */
function clicks(): string {
  const rows = Array.from({ length: 60 }, (_, i) => `${i === 7 ? '' : `${10700 + (i % 9)}.0`},${500 + (i % 4)}.0,${(0.25 + i * 0.5).toFixed(2)},${i % 2}`);
  return `user_id,ad_id,price,clicked\n${rows.join('\n')}\n`;
}

describe('whole numbers written N.0 in an id-named column', () => {
  it('are categorical ids without the .0, with a note naming the rule and how to undo it', async () => {
    const r = await load(clicks());
    expect(r.type('user_id')).toBe('categorical');
    expect(r.type('ad_id')).toBe('categorical');
    expect(r.type('price')).toBe('float'); // not named like an id: a number
    expect(r.col('user_id').slice(0, 9)).toEqual(['10700', '10701', '10702', '10703', '10704', '10705', '10706', null, '10708']);
    expect(r.result.columns.find((c) => c.name === 'user_id')!.stats).toMatchObject({ cardinality: 9, missing: 1 });
    expect(r.issues['note:user_id'].message).toBe("column 'user_id': whole numbers written with '.0' (e.g. '10700.0', as pandas writes an integer column that has missing values) " +
      "named like an id, read as categorical (ids, not amounts; '10700.0' and '10700' are the same id); set its type to int if they are quantities (gatelab datasets types ID user_id=int)");
    expect(r.issues['note:ad_id'].message).toMatch(/^column 'ad_id': whole numbers written with '\.0' \(e\.g\. '500\.0'/);
  });

  it("'10717.0' and '10717' in one column are one category, beyond the sampled rows too", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i % 2 === 0 || i > 1200 ? `${20 + (i % 3)}.0` : String(20 + (i % 3))));
    const r = await load(`item\n${rows.join('\n')}\n`);
    expect(r.type('item')).toBe('categorical');
    expect(r.result.columns[0].stats.cardinality).toBe(3);
    expect(new Set(r.col('item'))).toEqual(new Set(['20', '21', '22']));
  });

  it('ids above 2^24 keep every digit', async () => {
    const r = await load(`user_id,y\n987654321.0,1\n987654322.0,0\n987654323.00,1\n`);
    expect(r.col('user_id')).toEqual(['987654321', '987654322', '987654323']);
  });

  it('a real fraction, another name, or a type the user sets keeps the numbers', async () => {
    expect((await load('user_id,y\n10.0,1\n11.5,0\n12.0,1\n')).type('user_id')).toBe('float');
    expect((await load('amount,y\n10.0,1\n11.0,0\n12.0,1\n')).type('amount')).toBe('float');
    const typed = await load('user_id,y\n10.0,1\n11.0,0\n12.0,1\n', { columnTypes: { user_id: 'int' } });
    expect(typed.type('user_id')).toBe('int');
    expect(typed.col('user_id')).toEqual([10, 11, 12]);
    expect(typed.issues['note:user_id']).toBeUndefined();
  });

  it('JSON Lines: floats holding whole ids (10717.0 arrives as 10717) are categorical like whole numbers', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ user_id: 100 + (i % 5), clicked: i % 2 }).replace(/"user_id":(\d+)/, '"user_id":$1.0'));
    const r = await load(`${lines.join('\n')}\n`, {}, 'jsonl');
    expect(r.type('user_id')).toBe('categorical');
    expect(r.col('user_id').slice(0, 2)).toEqual(['100', '101']);
  });
});
