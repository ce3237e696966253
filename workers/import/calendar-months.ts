// Steps of whole calendar months between two times (epoch seconds, UTC as parseDatetime gives them):
// monthly, quarterly and yearly series step 28–31, 90–92 or 365–366 days, so counted in seconds no one step
// is usual (a quarterly series' 92 days are under half its steps), though each row is one period on.
// datetime.ts reasons the same way when it tells day-first dates from month-first ones.

const DAY = 86_400;
/** The longest a month runs, for the gap test: a step past 1.5 of its usual months' longest is a gap. */
export const LONGEST_MONTH = 31 * DAY;

/** The last day of the month `t` falls in (1-based day of the month). */
const lastDayOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/**
 * Whole calendar months from a to b when both fall on the same day of the month (or both on a month's last
 * day: '2021-01-31', '2021-02-28', as month-end series are written) at the same time of day; else null.
 */
export function wholeMonthsBetween(a: number, b: number): number | null {
  if (!(b > a) || a % DAY !== b % DAY) return null;
  const x = new Date(a * 1000), y = new Date(b * 1000);
  const sameDay = x.getUTCDate() === y.getUTCDate();
  const monthEnds = x.getUTCDate() === lastDayOf(x) && y.getUTCDate() === lastDayOf(y);
  if (!sameDay && !monthEnds) return null;
  const months = (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + (y.getUTCMonth() - x.getUTCMonth());
  return months > 0 ? months : null;
}

/** '1 month', '3 months (a quarter)', '1 year', '2 years': a step of whole months as people say it. */
export function monthsWords(months: number): string {
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} month${months === 1 ? '' : 's'}${months === 3 ? ' (a quarter)' : ''}`;
}

/** The step as a pandas frequency of period starts: 'MS', 'QS', 'YS', '2MS' (resample bins by period, whatever day the rows fall on). */
export function pandasMonthFrequency(months: number): string {
  if (months === 1) return 'MS';
  if (months === 3) return 'QS';
  if (months === 12) return 'YS';
  return months % 12 === 0 ? `${months / 12}YS` : `${months}MS`;
}
