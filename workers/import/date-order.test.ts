// Slashed dates that read both ways (01/07/2016): the order whose steps are regular wins, a note names
// the order read and the flag for the other; day first proven by a day above 12 gets a note too; and
// --date-order (ImportOptions.dateOrder) forces the order, also against the day-first re-read.
import { afterAll, describe, expect, it } from 'vitest';
import { detectDateFormat } from './datetime';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-date-order-');
afterAll(cleanup);

const pad = (n: number) => String(n).padStart(2, '0');
const H = 3600;
/** Hourly from 1 July 2016 for `days` days, written DD/MM/YYYY HH:MM (the audit's f_ambig_12days). */
function hourlyDayFirst(days: number) {
  const times = Array.from({ length: days * 24 }, (_, h) => Date.UTC(2016, 6, 1) / 1000 + h * H);
  const text = (t: number) => { const d = new Date(t * 1000); return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:00`; };
  return { times, csv: `date,v\n${times.map((t, i) => `${text(t)},${Math.sin(i / 4).toFixed(4)}`).join('\n')}\n` };
}

describe('ambiguous slashed dates', () => {
  it('12 days of hourly day-first dates are read day first (month first would jump a month each day), with a note', async () => {
    const { times, csv } = hourlyDayFirst(12);
    const r = await load(csv);
    expect(r.type('date')).toBe('datetime');
    expect(r.col('date')).toEqual(times);
    const note = r.issues['note:date'];
    expect(note.severity).toBe('info');
    expect(note.message).toBe("column 'date': slashed dates such as '01/07/2016 00:00' read either way; read day-first (DD/MM/YYYY), since its time steps are regular (read month-first, 11 of 287 steps would jump, e.g. by 30.04 days). To read them month-first (MM/DD/YYYY), import with --date-order mdy");
    expect(r.issues['time_gaps:date']).toBeUndefined();
  });

  it('month-first dates that step regularly stay month first, monthly and quarterly data included', () => {
    const monthFirstHourly = Array.from({ length: 48 }, (_, h) => `01/${pad(1 + Math.floor(h / 24))}/2016 ${pad(h % 24)}:00`);
    expect(detectDateFormat(monthFirstHourly)).toBe('mdy');
    expect(detectDateFormat(Array.from({ length: 12 }, (_, d) => `07/${pad(d + 1)}/2016`))).toBe('mdy');
    // monthly US dates (the 1st of each month): whole calendar months are one regular step, so the day-first
    // reading (1–12 January, then a jump of a year) is not preferred; quarterly the same
    const monthly = Array.from({ length: 24 }, (_, m) => `${pad((m % 12) + 1)}/01/${2023 + Math.floor(m / 12)}`);
    expect(detectDateFormat(monthly)).toBe('mdy');
    expect(detectDateFormat(Array.from({ length: 8 }, (_, q) => `${pad(((q * 3) % 12) + 1)}/01/${2023 + Math.floor(q / 4)}`))).toBe('mdy');
    // 12 rows that are daily one way and monthly the other are equally regular: month first, as documented
    expect(detectDateFormat(Array.from({ length: 12 }, (_, d) => `${pad(d + 1)}/07/2016`))).toBe('mdy');
  });

  it('dates in no order read month first by default, and the note says so and how to read day first', async () => {
    const r = await load('date,v\n03/04/2020,1.5\n01/02/2020,2.5\n11/09/2020,3.5\n05/06/2020,4.5\n');
    expect(r.col('date')[0]).toBe(Date.UTC(2020, 2, 4) / 1000);
    expect(r.issues['note:date'].message).toBe("column 'date': slashed dates such as '03/04/2020' read either way; read month-first (MM/DD/YYYY), since both orders step alike, and month first is the default. To read them day-first (DD/MM/YYYY), import with --date-order dmy");
  });

  it('day first proven by a day above 12 gets a note naming the value', async () => {
    const r = await load('date,v\n12/07/2016,1.5\n13/07/2016,2.5\n14/07/2016,3.5\n');
    expect(r.col('date')).toEqual([12, 13, 14].map((d) => Date.UTC(2016, 6, d) / 1000));
    expect(r.issues['note:date'].message).toBe("column 'date': slashed dates read day-first (DD/MM/YYYY), as '13/07/2016' has no month 13. To read them otherwise, import with --date-order mdy or ymd");
  });

  it('ISO and dotted dates get no order note', async () => {
    const r = await load('date,v\n2016-07-01,1.5\n2016-07-02,2.5\n2016-07-03,3.5\n');
    expect(r.issues['note:date']).toBeUndefined();
    const dotted = await load('date,v\n01.07.2016,1.5\n02.07.2016,2.5\n03.07.2016,3.5\n');
    expect(dotted.col('date')[0]).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(dotted.issues['note:date']).toBeUndefined();
  });
});

describe('dateOrder forces the order', () => {
  it('dmy and mdy override inference, without a note', async () => {
    const { times, csv } = hourlyDayFirst(2);
    const mdy = await load(csv, { dateOrder: 'mdy' });
    expect(mdy.col('date')[0]).toBe(Date.UTC(2016, 0, 7) / 1000);
    expect(mdy.col('date')[24]).toBe(Date.UTC(2016, 1, 7) / 1000);
    expect(mdy.issues['note:date']).toBeUndefined();
    const dmy = await load('date,v\n03/04/2020,1.5\n01/02/2020,2.5\n', { dateOrder: 'dmy' });
    expect(dmy.col('date')).toEqual([Date.UTC(2020, 3, 3) / 1000, Date.UTC(2020, 1, 1) / 1000]);
    expect((await load(csv, { dateOrder: 'dmy' })).col('date')).toEqual(times);
  });

  it('forced month first is not re-read day first: a day above 12 is an unparsable date on its line', async () => {
    await expect(load('date,v\n01/07/2016,1\n02/07/2016,2\n13/07/2016,3\n', { dateOrder: 'mdy' })).rejects.toMatchObject({
      code: 'unparsable', line: 4, message: expect.stringContaining("line 4, column 'date': '13/07/2016' is not a date in the order set with --date-order (mdy: MM/DD/YYYY)"),
    });
    const dropped = await load('date,v\n01/07/2016,1\n02/07/2016,2\n13/07/2016,3\n', { dateOrder: 'mdy', onInvalid: 'drop' });
    expect(dropped.col('date')).toEqual([Date.UTC(2016, 0, 7) / 1000, Date.UTC(2016, 1, 7) / 1000]);
  });

  it('ymd reads year-first slashes and refuses day/month ones', async () => {
    const r = await load('date,v\n2016/07/01,1\n2016/07/02,2\n', { dateOrder: 'ymd' });
    expect(r.col('date')).toEqual([Date.UTC(2016, 6, 1) / 1000, Date.UTC(2016, 6, 2) / 1000]);
    await expect(load('date,v\n01/07/2016,1\n02/07/2016,2\n', { dateOrder: 'ymd' })).rejects.toMatchObject({ code: 'unparsable', line: 2 });
  });

  it('JSON Lines take it too', async () => {
    const lines = ['{"date":"01/07/2016","v":1}', '{"date":"02/07/2016","v":2}'].join('\n');
    expect((await load(lines, { dateOrder: 'dmy' }, 'jsonl')).col('date')).toEqual([Date.UTC(2016, 6, 1) / 1000, Date.UTC(2016, 6, 2) / 1000]);
    expect((await load(lines, { dateOrder: 'mdy' }, 'jsonl')).col('date')).toEqual([Date.UTC(2016, 0, 7) / 1000, Date.UTC(2016, 1, 7) / 1000]);
  });
});
