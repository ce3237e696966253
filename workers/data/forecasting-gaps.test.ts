// The forecasting data line counts the windows that join times across missing timestamps (the importer's
// time_gaps warning said only that gaps exist): a 2-day hole in 15-minute data, weekends of business-day
// data (the calendar, not gaps) and a spring clock change (an hour that does not exist, not a gap).
import { describe, expect, it } from 'vitest';
import { computeSplit } from '../../common/data';
import { gapNote, timeGaps, windowsAcrossGaps } from './forecasting-gaps';

const HOUR = 3600, DAY = 86400;
const split = (rows: number) => computeSplit({ kind: 'chronological', ratios: { train: 0.7, val: 0.1, test: 0.2 } }, { rows, column: () => { throw new Error('no column'); } });

describe('windows across a gap in time', () => {
  it('counts every window whose rows lie on both sides of a 2-day hole: lookback + horizon - 1 of them', () => {
    const t = Float64Array.from({ length: 2000 }, (_, i) => Date.UTC(2023, 0, 2) / 1000 + i * 900 + (i >= 600 ? 2 * DAY : 0));
    const s = split(2000);
    expect(windowsAcrossGaps(timeGaps(t), s.ranges!, { lookback: 96, horizon: 24 })).toBe(96 + 24 - 1);
    expect(gapNote('timestamp', t, s, { lookback: 96, horizon: 24 })).toBe(
      "119 windows span a gap in time in 'timestamp' (1 gap, the longest 2.01 days before 2023-01-10 06:00): rows are read as equally spaced steps");
    // a training stride samples fewer training windows, and so fewer across the gap
    // (every 4th start from 96: those in 577..695 are 580, 584, …, 692)
    expect(windowsAcrossGaps(timeGaps(t), s.ranges!, { lookback: 96, horizon: 24, stride: 4 })).toBe(29);
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
});
