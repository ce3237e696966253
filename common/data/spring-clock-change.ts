// When a step one hour longer than usual is the spring clock change of local wall-clock time (an hour that
// never existed, so no row is missing) and when it is a real gap. The importer's gap count
// (workers/import/time-steps.ts) and the trainer's (common/data/forecasting-rows.ts timeOrder, read by
// workers/data/forecasting-gaps.ts) both ask this one rule, so they count the same gaps. The autumn change,
// where the clock goes back, has its counterpart beside it (./autumn-clock-change.ts).
//
// The rule: the times are wall-clock times (not written with 'Z' or a UTC offset: such times are converted to
// UTC, where clocks never change), the step skips exactly one whole hour of the clock, and that hour is one
// a daylight-saving region's clocks skip on that date:
//   EU (1981 on): the last Sunday of March at 01:00 UTC, so 01:00-01:59 (UK, Ireland, Portugal),
//     02:00-02:59 (Central Europe) or 03:00-03:59 (Eastern Europe) of the wall clock;
//   US and Canada: the second Sunday of March (2007 on), the first Sunday of April (1987-2006; Mexico until
//     2022), 02:00-02:59;
//   south-east Australia: the first Sunday of October (2008 on), 02:00-02:59;
//   New Zealand: the last Sunday of September (2007 on), 02:00-02:59;
// and at most one such change in 300 days. Any other step one hour longer than usual (a missing row at
// midnight in April, an hour missing from a UTC file) is a gap. Regions outside these rules see their spring
// change counted as a gap: a warning too many is better than a missing row excused.

const HOUR = 3600;
const DAY = 86400;
/** Clock changes the same way come once a year: two closer than this are not both clock changes. */
export const CLOCK_CHANGE_MIN_DAYS = 300;

/** A region's spring change: its name as messages say it, and the local midnight of its date in a year (null: none then). */
interface SpringRule {
  words: (year: number) => string;
  /** Hours of the wall clock (0-23) whose whole hour the change skips. */
  hours: readonly number[];
  day: (year: number) => number | null;
}

/** Epoch seconds of the wall-clock midnight of the n-th (1-based) Sunday of a month (1-12). */
export function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month - 1, 1) / 1000;
  const weekday = new Date(first * 1000).getUTCDay();
  return first + (((7 - weekday) % 7) + 7 * (n - 1)) * DAY;
}

/** Epoch seconds of the wall-clock midnight of the last Sunday of a month (1-12). */
export function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month, 0) / 1000;
  return last - new Date(last * 1000).getUTCDay() * DAY;
}

const RULES: readonly SpringRule[] = [
  { words: () => 'the EU change, last Sunday of March at 01:00 UTC', hours: [1, 2, 3], day: (y) => (y >= 1981 ? lastSunday(y, 3) : null) },
  { words: () => 'the US and Canada change, second Sunday of March at 02:00', hours: [2], day: (y) => (y >= 2007 ? nthSunday(y, 3, 2) : null) },
  { words: (y) => (y >= 2007 ? 'the Mexico change, first Sunday of April at 02:00' : 'the North American change, first Sunday of April at 02:00'), hours: [2], day: (y) => (y >= 1987 && y <= 2022 ? nthSunday(y, 4, 1) : null) },
  { words: () => 'the south-east Australia change, first Sunday of October at 02:00', hours: [2], day: (y) => (y >= 2008 ? nthSunday(y, 10, 1) : null) },
  { words: () => 'the New Zealand change, last Sunday of September at 02:00', hours: [2], day: (y) => (y >= 2007 ? lastSunday(y, 9) : null) },
];

/**
 * The region whose spring clock change explains a step from wall-clock time `from` to `to` (epoch seconds of
 * the clock's reading) in a series of usual step `step`, in words ("the EU change, last Sunday of March at
 * 01:00 UTC"), or null when the step is no such change. Only steps that divide the hour can skip exactly one
 * hour of the clock: 01:45 then 03:00 (15 minutes), 01:00 then 03:00 (hourly).
 */
export function springChangeAt(from: number, to: number, step: number): string | null {
  if (!(step > 0 && step <= HOUR && HOUR % step === 0) || to - from !== step + HOUR) return null;
  const skipped = from + step; // the first clock reading that never happened
  if (skipped % HOUR !== 0) return null;
  const midnight = Math.floor(skipped / DAY) * DAY;
  const hour = (skipped - midnight) / HOUR;
  const year = new Date(skipped * 1000).getUTCFullYear();
  const rule = RULES.find((r) => r.hours.includes(hour) && r.day(year) === midnight);
  return rule ? rule.words(year) : null;
}

/**
 * The clock changes of one kind in one series, met in file order: a step is one when `changeAt` explains it,
 * the times are wall-clock times (`writtenInUtc` false) and the last one was at least 300 days before.
 * Spring and autumn (autumn-clock-change.ts) differ only in their rule.
 */
export class ClockChanges {
  private last = -Infinity;

  constructor(private readonly changeAt: (from: number, to: number, step: number) => string | null, private readonly writtenInUtc = false) {}

  /** The rule's words when the step from `from` to `to` is such a clock change (and remembers it), else null. */
  take(from: number, to: number, step: number): string | null {
    if (this.writtenInUtc || to - this.last < CLOCK_CHANGE_MIN_DAYS * DAY) return null;
    const words = this.changeAt(from, to, step);
    if (words) this.last = to;
    return words;
  }
}

/** The spring changes of one series (springChangeAt's rule). */
export class SpringChanges extends ClockChanges {
  constructor(writtenInUtc = false) { super(springChangeAt, writtenInUtc); }
}

/**
 * Whether the importer read column `column`'s times with a UTC offset (or 'Z') and stored them in UTC: its
 * note on them (workers/import/datetime-column.ts) says "times written with UTC offsets" or "times written
 * in UTC". Such times never show a clock change.
 */
export function timesWrittenInUtc(issues: ReadonlyArray<{ kind: string; column: string | null; message: string }>, column: string): boolean {
  return issues.some((i) => i.kind === 'note' && i.column === column && /\btimes written (with UTC offsets|in UTC)\b/.test(i.message));
}
