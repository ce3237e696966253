// The steps between consecutive times of an increasing datetime column: its usual step (the most common
// one) and the gaps (steps longer than 1.5 usual steps). Forecasting reads rows as equally spaced, so a
// series with missing hours or jittered times should say so at import, not in a strange validation loss.
// Memory stays bounded: the usual step is taken from the first steps, and the rest are only counted.
// Monthly, quarterly and yearly rows step by whole calendar months (calendar-months.ts), one step whatever
// the months' lengths: a quarterly series' 90-92 days are one usual step, not jitter.
// A step one hour longer than usual is the spring clock change of local time (no row missing) only where
// the rule the trainer uses too says so (common/data/spring-clock-change.ts), so both count the same gaps.
// A step back is counted only where the clock went back in autumn (common/data/autumn-clock-change.ts), as
// the time that really passed: the usual step, or a gap where rows of the repeated hour are missing.
import { SpringChanges } from '../../common/data/spring-clock-change';
import { AutumnChanges, RepeatedHourRuns, autumnStep, clockWentBack, type HourStepBack } from '../../common/data/autumn-clock-change';
import { LONGEST_MONTH, monthsWords, pandasMonthFrequency, wholeMonthsBetween } from './calendar-months';
import { pandasTimeIndex, type TimeReading } from './pandas-time-index';

const DECIDE_AFTER = 10_000;
const DAY = 86400;
const HOUR = 3600;

export interface StepSummary {
  /**
   * 'calendar': business days whose only gaps are single-weekday holidays; 'clock': local time whose only
   * longer step is a spring clock change (both a note, not a gap warning).
   */
  kind: 'gaps' | 'irregular' | 'calendar' | 'clock';
  message: string;
  count: number;
}

export class TimeSteps {
  private readonly early: Array<{ step: number; line: number; from: number; rowsBetween: number }> = [];
  private usual = NaN;
  /** The usual step in whole calendar months (0: the usual step is `usual` seconds); `usual` is then its longest length. */
  private usualMonths = 0;
  private usualShare = 0;
  private gaps = 0;
  private weekends = 0;
  /** Steps over exactly one missing weekday of a business-day series (exchange holidays), the first one's line. */
  private holidays = 0;
  private holidayLine = 0;
  private holidayLongest = { step: 0, line: 0 };
  private longest = 0;
  private longestLine = 0;
  private steps = 0;
  /** Spring clock changes: the skipped hour, its line and which region's rule it met (at most one a year). */
  private readonly springs: Array<{ from: number; step: number; line: number; rule: string }> = [];
  private springRule = new SpringChanges();
  /** Steps back (or repeats) on an autumn change's date and hour with the rows around them, met before the usual step was known. */
  private readonly earlyBacks: HourStepBack[] = [];
  /** Follows the times (fed step by step) to see the rows of the repeated hour around each step back: the trainer's rule too. */
  private readonly runs = new RepeatedHourRuns();
  private fed = false;
  /** Autumn clock changes: the first time after the step back, the time that really passed, its line and the region's rule. */
  private readonly autumns: Array<{ to: number; step: number; line: number; rule: string }> = [];
  private autumnRule = new AutumnChanges();
  private writtenInUtc = false;

  /** `reading`: how the column's cells were read (epoch seconds are numbers pandas needs the unit of), for the gap advice's pandas call. */
  constructor(private readonly reading: TimeReading = 'text') {}

  /**
   * The times were written with 'Z' or a UTC offset (and converted to UTC): no step is a clock change, so the
   * spring steps found so far are gaps after all, as the trainer counts them.
   */
  inUtc(): void {
    if (this.writtenInUtc) return;
    this.writtenInUtc = true;
    this.springRule = new SpringChanges(true);
    for (const s of this.springs.splice(0)) this.gap(s.step, s.line);
    // nor does such a clock go back: its steps back are disorder, which the column reports
    this.autumnRule = new AutumnChanges(true);
    this.autumns.length = 0;
    this.earlyBacks.length = 0;
  }

  /**
   * A step back in time (or a repeated time) from `from` to `to`, seen on `line`: counted, as the time that
   * really passed, when it is an autumn clock change (known once the rows after it leave the repeated hour);
   * anything else going back is the column's to report.
   */
  back(from: number, to: number, line: number): void {
    this.feed(from, to, line);
  }

  /** The next time, `to` after `from` (the time before it): completes a step back's rows of the hour, if any. */
  private feed(from: number, to: number, line: number): void {
    if (this.writtenInUtc) return;
    if (!this.fed) { this.runs.push(from, line - 1); this.fed = true; }
    const done = this.runs.push(to, line);
    if (done) this.stepBack(done);
  }

  /** A step back on a change's date and hour, with the rows around it: counted when the clock went back. */
  private stepBack(b: HourStepBack): void {
    if (this.writtenInUtc) return;
    if (Number.isNaN(this.usual)) { this.earlyBacks.push(b); return; }
    if (this.usualMonths > 0) return; // a clock going back is an hour: no monthly row is counted through one
    if (!clockWentBack(b, this.usual)) return;
    const rule = this.autumnRule.take(b.from, b.to, this.usual);
    if (!rule) return;
    const step = autumnStep(b.from, b.to);
    this.autumns.push({ to: b.to, step, line: b.id, rule });
    this.steps++;
    this.classify(b.from, step, b.id);
  }

  /**
   * One step from `from` to a later time, seen on `line`; `rowsBetween`: rows between the two whose time is
   * missing. Such a row is still a row (a step of its own), so only time beyond them is a gap, as the
   * trainer counts (workers/data/forecasting-gaps.ts): a logger's one empty time cell is no missing hour.
   */
  add(from: number, step: number, line: number, rowsBetween = 0): void {
    this.feed(from, from + step, line);
    this.steps++;
    if (Number.isNaN(this.usual)) {
      this.early.push({ step, line, from, rowsBetween });
      if (this.early.length >= DECIDE_AFTER) this.decide();
      return;
    }
    this.classify(from, step, line, rowsBetween);
  }

  private decide(): void {
    // a step of whole calendar months counts as its months ('m3'), any other as its seconds
    const counts = new Map<string, { n: number; step: number; months: number }>();
    for (const { step, from } of this.early) {
      const months = wholeMonthsBetween(from, from + step) ?? 0;
      const key = months > 0 ? `m${months}` : `s${step}`;
      const c = counts.get(key);
      if (c) c.n++; else counts.set(key, { n: 1, step: months > 0 ? months * LONGEST_MONTH : step, months });
    }
    let best = 0;
    for (const c of counts.values()) {
      if (c.n > best || (c.n === best && c.step < this.usual)) { best = c.n; this.usual = c.step; this.usualMonths = c.months; }
    }
    this.usualShare = best / this.early.length;
    for (const { from, step, line, rowsBetween } of this.early) this.classify(from, step, line, rowsBetween);
    this.early.length = 0;
    for (const b of this.earlyBacks.splice(0)) this.stepBack(b);
  }

  private classify(from: number, step: number, line: number, rowsBetween = 0): void {
    if (!(step - rowsBetween * this.usual > 1.5 * this.usual)) return;
    // past 1.5 of the usual months at their longest: a period is missing (clock changes and weekends are shorter)
    if (this.usualMonths > 0) { this.gap(step, line); return; }
    const spring = rowsBetween === 0 && step === this.usual + HOUR ? this.springRule.take(from, from + step, this.usual) : null;
    if (spring) { this.springs.push({ from, step, line, rule: spring }); return; }
    // business days: Friday to Monday is the weekend, not missing data
    if (this.usual === DAY && step === 3 * DAY && weekday(from) === 5) { this.weekends++; return; }
    if (this.usual === DAY && isHoliday(from, step)) {
      if (this.holidays++ === 0) this.holidayLine = line;
      if (step > this.holidayLongest.step) this.holidayLongest = { step, line };
      return;
    }
    this.gap(step, line);
  }

  private gap(step: number, line: number): void {
    this.gaps++;
    if (step > this.longest) { this.longest = step; this.longestLine = line; }
  }

  /** "the spring clock change before 2023-03-26 03:00 (line 603; the EU change, last Sunday of March at 01:00 UTC)", for two or more each named. */
  private springWords(): string {
    const n = this.springs.length;
    const one = (s: (typeof this.springs)[number]) => `${clockTime(s.from + s.step)} (line ${s.line.toLocaleString('en-US')}; ${s.rule})`;
    return `the spring clock change${n === 1 ? '' : 's'} before ${this.springs.slice(0, 3).map(one).join(', ')}${n > 3 ? `, … (${n})` : ''}`;
  }

  /**
   * "; 1 is where the clock goes back (line 412: the hour from 2023-10-29 02:00 comes twice, the EU change, …),
   * counted through the repeated hour: rows of it are missing", for gaps at autumn changes; '' when none.
   */
  private autumnGapWords(): string {
    const gaps = this.autumns.filter((a) => a.step > 1.5 * this.usual);
    if (gaps.length === 0) return '';
    const one = (a: (typeof gaps)[number]) => `line ${a.line.toLocaleString('en-US')}: the hour from ${clockTime(Math.floor(a.to / HOUR) * HOUR)} comes twice, ${a.rule}`;
    const n = gaps.length;
    return `; ${n === 1 ? '1 is' : `${n} are`} where the clock goes back (${gaps.slice(0, 3).map(one).join('; ')}${n > 3 ? `; … (${n})` : ''}), counted through the repeated hour: rows of it are missing`;
  }

  /** The usual step as messages say it: '1 h', '1 day', '3 months (a quarter)'. */
  private usualWords(): string {
    return this.usualMonths > 0 ? monthsWords(this.usualMonths) : duration(this.usual);
  }

  /** What to report about column `name`, or null when its steps are regular. */
  summary(name: string): StepSummary | null {
    // a step back whose repeated hour runs to the end of the file
    const last = this.writtenInUtc ? null : this.runs.end();
    if (last) this.stepBack(last);
    if (Number.isNaN(this.usual)) {
      if (this.early.length < 3) return null;
      this.decide();
    }
    if (this.usualShare < 0.5) {
      // a log of events seconds apart has a "most common step" of well under 1% of its steps: never "only 0%"
      const share = this.usualShare < 0.005 ? 'under 1%' : `only ${Math.round(this.usualShare * 100)}%`;
      return { kind: 'irregular', count: this.steps, message: `column '${name}': the times are irregularly spaced (the most common step, ${this.usualWords()}, is ${share} of the first steps). ${IRREGULAR_ADVICE}` };
    }
    // business days: weekends dominate the longer steps; holidays only count as such in that calendar
    const business = this.weekends > 0 && this.weekends >= this.holidays;
    const holidays = business ? this.holidays : 0;
    const gaps = this.gaps + (business ? 0 : this.holidays);
    const holidayWords = `${holidays.toLocaleString('en-US')} single-day holiday${holidays === 1 ? '' : 's'} (weekdays missing alone, the first just before line ${this.holidayLine.toLocaleString('en-US')})`;
    const springs = this.springs.length;
    if (gaps === 0) {
      if (springs > 0) {
        return { kind: 'clock', count: springs, message: `time column '${name}': local wall-clock time; ${this.springWords()} skip${springs === 1 ? 's' : ''} an hour that never existed, so no row is missing: not counted as a gap` };
      }
      if (holidays === 0) return null;
      return { kind: 'calendar', count: holidays, message: `time column '${name}': business days (weekends skipped); ${holidayWords}. Rows are the trading days, which forecasting treats as equally spaced, as is usual for such series: nothing to fill` };
    }
    // not business days after all: those steps are ordinary gaps
    if (!business && this.holidayLongest.step > this.longest) { this.longest = this.holidayLongest.step; this.longestLine = this.holidayLongest.line; }
    const w = this.weekends;
    const weekends = w > 0 ? `; ${w.toLocaleString('en-US')} weekend${w === 1 ? '' : 's'} skipped${holidays > 0 ? ` and ${holidayWords} are` : w === 1 ? ' is' : ' are'} not counted` : '';
    const clock = springs > 0 ? `; ${this.springWords()} ${springs === 1 ? 'is' : 'are'} not counted (local time: the skipped hour never existed)` : '';
    const autumn = this.autumnGapWords();
    return {
      kind: 'gaps', count: gaps,
      message: `time column '${name}': ${gaps.toLocaleString('en-US')} gap${gaps === 1 ? '' : 's'} (steps longer than the usual ${this.usualWords()}; longest ${duration(this.longest)} at line ${this.longestLine.toLocaleString('en-US')})${weekends}${clock}${autumn}. ${gapAdvice(name, business ? 'B' : this.usualMonths > 0 ? pandasMonthFrequency(this.usualMonths) : pandasFrequency(this.usual), this.writtenInUtc ? 'utc' : this.reading)}`,
    };
  }
}

/**
 * What a gap means for a run and what the user can do. GateLab does not resample: forecasting keeps the
 * windows that span a gap (workers/data/forecasting-gaps.ts counts them in the run's data line) and fills
 * empty values with the last value before them (workers/data/finite.ts), so the way out is to resample the
 * file before importing it; `frequency` is the usual step as pandas names it ('1h', '15min', 'B').
 */
function gapAdvice(name: string, frequency: string, reading: TimeReading): string {
  const { index, why } = pandasTimeIndex(name, reading);
  return 'Forecasting reads rows as equally spaced steps and keeps the windows that span a gap (the run\'s data line counts them), '
    + 'though each joins times further apart than its lookback says. If that matters, resample the file to the usual step before importing it, '
    + `e.g. pandas \`${index}.resample('${frequency}').first()\`${why}: the missing times become rows with empty values, which forecasting fills with the last value before them`;
}

/** What an irregularly spaced time column means for forecasting (table-shape.ts replaces it for an event log). */
export const IRREGULAR_ADVICE = 'Forecasting treats rows as equally spaced: resample the series to a fixed step before importing it as a time index';

/** The step as a pandas frequency alias: 3600 -> '1h', 900 -> '15min', 86400 -> '1D', 30 -> '30s'. */
export function pandasFrequency(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY}D`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}min`;
  if (Number.isInteger(seconds)) return `${seconds}s`;
  return `${Math.round(seconds * 1000)}ms`;
}

/** '2023-03-26 03:00': a wall-clock time as the file wrote it. */
const clockTime = (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (t: number) => ((Math.floor(t / DAY) + 4) % 7 + 7) % 7;

/** A step between two weekdays over exactly one missing weekday, weekends aside (Tue->Thu, Fri->Tue, Thu->Mon). */
function isHoliday(from: number, step: number): boolean {
  if (step % DAY !== 0 || step > 4 * DAY) return false;
  const to = from + step;
  if (weekday(from) === 0 || weekday(from) === 6 || weekday(to) === 0 || weekday(to) === 6) return false;
  let missing = 0;
  for (let t = from + DAY; t < to; t += DAY) if (weekday(t) !== 0 && weekday(t) !== 6) missing++;
  return missing === 1;
}

/** 3600 -> '1 h', 900 -> '15 min', 259200 -> '3 days', 5400 -> '1 h 30 min'. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const round = (x: number) => Math.round(x * 100) / 100;
  if (seconds >= DAY && seconds % 3600 === 0 && seconds % DAY !== 0 && seconds < 7 * DAY) return `${Math.floor(seconds / DAY)} days ${(seconds % DAY) / 3600} h`.replace(/^1 days/, '1 day');
  if (seconds >= DAY) return `${round(seconds / DAY)} day${seconds === DAY ? '' : 's'}`;
  if (seconds >= 3600) return seconds % 3600 === 0 || seconds % 60 !== 0 ? `${round(seconds / 3600)} h` : `${Math.floor(seconds / 3600)} h ${(seconds % 3600) / 60} min`;
  if (seconds >= 60) return `${round(seconds / 60)} min`;
  return `${round(seconds)} s`;
}
