// Dates that name a period rather than a day: a month '1949-01' (AirPassengers' Month, pandas' Period, R's
// ts written out), a quarter '1960Q1' / '1960-Q1' / 'Q1 1960', an ISO week '2019-W02' ('2019W02', with a
// weekday '2019-W02-3'). Each is read as its first day at 00:00 UTC (a week: its Monday), so a monthly series
// steps by calendar months and its median step gives the seasonal-naive season (12 for months, 4 for quarters,
// 52 for weeks: common/runs/test-channels.ts seasonLength). Read only under ParseRules.periodDates.

export type PeriodFormat = 'year-month' | 'quarter' | 'iso-week';
export const PERIOD_FORMATS: readonly PeriodFormat[] = ['year-month', 'quarter', 'iso-week'];

/**
 * The years a period code may name, as for compact dates (datetime.ts): '1234-05' is a part number, not
 * May 1234. The month must be 01-12 and written with two digits, so '2019-13' and '2019-5' stay text.
 */
const FIRST_YEAR = 1800, LAST_YEAR = 2200;
const DAY = 86_400;

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER_YEAR_FIRST = /^(\d{4})[- ]?[Qq]([1-4])$/;
const QUARTER_YEAR_LAST = /^[Qq]([1-4])[- ]?(\d{4})$/;
const ISO_WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/;

const saneYear = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

/** Epoch seconds of the period's first day, or NaN when `s` is not a period in `format`. */
export function parsePeriod(s: string, format: PeriodFormat): number {
  const t = s.trim();
  if (format === 'year-month') {
    const m = YEAR_MONTH.exec(t);
    if (!m || !saneYear(+m[1]) || +m[2] < 1 || +m[2] > 12) return NaN;
    return Date.UTC(+m[1], +m[2] - 1, 1) / 1000;
  }
  if (format === 'quarter') {
    const a = QUARTER_YEAR_FIRST.exec(t), b = a ? null : QUARTER_YEAR_LAST.exec(t);
    const [y, q] = a ? [+a[1], +a[2]] : b ? [+b[2], +b[1]] : [NaN, NaN];
    if (!saneYear(y)) return NaN;
    return Date.UTC(y, (q - 1) * 3, 1) / 1000;
  }
  const m = ISO_WEEK.exec(t);
  if (!m || !saneYear(+m[1])) return NaN;
  const y = +m[1], w = +m[2], weekday = m[3] ? +m[3] : 1;
  if (w < 1 || w > isoWeeksIn(y)) return NaN;
  return (week1Monday(y) + (w - 1) * 7 + weekday - 1) * DAY;
}

/** Days since 1970-01-01 of the Monday of ISO week 1: the week holding 4 January. */
function week1Monday(y: number): number {
  const jan4 = Date.UTC(y, 0, 4) / 1000 / DAY;
  const fromMonday = (new Date(Date.UTC(y, 0, 4)).getUTCDay() + 6) % 7;
  return jan4 - fromMonday;
}

/** 52 or 53: the ISO weeks of year `y` ('2020-W53' exists, '2019-W53' does not). */
export const isoWeeksIn = (y: number) => (week1Monday(y + 1) - week1Monday(y)) / 7;

/**
 * Football and fiscal seasons written 'YYYY-YY' ('2009-10', '2010-11', '2011-12'): each second number the
 * year after the first, which also reads as a month up to '2011-12'. A column of them is seasons, not months.
 */
export function looksLikeSeasons(samples: readonly string[]): boolean {
  if (samples.length < 2) return false;
  return samples.every((s) => {
    const m = YEAR_MONTH.exec(s.trim());
    return m !== null && +m[2] === (+m[1] + 1) % 100;
  });
}
