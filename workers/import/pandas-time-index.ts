// The pandas expression that makes a time column the frame's DatetimeIndex, read as GateLab read it, for the
// import's advice to resample a series with gaps (time-steps.ts). pandas' resample() needs a DatetimeIndex
// ("Only valid with DatetimeIndex"), and numbers are no times to pandas without their unit: set_index on a
// column of epoch seconds gives an Int64Index, even when read with parse_dates.
import type { DateFormat } from './datetime';

/** How the column's cells were read, as far as pandas needs to know: numbers of a unit, or times written with UTC offsets. */
export type TimeReading = 'text' | 'utc' | 'epoch' | 'epoch-ms' | 'excel-days';

/** The reading of a column of `format` (a datetime plan's dateFormat); text for every written date. */
export function timeReadingOf(format: DateFormat | undefined): TimeReading {
  return format === 'epoch' || format === 'epoch-ms' || format === 'excel-days' ? format : 'text';
}

/** `index`: the expression for column `name`; `why`: a parenthesis saying why it reads so ('' when plain). */
export function pandasTimeIndex(name: string, reading: TimeReading): { index: string; why: string } {
  const column = `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const datetimes = (args: string) => `df.set_index(pd.to_datetime(df.pop(${column}), ${args}))`;
  switch (reading) {
    // times with UTC offsets that change (+01:00 in winter, +02:00 in summer) stay text in pandas, even with parse_dates
    case 'utc': return { index: datetimes('utc=True'), why: ' (utc=True: pandas reads times with changing UTC offsets only as UTC, as GateLab stores them)' };
    case 'epoch': return { index: datetimes("unit='s'"), why: " (unit='s': the column holds seconds since 1970, which pandas reads as times only with their unit)" };
    case 'epoch-ms': return { index: datetimes("unit='ms'"), why: " (unit='ms': the column holds milliseconds since 1970, which pandas reads as times only with their unit)" };
    case 'excel-days': return { index: datetimes("unit='D', origin='1899-12-30'"), why: " (the column holds Excel's day numbers, which count days from 1899-12-30)" };
    default: return { index: `df.set_index(${column})`, why: '' };
  }
}
