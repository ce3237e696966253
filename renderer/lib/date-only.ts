// Dates without a time of day when there is none to show. The lab sends datetimes as 'YYYY-MM-DD HH:MM:SS'
// (UTC, main/lab/lab/cells.ts), so a file of dates ("2021-01-01") read "2021-01-01 00:00:00 … 2023-12-31
// 00:00:00" in Schema and "… 00:00:00" on every Preview row. One rule for both: the time goes when every
// value shown is at midnight and the column's statistics allow that every value is (both ends at midnight,
// no more distinct times than days in between: common/data/date-only.ts, which `gatelab datasets show` follows
// too). Hourly data keeps its times, at midnight too. This file reads the lab's datetime text for that rule.
import type { ColumnInfo } from '../../common/lab-api';
import { mayHoldDatesOnly as endsMayHoldDatesOnly } from '../../common/data/date-only';
import { formatRange } from './format';

const AT_MIDNIGHT = /^(\d{4}-\d{2}-\d{2}) 00:00:00(?:\.0+)?$/;

const midnightDate = (v: unknown): string | null => (typeof v === 'string' ? (AT_MIDNIGHT.exec(v)?.[1] ?? null) : null);

/** Whether every value that is there (null: none) is a datetime at midnight, and at least one is there. */
export function allAtMidnight(values: readonly unknown[]): boolean {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  return present.length > 0 && present.every((v) => midnightDate(v) !== null);
}

/** `text` without its midnight time ('2021-01-01 00:00:00' → '2021-01-01'); any other text as it is. */
export const withoutMidnight = (text: string): string => midnightDate(text) ?? text;

type DatetimeStats = Pick<ColumnInfo, 'type' | 'min' | 'max' | 'distinct' | 'numberValues'>;

/**
 * Whether a column's statistics allow that it holds dates only: a datetime column whose first and last
 * values are at midnight and whose distinct times (counted by the importer, when it did) are no more than
 * the days from the first to the last.
 */
export function mayHoldDatesOnly(c: DatetimeStats): boolean {
  if (c.type !== 'datetime') return false;
  const midnightMs = (v: unknown) => {
    const date = midnightDate(v);
    return date === null ? NaN : Date.parse(`${date}T00:00:00Z`);
  };
  return endsMayHoldDatesOnly({ minMs: midnightMs(c.min), maxMs: midnightMs(c.max), distinct: c.numberValues?.distinct ?? c.distinct });
}

/** A column's two ends as the schema shows them: a dates-only column's without their time, others by formatRange. */
export function columnRange(c: DatetimeStats & { min: NonNullable<ColumnInfo['min']> }): [string, string] {
  const max = c.max ?? c.min;
  if (mayHoldDatesOnly({ ...c, max })) return [withoutMidnight(String(c.min)), withoutMidnight(String(max))];
  return formatRange(c.min, max);
}
