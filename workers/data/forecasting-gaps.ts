// Forecasting reads rows as equally spaced steps. Where timestamps are missing (a logger offline for two
// days), a window that spans the hole joins times further apart than its lookback says, and the model is
// scored on it like on any other. The importer warns about the gaps; the run's data line says how many of
// its windows span one, so a user reading the result knows how much of it that is.
import { timeOrder, wallTime, type TimeOrder } from '../../common/data/forecasting-rows';
import { windowStarts, type PartName, type SplitResult } from '../../common/data';
import { duration } from '../import/time-steps';

const DAY = 86400;
/** 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (t: number) => ((Math.floor(t / DAY) + 4) % 7 + 7) % 7;

/** Weekdays strictly between two days (a business-day series skips Saturday and Sunday, and holidays). */
function weekdaysSkipped(from: number, to: number): number {
  let n = 0;
  for (let t = from + DAY; t < to; t += DAY) if (weekday(t) !== 0 && weekday(t) !== 6) n++;
  return n;
}

export interface Gaps {
  /** Per row: 1 when the step into it is a gap. */
  into: Uint8Array;
  count: number;
  /** The longest gap, in seconds, and the row after it. */
  longest: number;
  longestRow: number;
}

/**
 * Steps longer than 1.5 usual steps, as the importer counts them (workers/import/time-steps.ts): in daily
 * data that skips weekends, a weekend and a single missing weekday (a holiday) are the calendar, not gaps;
 * a spring clock change is no gap either, where the rule both share (common/data/spring-clock-change.ts,
 * through timeOrder's `forward`) finds one: a region's change date and hour, wall-clock times only. At an
 * autumn change (timeOrder's `back`) the time goes back on the clock, and the time that really passed
 * (`backStep`) is what counts: a row of the repeated hour missing there is a gap like any other.
 */
export function timeGaps(t: ArrayLike<number>, order: TimeOrder = timeOrder(t)): Gaps {
  const into = new Uint8Array(t.length);
  const out: Gaps = { into, count: 0, longest: 0, longestRow: -1 };
  const step = order.step;
  if (!(step > 0)) return out;
  const forward = new Set(order.forward);
  // an autumn step back is time that really passed (backStep): rows of the repeated hour missing there are a gap
  const back = new Map(order.back.map((row, k) => [row, order.backStep[k]]));
  const steps: Array<[number, number, number]> = [];
  let prev = -1;
  for (let i = 0; i < t.length; i++) {
    if (Number.isNaN(t[i])) continue;
    const passed = back.get(i);
    // rows whose time is missing are still rows (steps of their own): only time beyond them is a gap
    if (passed !== undefined) {
      if (prev >= 0 && passed - (i - prev - 1) * step > 1.5 * step) steps.push([i, t[prev], passed]);
    } else if (prev >= 0 && t[i] - t[prev] - (i - prev - 1) * step > 1.5 * step && !forward.has(i)) steps.push([i, t[prev], t[i] - t[prev]]);
    prev = i;
  }
  const business = step === DAY && steps.some(([, from, d]) => d === 3 * DAY && weekday(from) === 5);
  for (const [row, from, d] of steps) {
    if (business && weekdaysSkipped(from, from + d) <= 1) continue;
    into[row] = 1;
    out.count++;
    if (d > out.longest) { out.longest = d; out.longestRow = row; }
  }
  return out;
}

/** Windows with a gap between two of their rows, per part and in all. */
export type WindowsAcross = Record<PartName, number> & { total: number };

const PART_WORDS: Record<PartName, string> = { train: 'training', val: 'validation', test: 'test' };

/**
 * How many windows of each part (training, validation, test) have a gap between two of their rows. A
 * validation or test window's lookback may reach back into the part before, and a gap there counts too: the
 * window reads those rows.
 */
export function windowsAcrossGaps(gaps: Gaps, ranges: NonNullable<SplitResult['ranges']>, w: { lookback: number; horizon: number; stride?: number }): WindowsAcross {
  const out: WindowsAcross = { train: 0, val: 0, test: 0, total: 0 };
  if (gaps.count === 0) return out;
  // prefix sums of gap steps: window t reads rows [t - L, t + H); a gap into row r lies inside it when t - L < r < t + H
  const sum = new Int32Array(gaps.into.length + 1);
  for (let i = 0; i < gaps.into.length; i++) sum[i + 1] = sum[i] + gaps.into[i];
  for (const part of ['train', 'val', 'test'] as PartName[]) {
    for (const s of windowStarts(ranges[part], { lookback: w.lookback, horizon: w.horizon, stride: part === 'train' ? (w.stride ?? 1) : 1 }, part !== 'train')) {
      if (sum[s + w.horizon] - sum[s - w.lookback + 1] > 0) out[part]++;
    }
  }
  out.total = out.train + out.val + out.test;
  return out;
}

/**
 * "431 windows span a gap in time in 'Datum' (300 training, 31 validation, 100 test; 2 gaps, the longest 3 h
 * before 2021-02-23 03:00): rows are read as equally spaced steps", or null. `order`: the column's timeOrder,
 * with `writtenInUtc` when the importer read its times with 'Z' or an offset (no spring change then).
 */
export function gapNote(time: string, t: ArrayLike<number>, split: SplitResult, w: { lookback: number; horizon: number; stride?: number }, order?: TimeOrder): string | null {
  if (!split.ranges) return null;
  const gaps = timeGaps(t, order);
  const n = windowsAcrossGaps(gaps, split.ranges, w);
  if (n.total === 0) return null;
  const parts = (['train', 'val', 'test'] as PartName[]).map((p) => `${n[p].toLocaleString('en-US')} ${PART_WORDS[p]}`).join(', ');
  return `${n.total.toLocaleString('en-US')} window${n.total === 1 ? ' spans' : 's span'} a gap in time in '${time}' (${parts}; ${gaps.count.toLocaleString('en-US')} gap${gaps.count === 1 ? '' : 's'}, ` +
    `the longest ${duration(gaps.longest)} before ${wallTime(t[gaps.longestRow])}): rows are read as equally spaced steps`;
}
