// The steps between consecutive times of an increasing datetime column: its usual step (the most common
// one) and the gaps (steps longer than 1.5 usual steps). Forecasting reads rows as equally spaced, so a
// series with missing hours or jittered times should say so at import, not in a strange validation loss.
// Memory stays bounded: the usual step is taken from the first steps, and the rest are only counted.
// A step one hour longer than usual is the spring clock change of local time (no row missing) only where
// the rule the trainer uses too says so (common/data/spring-clock-change.ts), so both count the same gaps.
import { SpringChanges } from '../../common/data/spring-clock-change';

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
  private readonly early: Array<{ step: number; line: number; from: number }> = [];
  private usual = NaN;
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
  private writtenInUtc = false;

  /**
   * The times were written with 'Z' or a UTC offset (and converted to UTC): no step is a clock change, so the
   * spring steps found so far are gaps after all, as the trainer counts them.
   */
  inUtc(): void {
    if (this.writtenInUtc) return;
    this.writtenInUtc = true;
    this.springRule = new SpringChanges(true);
    for (const s of this.springs.splice(0)) this.gap(s.step, s.line);
  }

  /** One step from `from` to a later time, seen on `line`. */
  add(from: number, step: number, line: number): void {
    this.steps++;
    if (Number.isNaN(this.usual)) {
      this.early.push({ step, line, from });
      if (this.early.length >= DECIDE_AFTER) this.decide();
      return;
    }
    this.classify(from, step, line);
  }

  private decide(): void {
    const counts = new Map<number, number>();
    for (const { step } of this.early) counts.set(step, (counts.get(step) ?? 0) + 1);
    let best = 0;
    for (const [step, n] of counts) if (n > best || (n === best && step < this.usual)) { best = n; this.usual = step; }
    this.usualShare = best / this.early.length;
    for (const { from, step, line } of this.early) this.classify(from, step, line);
    this.early.length = 0;
  }

  private classify(from: number, step: number, line: number): void {
    if (!(step > 1.5 * this.usual)) return;
    const spring = step === this.usual + HOUR ? this.springRule.take(from, from + step, this.usual) : null;
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

  /** What to report about column `name`, or null when its steps are regular. */
  summary(name: string): StepSummary | null {
    if (Number.isNaN(this.usual)) {
      if (this.early.length < 3) return null;
      this.decide();
    }
    if (this.usualShare < 0.5) {
      return { kind: 'irregular', count: this.steps, message: `column '${name}': the times are irregularly spaced (the most common step, ${duration(this.usual)}, is only ${Math.round(this.usualShare * 100)}% of the first steps). Forecasting treats rows as equally spaced: resample the series to a fixed step before importing it as a time index` };
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
    return {
      kind: 'gaps', count: gaps,
      message: `time column '${name}': ${gaps.toLocaleString('en-US')} gap${gaps === 1 ? '' : 's'} (steps longer than the usual ${duration(this.usual)}; longest ${duration(this.longest)} at line ${this.longestLine.toLocaleString('en-US')})${weekends}${clock}. ${gapAdvice(name, business ? 'B' : pandasFrequency(this.usual))}`,
    };
  }
}

/**
 * What a gap means for a run and what the user can do. GateLab does not resample: forecasting keeps the
 * windows that span a gap (workers/data/forecasting-gaps.ts counts them in the run's data line) and fills
 * empty values with the last value before them (workers/data/finite.ts), so the way out is to resample the
 * file before importing it; `frequency` is the usual step as pandas names it ('1h', '15min', 'B').
 */
function gapAdvice(name: string, frequency: string): string {
  const column = `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return 'Forecasting reads rows as equally spaced steps and keeps the windows that span a gap (the run\'s data line counts them), '
    + 'though each joins times further apart than its lookback says. If that matters, resample the file to the usual step before importing it, '
    + `e.g. pandas \`df.set_index(${column}).resample('${frequency}').first()\`: the missing times become rows with empty values, which forecasting fills with the last value before them`;
}

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
