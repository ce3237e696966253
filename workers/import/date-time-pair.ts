// A date column followed by a time-of-day column (`2016-07-01`, `00:00:00`), as some loggers and
// spreadsheets write a timestamp. Read apart, the date repeats 24 times an hour-by-hour file and looks
// like long format (the audit's f1 file got pivot advice that was wrong). The importer adds each row's
// time of day to its date, so the date column holds the whole timestamp; the time column stays as written.
import type { ColumnPlan } from './column-writer';
import { isMissingToken } from './values';

/** '00:00', '13:30:00', '7:05:00.5' (24:00 is not a time of day). */
const TIME_OF_DAY = /^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?\s*$/;
/** '24:00' ('24:00:00'): the end of the day, as energy and meter exports write the last hour (01:00 … 24:00). */
const END_OF_DAY = /^\s*24:00(?::00)?\s*$/;
/**
 * '18.00.00': hours, minutes and seconds between dots, as UCI's Air Quality file writes its Time column (Italian
 * and some other locales' clocks). Seconds are required: '18.30' alone is a decimal number, never read here.
 */
const DOTTED_TIME = /^\s*([01]?\d|2[0-3])\.([0-5]\d)\.([0-5]\d)\s*$/;
const DOTTED_END_OF_DAY = /^\s*24\.00\.00\s*$/;

/**
 * Seconds since midnight, or NaN. `endOfDay` (the endOfDayTimes rule): '24:00' is 86400, the next day's 00:00,
 * as a whole timestamp '01.01.2024 24:00' already reads; without it (datasets imported before) it is no time.
 * `dotted` (the dottedTimes rule): '18.00.00' is 18:00; without it (datasets imported before) it is no time.
 */
export function parseTimeOfDay(s: string, endOfDay = false, dotted = false): number {
  if (endOfDay && (END_OF_DAY.test(s) || (dotted && DOTTED_END_OF_DAY.test(s)))) return 86400;
  const m = TIME_OF_DAY.exec(s) ?? (dotted ? DOTTED_TIME.exec(s) : null);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : NaN;
}

export interface DateTimePair {
  /** Index of the date column (its plan is an inferred datetime of dates only). */
  date: number;
  /** Index of the time-of-day column right after it. */
  time: number;
  /** '24:00' reads as the end of the day (parseTimeOfDay). */
  endOfDay: boolean;
  /** '18.00.00' reads as 18:00 (parseTimeOfDay). */
  dotted: boolean;
}

/**
 * The first inferred date-only column (no ':' in any sampled value) whose next column's sampled values are
 * all times of day, or null. Columns with a type the user set are left alone.
 */
export function findDateTimePair(plans: readonly ColumnPlan[], rows: readonly string[][], endOfDay = false, dotted = false): DateTimePair | null {
  for (let c = 0; c + 1 < plans.length; c++) {
    const date = plans[c], time = plans[c + 1];
    if (date.kind !== 'datetime' || date.userType || time.kind !== 'string' || time.userType) continue;
    if (date.dateFormat === 'epoch' || date.dateFormat === 'epoch-ms' || date.dateFormat === 'excel-days') continue;
    const dates = rows.map((r) => r[c]).filter((v) => v !== undefined && !isMissingToken(v));
    const times = rows.map((r) => r[c + 1]).filter((v) => v !== undefined && !isMissingToken(v));
    if (dates.length < 2 || times.length < 2 || dates.some((v) => v.includes(':'))) continue;
    if (times.every((v) => !Number.isNaN(parseTimeOfDay(v, endOfDay, dotted))) && new Set(times).size > 1) return { date: c, time: c + 1, endOfDay, dotted };
  }
  return null;
}

/** The import's note about a combined pair (`example`: a date and a time as written); `without`: rows whose time cell was not a time of day. */
export function dateTimePairNote(dateName: string, timeName: string, example: [string, string], without: number): string {
  const rest = without > 0 ? ` ${without.toLocaleString('en-US')} row${without === 1 ? ' has' : 's have'} no time of day in '${timeName}' and keep${without === 1 ? 's' : ''} the date at 00:00.` : '';
  return `column '${dateName}' holds dates and column '${timeName}' the time of day: '${dateName}' now holds both (the date plus the time of day; first row: '${example[0].trim()}' '${example[1].trim()}'), `
    + `so it is the time index with one row per time.${rest} '${timeName}' is kept as written; set its role to ignore if the model should not see it. `
    + `To keep them apart, import with --types ${dateName}=datetime`;
}
