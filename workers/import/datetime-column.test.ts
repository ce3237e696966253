// A meter's export in local time across the autumn clock change: the clock goes back an hour, so the times
// step back (15-minute rows) or repeat (hourly rows). The trainer keeps those rows in file order, so the
// importer must not tell the user to sort the file (that interleaves the two hours): it says what it is, as
// a note. A step back that is not a clock change keeps the warning and its sort advice.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-clock-');
afterAll(cleanup);

const berlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
/** `count` rows `minutes` apart from 2023-10-27 00:00 UTC, written as Berlin wall-clock times (no offset). */
const meter = (count: number, minutes: number) =>
  `time,load\n${Array.from({ length: count }, (_, i) => `${berlin.format(new Date(Date.UTC(2023, 9, 27) + i * minutes * 60_000))},${(3 + Math.sin(i / 9)).toFixed(3)}`).join('\n')}\n`;

describe('local time across the clock change at import', () => {
  it('15-minute rows going back at 02:45 → 02:00: a note naming the clock change, no sort advice', async () => {
    const r = await load(meter(4 * 24 * 4, 15));
    const unsorted = r.issues['unsorted_time:time'];
    expect(unsorted.severity).toBe('info');
    expect(unsorted.message).toBe("column 'time': times are not in increasing order (first at line 198: 2023-10-29 02:00 after 2023-10-29 02:45 on line 197); " +
      'this looks like local time where the clock goes back an hour (at 2023-10-29 02:00): forecasting keeps these rows in file order (the repeated hour trains as consecutive steps), so do not sort the file');
    expect(unsorted.examples[0]).toMatchObject({ line: 198 });
    const repeated = r.issues['duplicate_time:time'];
    expect(repeated).toMatchObject({ severity: 'info', count: 4 });
    expect(repeated.message).toBe("column 'time': the times of the repeated hour appear twice (4 rows repeat an earlier time); that is the clock change above, not repeated measurements");
  });

  it('hourly rows repeating 02:00: the repeat is named the clock change', async () => {
    const r = await load(meter(24 * 6, 60));
    expect(r.issues['unsorted_time:time']).toBeUndefined();
    const repeated = r.issues['duplicate_time:time'];
    expect(repeated).toMatchObject({ severity: 'info', count: 1 });
    expect(repeated.message).toMatch(/^column 'time': the times of the repeated hour appear twice \(1 row repeats an earlier time\); this looks like local time where the clock goes back an hour \(at 2023-10-29 02:00\): .*so do not sort the file$/);
  });

  it('a step back of an hour at noon, or a clock change plus real disorder: still a warning that says to sort', async () => {
    // 15-minute rows in January with 12:00-12:45 written twice: not a clock change
    const noon = Array.from({ length: 200 }, (_, i) => i).flatMap((i) => (i === 52 ? [48, 49, 50, 51, 52] : [i]))
      .map((i) => `${new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString().slice(0, 16).replace('T', ' ')},${i % 5}.5`);
    const r = await load(`time,load\n${noon.join('\n')}\n`);
    expect(r.issues['unsorted_time:time'].severity).toBe('warning');
    expect(r.issues['unsorted_time:time'].message).toMatch(/sort the file by 'time' and import it again$/);
    // the autumn file with two rows swapped elsewhere
    const lines = meter(4 * 24 * 4, 15).trimEnd().split('\n');
    [lines[20], lines[30]] = [lines[30], lines[20]];
    const swapped = await load(`${lines.join('\n')}\n`);
    expect(swapped.issues['unsorted_time:time'].severity).toBe('warning');
    expect(swapped.issues['unsorted_time:time'].message).toMatch(/first at line 22: .*sort the file by 'time' and import it again$/);
  });
});

describe('the sort advice of unsorted_time is the trainer\'s (common/data/forecasting-rows.ts unsortedAdvice)', () => {
  it('a step back of one hour the clock-change rule cannot confirm: write the times in UTC, do not sort', async () => {
    // 15-minute rows in January with 12:00-12:45 written twice
    const noon = Array.from({ length: 200 }, (_, i) => i).flatMap((i) => (i === 52 ? [48, 49, 50, 51, 52] : [i]))
      .map((i) => `${new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString().slice(0, 16).replace('T', ' ')},${i % 5}.5`);
    const r = await load(`time,load\n${noon.join('\n')}\n`);
    expect(r.issues['unsorted_time:time'].message).toBe("column 'time': times are not in increasing order (first at line 54: 2024-01-01 12:00 after 2024-01-01 12:45 on line 53). "
      + 'This matters only for forecasting, which reads rows in file order (its windows and chronological split would mix periods): to forecast this series, '
      + "if the file is in local time and this is where clocks go back an hour, do not sort it (that would interleave the two hours): write the times in UTC or with their UTC offset and import it again. Otherwise sort the file by 'time' and import it again");
  });

  it('times written in UTC (Z) have no clock change: a step back is out of order, sort them', async () => {
    const utc = Array.from({ length: 200 }, (_, i) => (i === 52 ? 48 : i))
      .map((i) => `${new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString().slice(0, 19)}Z,${i % 5}.5`);
    const r = await load(`time,load\n${utc.join('\n')}\n`);
    expect(r.issues['unsorted_time:time'].message).toMatch(/: to forecast this series, sort the file by 'time' and import it again$/);
    expect(r.issues['note:time'].message).toBe("column 'time': times written in UTC (ending in 'Z', as '2024-01-01T00:00:00Z') are stored and shown in UTC, so no step in them is a local clock change");
  });
});

describe("times written with 'Z' are UTC: a missing hour on the spring clock-change night is a gap", () => {
  // hourly rows over the EU spring change (2023-03-26): 02:00 local never existed, so a file in local
  // time skips it; a file in UTC that skips 02:00 misses a measurement
  const hours = (suffix: string) => Array.from({ length: 72 }, (_, i) => i).filter((i) => i !== 26)
    .map((i) => `${new Date(Date.UTC(2023, 2, 25) + i * 3_600_000).toISOString().slice(0, 19)}${suffix},${i % 7}.5`);

  it('without Z the skipped hour is the clock change (a note), with Z a gap the trainer counts too', async () => {
    const local = await load(`time,load\n${hours('').join('\n')}\n`);
    expect(local.issues['time_gaps:time']).toBeUndefined();
    expect(local.issues['note:time'].message).toMatch(/^time column 'time': local wall-clock time; the spring clock change before 2023-03-26 03:00/);
    const utc = await load(`time,load\n${hours('Z').join('\n')}\n`);
    expect(utc.issues['time_gaps:time'].message).toMatch(/^time column 'time': 1 gap \(steps longer than the usual 1 h; longest 2 h at line 28\)/);
  });

  it("offsets and 'Z' in one column: one note, in the words timesWrittenInUtc matches", async () => {
    const r = await load('time,load\n2024-01-01T00:00:00+01:00,1\n2024-01-01T00:00:00Z,2\n2024-01-01T01:00:00Z,3\n2024-01-01T03:00:00+01:00,4\n');
    expect(r.issues['note:time'].message).toBe("column 'time': times written with UTC offsets (+01:00) are converted to UTC, and stored and shown in UTC: '2024-01-01T00:00:00+01:00' is 2023-12-31 23:00 UTC; times written in UTC (ending in 'Z', as '2024-01-01T00:00:00Z') are kept as written");
    expect(r.issues['note:time'].count).toBe(4);
  });
});

describe('out-of-order and repeated times are quoted as the file writes them, with their lines', () => {
  it("day-first dotted times ('15.01.2024 14:00'): the step back, its example and the repeat, not ISO", async () => {
    const at = (d: number, h: number) => `${String(d).padStart(2, '0')}.01.2024 ${String(h).padStart(2, '0')}:00`;
    const rows = Array.from({ length: 40 }, (_, i) => `${at(13 + Math.floor(i / 24), i % 24)},${i}.5`);
    // line 12 steps back to 13.01. 03:00 (after 13.01. 10:00 on line 11); line 30 writes 13.01. 20:00 again, later and out of order
    rows[10] = `${at(13, 3)},9.5`;
    rows[28] = `${at(13, 20)},27.5`;
    const r = await load(`Zeit,Last\n${rows.join('\n')}\n`);
    const unsorted = r.issues['unsorted_time:Zeit'];
    expect(unsorted.message).toMatch(/^column 'Zeit': times are not in increasing order \(first at line 12: 13\.01\.2024 03:00 after 13\.01\.2024 09:00 on line 11\)\. /);
    expect(unsorted.examples.map((e) => [e.line, e.value])).toEqual([[12, '13.01.2024 03:00'], [30, '13.01.2024 20:00']]);
    expect(r.issues['duplicate_time:Zeit'].message).toBe("column 'Zeit': the same time appears more than once (2 rows repeat an earlier time; first at line 12: 13.01.2024 03:00)");
  });

  // review dates: shuffled days, and later two reviews of one day in a row. The report's "(first: line …)"
  // example is the issue's first example: it must be the first repeat the message names, not the adjacent pair
  it('out-of-order times: the examples are the first rows that repeat an earlier time, as the message says', async () => {
    const days = [5, 2, 9, 2, 7, 1, 3, 3, 8];
    const r = await load(`review_date,stars\n${days.map((d, i) => `2021-03-0${d},${i % 5}`).join('\n')}\n`);
    const repeated = r.issues['duplicate_time:review_date'];
    expect(repeated.message).toBe("column 'review_date': the same time appears more than once (2 rows repeat an earlier time; first at line 5: 2021-03-02)");
    expect(repeated.examples.map((e) => [e.line, e.value])).toEqual([[5, '2021-03-02'], [9, '2021-03-03']]);
  });

  it('a repeat that steps forward (neither the row before nor a step back) is named by its line too', async () => {
    const r = await load('t,v\n2024-01-03 10:00,1.5\n2024-01-01 10:00,2.5\n2024-01-02 10:00,3.5\n2024-01-03 10:00,4.5\n');
    expect(r.issues['duplicate_time:t'].message).toBe("column 't': the same time appears more than once (1 row repeats an earlier time; first at line 5: 2024-01-03 10:00)");
    expect(r.issues['unsorted_time:t'].message).toMatch(/\(first at line 3: 2024-01-01 10:00 after 2024-01-03 10:00 on line 2\)/);
  });
});

describe('a repeated hourly time that is no clock change', () => {
  const hours = (from: number, count: number) => Array.from({ length: count }, (_, i) => new Date(from + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' '));

  it('one row written twice on a Tuesday night in October is a duplicate, not the clock going back', async () => {
    // the audit's dup_one.csv: 2023-10-03 01:00 written twice (values differ); no country changes clocks that night
    const t = hours(Date.UTC(2023, 9, 1), 200);
    t.splice(50, 0, t[49]);
    const r = await load(`time,v\n${t.map((x, i) => `${x},${i}.0`).join('\n')}\n`);
    const repeated = r.issues['duplicate_time:time'];
    expect(repeated).toMatchObject({ severity: 'warning', count: 1 });
    expect(repeated.message).not.toMatch(/clock/);
    expect(repeated.examples[0]).toMatchObject({ line: 52, value: '2023-10-03 01:00:00' });
  });

  it('every hour written three times (an event log): every repeat counted, none taken for a clock change', async () => {
    for (const start of [Date.UTC(2014, 9, 21), Date.UTC(2014, 6, 21)]) {
      const t = hours(start, 100).flatMap((x) => [x, x, x]).map((x) => x.slice(0, 16));
      const r = await load(`hour,v\n${t.map((x, i) => `${x},${i}`).join('\n')}\n`);
      expect(r.issues['duplicate_time:hour']).toMatchObject({ severity: 'warning', count: 200 });
      expect(r.issues['duplicate_time:hour'].message).toBe("column 'hour': the same time appears more than once");
    }
  });
});
