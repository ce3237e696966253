// Day-first dates whose first day above 12 comes after the sniffed rows: regular times are read day first
// from the start (month first would jump a month at each new day); dates in no order are guessed month
// first and the column is read again day first (inferred or set by the user), in CSV and JSON Lines; a
// column that is neither becomes text.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-dayfirst-');
afterAll(cleanup);

// Quarter-hours from 1 January 2024, written DD/MM/YYYY HH:MM: the 13th (first day > 12) is row 1153.
const pad = (n: number) => String(n).padStart(2, '0');
const times = Array.from({ length: 1300 }, (_, i) => Date.UTC(2024, 0, 1) / 1000 + i * 900);
const dayFirst = (t: number) => { const d = new Date(t * 1000); return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`; };
const csv = `date,kw\n${times.map((t, i) => `${dayFirst(t)},${i / 10}`).join('\n')}\n`;

describe('day-first dates found after the sample', () => {
  it('regular quarter-hours are read day first from the start, with a note saying why and how to force month first', async () => {
    expect(csv.split('\n')[1153]).toMatch(/^13\/01\/2024 00:00/);
    const r = await load(csv);
    expect(r.result.columns[0].type).toBe('datetime');
    expect(r.col('date')).toEqual(times);
    expect(r.issues['retyped:date']).toBeUndefined();
    expect(r.issues['note:date'].message).toMatch(/^column 'date': slashed dates such as '01\/01\/2024 00:00' read either way; read day-first \(DD\/MM\/YYYY\), since its time steps are regular \(read month-first, 10 of 999 steps would jump, e.g. by 30.01 days\). To read them month-first \(MM\/DD\/YYYY\), import with --date-order mdy$/);
  });

  it('dates in no order are guessed month first, then re-read day first at the first day above 12, with a note naming the line', async () => {
    let seed = 11;
    const rand = (n: number) => 1 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const dates = Array.from({ length: 1200 }, () => [rand(12), rand(12)]);
    dates[1100] = [13, 5];
    const r = await load(`date,kw\n${dates.map(([d, m], i) => `${pad(d)}/${pad(m)}/2024,${i}`).join('\n')}\n`);
    expect(r.col('date')).toEqual(dates.map(([d, m]) => Date.UTC(2024, m - 1, d) / 1000));
    expect(r.issues['retyped:date'].message).toMatch(/line 1102 has '13\/05\/2024': read as day-first dates/);
    expect(r.issues['note:date']).toBeUndefined(); // the month-first guess's note gives way
  });

  it('a datetime type set by the user is accepted too', async () => {
    const r = await load(csv, { columnTypes: { date: 'datetime' } });
    expect(r.result.columns[0].type).toBe('datetime');
    expect(r.col('date')).toEqual(times);
  });

  it('JSON Lines are re-read the same way', async () => {
    const lines = times.map((t, i) => JSON.stringify({ date: dayFirst(t), kw: i })).join('\n');
    const r = await load(lines, {}, 'jsonl');
    expect(r.result.columns[0].type).toBe('datetime');
    expect(r.col('date')).toEqual(times);
  });

  it('dates that are month first in the sample and day first later are neither: text', async () => {
    const rows = ['date,kw', '12/31/2023 00:00,0', ...times.slice(0, 1200).map((t, i) => `${dayFirst(t)},${i}`)];
    const r = await load(rows.join('\n'));
    expect(r.result.columns[0].type).not.toBe('datetime');
    expect(r.col('date')[0]).toBe('12/31/2023 00:00');
    await expect(load(rows.join('\n'), { columnTypes: { date: 'datetime' } })).rejects.toMatchObject({ code: 'unparsable', line: 2 });
  });
});
