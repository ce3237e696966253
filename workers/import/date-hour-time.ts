// Hourly data written as a date and an hour-of-day number: UCI Bike Sharing's hour.csv (`dteday` 2011-01-01,
// `hr` 0..23), loggers' `date` + `hour`. Read apart, each date repeats 24 times, so the time index repeats
// (duplicate_time) and a forecasting run is refused. As year/month/day columns compose a time (time-parts.ts),
// the importer composes the date and the hour into a new datetime column once the table is written: it is the
// time index, and the date and hour stay as written (the lab starts them as ignore, main/lab/datasets/
// ignored-on-import.ts). Recorded per dataset as the parse rule `dateHourColumns`: a dataset imported before
// reads without the new column, and its forecasting refusal explains the pair (common/data/date-hour-columns.ts).
import type { CachedColumn, DatasetCacheMeta } from '../../common/dataset-cache';
import { isHourOfDayName } from '../../common/data/date-hour-columns';
import { forEachRow, freeTimeName, withTimeColumn } from './composed-time-column';
import { partsIgnoredWords } from './time-parts';
import type { Validation } from './validation';

const DAY_SECONDS = 86400;

/** A date column and the hour column beside it (indices into the table's columns). */
export interface DateHourPair {
  date: number;
  hour: number;
  /** The hours are 1..24, the hour ending at each (meter exports): 24 is the next day's 00:00, as '24:00' beside a date reads. */
  hoursEnding: boolean;
}

/** `hours` reads as a duration as often as an hour of the day (a timesheet's date per employee and hours worked): not composed. */
const DURATION_NAME = /^\s*hours\s*$/i;

/**
 * An int column named like the hour of the day (isHourOfDayName) holding 0..23, or 1..24 when `endOfDay` (the
 * endOfDayTimes rule: the last hour written 24, the next day's midnight). A column with 0 and 24 is neither: its
 * 24 would repeat the next day's 0. -1 when there is none.
 */
function hourColumn(columns: readonly CachedColumn[], endOfDay: boolean): number {
  return columns.findIndex(({ name, type, stats: { count, min, max } }) => type === 'int' && isHourOfDayName(name) && !DURATION_NAME.test(name) && count > 0
    && min !== null && max !== null && min >= 0 && (max <= 23 || (endOfDay && min >= 1 && max === 24)));
}

/**
 * The time index the lab would pick (the first datetime column) and an hour column, when they are the two
 * halves of one timestamp: the time column holds dates only (each at midnight, so no time of day was written
 * or combined into it), a date repeats, and the hours tell a date's rows apart. Null otherwise.
 * `endOfDay`: the endOfDayTimes rule (hours 1..24).
 */
export function findDateHourPair(meta: DatasetCacheMeta, dir: string, endOfDay: boolean): DateHourPair | null {
  const date = meta.columns.findIndex((c) => c.type === 'datetime');
  const hour = date < 0 || meta.columns[date].timeParts ? -1 : hourColumn(meta.columns, endOfDay);
  if (hour < 0) return null;
  // each date's hours as a bit mask (hours 0..24 fit in 25 bits): memory grows with the days, not the rows
  const hoursOf = new Map<number, number>();
  let withDate = 0, dateOnly = true;
  forEachRow(meta, dir, [date, hour], (_, [d, h]) => {
    if (Number.isNaN(d)) return;
    withDate++;
    if (d % DAY_SECONDS !== 0) dateOnly = false;
    hoursOf.set(d, (hoursOf.get(d) ?? 0) | (Number.isNaN(h) ? 0 : 1 << h));
  });
  let times = 0;
  let dated = 0; // dates with an hour: a date whose hour cells are all empty says nothing either way
  for (const mask of hoursOf.values()) { if (mask) dated++; for (let m = mask; m; m &= m - 1) times++; }
  if (!dateOnly || hoursOf.size === withDate || times <= dated) return null;
  return { date, hour, hoursEnding: meta.columns[hour].stats.max === 24 };
}

/**
 * The table with a datetime column composed of its date and hour appended (composed-time-column.ts), and the
 * date column's repeated-time warning turned into a note (the composed column is the time index); or the table
 * as it was when it has no such pair. `validation`: the import's collector, whose report the meta holds.
 */
export function withDateHourTime(meta: DatasetCacheMeta, dir: string, validation: Validation, endOfDay: boolean): DatasetCacheMeta {
  const pair = findDateHourPair(meta, dir, endOfDay);
  const name = pair ? freeTimeName(meta.columns) : null;
  if (!pair || !name) return meta;
  const date = meta.columns[pair.date].name, hour = meta.columns[pair.hour].name;
  validation.soften('duplicate_time', date, `; it holds the dates of hourly rows whose hour is in '${hour}': column '${name}', composed of both, is the time index`);
  return withTimeColumn(meta, dir, validation, {
    name, sources: [pair.date, pair.hour], parts: [date, hour],
    // the hour is a whole number in range wherever it is not missing (hourColumn read its statistics)
    compose: ([d, h]) => (Number.isNaN(d) || Number.isNaN(h) ? NaN : (d + h * 3600) * 1000),
    note: (first, without) => dateHourNote({ name, date, hour, hoursEnding: pair.hoursEnding }, first, without),
  });
}

const isoMinute = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** The import's note about a composed date and hour (`first`: the first composed row's date in epoch seconds and hour). */
export function dateHourNote(o: { name: string; date: string; hour: string; hoursEnding: boolean }, first: readonly number[] | null, without: number): string {
  const example = first ? `first row: '${isoMinute(first[0]).slice(0, 10)}' and ${first[1]} give ${isoMinute(first[0] + first[1] * 3600)}` : 'no row has both';
  const ending = o.hoursEnding ? ` Its hours are 1–24, so hour 24 is the next day's 00:00.` : '';
  const rest = without > 0 ? ` ${without.toLocaleString('en-US')} row${without === 1 ? ' has' : 's have'} no date or no hour, and no time.` : '';
  return `column '${o.date}' holds dates without a time of day and column '${o.hour}' the hour of the day: column '${o.name}' is added, the date plus the hour `
    + `(${example}), as the time index with one row per time instead of each date repeated.${ending}${rest} ${partsIgnoredWords([o.date, o.hour])}. `
    + `To import without '${o.name}', type the hour otherwise: --types ${o.hour}=float`;
}
