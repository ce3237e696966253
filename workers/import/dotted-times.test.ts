// UCI's Air Quality file writes its time of day with dots beside a day-first date ('10/03/2004;18.00.00'),
// with decimal commas, -200 for a missing reading and two empty fields at the end of every line. Read apart,
// the date repeats 24 times and the import took the file for long format, advising to pivot it by 'Time'
// (each hour a channel). The dotted time is a time of day: the date column gets it, as '18:00:00' would.
// Datasets imported before the rule keep the two columns apart.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';
import { parseTimeOfDay } from './date-time-pair';

const { load, cleanup } = textLoader('gatelab-dotted-');
afterAll(cleanup);
const two = (n: number) => String(n).padStart(2, '0');
/** 60 hours from 10/03/2004 18:00, written as the Air Quality file writes them. */
const FILE = 'Date;Time;CO(GT);T;;\n' + Array.from({ length: 60 }, (_, i) => {
  const h = 18 + i, day = 10 + Math.floor(h / 24);
  return `${two(day)}/03/2004;${two(h % 24)}.00.00;${i % 7 === 0 ? '-200' : (2 + (i % 5) / 10).toFixed(1).replace('.', ',')};${(12 + (i % 9) / 10).toFixed(1).replace('.', ',')};;`;
}).join('\n') + '\n';

describe("a time of day written '18.00.00' beside a date", () => {
  it('parseTimeOfDay reads hours.minutes.seconds only under the rule, and never hours.minutes', () => {
    expect(parseTimeOfDay('18.00.00', false, true)).toBe(18 * 3600);
    expect(parseTimeOfDay('7.05.30', false, true)).toBe(7 * 3600 + 5 * 60 + 30);
    expect(parseTimeOfDay('24.00.00', true, true)).toBe(86400);
    expect(parseTimeOfDay('18.00.00')).toBeNaN();
    expect(parseTimeOfDay('18.30', false, true)).toBeNaN(); // a decimal number
    expect(parseTimeOfDay('25.00.00', false, true)).toBeNaN();
  });

  it('the Air Quality layout: one hourly time index, no long-format advice to pivot by Time', async () => {
    const r = await load(FILE);
    const t = r.col('Date') as number[];
    const T0 = Date.UTC(2004, 2, 10, 18) / 1000;
    expect(t.slice(0, 3)).toEqual([T0, T0 + 3600, T0 + 7200]);
    expect(t[59]).toBe(T0 + 59 * 3600);
    const issues = r.result.validation.issues;
    expect(issues.filter((i) => i.kind === 'duplicate_time')).toEqual([]);
    expect(issues.some((i) => /long format/.test(i.message))).toBe(false);
    expect(issues.find((i) => i.column === 'Date' && /time of day/.test(i.message))!.message)
      .toContain("column 'Date' holds dates and column 'Time' the time of day: 'Date' now holds both (the date plus the time of day; first row: '10/03/2004' '18.00.00')");
  });

  it('a dataset imported before the rule keeps the date and the time apart', async () => {
    const r = await load(FILE, { parseRules: parseRulesWith((rule) => rule !== 'dottedTimes') } as ImportOptions);
    expect((r.col('Date') as number[])[1]).toBe(Date.UTC(2004, 2, 10) / 1000);
  });
});
