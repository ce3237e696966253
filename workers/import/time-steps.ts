// The steps between consecutive times of an increasing datetime column: its usual step (the most common
// one) and the gaps (steps longer than 1.5 usual steps). Forecasting reads rows as equally spaced, so a
// series with missing hours or jittered times should say so at import, not in a strange validation loss.
// Memory stays bounded: the usual step is taken from the first steps, and the rest are only counted.

const DECIDE_AFTER = 10_000;
const DAY = 86400;

export interface StepSummary {
  kind: 'gaps' | 'irregular';
  message: string;
  count: number;
}

export class TimeSteps {
  private readonly early: Array<{ step: number; line: number; from: number }> = [];
  private usual = NaN;
  private usualShare = 0;
  private gaps = 0;
  private weekends = 0;
  private longest = 0;
  private longestLine = 0;
  private steps = 0;

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
    // business days: Friday to Monday is the weekend, not missing data
    if (this.usual === DAY && step === 3 * DAY && new Date(from * 1000).getUTCDay() === 5) { this.weekends++; return; }
    this.gaps++;
    if (step > this.longest) { this.longest = step; this.longestLine = line; }
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
    if (this.gaps === 0) return null;
    const weekends = this.weekends > 0 ? `; ${this.weekends.toLocaleString('en-US')} weekends skipped are not counted` : '';
    return {
      kind: 'gaps', count: this.gaps,
      message: `time column '${name}': ${this.gaps.toLocaleString('en-US')} gaps (steps longer than the usual ${duration(this.usual)}; longest ${duration(this.longest)} at line ${this.longestLine.toLocaleString('en-US')})${weekends}. Forecasting treats rows as equally spaced, so windows across a gap join times that are further apart: fill the missing times (resample) if that matters`,
    };
  }
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
