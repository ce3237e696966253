// The schema table's Distinct (and `gatelab datasets show`) for a datetime column: the importer counts its
// distinct times as it counts a number column's values (exact up to 1,000, then "1,000+"), in the same read
// back of the stored column. Text and categorical columns already have theirs (their cardinality).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { numberDistinctText } from '../../common/dataset-cache';

const { load, cleanup } = textLoader('gatelab-datetime-distinct-');
afterAll(cleanup);

const statsOf = (r: Awaited<ReturnType<typeof load>>, name: string) => r.result.columns.find((c) => c.name === name)!.stats;

describe('a datetime column records its distinct times', () => {
  it('5 rows, one time written twice and one missing: 3 distinct times; the other columns keep theirs', async () => {
    const r = await load('time,shop,note,sales\n2024-01-01 00:00,a,first day of the sale in the north,1\n2024-01-01 01:00,b,second hour was quiet,2\n' +
      '2024-01-01 01:00,a,a late delivery came in,3\n,b,no time was written here,4\n2024-01-01 03:00,a,closed early for stock,5\n');
    expect(r.type('time')).toBe('datetime');
    expect(statsOf(r, 'time').numbers?.distinct).toBe(3);
    expect(statsOf(r, 'shop').cardinality).toBe(2);
    expect(statsOf(r, 'note').cardinality).toBe(5);
    expect(statsOf(r, 'sales').numbers?.distinct).toBe(5);
  });

  it('over 1,000 distinct times: "1,000+" as a number column says it', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${i % 7}`);
    const r = await load(`time,load\n${rows.join('\n')}\n`);
    expect(r.type('time')).toBe('datetime');
    expect(numberDistinctText(statsOf(r, 'time').numbers!.distinct)).toBe('1,000+');
  });
});
