// Excel's serial dates: a spreadsheet saved as CSV without date formatting writes 2016-07-01 01:00 as
// 42552.041667, days since 1899-12-30 (the 1900 date system, whose day 0 absorbs Lotus's phantom
// 1900-02-29). Read as a float, such a column becomes a feature, or a channel a forecaster predicts (the
// audit's f2 file). A time-named column of such numbers stepping regularly is read as datetimes.

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
/** Serial days of 1954-10-03 .. 2119-01-10: dates of recorded data, and not epoch seconds (1970-01-01 05:33 .. 22:13). */
export const EXCEL_MIN = 20000, EXCEL_MAX = 80000;

/** Epoch seconds of an Excel serial day number (a whole second when within 0.05 s: 6 decimals hold 0.09 s). */
export function excelDaysToEpoch(days: number): number {
  const t = (days - EXCEL_EPOCH_DAYS) * 86400;
  const whole = Math.round(t);
  return Math.abs(t - whole) < 0.05 ? whole : Math.round(t * 1000) / 1000;
}

export const inExcelRange = (v: number) => v >= EXCEL_MIN && v <= EXCEL_MAX;

/**
 * Whether sample numbers are Excel serial dates: all in range, increasing, and most steps (half or more) the
 * same (hourly 0.041667, daily 1, weekly 7), to within a second. Rows out of order or irregular amounts in
 * the range (prices, counts) are not.
 */
export function looksLikeExcelSerials(values: number[]): boolean {
  if (values.length < 3 || !values.every(inExcelRange)) return false;
  const steps = new Map<number, number>();
  for (let i = 1; i < values.length; i++) {
    const step = Math.round((values[i] - values[i - 1]) * 86400);
    if (step <= 0) return false;
    steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  return Math.max(...steps.values()) >= 0.5 * (values.length - 1);
}

/** The note on a column read as Excel serial dates (`min`: its earliest time, epoch seconds), with how to keep the numbers. */
export function excelNote(column: string, min: number): string {
  const serial = Number((min / 86400 + EXCEL_EPOCH_DAYS).toFixed(6));
  const when = new Date(min * 1000).toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, '').replace(/ 00:00$/, '');
  return `column '${column}': numbers read as Excel serial dates (days since 1899-12-30, Excel's 1900 date system): the earliest, ${serial}, is ${when}. `
    + `If they are amounts, not dates, import with --types ${column}=float`;
}
