// Gaps in a time column at import: hourly data with rows missing gets a time_gaps warning counting them
// (checked against the rows the test removed), business days do not, jittered times get a note.
import { afterAll, describe, expect, it } from 'vitest';
import { duration, pandasFrequency, TimeSteps } from './time-steps';
import { textLoader } from './fixtures/load-text';
import { timeGaps } from '../data/forecasting-gaps';

const { load, cleanup } = textLoader('gatelab-gaps-');
afterAll(cleanup);

const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const T0 = Date.UTC(2016, 6, 1) / 1000;

describe('time gaps', () => {
  it('counts the gaps of hourly data with rows missing, and names the longest with its line', async () => {
    // a seeded 15% of the hours dropped, plus one 3-day hole
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kept: number[] = [];
    for (let h = 0; h < 3000; h++) if ((h < 1200 || h >= 1272) && (h < 5 || random() >= 0.15)) kept.push(h);
    let gaps = 0, holeLine = 0;
    const after = kept.findIndex((h) => h >= 1272);
    for (let i = 1; i < kept.length; i++) if (kept[i] - kept[i - 1] > 1) { gaps++; if (i === after) holeLine = i + 2; }
    const r = await load(`date,OT\n${kept.map((h) => `${iso(T0 + h * 3600)},${h % 24}`).join('\n')}\n`);
    const issue = r.result.validation.issues.find((i) => i.kind === 'time_gaps');
    expect(issue).toMatchObject({ column: 'date', severity: 'warning', count: gaps });
    const longest = kept[after] - kept[after - 1];
    expect(issue!.message).toBe(`time column 'date': ${gaps.toLocaleString('en-US')} gaps (steps longer than the usual 1 h; longest ${duration(longest * 3600)} at line ${holeLine.toLocaleString('en-US')}). Forecasting reads rows as equally spaced steps and keeps the windows that span a gap (the run's data line counts them), though each joins times further apart than its lookback says. If that matters, resample the file to the usual step before importing it, e.g. pandas \`df.set_index(pd.to_datetime(df.pop('date'))).resample('1h').first()\`: the missing times become rows with empty values, which forecasting fills with the last value before them`);
    expect(duration(longest * 3600)).toMatch(/^3 days/);
  });

  it('regular data, duplicates and weekends of business days are not gaps', async () => {
    const hourly = await load(`date,v\n${Array.from({ length: 100 }, (_, h) => `${iso(T0 + h * 3600)},${h}`).join('\n')}\n`);
    expect(hourly.result.validation.issues).toEqual([]);
    const days: string[] = [];
    for (let d = 0; days.length < 60; d++) { const t = Date.UTC(1990, 0, 1 + d); const wd = new Date(t).getUTCDay(); if (wd !== 0 && wd !== 6) days.push(iso(t / 1000).slice(0, 10)); }
    const business = await load(`date,rate\n${days.map((d, i) => `${d},${1 + i / 100}`).join('\n')}\n`);
    expect(business.result.validation.issues).toEqual([]);
    // a Wednesday missing alone (an exchange holiday) is part of the business calendar: a note, not a gap
    const wednesday = days.findIndex((d, i) => i > 10 && new Date(`${d}T00:00:00Z`).getUTCDay() === 3);
    const withHoliday = await load(`date,rate\n${days.filter((_, i) => i !== wednesday).map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(withHoliday.result.validation.issues.map((i) => [i.kind, i.severity, i.count])).toEqual([['note', 'info', 1]]);
    expect(withHoliday.result.validation.issues[0].message).toContain(`time column 'date': business days (weekends skipped); 1 single-day holiday (weekdays missing alone, the first just before line ${wednesday + 2})`);
    // Wednesday and Thursday both missing are not a holiday: a gap to fill
    const twoDays = await load(`date,rate\n${days.filter((_, i) => i !== wednesday && i !== wednesday + 1).map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(twoDays.result.validation.issues.map((i) => [i.kind, i.count])).toEqual([['time_gaps', 1]]);
    expect(twoDays.result.validation.issues[0].message).toContain(`1 gap (steps longer than the usual 1 day; longest 3 days at line ${wednesday + 2}); 11 weekends skipped are not counted`);
    // one of each: singular words ("1 gaps", "1 weekends skipped are" read as slips)
    const fortnight = days.slice(0, 10).filter((d) => !['1990-01-10', '1990-01-11'].includes(d)); // Mon 1 .. Fri 12 Jan 1990, less Wed and Thu of week 2
    const one = await load(`date,rate\n${fortnight.map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(one.result.validation.issues.map((i) => i.message)).toEqual([
      "time column 'date': 1 gap (steps longer than the usual 1 day; longest 3 days at line 9); 1 weekend skipped is not counted. " +
      "Forecasting reads rows as equally spaced steps and keeps the windows that span a gap (the run's data line counts them), though each joins times further apart than its lookback says. " +
      "If that matters, resample the file to the usual step before importing it, e.g. pandas `df.set_index(pd.to_datetime(df.pop('date'))).resample('B').first()`: " +
      'the missing times become rows with empty values, which forecasting fills with the last value before them',
    ]);
  });

  it('business days with exchange holidays (Mondays, Fridays, midweek) get a calendar note naming them, plus real gaps as warnings', async () => {
    // 2015-2019 weekdays; every 23rd weekday is a holiday (falls on every weekday in turn); one week missing
    const days: number[] = [];
    let holidays = 0;
    for (let d = 0, k = 0; d < 1500; d++) {
      const t = Date.UTC(2015, 0, 1 + d) / 1000;
      const wd = new Date(t * 1000).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (++k % 23 === 0) { holidays++; continue; }
      days.push(t);
    }
    const csv = (ts: number[]) => `Date,Close\n${ts.map((t, i) => `${iso(t).slice(0, 10)},${(100 + Math.sin(i)).toFixed(3)}`).join('\n')}\n`;
    const r = await load(csv(days));
    const note = r.result.validation.issues.find((i) => i.column === 'Date');
    expect(note).toMatchObject({ kind: 'note', severity: 'info', count: holidays });
    expect(note!.message).toMatch(new RegExp(`^time column 'Date': business days \\(weekends skipped\\); ${holidays} single-day holidays .*nothing to fill$`));
    // a whole week missing is still a gap, with the holidays set apart in its message
    const withHole = days.filter((_, i) => i < 400 || i >= 405);
    const gaps = (await load(csv(withHole))).result.validation.issues.find((i) => i.kind === 'time_gaps');
    expect(gaps).toMatchObject({ severity: 'warning', count: 1 });
    expect(gaps!.message).toMatch(new RegExp(`weekends skipped and ${holidays} single-day holidays .* are not counted`));
  });

  it('jittered times get a note that they are irregular', async () => {
    let seed = 3;
    const minute = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 59;
    const rows = Array.from({ length: 200 }, (_, i) => `${iso(T0 + i * 3600 + minute() * 60)},${i}`);
    const r = await load(`date,v\n${rows.join('\n')}\n`);
    const note = r.result.validation.issues.find((i) => i.column === 'date');
    expect(note).toMatchObject({ kind: 'note', severity: 'info' });
    expect(note!.message).toMatch(/irregularly spaced \(the most common step, .* is only \d+% of the first steps\)/);
  });

  it("times seconds apart with no usual step say 'under 1%', not 'only 0%'", async () => {
    // 300 events, each 1 to 997 s after the one before: the most common step is one of a few hundred
    const rows: string[] = [];
    for (let i = 0, t = T0; i < 300; i++) rows.push(`${iso((t += 1 + ((i * 7919) % 997)))},${i % 5}`);
    const r = await load(`time,v\n${rows.join('\n')}\n`);
    const note = r.result.validation.issues.find((i) => i.column === 'time' && i.kind === 'note');
    expect(note!.message).toMatch(/irregularly spaced \(the most common step, .* is under 1% of the first steps\)\. Forecasting treats rows as equally spaced: resample/);
  });

  it('times written with changing UTC offsets (summer time) get a pandas call that reads them: pd.to_datetime(…, utc=True)', async () => {
    // hourly Paris time across the spring change (+01:00, then +02:00), 30 hours missing later on
    const rows: string[] = [];
    const start = Date.UTC(2021, 2, 27, 0) / 1000; // 2021-03-27 01:00 in Paris; the clocks go forward on the 28th at 01:00 UTC
    for (let h = 0; h < 120; h++) {
      if (h >= 60 && h < 90) continue;
      const t = start + h * 3600, offset = t >= Date.UTC(2021, 2, 28, 1) / 1000 ? 2 : 1;
      rows.push(`${new Date((t + offset * 3600) * 1000).toISOString().slice(0, 19)}+0${offset}:00,${h % 7}`);
    }
    const r = await load(`timestamp,temp (°C)\n${rows.join('\n')}\n`);
    const gaps = r.issues['time_gaps:timestamp'];
    expect(gaps).toMatchObject({ count: 1 });
    expect(gaps.message).toContain("(steps longer than the usual 1 h; longest 1 day 7 h at line 62)");
    expect(gaps.message).toContain("e.g. pandas `df.set_index(pd.to_datetime(df.pop('timestamp'), utc=True)).resample('1h').first()` (utc=True: pandas reads times with changing UTC offsets only as UTC, as GateLab stores them): the missing times");
  });

  it('monthly, quarterly and month-end series step by calendar months: regular, no irregular note; a missing month is a gap', async () => {
    // 1960Q1..1969Q4: steps of 90, 91 and 92 days, none of them half the steps
    const quarters = Array.from({ length: 40 }, (_, i) => `${1960 + Math.floor(i / 4)}Q${(i % 4) + 1},${i}`);
    const quarterly = await load(`quarter,gdp\n${quarters.join('\n')}\n`);
    expect(quarterly.type('quarter')).toBe('datetime');
    expect(quarterly.result.validation.issues).toEqual([]);
    // six months from February (28, 31, 30, 31, 30 days), as ISO dates: 31 days is only 2 of the 5 steps
    const firsts = Array.from({ length: 6 }, (_, i) => iso(Date.UTC(2021, 1 + i, 1) / 1000).slice(0, 10));
    const monthly = await load(`date,sales\n${firsts.map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(monthly.result.validation.issues).toEqual([]);
    // month ends (2021-02-28, 2021-03-31, 2021-04-30, ...)
    const ends = Array.from({ length: 6 }, (_, i) => iso(Date.UTC(2021, 2 + i, 0) / 1000).slice(0, 10));
    const monthEnds = await load(`date,sales\n${ends.map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(monthEnds.result.validation.issues).toEqual([]);
    // two years of months with 2022-06 missing: one gap, at the file's monthly step
    const months = Array.from({ length: 24 }, (_, i) => iso(Date.UTC(2021, i, 1) / 1000).slice(0, 10)).filter((d) => d !== '2022-06-01');
    const missing = await load(`month,sales\n${months.map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(missing.result.validation.issues.map((i) => [i.kind, i.count])).toEqual([['time_gaps', 1]]);
    expect(missing.result.validation.issues[0].message).toContain('1 gap (steps longer than the usual 1 month; longest 61 days at line 19)');
    expect(missing.result.validation.issues[0].message).toContain("resample('MS')");
  });

  it('a really irregular series of dates is still called irregular', async () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let day = 0;
    const dates = Array.from({ length: 60 }, () => iso(Date.UTC(2020, 0, 1 + (day += 1 + Math.floor(random() * 20))) / 1000).slice(0, 10));
    const r = await load(`date,v\n${dates.map((d, i) => `${d},${i}`).join('\n')}\n`);
    const note = r.result.validation.issues.find((i) => i.column === 'date');
    expect(note).toMatchObject({ kind: 'note', severity: 'info' });
    expect(note!.message).toMatch(/irregularly spaced \(the most common step, .* is only \d+% of the first steps\)/);
  });

  it('advises resampling at the file\'s own step and column, and the resampled file (empty cells at the missing times) has no gap left', async () => {
    const quarter = (i: number) => iso(T0 + i * 900);
    const times = Array.from({ length: 96 }, (_, i) => i).filter((i) => i < 40 || i >= 44); // an hour missing
    const r = await load(`Zeit's,kW\n${times.map((i) => `${quarter(i)},${i}`).join('\n')}\n`);
    const gaps = r.result.validation.issues.find((i) => i.kind === 'time_gaps')!;
    expect(gaps.message).toContain("1 gap (steps longer than the usual 15 min; longest 1 h 15 min at line 42)");
    expect(gaps.message).toContain("e.g. pandas `df.set_index(pd.to_datetime(df.pop('Zeit\\'s'))).resample('15min').first()`");
    // what that resampling writes: every quarter hour, the missing ones empty
    const resampled = Array.from({ length: 96 }, (_, i) => `${quarter(i)},${times.includes(i) ? i : ''}`);
    const fixed = await load(`Zeit's,kW\n${resampled.join('\n')}\n`);
    expect(fixed.result.validation.issues.map((i) => [i.kind, i.count, i.message])).toEqual([['missing', 4, "column 'kW': 4 missing values"]]);
  });

  it('a spring clock change of local time is a note naming the rule, not a gap; a real missing row beside it still is', async () => {
    // a meter in Berlin wall-clock time, hourly across 2023-03-26, where 02:00-02:59 never happened
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const times = Array.from({ length: 24 * 20 }, (_, i) => clock.format(new Date(Date.UTC(2023, 2, 20) + i * 3_600_000)));
    const skipped = times.indexOf('2023-03-26 03:00');
    expect(times[skipped - 1]).toBe('2023-03-26 01:00');
    const csv = (rows: string[]) => `Zeit,kW\n${rows.map((t, i) => `${t},${(20 + Math.sin(i / 4)).toFixed(3)}`).join('\n')}\n`;
    const spring = await load(csv(times));
    expect(spring.result.validation.issues.map((i) => [i.kind, i.severity, i.count, i.message])).toEqual([['note', 'info', 1,
      `time column 'Zeit': local wall-clock time; the spring clock change before 2023-03-26 03:00 (line ${skipped + 2}; the EU change, last Sunday of March at 01:00 UTC) skips an hour that never existed, so no row is missing: not counted as a gap`]]);
    // the row for 2023-03-29 00:00 missing (23:00 then 01:00 on a Wednesday night) is a gap, the spring hour is not
    const missing = times.indexOf('2023-03-29 00:00');
    const holed = await load(csv(times.filter((_, i) => i !== missing)));
    const gaps = holed.issues['time_gaps:Zeit'];
    expect(gaps).toMatchObject({ severity: 'warning', count: 1 });
    expect(gaps.message).toContain(`1 gap (steps longer than the usual 1 h; longest 2 h at line ${missing + 2}); the spring clock change before 2023-03-26 03:00 (line ${skipped + 2}; the EU change, last Sunday of March at 01:00 UTC) is not counted (local time: the skipped hour never existed). Forecasting reads`);
  });

  it('an Excel export (";", decimal commas, dd.mm.yyyy) missing the row at midnight on an April night counts it as a gap', async () => {
    // 13.04.2021 23:00 then 14.04.2021 01:00: one hour longer than usual, at night, in April, but on no clock-change date
    const t0 = Date.UTC(2021, 2, 25);
    const row = (i: number) => {
      const d = new Date(t0 + i * 3_600_000).toISOString();
      return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 16)};${(50 + 10 * Math.sin(i / 4)).toFixed(3).replace('.', ',')}`;
    };
    const kept = Array.from({ length: 600 }, (_, i) => i).filter((i) => ![200, 201, 480].includes(i));
    expect(row(480)).toMatch(/^14\.04\.2021 00:00;/);
    const r = await load(Buffer.from(`\ufeffDatum;Last (kW)\r\n${kept.map(row).join('\r\n')}\r\n`));
    expect(r.type('Datum')).toBe('datetime');
    const gaps = r.issues['time_gaps:Datum'];
    expect(gaps).toMatchObject({ severity: 'warning', count: 2 });
    expect(gaps.message).toContain("2 gaps (steps longer than the usual 1 h; longest 3 h at line 202). Forecasting reads");
    expect(gaps.message).not.toContain('clock change');
  });

  it('counts steps through the autumn clock change: a missing row elsewhere is a gap, and a repeated hour missing a row is one too, not disorder', async () => {
    // a meter in Berlin wall-clock time, every 15 minutes across 2023-10-29, where 02:00-02:45 comes twice
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const times = Array.from({ length: 4 * 48 }, (_, i) => clock.format(new Date(Date.UTC(2023, 9, 28) + i * 900_000)));
    const back = times.findIndex((t, i) => i > 0 && t < times[i - 1]);
    expect([times[back - 1], times[back]]).toEqual(['2023-10-29 02:45', '2023-10-29 02:00']);
    const csv = (rows: string[]) => `Zeit,kW\n${rows.map((t, i) => `${t},${(20 + Math.sin(i / 4)).toFixed(3)}`).join('\n')}\n`;
    const summary = (at: number) => `time column 'Zeit': 1 gap (steps longer than the usual 15 min; longest 30 min at line ${at})`;

    // 2023-10-28 10:00 missing: the import used to stop counting at the step back and said nothing about it
    const morning = times.indexOf('2023-10-28 10:00');
    const holed = await load(csv(times.filter((_, i) => i !== morning)));
    expect(holed.issues['time_gaps:Zeit']).toMatchObject({ severity: 'warning', count: 1 });
    expect(holed.issues['time_gaps:Zeit'].message).toMatch(new RegExp(`^${summary(morning + 2).replace(/[()]/g, '\\$&')}\\. Forecasting reads`));
    expect(holed.issues['unsorted_time:Zeit']).toMatchObject({ severity: 'info' });

    // the last summer-time row (02:45) missing: 02:30 then 02:00 is the clock going back with a row lost
    const lost = await load(csv(times.filter((_, i) => i !== back - 1)));
    expect(lost.issues['unsorted_time:Zeit']).toMatchObject({ severity: 'info' });
    expect(lost.issues['unsorted_time:Zeit'].message).toContain('this looks like local time where the clock goes back an hour (at 2023-10-29 02:00)');
    expect(lost.issues['time_gaps:Zeit']).toMatchObject({ severity: 'warning', count: 1 });
    expect(lost.issues['time_gaps:Zeit'].message).toContain(`${summary(back + 1)}; 1 is where the clock goes back (line ${back + 1}: the hour from 2023-10-29 02:00 comes twice, the EU change, last Sunday of October at 01:00 UTC), counted through the repeated hour: rows of it are missing. Forecasting reads`);

    // hourly rows, 02:00 twice: the repeated hour, no gap
    const hourly = await load(csv(times.filter((_, i) => i % 4 === 0)));
    expect(hourly.issues['time_gaps:Zeit']).toBeUndefined();
    expect(hourly.issues['duplicate_time:Zeit']).toMatchObject({ severity: 'info', count: 1 });
  });

  it('times written with Z or an offset have no clock change: a spring step found before the first offset becomes a gap', () => {
    const at = (iso: string) => Date.parse(`${iso}Z`) / 1000;
    const fill = (steps: TimeSteps) => {
      for (let t = at('2023-03-25T00:00'); t < at('2023-03-27T00:00'); t += 3600) {
        if (t === at('2023-03-26T01:00')) { steps.add(t, 7200, 100); t += 3600; } else steps.add(t, 3600, 50);
      }
    };
    const local = new TimeSteps();
    fill(local);
    expect(local.summary('ts')).toMatchObject({ kind: 'clock', count: 1 });
    const utc = new TimeSteps();
    fill(utc);
    utc.inUtc();
    expect(utc.summary('ts')).toMatchObject({ kind: 'gaps', count: 1 });
    expect(utc.summary('ts')!.message).toContain('1 gap (steps longer than the usual 1 h; longest 2 h at line 100). Forecasting reads');
  });

  it('a row whose time cell is empty is still a row, not a gap, as the run counts it; time beyond it still is', async () => {
    // half-hourly, the time cell of line 12 empty (the row's values are there), and a real hole later
    const cells = Array.from({ length: 200 }, (_, i) => (i === 10 ? '' : iso(T0 + i * 1800))).filter((_, i) => i < 150 || i > 152);
    const csv = (rows: string[]) => `timestamp,value\n${rows.map((t, i) => `${t},${i % 7}`).join('\n')}\n`;
    const onlyEmpty = await load(csv(cells.slice(0, 100)));
    expect(onlyEmpty.result.validation.issues.map((i) => i.kind)).toEqual(['missing']);
    const withHole = await load(csv(cells));
    expect(withHole.issues['time_gaps:timestamp']).toMatchObject({ count: 1 });
    expect(withHole.issues['time_gaps:timestamp'].message).toContain('1 gap (steps longer than the usual 30 min; longest 2 h at line 152)');
    // the trainer's count on the same times (workers/data/forecasting-gaps.ts)
    const times = withHole.col('timestamp') as number[];
    expect(timeGaps(Float64Array.from(times)).count).toBe(1);
  });

  it('names the usual step as pandas does', () => {
    expect([3600, 900, 86400, 7 * 86400, 30, 7200, 0.5].map(pandasFrequency)).toEqual(['1h', '15min', '1D', '7D', '30s', '2h', '500ms']);
  });

  it('writes durations people read', () => {
    expect([duration(3600), duration(900), duration(86400), duration(3 * 86400), duration(5400), duration(30), duration(86400 + 7200)])
      .toEqual(['1 h', '15 min', '1 day', '3 days', '1 h 30 min', '30 s', '1 day 2 h']);
  });
});
