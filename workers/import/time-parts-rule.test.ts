// The composed time column is a reading rule recorded per dataset (timeParts): a new import composes it, a
// dataset imported before (its parseRules without the rule) is read again without it. Likewise bigIntCodes.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-time-parts-rule-');
afterAll(cleanup);

const CSV = 'No,year,month,day,hour,pm2.5\n' + Array.from({ length: 30 }, (_, i) => `${i + 1},2010,1,${1 + Math.floor(i / 24)},${i % 24},${50 + i}`).join('\n') + '\n';
const BEFORE = { parseRules: { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: true, booleanNames: true } } as never;

describe('parse rule timeParts', () => {
  it('a new import adds the time column composed of year, month, day and hour', async () => {
    const r = await load(CSV);
    expect(r.result.columns.map((c) => c.name)).toEqual(['No', 'year', 'month', 'day', 'hour', 'pm2.5', 'time']);
    expect(r.type('time')).toBe('datetime');
    expect(r.col('time')[25]).toBe(Date.UTC(2010, 0, 2, 1) / 1000);
    expect(r.issues['note:time']?.message).toMatch(/column 'time' is added/);
  });

  it('a dataset imported before the rule is read again as it was: no time column', async () => {
    const r = await load(CSV, BEFORE);
    expect(r.result.columns.map((c) => c.name)).toEqual(['No', 'year', 'month', 'day', 'hour', 'pm2.5']);
  });

  it('bigIntCodes off: integers beyond 2^53 are numbers again, as that importer read them', async () => {
    const big = 'order,v\n1152921504606846977,1\n1152921504606846978,2\n';
    expect((await load(big)).type('order')).toBe('categorical');
    expect((await load(big, BEFORE)).type('order')).toBe('int');
  });
});
