// Whether a datetime column holds dates without a time of day, as far as its statistics tell: one rule for
// the app's Schema and Preview (renderer/lib/date-only.ts) and `gatelab datasets show` (main/cli/dataset-report.ts),
// which printed a file of dates as '2021-01-01 00:00 .. 2021-01-05 00:00' while the app wrote '2021-01-01 … 2021-01-05'.
// Only the ends and a count are stored, so the rule is: both ends at midnight (UTC, as the lab stores times)
// and no more distinct times than days from the first to the last. Hourly data keeps its times, at midnight too.

export const DAY_MS = 86_400_000;

/** A datetime column's ends in milliseconds since 1970 (UTC) and its distinct times (null: not counted). */
export interface DatetimeEnds {
  minMs: number;
  maxMs: number;
  distinct: number | null | undefined;
}

const atMidnight = (ms: number) => Number.isFinite(ms) && ms % DAY_MS === 0;

/**
 * Whether the column may hold dates only: both ends at midnight and its distinct times, when the importer
 * counted them, no more than the days they span (a dataset imported before they were counted: its ends decide).
 */
export function mayHoldDatesOnly({ minMs, maxMs, distinct }: DatetimeEnds): boolean {
  if (!atMidnight(minMs) || !atMidnight(maxMs)) return false;
  const days = Math.round((maxMs - minMs) / DAY_MS) + 1;
  return distinct === null || distinct === undefined || distinct <= days;
}

/** '2021-01-05' for a time in milliseconds (UTC): a date-only column's end as both faces write it. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
