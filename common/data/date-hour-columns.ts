// Hourly data written as a date column and an hour-of-day number (UCI Bike Sharing's hour.csv: `dteday`
// 2011-01-01 and `hr` 0..23) repeats each date 24 times. The importer composes such a pair into one time column
// (workers/import/date-hour-time.ts, the reading rule `dateHourColumns`), but a dataset imported before that
// rule keeps its repeated dates, so a forecasting run is refused for its repeated times, and the usual advice
// (set the column that tells series apart to series-id) would pivot the file into 24 "series", one per hour of
// the day. This recognises the pair so the refusal says what the file is and how to make one timestamp of it;
// the importer names hour columns by the same rule (isHourOfDayName).
import type { DatasetCacheMeta, IssueExample, SourceDescription } from '../dataset-cache';
import { pyString } from '../text/python-string';

/** Names an hour-of-day column goes by ('hr', 'hour', 'Hour of day', 'hod'). */
const HOUR_NAME = /^\s*(hr|hour|hours|hour[ _]?of[ _]?day|hod)\s*$/i;

/** Whether a column's name says it holds the hour of the day ('hr', 'hour', 'Hour of day', 'hod'). */
export const isHourOfDayName = (name: string): boolean => HOUR_NAME.test(name);

/**
 * The hour-of-day column beside `time` when the time column holds dates only (its first repeat, as written,
 * has no time of day): a whole-number column named like an hour whose values lie in 0..24 and span most of
 * a day. Null when there is none.
 */
export function hourColumnBesideDate(meta: DatasetCacheMeta, time: string, firstRepeat?: IssueExample): string | null {
  if (firstRepeat && /\d:\d/.test(firstRepeat.value)) return null; // times of day are written: the date is no date only
  const hour = meta.columns.find((c) => {
    if (c.name === time || !isHourOfDayName(c.name)) return false;
    const { min, max } = c.stats;
    return min !== null && max !== null && Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max <= 24 && max - min >= 12;
  });
  return hour?.name ?? null;
}

/** The refusal's advice for such a pair: one timestamp in two columns, and the pandas lines that join them. */
export function dateHourAdvice(time: string, hour: string, source?: Pick<SourceDescription, 'fileName' | 'delimiter' | 'preambleLines'>): string {
  const joined = `pd.to_datetime(df[${pyString(time)}]) + pd.to_timedelta(df[${pyString(hour)}], unit='h')`;
  // a plain ',' or tab file is read back as pandas reads it; other sources: `df` is the file as a DataFrame
  const sep = source?.delimiter === ',' ? '' : source?.delimiter === '\t' ? ", sep='\\t'" : null;
  const read = source && sep !== null && !source.preambleLines ? `df = pd.read_csv(${pyString(source.fileName)}${sep}); ` : '';
  const out = source ? `${source.fileName.replace(/\.[^.]*$/, '')}-with-datetime.csv` : 'with-datetime.csv';
  return `'${time}' holds dates without a time of day and '${hour}' looks like the hour of the day: one timestamp written in two columns ` +
    `(setting '${hour}' to series-id would make each hour of the day a series of its own). GateLab now composes such a pair into one time column at import ` +
    '(whole hours 0–23, or 1–24 with 24 the next midnight, in a column not typed otherwise): import the file again. Or combine them into one datetime column, ' +
    `put it first in the file and import that file (pandas: ${read}df.insert(0, 'datetime', ${joined}); df.to_csv(${pyString(out)}, index=False)); ` +
    'the importer makes it the time column';
}
