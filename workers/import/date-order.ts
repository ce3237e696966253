// Slashed dates read two ways: 01/07/2016 is 1 July (day first, Europe) or 7 January (month first, US).
// Inference picks the order whose time steps are regular (datetime.ts); this module says which order was
// read and how to force the other (a note at import), and applies the order the user forced with
// --date-order (ImportOptions.dateOrder), which wins over inference and over the day-first re-read.
import type { ImportOptions } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import { irregularSteps, lastDate, parseDatetime, type DateFormat } from './datetime';
import { duration } from './time-steps';

export type DateOrder = NonNullable<ImportOptions['dateOrder']>;

const FORMAT_OF: Record<DateOrder, DateFormat> = { dmy: 'dmy', mdy: 'mdy', ymd: 'ymd-slash' };
const LONG_WORDS = { dmy: 'day-first (DD/MM/YYYY)', mdy: 'month-first (MM/DD/YYYY)' } as const;
const SHORT_WORDS = { dmy: 'day-first (DD/MM/YY)', mdy: 'month-first (MM/DD/YY)' } as const;

/**
 * The note for a datetime column of slashed dates whose order was inferred: when every sample read both
 * ways, which order was chosen, why, and the flag for the other; when some first field was above 12
 * ('13/07/2016'), that the dates were read day first. Undefined for other formats.
 */
export function dateOrderNote(name: string, samples: string[], format: DateFormat): string | undefined {
  if (format !== 'mdy' && format !== 'dmy') return undefined;
  const slashed = samples.filter((s) => s.includes('/'));
  if (slashed.length === 0) return undefined;
  // '31/12/20': the order's words say YY, and year first (--date-order ymd) reads four-digit years only
  const short = slashed.some((s) => { parseDatetime(s, format); return lastDate.twoDigitYear; });
  const WORDS = short ? SHORT_WORDS : LONG_WORDS;
  const orYmd = short ? '' : ' or ymd';
  const other = format === 'mdy' ? 'dmy' : 'mdy';
  const bothWays = slashed.every((s) => !Number.isNaN(parseDatetime(s, other)));
  if (!bothWays) {
    if (format !== 'dmy') return undefined;
    const proof = slashed.find((s) => Number(s.split('/')[0]) > 12) ?? slashed[0];
    return `column '${name}': slashed dates read ${WORDS.dmy}, as '${proof.slice(0, 30)}' has no month ${Number(proof.split('/')[0])}. To read them otherwise, import with --date-order mdy${orYmd}`;
  }
  const chosen = irregularSteps(slashed, format), rejected = irregularSteps(slashed, other);
  const why = chosen.count < rejected.count
    ? `its time steps are regular (read ${WORDS[other].split(' ')[0]}, ${rejected.count} of ${rejected.steps} steps would jump, e.g. by ${duration(Math.abs(rejected.largest))})`
    : 'both orders step alike, and month first is the default';
  return `column '${name}': slashed dates such as '${slashed[0].slice(0, 30)}' read either way; read ${WORDS[format]}, since ${why}. To read them ${WORDS[other]}, import with --date-order ${other}`;
}

/** A plan with the date order the user forced: slashed dates read that way only (no inference, no re-read). */
export function withDateOrder(plan: ColumnPlan, order: DateOrder | undefined): ColumnPlan {
  if (!order || plan.kind !== 'datetime' || !(plan.dateFormat === 'mdy' || plan.dateFormat === 'dmy' || plan.dateFormat === 'ymd-slash')) return plan;
  return { ...plan, dateFormat: FORMAT_OF[order], note: undefined, orderGiven: true };
}
