// The pandas expression that makes a time column the frame's DatetimeIndex, read as GateLab read it, for the
// import's advice to resample a series with gaps (time-steps.ts). pandas' resample() needs a DatetimeIndex
// ("Only valid with DatetimeIndex"), and numbers are no times to pandas without their unit: set_index on a
// column of epoch seconds gives an Int64Index, even when read with parse_dates. Written dates go through
// pd.to_datetime too: a plain `pd.read_csv(file)` keeps them as text, and `df.set_index('date')` then fails.
import type { DateFormat } from './datetime';
import { pyString } from '../../common/text/python-string';

/**
 * How the column's cells were read, as far as pandas needs to know: numbers of a unit, dates written as one
 * number, day-first dates ('13/01/2021', which pandas reads month first), or times written with UTC offsets.
 */
export type TimeReading = 'text' | 'day-first' | 'yyyymmdd' | 'yymmddhh' | 'utc' | 'epoch' | 'epoch-ms' | 'excel-days' | 'iso-week' | 'quarter';

/**
 * The reading of a column of `format` (a datetime plan's dateFormat: 'dmy' once the import decided, or was
 * told with --date-order, that the day comes first; datetime-column.ts); text for every other written date.
 */
export function timeReadingOf(format: DateFormat | undefined): TimeReading {
  if (format === 'dmy') return 'day-first';
  return format === 'epoch' || format === 'epoch-ms' || format === 'excel-days' || format === 'yyyymmdd' || format === 'yymmddhh' || format === 'iso-week' || format === 'quarter' ? format : 'text';
}

/** `index`: the expression for column `name`; `why`: a parenthesis saying why it reads so ('' when plain). */
export function pandasTimeIndex(name: string, reading: TimeReading): { index: string; why: string } {
  const column = pyString(name);
  const datetimes = (args = '') => `df.set_index(pd.to_datetime(df.pop(${column})${args && `, ${args}`}))`;
  switch (reading) {
    // times with UTC offsets that change (+01:00 in winter, +02:00 in summer) stay text in pandas, even with parse_dates
    case 'utc': return { index: datetimes('utc=True'), why: ' (utc=True: pandas reads times with changing UTC offsets only as UTC, as GateLab stores them)' };
    case 'epoch': return { index: datetimes("unit='s'"), why: " (unit='s': the column holds seconds since 1970, which pandas reads as times only with their unit)" };
    case 'epoch-ms': return { index: datetimes("unit='ms'"), why: " (unit='ms': the column holds milliseconds since 1970, which pandas reads as times only with their unit)" };
    case 'excel-days': return { index: datetimes("unit='D', origin='1899-12-30'"), why: " (the column holds Excel's day numbers, which count days from 1899-12-30)" };
    case 'day-first': return { index: datetimes('dayfirst=True'), why: ' (dayfirst=True: the file writes the day before the month, as GateLab read it; pandas reads the month first)' };
    // one whole number per date, which pandas would read as nanoseconds since 1970 without the format
    case 'yyyymmdd': return { index: datetimes("format='%Y%m%d'"), why: " (format='%Y%m%d': the column writes each date as one number, 20240131)" };
    case 'yymmddhh': return { index: datetimes("format='%y%m%d%H'"), why: " (format='%y%m%d%H': the column writes each hour as one number, 14102100)" };
    // ISO weeks ('2020-W01', '2020W01', '2020-W01-3': period-dates.ts), which pandas parses only with %G-%V-%u
    // and a weekday: the dashes dropped and a missing weekday made Monday (1), as the import read them
    case 'iso-week': return {
      index: `df.set_index(pd.to_datetime(df.pop(${column}).str.strip().str.replace('-', '').str.ljust(8, '1'), format='%GW%V%u'))`,
      why: " (format='%GW%V%u': pandas reads ISO weeks such as '2020-W01' only with their format and a weekday; a week without one is its Monday, as GateLab read it)",
    };
    // quarters ('1960Q1', '1960-Q1', 'Q1 1960', '1960 Q3': period-dates.ts): pd.to_datetime fails on the year
    // written last or after a blank ("Unknown string format"), so each is written '1960Q1' and read as a period
    case 'quarter': return {
      index: `df.set_index(pd.PeriodIndex(df.pop(${column}).str.strip().str.upper().str.replace(r'^Q([1-4])[- ]?(\\d{4})$', r'\\2Q\\1', regex=True)`
        + `.str.replace(r'[- ]', '', regex=True), freq='Q').to_timestamp())`,
      why: " (PeriodIndex with freq='Q': pandas reads quarters such as 'Q1 1960' only written '1960Q1'; each quarter is its first day, as GateLab read it)",
    };
    default: return { index: datetimes(), why: '' };
  }
}
