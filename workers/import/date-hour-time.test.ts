// Hourly data written as a date column and an hour-of-day number (UCI Bike Sharing's dteday + hr) gets a time
// column composed of both, as the time index; a date with times already, an hour column that is no hour of the
// day, or a dataset imported before the rule dateHourColumns keep the file's columns as they were.
import { afterAll, describe, expect, it } from 'vitest';
import { parseRulesWith, type ImportOptions } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-date-hour-');
afterAll(cleanup);

/** `days` days of hourly rows in the Bike Sharing layout; `hour(h)` writes hour h of the day (default: h). */
function bikes(days: number, hour: (h: number) => string = String, date = (d: number) => `2011-01-0${d + 1}`): string {
  const lines = ['instant,dteday,season,hr,temp,cnt'];
  for (let i = 0; i < days * 24; i++) lines.push(`${i + 1},${date(Math.floor(i / 24))},winter,${hour(i % 24)},${(0.2 + (i % 7) / 100).toFixed(2)},${10 + (i % 30)}`);
  return lines.join('\n') + '\n';
}
const H = 3600;
const JAN1 = Date.UTC(2011, 0, 1) / 1000;
const names = (r: Awaited<ReturnType<typeof load>>) => r.result.columns.map((c) => c.name);
const without = (rule: 'dateHourColumns' | 'endOfDayTimes') => ({ parseRules: parseRulesWith((r) => r !== rule) }) as ImportOptions;

describe('a date column and an hour number compose the time index', () => {
  it("dteday + hr: a datetime column 'time' of the date plus the hour, the two kept as written", async () => {
    const r = await load(bikes(3));
    expect(names(r)).toEqual(['instant', 'dteday', 'season', 'hr', 'temp', 'cnt', 'time']);
    expect(r.result.columns.at(-1)).toMatchObject({ name: 'time', type: 'datetime', timeParts: ['dteday', 'hr'] });
    const time = r.col('time') as number[];
    expect(time.slice(0, 3)).toEqual([JAN1, JAN1 + H, JAN1 + 2 * H]);
    expect(time[24]).toBe(JAN1 + 24 * H);
    expect(time[71]).toBe(JAN1 + 71 * H);
    expect((r.col('dteday') as number[])[23]).toBe(JAN1);
    expect(r.col('hr').slice(0, 3)).toEqual([0, 1, 2]);
    // one row per hour: the composed column repeats nothing; the date's repeats are a note now, not a warning
    expect(r.result.validation.issues.filter((i) => i.column === 'time' && i.severity !== 'info')).toEqual([]);
    expect(r.issues['duplicate_time:dteday']).toMatchObject({ severity: 'info' });
    expect(r.issues['duplicate_time:dteday'].message).toContain("it holds the dates of hourly rows whose hour is in 'hr': column 'time', composed of both, is the time index");
  });

  it('the note says what was composed, that the parts start ignored, and how to import without it', async () => {
    const r = await load(bikes(2));
    expect(r.issues['note:time']).toMatchObject({ severity: 'info', count: 48 });
    expect(r.issues['note:time'].message).toBe(
      "column 'dteday' holds dates without a time of day and column 'hr' the hour of the day: column 'time' is added, the date plus the hour " +
      "(first row: '2011-01-01' and 0 give 2011-01-01 00:00), as the time index with one row per time instead of each date repeated. " +
      "The parts are kept as written and start with the role ignore, so they are not forecast as channels; set a part's role to feature to give a model it as an input " +
      "(gatelab datasets roles ID hr=feature). To import without 'time', type the hour otherwise: --types hr=float");
  });

  it('a row without an hour gets no time, and the note counts it; the undo the note names keeps the file apart', async () => {
    const r = await load(bikes(2, (h) => (h === 5 ? '' : String(h))));
    expect((r.col('time') as number[])[5]).toBeNaN();
    expect(r.issues['note:time'].message).toContain('2 rows have no date or no hour, and no time.');
    expect(names(await load(bikes(2), { columnTypes: { hr: 'float' } }))).not.toContain('time');
  });

  it("hours 1–24 (the hour ending): 24 is the next day's 00:00, as '24:00' beside a date reads; not without that rule", async () => {
    const r = await load(bikes(2, (h) => String(h + 1)));
    const time = r.col('time') as number[];
    expect(time[0]).toBe(JAN1 + H);
    expect(time[23]).toBe(JAN1 + 24 * H);
    expect(time[47]).toBe(JAN1 + 48 * H);
    expect(r.issues['note:time'].message).toContain("Its hours are 1–24, so hour 24 is the next day's 00:00.");
    expect(names(await load(bikes(2, (h) => String(h + 1)), without('endOfDayTimes')))).not.toContain('time');
  });

  it('a dataset imported before the rule is read again as it was: no time column, the repeated dates a warning', async () => {
    const r = await load(bikes(2), without('dateHourColumns'));
    expect(names(r)).toEqual(['instant', 'dteday', 'season', 'hr', 'temp', 'cnt']);
    expect(r.issues['duplicate_time:dteday']).toMatchObject({ severity: 'warning' });
  });
});

describe('what is not composed', () => {
  it('an hour column with a value outside 0–23 (25, -1, or 0 and 24 together) is no hour of the day', async () => {
    expect(names(await load(bikes(2, (h) => String(h === 7 ? 25 : h))))).not.toContain('time');
    expect(names(await load(bikes(2, (h) => String(h - 1))))).not.toContain('time');
    // 0 … 24: the 24 of one day would be the 0 of the next
    expect(names(await load(bikes(2, (h) => String(h === 23 ? 24 : h))))).not.toContain('time');
    expect(names(await load(bikes(2, (h) => `${h}.5`)))).not.toContain('time'); // not whole hours
  });

  it('a date column that holds times already, or an hour that does not tell the rows of a date apart', async () => {
    const r = await load(bikes(2, String, (d) => `2011-01-0${d + 1} 05:00`));
    expect(names(r)).not.toContain('time');
    expect(r.issues['duplicate_time:dteday']).toMatchObject({ severity: 'warning' });
    expect(names(await load(bikes(2, () => '3')))).not.toContain('time');
    // a daily file (no date repeats) has nothing to compose
    const daily = 'date,hour,v\n' + Array.from({ length: 10 }, (_, d) => `2011-01-${String(d + 1).padStart(2, '0')},${d},${d}`).join('\n') + '\n';
    expect(names(await load(daily))).not.toContain('time');
  });

  it("a timesheet's 'hours' (hours worked per employee and date) is a duration, not composed", async () => {
    const sheet = 'date,employee,hours\n' + Array.from({ length: 60 }, (_, i) => `2011-01-${String(Math.floor(i / 6) + 1).padStart(2, '0')},e${i % 6},${(i * 5) % 11}`).join('\n') + '\n';
    const r = await load(sheet);
    expect(names(r)).not.toContain('time');
    expect(r.result.columns.find((c) => c.name === 'hours')?.type).toBe('int');
  });

  it('a date column beside a time-of-day column is combined as before, not composed with the hour', async () => {
    const csv = 'date,clock,hour,v\n' + Array.from({ length: 48 }, (_, i) => `2011-01-0${1 + Math.floor(i / 24)},${String(i % 24).padStart(2, '0')}:00,${i % 24},${i}`).join('\n') + '\n';
    const r = await load(csv);
    expect(names(r)).toEqual(['date', 'clock', 'hour', 'v']);
    expect((r.col('date') as number[])[25]).toBe(JAN1 + 25 * H);
  });
});
