// Column names from the header: a name given twice is renamed (`HULL` -> `HULL_2`, the audit's f6 file)
// and a note names the rename, since the user will look for the new name in --types, --roles and --target.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { columnNames, type Rename } from './sniff';

const { load, cleanup } = textLoader('gatelab-names-');
afterAll(cleanup);

describe('duplicate column names', () => {
  it('the second HULL becomes HULL_2, with a note naming it', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `2016-07-01 ${String(i).padStart(2, '0')}:00:00,${i},${i * 2},${i * 3}`);
    const r = await load(`date,HULL,HULL,OT\n${rows.join('\n')}\n`);
    expect(r.result.columns.map((c) => c.name)).toEqual(['date', 'HULL', 'HULL_2', 'OT']);
    expect(r.col('HULL_2')[3]).toBe(6);
    expect(r.issues.note).toMatchObject({ severity: 'info', message: "the header names a column twice: 'HULL' (column 3) is renamed 'HULL_2', since names must be unique. Rename it in the file to choose its name, or use the new name in --types, --roles and --target" });
  });

  it('unique names get no note; several duplicates are all listed', () => {
    const none: Rename[] = [];
    expect(columnNames(['a', 'b', ' c '], 3, none)).toEqual(['a', 'b', 'c']);
    expect(none).toEqual([]);
    const renames: Rename[] = [];
    expect(columnNames(['x', 'x', 'x', 'x_2'], 4, renames)).toEqual(['x', 'x_2', 'x_3', 'x_2_2']);
    expect(renames.map((r) => `${r.from}->${r.to}@${r.position}`)).toEqual(['x->x_2@2', 'x->x_3@3', 'x_2->x_2_2@4']);
  });
});
