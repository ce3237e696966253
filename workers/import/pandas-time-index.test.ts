// The time-gap warning's pandas call, run by /usr/bin/python3 with pandas on the very file imported: a column
// of epoch seconds (or milliseconds) needs its unit, or set_index gives an Int64Index and resample() fails
// ("Only valid with DatetimeIndex"), as the call printed before did; so did written dates, which a plain
// pd.read_csv keeps as text, and ISO weeks ('2020-W01'), which pd.to_datetime parses only with their format.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { pandasTimeIndex, timeReadingOf } from './pandas-time-index';

const { load, tmp, cleanup } = textLoader('gatelab-pandas-time-index-');
afterAll(cleanup);

/** 48 hours from 2021-01-01 in `unit` since 1970, hours 10 to 12 missing: 45 rows, 3 gaps' worth of hours. */
const hourly = (perSecond: number) => ['timestamp,load', ...Array.from({ length: 48 }, (_, h) => h)
  .filter((h) => h < 10 || h > 12).map((h) => `${(1609459200 + h * 3600) * perSecond},${(h * 0.5).toFixed(1)}`)].join('\n') + '\n';

/** The warning's pandas call (between backticks after "e.g. pandas"), run on `file`: rows after resampling and the first time. */
function runAdvice(message: string, file: string): { rows: number; first: string } {
  const call = /e\.g\. pandas `([^`]+)`/.exec(message)?.[1];
  expect(call, message).toBeDefined();
  const py = `import json, pandas as pd\ndf = pd.read_csv(${JSON.stringify(file)})\nr = ${call}\nprint(json.dumps({'rows': len(r), 'first': str(r.index[0])}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { rows: number; first: string };
}

describe("the time-gap warning's pandas call", () => {
  it("epoch seconds: to_datetime with unit='s', and the call fills the missing hours in pandas", async () => {
    const r = await load(hourly(1), {}, 'epoch-s.csv');
    expect(r.type('timestamp')).toBe('datetime');
    const gaps = r.issues['time_gaps:timestamp'];
    expect(gaps.message).toContain("pandas `df.set_index(pd.to_datetime(df.pop('timestamp'), unit='s')).resample('1h').first()`");
    expect(runAdvice(gaps.message, join(tmp, 'epoch-s.csv'))).toEqual({ rows: 48, first: '2021-01-01 00:00:00' });
  });

  it("epoch milliseconds: unit='ms'", async () => {
    const r = await load(hourly(1000), {}, 'epoch-ms.csv');
    const gaps = r.issues['time_gaps:timestamp'];
    expect(gaps.message).toContain("unit='ms'");
    expect(runAdvice(gaps.message, join(tmp, 'epoch-ms.csv'))).toEqual({ rows: 48, first: '2021-01-01 00:00:00' });
  });

  it('Excel day numbers count from 1899-12-30; a quote in the name is escaped', () => {
    expect(timeReadingOf('iso')).toBe('text');
    expect(pandasTimeIndex("it's", timeReadingOf('iso'))).toEqual({ index: "df.set_index(pd.to_datetime(df.pop('it\\'s')))", why: '' });
    expect(pandasTimeIndex('d', timeReadingOf('excel-days')).index).toBe("df.set_index(pd.to_datetime(df.pop('d'), unit='D', origin='1899-12-30'))");
  });

  /** 40 days from 2021-01-01 written by `write`, the 10th to the 12th of January missing: 37 rows. */
  const daily = (write: (d: Date) => string) => ['date,sales', ...Array.from({ length: 40 }, (_, i) => i)
    .filter((i) => i < 9 || i > 11).map((i) => `${write(new Date(Date.UTC(2021, 0, 1 + i)))},${i}`)].join('\n') + '\n';
  const two = (x: number) => String(x).padStart(2, '0');

  // `pd.read_csv(file)` keeps written dates as text: set_index('date') gave an Index of strings and resample() failed
  it('written dates: to_datetime on the column, which a plain read_csv leaves as text', async () => {
    const r = await load(daily((d) => d.toISOString().slice(0, 10)), {}, 'iso-dates.csv');
    const gaps = r.issues['time_gaps:date'];
    expect(gaps.message).toContain("pandas `df.set_index(pd.to_datetime(df.pop('date'))).resample('1D').first()`: the missing times");
    expect(runAdvice(gaps.message, join(tmp, 'iso-dates.csv'))).toEqual({ rows: 40, first: '2021-01-01 00:00:00' });
  });

  it('day-first dates (13/01/2021): dayfirst=True, as the import read them; pandas alone reads 01/02 as January 2', async () => {
    const r = await load(daily((d) => `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`), {}, 'day-first.csv');
    const gaps = r.issues['time_gaps:date'];
    expect(gaps.message).toContain("pandas `df.set_index(pd.to_datetime(df.pop('date'), dayfirst=True)).resample('1D').first()` (dayfirst=True:");
    expect(runAdvice(gaps.message, join(tmp, 'day-first.csv'))).toEqual({ rows: 40, first: '2021-01-01 00:00:00' });
  });

  /** 30 ISO weeks from 2020-W01 written by `write`, weeks 10 to 12 missing: 27 rows. */
  const weekly = (write: (week: string) => string) => ['week,sales', ...Array.from({ length: 30 }, (_, i) => i + 1)
    .filter((w) => w < 10 || w > 12).map((w) => `${write(two(w))},${w}`)].join('\n') + '\n';

  // pd.to_datetime('2020-W01') fails ("Unknown string format"): the call printed before did on ISO weeks
  it("ISO weeks ('2020-W01', '2020W01', '2020-W01-1'): a format with the weekday, each week its Monday as the import read it", async () => {
    for (const [file, write] of [['weeks.csv', (w: string) => `2020-W${w}`], ['compact-weeks.csv', (w: string) => `2020W${w}`], ['weekdays.csv', (w: string) => `2020-W${w}-1`]] as const) {
      const r = await load(weekly(write), {}, file);
      expect(r.type('week')).toBe('datetime');
      const gaps = r.issues['time_gaps:week'];
      expect(gaps.message).toContain("pandas `df.set_index(pd.to_datetime(df.pop('week').str.strip().str.replace('-', '').str.ljust(8, '1'), format='%GW%V%u')).resample('7D').first()` (format='%GW%V%u':");
      expect(runAdvice(gaps.message, join(tmp, file))).toEqual({ rows: 30, first: '2019-12-30 00:00:00' });
    }
  });

  // pd.to_datetime('Q1 1960') and pd.to_datetime('1960 Q3') fail ("Unknown string format"): the call printed before did on them
  it("quarters written year last or after a blank ('Q1 1960', '1960 Q3', mixed): read as periods, each its first day as the import read it", async () => {
    const quarters = Array.from({ length: 24 }, (_, i) => i).filter((i) => i < 8 || i > 10)
      .map((i) => `${i % 2 ? `Q${(i % 4) + 1} ${1960 + Math.floor(i / 4)}` : `${1960 + Math.floor(i / 4)} Q${(i % 4) + 1}`},${i}`);
    const r = await load(`quarter,gdp\n${quarters.join('\n')}\n`, {}, 'quarters.csv');
    expect(r.type('quarter')).toBe('datetime');
    const gaps = r.issues['time_gaps:quarter'];
    expect(gaps.message).toContain("df.set_index(pd.PeriodIndex(df.pop('quarter').str.strip().str.upper().str.replace(r'^Q([1-4])[- ]?(\\d{4})$', r'\\2Q\\1', regex=True)");
    expect(runAdvice(gaps.message, join(tmp, 'quarters.csv'))).toEqual({ rows: 24, first: '1960-01-01 00:00:00' });
  });

  it("dates written as one number (20210101): format='%Y%m%d', not nanoseconds since 1970", async () => {
    const r = await load(daily((d) => d.toISOString().slice(0, 10).replace(/-/g, '')), {}, 'compact.csv');
    const gaps = r.issues['time_gaps:date'];
    expect(gaps.message).toContain("pandas `df.set_index(pd.to_datetime(df.pop('date'), format='%Y%m%d')).resample('1D').first()`");
    expect(runAdvice(gaps.message, join(tmp, 'compact.csv'))).toEqual({ rows: 40, first: '2021-01-01 00:00:00' });
  });
});
