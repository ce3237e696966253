// The forecasting data line counts the windows that join times across missing timestamps (the importer's
// time_gaps warning said only that gaps exist): a 2-day hole in 15-minute data, weekends of business-day
// data (the calendar, not gaps) and a spring clock change (an hour that does not exist, not a gap). The
// trainer counts the gaps the importer counts, and the windows of every part that span one.
import { afterAll, describe, expect, it } from 'vitest';
import { computeSplit, windowStarts, type PartName } from '../../common/data';
import { timeOrder } from '../../common/data/forecasting-rows';
import { textLoader } from '../import/fixtures/load-text';
import { gapNote, timeGaps, windowsAcrossGaps } from './forecasting-gaps';

const { load, cleanup } = textLoader('gatelab-fc-gaps-');
afterAll(cleanup);

const HOUR = 3600, DAY = 86400;
const split = (rows: number) => computeSplit({ kind: 'chronological', ratios: { train: 0.7, val: 0.1, test: 0.2 } }, { rows, column: () => { throw new Error('no column'); } });

describe('windows across a gap in time', () => {
  it('counts every window whose rows lie on both sides of a 2-day hole: lookback + horizon - 1 of them', () => {
    const t = Float64Array.from({ length: 2000 }, (_, i) => Date.UTC(2023, 0, 2) / 1000 + i * 900 + (i >= 600 ? 2 * DAY : 0));
    const s = split(2000);
    expect(windowsAcrossGaps(timeGaps(t), s.ranges!, { lookback: 96, horizon: 24 })).toEqual({ train: 96 + 24 - 1, val: 0, test: 0, total: 119 });
    expect(gapNote('timestamp', t, s, { lookback: 96, horizon: 24 })).toBe(
      "119 windows span a gap in time in 'timestamp' (119 training, 0 validation, 0 test; 1 gap, the longest 2.01 days before 2023-01-10 06:00): rows are read as equally spaced steps");
    // a training stride samples fewer training windows, and so fewer across the gap
    // (every 4th start from 96: those in 577..695 are 580, 584, …, 692)
    expect(windowsAcrossGaps(timeGaps(t), s.ranges!, { lookback: 96, horizon: 24, stride: 4 }).total).toBe(29);
    // a missing reading (NaN time) is not a gap; regular rows give no note
    const regular = Float64Array.from({ length: 2000 }, (_, i) => (i === 700 ? NaN : i * 900));
    expect(gapNote('timestamp', regular, s, { lookback: 96, horizon: 24 })).toBeNull();
  });

  it('business days: weekends and single holidays are the calendar; a missing week is a gap', () => {
    const days: number[] = [];
    for (let d = Date.UTC(2024, 0, 1) / 1000; days.length < 600; d += DAY) {
      const wd = new Date(d * 1000).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (d === Date.UTC(2024, 4, 1) / 1000) continue; // a holiday on a Wednesday
      days.push(d);
    }
    const t = Float64Array.from(days);
    expect(timeGaps(t).count).toBe(0);
    const holes = Float64Array.from(days.filter((d) => d < Date.UTC(2024, 6, 1) / 1000 || d >= Date.UTC(2024, 6, 8) / 1000));
    const g = timeGaps(holes);
    expect(g.count).toBe(1);
    expect(g.longest).toBe(10 * DAY); // Friday 28 June to Monday 8 July
  });

  it('a spring clock change in local time (01:45 → 03:00) is no gap', () => {
    // Europe/Berlin wall clock, 15-minute steps across 2024-03-31 02:00
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const t = Float64Array.from({ length: 600 }, (_, i) => Date.parse(`${clock.format(new Date(Date.UTC(2024, 2, 29) + i * 900_000)).replace(' ', 'T')}Z`) / 1000);
    expect(t.some((v, i) => i > 0 && v - t[i - 1] === 900 + HOUR)).toBe(true);
    expect(timeGaps(t).count).toBe(0);
    expect(gapNote('time', t, split(600), { lookback: 24, horizon: 4 })).toBeNull();
  });

  it('a spring step written in UTC (with Z or an offset) is a gap: no clock changes in UTC', () => {
    // 15-minute UTC times missing 01:00-01:45 on 2023-03-26, the hour the UK's clocks skip
    const start = Date.UTC(2023, 2, 25) / 1000;
    const t = Float64Array.from({ length: 300 }, (_, i) => start + i * 900).filter((v) => v < start + 25 * HOUR || v >= start + 26 * HOUR);
    expect(timeGaps(t).count).toBe(0); // as wall-clock times: the UK's spring change
    const utc = timeOrder(t, { writtenInUtc: true });
    expect(utc.forward).toEqual([]);
    expect(timeGaps(t, utc)).toMatchObject({ count: 1, longest: 900 + HOUR });
  });

  it('a row missing where the clock goes back in autumn is a gap: the time that really passed counts, not the step back', () => {
    // Europe/Berlin wall clock, 15-minute steps across 2024-10-27 03:00 CEST → 02:00 CET
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const wall = Array.from({ length: 600 }, (_, i) => Date.parse(`${clock.format(new Date(Date.UTC(2024, 9, 25) + i * 900_000)).replace(' ', 'T')}Z`) / 1000);
    const whole = Float64Array.from(wall);
    expect(timeOrder(whole).back.length).toBe(1);
    expect(timeGaps(whole).count).toBe(0); // the repeated hour complete: no gap
    // the second 02:00 (the first row after the step back) missing: 02:45 CEST to 02:15 CET is 30 minutes
    const back = timeOrder(whole).back[0];
    const t = Float64Array.from(wall.filter((_, i) => i !== back));
    const order = timeOrder(t);
    expect(order.back).toEqual([back]);
    expect(order.backStep).toEqual([1800]);
    const g = timeGaps(t, order);
    expect(g).toMatchObject({ count: 1, longest: 1800, longestRow: back });
    expect(g.into[back]).toBe(1);
    // and windows spanning it count as across any other gap
    expect(windowsAcrossGaps(g, split(599).ranges!, { lookback: 24, horizon: 4 }).total).toBe(24 + 4 - 1);
  });
});

/** Windows of each part with two consecutive rows more than 1.5 usual steps apart: the plain reference. */
function windowsOverHoles(t: ArrayLike<number>, ranges: NonNullable<ReturnType<typeof computeSplit>['ranges']>, lookback: number, horizon: number, step: number) {
  const out: Record<string, number> = {};
  for (const part of ['train', 'val', 'test'] as PartName[]) {
    out[part] = windowStarts(ranges[part], { lookback, horizon, stride: 1 }, part !== 'train')
      .filter((s) => { for (let r = s - lookback + 1; r < s + horizon; r++) if (t[r] - t[r - 1] > 1.5 * step) return true; return false; }).length;
  }
  return out;
}

describe('the trainer counts the gaps the importer counts', () => {
  it('an Excel export missing the row at midnight on 14 April: two gaps, and the test windows that span the second counted', async () => {
    // ';', decimal commas, dd.mm.yyyy; rows 200 and 201 missing, and 14.04.2021 00:00 (13.04 23:00 then 14.04 01:00)
    const t0 = Date.UTC(2021, 2, 25);
    const row = (i: number) => {
      const d = new Date(t0 + i * 3_600_000).toISOString();
      return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 16)};${(50 + 10 * Math.sin(i / 4)).toFixed(3).replace('.', ',')}`;
    };
    const kept = Array.from({ length: 600 }, (_, i) => i).filter((i) => ![200, 201, 480].includes(i));
    expect(row(480)).toMatch(/^14\.04\.2021 00:00;/);
    const r = await load(Buffer.from(`\ufeffDatum;Last (kW)\r\n${kept.map(row).join('\r\n')}\r\n`));
    const t = Float64Array.from(r.col('Datum') as number[]);
    expect(r.issues['time_gaps:Datum'].count).toBe(2);
    expect(timeGaps(t).count).toBe(2);
    const s = split(t.length);
    expect(s.ranges!.test[0]).toBeLessThan(kept.indexOf(481) + 48); // the second gap lies in the test windows' lookback
    const across = windowsAcrossGaps(timeGaps(t), s.ranges!, { lookback: 48, horizon: 12 });
    const reference = windowsOverHoles(t, s.ranges!, 48, 12, HOUR);
    expect(reference.test).toBeGreaterThan(0);
    expect(across).toEqual({ ...reference, total: reference.train + reference.val + reference.test });
    expect(gapNote('Datum', t, s, { lookback: 48, horizon: 12 })).toBe(
      `${across.total} windows span a gap in time in 'Datum' (${across.train} training, ${across.val} validation, ${across.test} test; 2 gaps, the longest 3 h before 2021-04-02 10:00): rows are read as equally spaced steps`);
  });

  it('local time across the spring change: no gap at import nor in the run; a missing row the same spring is one in both', async () => {
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const times = Array.from({ length: 24 * 20 }, (_, i) => clock.format(new Date(Date.UTC(2023, 2, 18) + i * 3_600_000)));
    const csv = (rows: string[]) => `Zeit,kW\n${rows.map((x, i) => `${x},${(20 + Math.sin(i / 4)).toFixed(3)}`).join('\n')}\n`;
    for (const [rows, gaps] of [[times, 0], [times.filter((x) => x !== '2023-04-04 00:00'), 1]] as const) {
      const r = await load(csv([...rows]));
      const t = Float64Array.from(r.col('Zeit') as number[]);
      expect(r.issues['time_gaps:Zeit']?.count ?? 0).toBe(gaps);
      expect(timeGaps(t).count).toBe(gaps);
      expect(timeOrder(t).forwardRule).toEqual(['the EU change, last Sunday of March at 01:00 UTC']);
    }
  });
});
