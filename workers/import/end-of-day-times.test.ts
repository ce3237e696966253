// Energy and meter exports write a day's hours 01:00 … 24:00 in a column beside the date. '24:00' is the end
// of the day: the date column gets the next day's 00:00, as a whole timestamp '01.01.2024 24:00' reads, so the
// pair is combined into one time index instead of leaving a date that repeats 24 times. Datasets imported
// before the rule keep the two columns apart.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';
import { parseTimeOfDay } from './date-time-pair';

const { load, cleanup } = textLoader('gatelab-eod-');
afterAll(cleanup);
const day = (d: number) => `0${1 + d}.01.2024`;
const FILE = `date;hour;kWh\n${Array.from({ length: 72 }, (_, i) => `${day(Math.floor(i / 24))};${String(1 + (i % 24)).padStart(2, '0')}:00;${(100 + i / 10).toFixed(1).replace('.', ',')}`).join('\n')}\n`;

describe("'24:00' beside a date", () => {
  it('parseTimeOfDay reads it as 86400 s only under the rule', () => {
    expect(parseTimeOfDay('24:00', true)).toBe(86400);
    expect(parseTimeOfDay('24:00:00', true)).toBe(86400);
    expect(parseTimeOfDay('24:00')).toBeNaN();
    expect(parseTimeOfDay('24:30', true)).toBeNaN();
  });

  it("hours 01:00 … 24:00: one time index, hourly, with '24:00' the next day's 00:00", async () => {
    const r = await load(FILE);
    const t = r.col('date') as number[];
    const T0 = Date.UTC(2024, 0, 1, 1) / 1000;
    expect(t.slice(0, 2)).toEqual([T0, T0 + 3600]);
    expect(t[23]).toBe(Date.UTC(2024, 0, 2) / 1000); // '01.01.2024' '24:00'
    expect(t[71]).toBe(T0 + 71 * 3600);
    expect(r.result.validation.issues.filter((i) => i.kind === 'duplicate_time')).toEqual([]);
    expect(r.result.validation.issues.find((i) => i.column === 'date')!.message).toMatch(/^column 'date' holds dates and column 'hour' the time of day: 'date' now holds both/);
  });

  it('a dataset imported before the rule keeps the date and the hour apart', async () => {
    const r = await load(FILE, { parseRules: parseRulesWith((rule) => rule !== 'endOfDayTimes') } as ImportOptions);
    expect((r.col('date') as number[])[1]).toBe(Date.UTC(2024, 0, 1) / 1000);
  });
});
