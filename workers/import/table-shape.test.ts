// Findings about the whole table: an event log (recommendation) gets its time-order findings as notes,
// not forecasting warnings; a long-format series file is said to be one (a forecasting run pivots it); times written with UTC
// offsets are said to be shown in UTC; a repeated time is counted in words that agree with the count.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-shape-');
afterAll(cleanup);

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

describe('event logs and time order', () => {
  it('user,item,timestamp,label out of time order: unsorted and repeated times are info notes that say why', async () => {
    const rand = rng(5);
    const rows = Array.from({ length: 200 }, (_, i) => `${1 + Math.floor(rand() * 50)},${1 + Math.floor(rand() * 80)},${881250949 + Math.floor(rand() * 1e5)},${i % 2}`);
    rows.push(rows[10]);
    const r = await load(`user,item,timestamp,clicked\n${rows.join('\n')}\n`);
    const unsorted = r.issues['unsorted_time:timestamp'];
    expect(unsorted.severity).toBe('info');
    expect(unsorted.message).toMatch(/This matters only for forecasting.*This file looks like an event log for recommendation \(ids and a label, no measurements\), where rows need no time order: a note, not a warning$/);
    expect(r.issues['duplicate_time:timestamp'].severity).toBe('info');
  });

  it('an implicit-feedback log (user, item, time, no label) is not said to have a label, nor told to resample its uneven times', async () => {
    const rand = rng(3);
    let t = 1609459200;
    const rows = Array.from({ length: 400 }, () => `U${1 + Math.floor(rand() * 60)},SKU-${1 + Math.floor(rand() * 90)},${(t += Math.floor(rand() * 300))},${1 + Math.floor(rand() * 3)}`);
    const r = await load(`user_id,item_id,timestamp,quantity\n${rows.join('\n')}\n`);
    expect(r.issues['duplicate_time:timestamp'].message).toMatch(/\. This file looks like an event log for recommendation \(ids, no measurements\), where rows need no time order: a note, not a warning$/);
    const steps = r.result.validation.issues.find((i) => i.column === 'timestamp' && i.kind === 'note' && i.message.includes('irregularly spaced'));
    expect(steps!.message).toMatch(/of the first steps\)\. This file looks like an event log for recommendation \(ids, no measurements\), where rows need no time order or fixed step: nothing to resample \(only forecasting needs equally spaced rows\)$/);
    expect(steps!.message).not.toContain('resample the series');
  });

  it('half-star ratings (floats 0.5..5.0) are ratings, not measurements: the log still gets notes', async () => {
    const rand = rng(9);
    const rows = Array.from({ length: 300 }, () => `${1 + Math.floor(rand() * 40)},${1 + Math.floor(rand() * 90)},${(1 + Math.floor(rand() * 10)) / 2},${881250949 + Math.floor(rand() * 1e4)}`);
    const r = await load(`user,item,rating,timestamp\n${rows.join('\n')}\n`);
    expect(r.type('rating')).toBe('float');
    expect(r.issues['unsorted_time:timestamp'].severity).toBe('info');
    expect(r.issues['duplicate_time:timestamp'].severity).toBe('info');
    // a float of many values (a price) is a measurement: the warnings stay
    const prices = await load(`user,item,price,timestamp\n${rows.map((l, i) => l.replace(/,[^,]*,(\d+)$/, `,${(i * 1.37).toFixed(2)},$1`)).join('\n')}\n`);
    expect(prices.issues['unsorted_time:timestamp'].severity).toBe('warning');
    // few values over a wide range (0.5 .. 50) are not ratings either
    const wide = await load(`user,item,rating,timestamp\n${rows.map((l, i) => (i === 0 ? l.replace(/,[^,]*,(\d+)$/, ',50.5,$1') : l)).join('\n')}\n`);
    expect(wide.issues['unsorted_time:timestamp'].severity).toBe('warning');
  });

  it('a forecasting file out of order keeps the warning, reworded to say it matters only for forecasting', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(1 + ((i * 7) % 30)).padStart(2, '0')},${(i * 1.37).toFixed(2)}`);
    const r = await load(`date,load\n${rows.join('\n')}\n`);
    const unsorted = r.issues['unsorted_time:date'];
    expect(unsorted.severity).toBe('warning');
    expect(unsorted.message).toMatch(/This matters only for forecasting, which reads rows in file order .*: to forecast this series, sort the file by 'date' and import it again$/);
  });

  it("one repeated time out of order reads '1 row repeats', several 'rows repeat'", async () => {
    const one = await load('t,v\n2024-01-02,1.5\n2024-01-01,2.5\n2024-01-02,3.5\n');
    expect(one.issues['duplicate_time:t'].message).toBe("column 't': the same time appears more than once (1 row repeats an earlier time; first at line 4: 2024-01-02)");
    const two = await load('t,v\n2024-01-02,1.5\n2024-01-01,2.5\n2024-01-02,3.5\n2024-01-01,4.5\n');
    expect(two.issues['duplicate_time:t'].message).toMatch(/\(2 rows repeat an earlier time;/);
  });
});

describe('UTC offsets', () => {
  it('times with offsets across a DST change are converted to UTC, and a note says they are shown in UTC', async () => {
    const rows = ['2016-10-30T01:00:00+02:00,1.5', '2016-10-30T02:00:00+02:00,2.5', '2016-10-30T02:00:00+01:00,3.5', '2016-10-30T03:00:00+01:00,4.5'];
    const r = await load(`date,OT\n${rows.join('\n')}\n`);
    expect(r.col('date')).toEqual([0, 1, 2, 3].map((h) => Date.UTC(2016, 9, 29, 23 + h) / 1000));
    expect(r.issues['note:date'].message).toBe("column 'date': times written with UTC offsets (+02:00, +01:00) are converted to UTC, and stored and shown in UTC: '2016-10-30T01:00:00+02:00' is 2016-10-29 23:00 UTC");
    const plain = await load('date,OT\n2016-10-30 01:00:00,1.5\n2016-10-30T02:00:00Z,2.5\n');
    // a 'Z' is UTC too: said once, so that no step in the column is taken for a local clock change
    expect(plain.issues['note:date'].message).toBe("column 'date': times written in UTC (ending in 'Z', as '2016-10-30T02:00:00Z') are stored and shown in UTC, so no step in them is a local clock change");
  });
});

describe('long format', () => {
  it('date,series,value with every time repeated once per series: a note that a forecasting run pivots it', async () => {
    const rows: string[] = [];
    for (let s = 0; s < 3; s++) for (let h = 0; h < 48; h++) rows.push(`2016-07-${String(1 + Math.floor(h / 24)).padStart(2, '0')} ${String(h % 24).padStart(2, '0')}:00:00,s${s},${(s * 10 + h / 3).toFixed(3)}`);
    const r = await load(`date,series,value\n${rows.join('\n')}\n`);
    expect(r.issues['note:date'].message).toBe("column 'date': every time appears 3 times and column 'series' has 3 values: this looks like long format (one row per series and time). " +
      "A forecasting run pivots it: each value of 'series' becomes a channel. " +
      'If another column tells the series apart, give that one the role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id)');
    // sorted by time (each time's rows together) is long format too
    const sorted = [...rows].sort();
    expect((await load(`date,series,value\n${sorted.join('\n')}\n`)).issues['note:date']?.message).toMatch(/every time appears 3 times and column 'series' has 3 values/);
    // repeats that are not k per time (a few duplicated rows) are not long format
    const dup = await load(`date,series,value\n${rows.slice(0, 48).concat(rows.slice(0, 2)).join('\n')}\n`);
    expect(dup.issues['note:date']).toBeUndefined();
  });

  it('stores that miss some days or open late (about k rows per time): the note still says the run pivots the file, and what it does with the missing days', async () => {
    const rows: string[] = [];
    for (let d = 0; d < 60; d++) {
      for (const s of [3, 7, 12, 21]) {
        if ((s === 12 && d < 5) || (s === 7 && d % 17 === 3)) continue; // store 12 opens on day 6; store 7 misses a few days
        rows.push(`${new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10)},${s},${(s + d / 7).toFixed(2)}`);
      }
    }
    const r = await load(`date,store_id,units\n${rows.join('\n')}\n`);
    expect(r.type('store_id')).toBe('categorical');
    expect(r.issues['note:date'].message).toBe("column 'date': each time appears about 4 times (from 2 to 4) and column 'store_id' has 4 values: this looks like long format (one row per series and time). "
      + "A forecasting run pivots it: each value of 'store_id' becomes a channel; a time without a row of some series is a gap in that channel, filled with the series' value before it (before a series' first row: its first value). "
      + 'If another column tells the series apart, give that one the role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id)');
  });

  it('series one after another: the out-of-order warning says the run pivots and sorts it, not to sort the file', async () => {
    const rows: string[] = [];
    for (let s = 0; s < 3; s++) for (let d = 0; d < 40; d++) rows.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},store_${s},${(s * 10 + d / 3).toFixed(2)}`);
    const unsorted = (await load(`timestamp,series_id,value\n${rows.join('\n')}\n`)).issues['unsorted_time:timestamp'];
    expect(unsorted).toMatchObject({ severity: 'warning', count: 2 });
    expect(unsorted.message).toBe("column 'timestamp': times are not in increasing order (first at line 42: 2020-01-01 after 2020-02-09 on line 41); "
      + "long format (see the note): a forecasting run pivots the file by 'series_id' into one row per time, sorted by time, so the file needs no sorting");
    // two columns that could tell the series apart: the run asks which, and the advice stays as it was
    const two = await load(`timestamp,series_id,region,value\n${rows.map((r) => r.replace(/,(store_\d)/, ',$1,r$1')).join('\n')}\n`);
    expect(two.issues['unsorted_time:timestamp'].message).toMatch(/: to forecast this series, sort the file by 'timestamp' and import it again$/);
  });

  it('meters in long format: the repeated-times warning says a time repeats once per series, which the run pivots', async () => {
    const rows: string[] = [];
    for (let h = 0; h < 48; h++) for (const m of ['M001', 'M002', 'M003']) rows.push(`${new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ')},${m},${(1 + (h % 24) / 10).toFixed(2)}`);
    const r = await load(`timestamp,meter_id,kwh\n${rows.join('\n')}\n`);
    const repeated = r.issues['duplicate_time:timestamp'];
    expect(repeated.severity).toBe('warning');
    expect(repeated.message).toBe("column 'timestamp': the same time appears more than once; long format (see the note): a forecasting run pivots the file by 'meter_id' into one row per time, so each time repeats once per series by design");
    // two columns that could tell the series apart: the run asks which, so the warning stays bare
    const two = await load(`timestamp,meter_id,site,kwh\n${rows.map((l) => l.replace(/,(M\d+)/, ',$1,s$1')).join('\n')}\n`);
    expect(two.issues['duplicate_time:timestamp'].message).toBe("column 'timestamp': the same time appears more than once");
  });
});

describe('a date column and a time-of-day column', () => {
  const T0 = Date.UTC(2016, 6, 1) / 1000;
  const rows = Array.from({ length: 72 }, (_, h) => `2016-07-${String(1 + Math.floor(h / 24)).padStart(2, '0')},${String(h % 24).padStart(2, '0')}:00:00,${(5 + Math.sin(h)).toFixed(3)}`);

  it("'2016-07-01' then '01:00:00': the date column holds the whole timestamp, with a note; no repeated times, no long-format advice", async () => {
    const r = await load(`day,time,OT\n${rows.join('\n')}\n`);
    expect(r.type('day')).toBe('datetime');
    expect(r.col('day').slice(0, 3)).toEqual([T0, T0 + 3600, T0 + 7200]);
    expect(r.col('day')[71]).toBe(T0 + 71 * 3600);
    expect(r.col('time')[1]).toBe('01:00:00'); // kept as written
    const issues = r.result.validation.issues;
    expect(issues.filter((i) => i.kind === 'duplicate_time' || i.message.includes('pivot'))).toEqual([]);
    expect(issues.find((i) => i.column === 'day')!.message).toBe("column 'day' holds dates and column 'time' the time of day: 'day' now holds both (the date plus the time of day; first row: '2016-07-01' '00:00:00'), "
      + "so it is the time index with one row per time. 'time' is kept as written; set its role to ignore if the model should not see it. To keep them apart, import with --types day=datetime");
  });

  it('kept apart (a type set on the date), the note says they are one timestamp to combine, not long format', async () => {
    const r = await load(`day,time,OT\n${rows.join('\n')}\n`, { columnTypes: { day: 'datetime' } });
    expect(r.col('day')[1]).toBe(T0);
    const note = r.result.validation.issues.find((i) => i.column === 'day' && i.kind === 'note')!;
    expect(note.message).toBe("column 'day' holds dates and column 'time' the time of day (e.g. '00:00:00'): together they are one timestamp, so every date repeats 24 times. "
      + "This is not long format: combine them into one datetime column and import again, e.g. pandas `df.insert(0, 'datetime', df['day'] + ' ' + df['time']); df = df.drop(columns=['day', 'time'])`. "
      + "Until then a forecast reads 'day' as a time index with 24 rows per time");
  });
});
