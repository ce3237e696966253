// Datetimes in the formats people write, to epoch seconds (UTC; a time without an offset is taken as
// UTC so that hourly data never gains or loses an hour at daylight-saving changes).
import { excelDaysToEpoch } from './excel-dates';
import { PERIOD_FORMATS, looksLikeSeasons, parsePeriod, type PeriodFormat } from './period-dates';

/**
 * 'mdy-mon': US long dates, 'January 01, 2020', 'Jan 1 2020' (ParseRules.monthNameDates); 'mdy-comma': Amazon
 * review dates, '05 18, 2015' (ParseRules.monthDayCommaDates). Periods: period-dates.ts.
 */
export type DateFormat = 'iso' | 'ymd-slash' | 'dmy-mon' | 'mdy' | 'dmy' | 'mdy-mon' | 'mdy-comma' | 'epoch' | 'epoch-ms' | 'excel-days' | CompactDateFormat | PeriodFormat;
/** Dates written as one whole number: 20240131 (YYYYMMDD), 14102100 (YYMMDDHH, Avazu's `hour`). */
export type CompactDateFormat = 'yyyymmdd' | 'yymmddhh';

// a time of day, AM/PM optional ('1:05 PM', '12:00:30 am', '9:15 p.m.'), then an offset or 'Z'
const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?`;
const PATTERNS: Record<Exclude<DateFormat, 'epoch' | 'epoch-ms' | 'excel-days' | CompactDateFormat | PeriodFormat>, RegExp> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`),
  'ymd-slash': new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`),
  'dmy-mon': new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ,]+(\d{4})${TIME}$`),
  mdy: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`),
  dmy: new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})[/.](\d{4}|\d{2})${TIME}$`),
  // stock downloads: 'January 01, 2020', 'Jan 01, 2020', 'Jan 1 2020', 'Sept. 5th, 2020'; the word is checked by monthOfWord
  'mdy-mon': new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})${TIME}$`),
  // Amazon reviews' reviewTime: '05 18, 2015', '5 8, 2015'. Month first as the US writes 'May 18, 2015' with
  // the month as a number; the comma and the four-digit year after it leave no other reading
  'mdy-comma': new RegExp(String.raw`^(\d{1,2})\s+(\d{1,2}),\s*(\d{4})${TIME}$`),
};
/** '20/12/31': a two-digit year first, for the check that short-year dates do not read better so (detectDateFormat). */
const YEAR_FIRST_SHORT = new RegExp(String.raw`^(\d{2})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);

/**
 * Two-digit years as Python's strptime %y reads them (and Excel's short date for most of them): 00-68 are
 * 2000-2068, 69-99 are 1969-1999.
 */
export const fullYear = (yy: number) => (yy < 69 ? 2000 + yy : 1900 + yy);
export const TWO_DIGIT_YEARS = 'two-digit years read as 2000–2068 / 1969–1999 (00–68 and 69–99, as Python\'s %y)';

/**
 * Set by parseDatetime: whether the date it last read wrote its year with two digits ('31/12/20'), and
 * whether its time was on the 12-hour clock ('1:05 PM').
 */
export const lastDate = { twoDigitYear: false, twelveHour: false };
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 for an English month name or its abbreviation of three letters or more ('Jan', 'Sept', 'January'), else 0: 'Janx 1 2020' is no date. */
function monthOfWord(word: string): number {
  const w = word.toLowerCase();
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return w.length >= 3 && i >= 0 ? i + 1 : 0;
}

/** Epoch seconds, or NaN when `s` is not a date in `format`. */
export function parseDatetime(s: string, format: DateFormat): number {
  lastDate.twoDigitYear = false;
  lastDate.twelveHour = false;
  if (format === 'epoch' || format === 'epoch-ms' || format === 'excel-days') {
    const v = Number(s);
    if (s.trim() === '' || !Number.isFinite(v)) return NaN;
    return format === 'epoch-ms' ? v / 1000 : format === 'excel-days' ? excelDaysToEpoch(v) : v;
  }
  if (format === 'yyyymmdd' || format === 'yymmddhh') return parseCompactDate(s, format);
  if (format === 'year-month' || format === 'quarter' || format === 'iso-week') return parsePeriod(s, format);
  const m = PATTERNS[format].exec(s.trim());
  if (!m) return NaN;
  // dmy has one group more (its first separator), so the time's groups start one later
  const at = format === 'dmy' ? 1 : 0;
  let y: number, mo: number, d: number;
  if (format === 'iso' || format === 'ymd-slash') { y = +m[1]; mo = +m[2]; d = +m[3]; }
  else if (format === 'dmy-mon') { d = +m[1]; mo = MONTHS[m[2].toLowerCase()] ?? 0; y = +m[3]; }
  else if (format === 'mdy' || format === 'mdy-comma') { mo = +m[1]; d = +m[2]; y = +m[3]; }
  else if (format === 'mdy-mon') { mo = monthOfWord(m[1]); d = +m[2]; y = +m[3]; }
  else { d = +m[1]; mo = +m[3]; y = +m[4]; }
  if ((format === 'mdy' || format === 'dmy') && m[3 + at].length === 2) {
    // '31.12.20' as Excel writes a short date, but not '3.10.12' (a version number): dotted dates need two-digit days and months
    if (format === 'dmy' && m[2] === '.' && (m[1].length !== 2 || m[3].length !== 2)) return NaN;
    y = fullYear(y);
    lastDate.twoDigitYear = true;
  }
  return withTime(y, mo, d, m, 4 + at);
}

/** '20/12/31' read year first (2020-12-31), or NaN: only to see whether short-year dates read more regularly so. */
function parseYearFirstShort(s: string): number {
  const m = YEAR_FIRST_SHORT.exec(s.trim());
  return m ? withTime(fullYear(+m[1]), +m[2], +m[3], m, 4) : NaN;
}

/**
 * Epoch seconds of a date and the time in groups `g`.. of `m` (hours, minutes, seconds, fraction, AM/PM,
 * offset); NaN when not valid. On the 12-hour clock the hour is 1-12: 12 AM is midnight (00), 12 PM noon.
 */
function withTime(y: number, mo: number, d: number, m: RegExpExecArray, g: number): number {
  let hh = m[g] ? +m[g] : 0;
  const mm = m[g + 1] ? +m[g + 1] : 0, ss = m[g + 2] ? +m[g + 2] : 0;
  const meridiem = m[g + 4]?.toLowerCase();
  if (meridiem) {
    lastDate.twelveHour = true;
    if (hh < 1 || hh > 12) return NaN;
    hh = (hh % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || hh > 24 || mm > 59 || ss > 60) return NaN;
  let t = Date.UTC(y, mo - 1, d, hh, mm, ss) / 1000;
  if (m[g + 3]) t += Number(`0.${m[g + 3]}`);
  const tz = m[g + 5];
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2) || '0') * 60);
  }
  return t;
}

/** 20240131 or 14102100 (two-digit years as Python's %y: 69-99 are 19xx, 00-68 are 20xx); NaN when not a valid date. */
export function parseCompactDate(s: string, format: CompactDateFormat): number {
  const t = s.trim();
  if (!/^\d{8}$/.test(t)) return NaN;
  const a = +t.slice(0, 2), b = +t.slice(2, 4), c = +t.slice(4, 6), d = +t.slice(6, 8);
  const [y, mo, day, hh] = format === 'yyyymmdd' ? [a * 100 + b, c, d, 0] : [fullYear(a), b, c, d];
  if (format === 'yyyymmdd' && (y < 1800 || y > 2200)) return NaN;
  if (mo < 1 || mo > 12 || day < 1 || day > daysIn(y, mo) || hh > 23) return NaN;
  return Date.UTC(y, mo - 1, day, hh) / 1000;
}

/**
 * The compact format every sample parses in (YYYYMMDD first: a year 1800-2200 with a valid month and day
 * rarely reads as YYMMDDHH too), or null. Decided over the whole sample, never from one value.
 */
export function detectCompactDate(samples: string[]): CompactDateFormat | null {
  if (samples.length === 0) return null;
  for (const f of ['yyyymmdd', 'yymmddhh'] as const) if (samples.every((s) => !Number.isNaN(parseCompactDate(s, f)))) return f;
  return null;
}

/**
 * Names under which a column of 8-digit numbers is read as compact dates without being told. `foreign`: as
 * for timeNameUnder, off for a dataset imported before other languages' time words counted, so its
 * 'Datum' column of 20240131s stays the int column it was imported as.
 */
export const dateNameUnder = (name: string, foreign: boolean) =>
  timeNameUnder(name, foreign) || /(^|[_\s])(hour|day|dt|ymd|yyyymmdd)$/i.test(name) || /[a-z0-9](Hour|Day|Dt|Ymd)$/.test(name.trim());

/** A cell whose time ends in AM or PM ('1:05 PM', '9:15 p.m.'): for saying why one did not read. */
export const writesAmPm = (s: string) => /\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*[AaPp]\.?[Mm]\.?\s*$/.test(s);

/** Epoch seconds of 1975-01-01: an integer read as epoch seconds before this is probably something else. */
export const EARLY_EPOCH = 157766400;

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * The formats added after datasets were imported (ParseRules): on unless false, so a dataset imported before
 * them keeps its '1949-01' or 'Jan 1 2020' column as the text it was.
 */
export interface DateReadings {
  /** Months '1949-01', quarters '1960Q1', ISO weeks '2019-W02' (period-dates.ts). */
  periodDates?: boolean;
  /** US long dates 'January 01, 2020', 'Jan 1 2020'. */
  monthNameDates?: boolean;
  /** Amazon review dates '05 18, 2015'. */
  monthDayCommaDates?: boolean;
}

/** Whether a format is one DateReadings turns off: the later ones, which an old dataset's typed datetime column did not read. */
export const isLaterFormat = (f: DateFormat | undefined): boolean => f === 'mdy-mon' || f === 'mdy-comma' || PERIOD_FORMATS.includes(f as PeriodFormat);

/**
 * What a datetime column reads, for the message refusing a cell it cannot: one of these forms throughout a column.
 */
export const DATETIME_FORMS = 'a datetime column reads one of these forms throughout: 2024-01-31 (with a time: 2024-01-31 14:05, 2024-01-31T14:05:00Z, +02:00 offsets, 2:05 PM), '
  + '2024/01/31, 31/01/2024 or 01/31/2024 (--date-order), 31.01.2024, 31-Jan-2024 or 31 Jan 2024, January 31, 2024, Jan 31, 2024 or Jan 31 2024, 01 31, 2024, '
  + 'months 2024-01, quarters 2024Q1 or 2024-Q1, ISO weeks 2024-W05, 20240131, and numbers as epoch seconds, milliseconds or spreadsheet serial days';

/**
 * The one format every sample value parses in, or null. Day-first vs month-first slashes are told
 * apart by a first field above 12; when every value reads both ways ('01/07/2016'), by which reading
 * steps more regularly from row to row (hourly data read month first jumps a month at each new day),
 * and month first when neither does (as in US spreadsheets).
 */
export function detectDateFormat(samples: string[], readings: DateReadings = {}): DateFormat | null {
  if (samples.length === 0) return null;
  for (const f of formatOrder(readings)) {
    if (!samples.every((s) => !Number.isNaN(parseDatetime(s, f)))) continue;
    if (f === 'year-month' && looksLikeSeasons(samples)) return null;
    if (f === 'mdy' && samples.some((s) => Number(s.split('/')[0]) > 12)) continue;
    let chosen = f;
    if (f === 'mdy' && samples.every((s) => !Number.isNaN(parseDatetime(s, 'dmy')))) {
      chosen = irregularSteps(samples, 'dmy').count < irregularSteps(samples, 'mdy').count ? 'dmy' : 'mdy';
    }
    return (chosen === 'mdy' || chosen === 'dmy') && readsBetterYearFirst(samples, chosen) ? null : chosen;
  }
  return null;
}

/** The forms detectDateFormat tries, in order: the later ones after the first five (none of them reads a value those read, so each old reading stands). */
function formatOrder(readings: DateReadings): DateFormat[] {
  return ['iso', 'ymd-slash', 'dmy-mon', 'mdy', 'dmy',
    ...(readings.monthNameDates === false ? [] : ['mdy-mon' as const]), ...(readings.monthDayCommaDates === false ? [] : ['mdy-comma' as const]),
    ...(readings.periodDates === false ? [] : PERIOD_FORMATS)];
}

/**
 * For a column typed datetime whose values are dates in more than one form (2,999 '01/03/2024 00:00' and one
 * '2024-03-04 03:00'): the format that reads the most of them, decided as detectDateFormat decides among those
 * (day or month first), so the odd ones are the bad values. Null when no format reads any.
 */
export function mostReadDateFormat(samples: string[], readings: DateReadings = {}): DateFormat | null {
  let best: string[] = [];
  for (const f of formatOrder(readings)) {
    const read = samples.filter((s) => !Number.isNaN(parseDatetime(s, f)));
    if (read.length > best.length) best = read;
  }
  return best.length === 0 ? null : detectDateFormat(best, readings);
}

/**
 * Whether dates with two-digit years step more regularly read year first ('20/12/29', '20/12/30', … as
 * days of December 2020) than in `format` (20 December of 2029, 2030, …): then which is meant is in doubt,
 * and the column stays text, with a warning (text-column-hints.ts). Where both readings step alike ('31/12/20
 * 23:45' within one day), the day or month order stands, as for four-digit years.
 */
export function readsBetterYearFirst(samples: string[], format: 'mdy' | 'dmy'): boolean {
  const times = samples.map((s) => parseDatetime(s, format));
  if (samples.length < 2 || !samples.some((s) => { parseDatetime(s, format); return lastDate.twoDigitYear; })) return false;
  const yearFirst = samples.map(parseYearFirstShort);
  return !yearFirst.some(Number.isNaN) && stepIrregularity(yearFirst).count < stepIrregularity(times).count;
}

/**
 * Steps between consecutive sample times other than the most common one (backward steps too), and the largest.
 * A step of whole calendar months (same day of the month and time of day: monthly or quarterly data) is one
 * step whatever the months' lengths, so '01/01/2023, 02/01/2023, …' read month first is regular, not 28–31
 * days of jitter that would make the day-first reading (twelve days, then a jump) look more regular.
 */
export function irregularSteps(samples: string[], format: DateFormat): { count: number; steps: number; largest: number } {
  return stepIrregularity(samples.map((s) => parseDatetime(s, format)));
}

/** irregularSteps of times already read (epoch seconds). */
function stepIrregularity(times: number[]): { count: number; steps: number; largest: number } {
  const counts = new Map<string, number>();
  const size = new Map<string, number>();
  let prev = NaN, steps = 0;
  for (const t of times) {
    if (!Number.isNaN(prev)) {
      const months = calendarMonths(prev, t);
      const key = months === null ? `ms${t - prev}` : `mo${months}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      size.set(key, t - prev);
      steps++;
    }
    prev = t;
  }
  let usual = '', best = 0, largest = 0;
  for (const [key, n] of counts) if (n > best) { best = n; usual = key; }
  for (const [key, step] of size) if (key !== usual && Math.abs(step) > Math.abs(largest)) largest = step;
  return { count: steps - best, steps, largest };
}

/** Whole calendar months from a to b (epoch seconds, as parseDatetime gives) when both fall on the same day of the month and time of day, else null. */
function calendarMonths(a: number, b: number): number | null {
  const x = new Date(a * 1000), y = new Date(b * 1000);
  if (x.getUTCDate() !== y.getUTCDate() || a % 86_400 !== b % 86_400) return null;
  const months = (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + (y.getUTCMonth() - x.getUTCMonth());
  return months === 0 ? null : months;
}

/**
 * A month-first column (chosen because every date in the sample had both fields <= 12) met a date that
 * only reads day first ('13/01/2024'). The importer reads the file again with the column day first.
 */
export class DayFirstDates extends Error {
  constructor(readonly column: string, readonly line: number, readonly value: string) {
    super(`column '${column}', line ${line}: '${value}' is a day-first date`);
  }
}

/**
 * The time words of other languages spreadsheets are saved in, matched as the English ones are (any case,
 * the whole name or its last word after '_', a space or '/' as in 'Date/Heure'): German Datum, Zeit, Zeitstempel; Spanish Fecha,
 * Hora (Fecha_hora); French date, heure, horodatage; Dutch datum, tijd; Polish czas; Chinese 日期, 时间;
 * Japanese 日付, 時間. A German 'Arbeitszeit' (a duration) is one word, so no time.
 */
const FOREIGN_TIME_WORDS = ['datum', 'zeit', 'zeitstempel', 'fecha', 'hora', 'heure', 'horodatage', 'tijd', 'czas', '日期', '时间', '日付', '時間'];
const FOREIGN_TIME_NAME = new RegExp(`(^|[_/\\s])(${FOREIGN_TIME_WORDS.join('|')})(_?ms)?$`, 'i');
/**
 * Italian/Polish 'data' (date) and Italian 'ora' (hour) are English words too: 'raw_data', 'sensor_data',
 * 'input_data' hold readings, not times. Only the whole name is a time word.
 */
const FOREIGN_TIME_WHOLE_NAME = /^(data|ora)$/i;

/**
 * Column names that suggest a number column holds epoch seconds or spreadsheet serial dates ('created_at',
 * 'event_time', 'ts_ms', 'Datum'). `foreign`: the other languages' words count; off for a dataset imported
 * before they did (ParseRules.foreignTimeNames, parse-rules.ts), so its columns are typed as they were.
 */
export const timeNameUnder = (name: string, foreign: boolean) =>
  /(^|[_\s])(time|timestamp|ts|epoch|unix_?ts|datetime|date|when|at)(_?ms)?$/i.test(name) || /timestamp|unixtime/i.test(name)
  || (foreign && (FOREIGN_TIME_NAME.test(name.trim()) || FOREIGN_TIME_WHOLE_NAME.test(name.trim()))) || camelTimeName(name);

/**
 * Names of epoch-time columns beyond timeNameUnder's: 'unix', 'posix', 'unix_s', 'epoch_seconds', 'created_unix'
 * (ParseRules.unixTimeNames). They say how the numbers count time, so they name epoch seconds or milliseconds
 * only: not compact dates or spreadsheet serial days (dateNameUnder, excel-dates.ts), which no one calls 'unix'.
 */
export const unixTimeName = (name: string) => /(^|[_\s])(unix|posix|epoch)([_\s](s|secs?|seconds|ms|millis|milliseconds))?$/i.test(name.trim());

/** A time name under every rule (a new import): one argument, so it can be mapped over names. */
export const looksLikeTimeName = (name: string) => timeNameUnder(name, true);

/**
 * camelCase and PascalCase time names: 'unixReviewTime', 'eventTime', 'createdAt', 'UpdatedAt', 'eventTs',
 * 'createdAtMs'. Only at a lower-to-upper boundary, so 'overtime', 'runtime', 'lifetime' (durations) and
 * 'format' are not times; nor are camelCase durations ('runTime', 'playTime', 'upTime').
 */
const DURATION_WORDS = ['over', 'run', 'life', 'day', 'half', 'down', 'up', 'play', 'show', 'bed', 'lunch', 'meal', 'part', 'full', 'screen', 'air', 'wait', 'response', 'load', 'cpu', 'work', 'build', 'travel', 'lead', 'cycle'];
const CAMEL_DURATION = new RegExp(`(^(${DURATION_WORDS.join('|')})|(${DURATION_WORDS.map((w) => w[0].toUpperCase() + w.slice(1)).join('|')}))Time(Ms|MS|Millis)?$`);
const camelTimeName = (name: string) =>
  /[a-z0-9](Time|TimeStamp|Timestamp|DateTime|Datetime|Date|At|Ts|TS|Epoch|When)(Ms|MS|Millis)?$/.test(name.trim()) && !CAMEL_DURATION.test(name.trim());

/** Epoch seconds between 1973 and 2100: plausible for timestamps named as such. */
export const isPlausibleEpoch = (v: number) => Number.isInteger(v) && v >= 1e8 && v <= 4.1e9;

/** Epoch milliseconds between 1973 and 2100 (JavaScript's Date.now(), Java's currentTimeMillis). */
export const isPlausibleEpochMs = (v: number) => Number.isInteger(v) && v >= 1e11 && v <= 4.1e12;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const digit2 = (b: Uint8Array, i: number) => {
  const a = b[i] - 48, c = b[i + 1] - 48;
  return a >= 0 && a <= 9 && c >= 0 && c <= 9 ? a * 10 + c : -1;
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The common ISO layouts straight from bytes, no regex and no strings: 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM',
 * 'YYYY-MM-DD HH:MM:SS' (space or T, optional Z). NaN for anything else (the caller falls back to
 * parseDatetime, which handles the rest).
 */
export function parseIsoBytes(b: Uint8Array, s: number, e: number): number {
  if (e > s && b[e - 1] === 90) e--;
  const n = e - s;
  if ((n !== 10 && n !== 16 && n !== 19) || b[s + 4] !== 45 || b[s + 7] !== 45) return NaN;
  const hi = digit2(b, s), lo = digit2(b, s + 2), mo = digit2(b, s + 5), d = digit2(b, s + 8);
  if (hi < 0 || lo < 0 || mo < 1 || mo > 12 || d < 1) return NaN;
  const y = hi * 100 + lo;
  if (d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1])) return NaN;
  let hh = 0, mm = 0, ss = 0;
  if (n >= 16) {
    if ((b[s + 10] !== 32 && b[s + 10] !== 84) || b[s + 13] !== 58) return NaN;
    hh = digit2(b, s + 11); mm = digit2(b, s + 14);
    if (hh < 0 || hh > 24 || mm < 0 || mm > 59) return NaN;
  }
  if (n === 19) {
    if (b[s + 16] !== 58) return NaN;
    ss = digit2(b, s + 17);
    if (ss < 0 || ss > 60) return NaN;
  }
  return daysFromCivil(y, mo, d) * 86400 + hh * 3600 + mm * 60 + ss;
}
