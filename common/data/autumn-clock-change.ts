// When a step back in time is the autumn clock change of local wall-clock time: the clock goes back an hour,
// so that hour's readings come twice (15-minute rows: 02:00 … 02:45, then 02:00 … 02:45 again; hourly
// rows: 02:00 twice). The counterpart of ./spring-clock-change.ts, shared the same way: the importer's step
// count (workers/import/time-steps.ts) and the trainer's time order (./forecasting-rows.ts timeOrder) ask it.
//
// The rule: the times are wall-clock times (not written with 'Z' or a UTC offset), the step back starts and
// ends inside one hour of the clock (the last reading before the change and the first after it are both in
// the repeated hour), and that hour is the one a daylight-saving region's clocks repeat on that date:
//   EU: the last Sunday of October (1996 on; the last Sunday of September 1981-1995) at 01:00 UTC, so
//     01:00-01:59 (UK, Ireland, Portugal; from 1996 only), 02:00-02:59 (Central Europe) or 03:00-03:59
//     (Eastern Europe) of the wall clock comes twice;
//   US and Canada: the first Sunday of November (2007 on), the last Sunday of October (1987-2006; Mexico
//     until 2022), 01:00-01:59;
//   south-east Australia (2008 on) and New Zealand (2008 on): the first Sunday of April, 02:00-02:59;
// and at most one such change in 300 days. Rows of the repeated hour may be missing (a logger that skipped
// one): the time that really passed over the step back is then longer than the usual step, and it is a gap
// like any other. The rows around the step back must show the hour repeating (clockWentBack): two rows swapped
// inside the hour, or one row written twice, on a change date are disorder and a repeat as on any other day. Regions outside these rules keep forecasting-rows.ts's looser test, which asks for the
// whole hour repeated at the usual step instead.
import { ClockChanges, lastSunday, nthSunday } from './spring-clock-change';

const HOUR = 3600;
const DAY = 86400;

/** A region's autumn change: its name as messages say it, the hours of the wall clock that come twice, and the local midnight of its date in a year (null: none then). */
interface AutumnRule {
  words: (year: number) => string;
  hours: readonly number[];
  day: (year: number) => number | null;
}

const RULES: readonly AutumnRule[] = [
  { words: () => 'the EU change, last Sunday of October at 01:00 UTC', hours: [1, 2, 3], day: (y) => (y >= 1996 ? lastSunday(y, 10) : null) },
  { words: () => 'the EU change, last Sunday of September at 01:00 UTC (1981-1995)', hours: [2, 3], day: (y) => (y >= 1981 && y <= 1995 ? lastSunday(y, 9) : null) },
  { words: () => 'the US and Canada change, first Sunday of November at 02:00', hours: [1], day: (y) => (y >= 2007 ? nthSunday(y, 11, 1) : null) },
  { words: (y) => (y >= 2007 ? 'the Mexico change, last Sunday of October at 02:00' : 'the North American change, last Sunday of October at 02:00'), hours: [1], day: (y) => (y >= 1987 && y <= 2022 ? lastSunday(y, 10) : null) },
  { words: () => 'the south-east Australia and New Zealand change, first Sunday of April at 03:00', hours: [2], day: (y) => (y >= 2008 ? nthSunday(y, 4, 1) : null) },
];

/**
 * The region whose autumn clock change explains a step back (or a repeat) from wall-clock time `from` to
 * `to` (epoch seconds of the clock's readings, `to` <= `from`) in a series of usual step `step`, in words
 * ("the EU change, last Sunday of October at 01:00 UTC"; two joined by 'or' where their hours coincide), or
 * null when the step is no such change. Only steps that divide the hour repeat a whole hour of rows.
 */
export function autumnChangeAt(from: number, to: number, step: number): string | null {
  return step > 0 && step <= HOUR && HOUR % step === 0 ? repeatedHourAt(from, to) : null;
}

/**
 * autumnChangeAt whatever the usual step: the region whose autumn change repeats the hour of the clock that
 * the step back from `from` to `to` stays inside, or null (cheap: for each step back of a column before its
 * usual step is known).
 */
export function repeatedHourAt(from: number, to: number): string | null {
  if (to > from) return null;
  const hourStart = Math.floor(to / HOUR) * HOUR;
  if (from >= hourStart + HOUR) return null; // the step back leaves the repeated hour: more than the clock went back
  const midnight = Math.floor(hourStart / DAY) * DAY;
  const hour = (hourStart - midnight) / HOUR;
  const year = new Date(hourStart * 1000).getUTCFullYear();
  // 01:00 on the last Sunday of October was both the UK's and North America's repeated hour until 2006: both are named
  const rules = RULES.filter((r) => r.hours.includes(hour) && r.day(year) === midnight);
  return rules.length ? rules.map((r) => r.words(year)).join(' or ') : null;
}

/**
 * A step back in time (or a repeated time) on the date and hour of an autumn change, with the rows of that
 * hour around it: `before` rows of the hour run up to `from` in increasing order, `after` rows run on from
 * `to` in increasing order inside the hour, and `resumes` says the series then went forward out of the hour
 * (or ended) rather than back again. `id` is the caller's name for the row at `to` (file line, row index).
 */
export interface HourStepBack {
  from: number;
  to: number;
  id: number;
  before: number;
  after: number;
  resumes: boolean;
}

/**
 * Follows a series' times in file order (missing times skipped) and hands back each step back that lands in
 * a region's repeated hour (repeatedHourAt), with the rows of the hour around it, once the rows after it
 * leave the hour. Streaming, so the importer (one row at a time) and the trainer (a whole column) see the same
 * step backs the same way; whether one is the clock going back is clockWentBack's to say.
 */
export class RepeatedHourRuns {
  private prev = NaN;
  /** Rows of the current increasing run that share the current row's hour of the clock. */
  private inHour = 0;
  private open: HourStepBack | null = null;

  /** The next time, with its id; returns the step back this row completes, if any. */
  push(t: number, id: number): HourStepBack | null {
    if (Number.isNaN(t)) return null;
    const prev = this.prev;
    this.prev = t;
    if (Number.isNaN(prev)) { this.inHour = 1; return null; }
    let done: HourStepBack | null = null;
    if (t > prev) {
      const open = this.open;
      if (open && Math.floor(t / HOUR) === Math.floor(open.to / HOUR)) open.after++;
      else if (open) { open.resumes = true; done = open; this.open = null; }
      this.inHour = Math.floor(t / HOUR) === Math.floor(prev / HOUR) ? this.inHour + 1 : 1;
      return done;
    }
    // back again (or the same time again) before the hour was left: no clean second pass of the hour
    if (this.open) { done = this.open; this.open = null; }
    if (repeatedHourAt(prev, t) !== null) this.open = { from: prev, to: t, id, before: this.inHour, after: 1, resumes: false };
    this.inHour = 1;
    return done;
  }

  /** The step back still open when the series ends (inside the repeated hour: it ran forward to the end). */
  end(): HourStepBack | null {
    const open = this.open;
    this.open = null;
    if (open) open.resumes = true;
    return open;
  }
}

/**
 * Whether a step back on a change's date and hour (RepeatedHourRuns) is the clock going back, in a series of
 * usual step `step`: a clock that goes back repeats the hour, so the step back goes back at least half an
 * hour (the last reading before the change near the hour's end, the first after it near its start), the hour
 * then holds at least one and a half hours' worth of rows (its first pass and its second; a few may be
 * missing), and the rows after the step back run forward in order out of it. Two rows swapped inside the hour
 * hold one hour's worth, and a sub-hourly row written twice (the same time again) is a repeated row, not a
 * clock change; hourly rows repeat the hour as the same time twice.
 */
export function clockWentBack(b: HourStepBack, step: number): boolean {
  if (!(step > 0 && step <= HOUR && HOUR % step === 0)) return false;
  if (b.from === b.to && step < HOUR) return false;
  const perHour = HOUR / step;
  return b.resumes && b.from + step - b.to >= HOUR / 2 && b.before + b.after >= perHour + Math.ceil(perHour / 2);
}

/** The time that really passed over an autumn change's step back from `from` to `to`: the clock went back an hour. */
export const autumnStep = (from: number, to: number): number => to + HOUR - from;

/** The autumn changes of one series, met in file order (autumnChangeAt's rule; see ClockChanges). */
export class AutumnChanges extends ClockChanges {
  constructor(writtenInUtc = false) { super(autumnChangeAt, writtenInUtc); }
}
