// Schema inference from sample values: numbers, booleans, datetimes, epoch seconds (when the column
// name says time), identifiers (integer columns named like "user_id" are categories, not quantities, also
// when written '10717.0'), and strings (categorical or text, decided later over the whole file). A user's type always wins.
import type { ColumnType } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import { detectCompactDate, detectDateFormat, isPlausibleEpoch, mostReadDateFormat, isPlausibleEpochMs, dateNameUnder, lastDate, parseDatetime, timeNameUnder, unixTimeName } from './datetime';
import { dateOrderNote } from './date-order';
import { inExcelRange, looksLikeExcelSerials } from './excel-dates';
import { bigIntCodes } from './big-int-codes';
import { shellWord } from '../../common/text/shell-word';
import { looksLikeIdName } from '../../common/data/id-names';
import { MISSING, NAN_INF, OK, isDashRun, isMissingToken, isPandasOnlyMissing, parseBooleanWord, parseNumberString, parsed } from './values';

const FLOAT32_EXACT_INT = 2 ** 24;
/** The command that retypes a column read as codes to int; ID is named by whoever shows the note (dataset-in-advice.ts). */
const asInt = (name: string) => `gatelab datasets types ID ${shellWord(`${name}=int`)}`;
/** '00717', '02134': a leading zero that numbers would lose (not '0', not '0.5'). */
const LEADING_ZERO = /^\s*[+-]?0\d/;
/** '10717.0': a whole number with a zero fraction, as pandas writes an integer column that has a missing value. */
const ZERO_FRACTION = /^\s*[+-]?\d+\.0+\s*$/;

/** What inference may use beyond the types themselves (rules a dataset imported earlier did not have: parse-rules.ts). */
export interface InferRules {
  /** Whole numbers written '10717.0' in an id-named column are ids (categorical), like '10717'. */
  floatIds?: boolean;
  /** Dates with two-digit years ('31/12/20') are dates; false only for a dataset imported before (parse-rules.ts). */
  twoDigitYears?: boolean;
  /** Times with AM/PM ('1:05 PM') are dates; false only for a dataset imported before (parse-rules.ts). */
  twelveHourTimes?: boolean;
  /** Time words of other languages ('Datum', 'Fecha') name time columns; false only for a dataset imported before (parse-rules.ts). */
  foreignTimeNames?: boolean;
  /** Months '1949-01', quarters '1960Q1', ISO weeks '2019-W02' are dates; false only for a dataset imported before (parse-rules.ts). */
  periodDates?: boolean;
  /** US long dates 'January 01, 2020', 'Jan 1 2020' are dates; false only for a dataset imported before (parse-rules.ts). */
  monthNameDates?: boolean;
  /** Amazon review dates '05 18, 2015' (month day, year) are dates; false only for a dataset imported before (parse-rules.ts). */
  monthDayCommaDates?: boolean;
  /** Epoch numbers under 'unix', 'posix', 'unix_s'... are times (datetime.ts unixTimeName); false only for a dataset imported before. */
  unixTimeNames?: boolean;
  /** Whole numbers beyond 2^53 in a column not named like an id are exact categories (big-int-codes.ts); false only for a dataset imported before (parse-rules.ts). */
  bigIntCodes?: boolean;
  /** '---' and other dash runs in a number column are missing readings (values.ts isDashRun); false only for a dataset imported before (parse-rules.ts). */
  dashRuns?: boolean;
  /** '#NA', '-nan', '1.#IND' (pandas' missing cells) in a number column are missing (values.ts isPandasOnlyMissing); false only for a dataset imported before. */
  pandasMissingCells?: boolean;
}

export function inferKind(name: string, samples: string[], userType?: ColumnType, rules: InferRules = { floatIds: true }): ColumnPlan {
  const present = samples.filter((s) => !isMissingToken(s));
  if (userType) return planFor(name, userType, present);
  if (present.length === 0) return { name, kind: 'string', dtype: 'int32' };

  // '---' beside numbers is a missing reading (values.ts isDashRun); a sample of dash runs alone stays text, as an empty one does
  // so are pandas' '#NA', '-nan', '1.#IND' (values.ts isPandasOnlyMissing)
  const numbers = present.filter((s) => !(rules.dashRuns !== false && isDashRun(s)) && !(rules.pandasMissingCells !== false && isPandasOnlyMissing(s)));
  let numeric = numbers.length > 0, integral = true, bigInts = false, zeroOne = true;
  // every value whole, some written '10717.0' (pandas' float copy of an int column with a NaN in it)
  let wholeWritten = true, zeroFraction: string | undefined;
  const seen01 = new Set<number>();
  for (const s of numbers) {
    const v = parseNumberString(s);
    if (parsed.status !== OK && parsed.status !== NAN_INF && parsed.status !== MISSING) { numeric = false; break; }
    if (parsed.status !== OK) continue;
    if (!parsed.integral) {
      integral = false;
      if (ZERO_FRACTION.test(s)) zeroFraction ??= s.trim(); else wholeWritten = false;
    }
    if (Math.abs(v) > FLOAT32_EXACT_INT) bigInts = true;
    if (v === 0 || v === 1) seen01.add(v); else zeroOne = false;
  }
  if (numeric) {
    if (integral && zeroOne && seen01.size === 2) return { name, kind: 'boolean', dtype: 'int32' };
    if (integral && looksLikeIdName(name)) {
      return { name, kind: 'string', dtype: 'int32', identifier: true, note: `column '${name}': whole numbers named like an id, read as categorical (ids, not amounts); set its type to int if they are quantities (${asInt(name)})` };
    }
    if (rules.floatIds && wholeWritten && zeroFraction !== undefined && looksLikeIdName(name)) {
      // As floats they would be scaled into one numeric input, each id a point on a line; the '.0' is
      // dropped as the values are read (coded-column.ts), so that '10717.0' and '10717' are one id.
      const whole = zeroFraction.replace(/\.0+$/, '');
      return {
        name, kind: 'string', dtype: 'int32', identifier: true, zeroFraction: true,
        note: `column '${name}': whole numbers written with '.0' (e.g. '${zeroFraction}', as pandas writes an integer column that has missing values) named like an id, read as categorical (ids, not amounts; '${zeroFraction}' and '${whole}' are the same id); set its type to int if they are quantities (${asInt(name)})`,
      };
    }
    const big = integral && rules.bigIntCodes !== false ? bigIntCodes(name, numbers) : null;
    if (big) return big;
    const zero = integral ? numbers.find((s) => LEADING_ZERO.test(s)) : undefined;
    if (zero !== undefined) {
      return { name, kind: 'string', dtype: 'int32', identifier: true, note: `column '${name}': whole numbers with leading zeros (e.g. '${zero.trim()}') read as categorical, as codes (zip, FIPS, product codes) keeping their zeros; set its type to int if they are quantities (${asInt(name)})` };
    }
    const foreign = rules.foreignTimeNames !== false;
    const compact = integral && dateNameUnder(name, foreign) ? detectCompactDate(numbers) : null;
    if (compact) return { name, kind: 'datetime', dtype: 'float64', dateFormat: compact };
    // epoch seconds or milliseconds, whole or with fractions (1467331200.123), when the name says time
    const timeName = timeNameUnder(name, foreign);
    const epoch = timeName || (rules.unixTimeNames !== false && unixTimeName(name)) ? epochUnit(numbers.map(Number), integral) : null;
    if (epoch) return { name, kind: 'datetime', dtype: 'float64', dateFormat: epoch };
    // 42552.041667: a spreadsheet's serial date (excel-dates.ts; its note is written by the datetime column)
    if (timeName && looksLikeExcelSerials(numbers.map(Number))) return { name, kind: 'datetime', dtype: 'float64', dateFormat: 'excel-days' };
    return { name, kind: 'number', dtype: bigInts || numbers.some((s) => Math.abs(Number(s)) > 3.4e38) ? 'float64' : 'float32' };
  }
  if (present.every((s) => parseBooleanWord(s) >= 0)) return { name, kind: 'boolean', dtype: 'int32' };
  const trimmed = present.map((s) => s.trim());
  const dateFormat = detectDateFormat(trimmed, rules);
  const shortYears = rules.twoDigitYears === false && (dateFormat === 'mdy' || dateFormat === 'dmy')
    && trimmed.some((s) => { parseDatetime(s, dateFormat); return lastDate.twoDigitYear; });
  // before AM/PM was read, one such time in the sample left the column text
  const amPm = rules.twelveHourTimes === false && dateFormat !== null && trimmed.some((s) => { parseDatetime(s, dateFormat); return lastDate.twelveHour; });
  if (dateFormat && !shortYears && !amPm) return { name, kind: 'datetime', dtype: 'float64', dateFormat, note: dateOrderNote(name, trimmed, dateFormat) };
  if (present.every((s) => /^\s*\[[^\]]*\]\s*$/.test(s))) {
    const dims = new Set(present.map((s) => s.replace(/[[\]]/g, '').split(/[,;\s]+/).filter((p) => p !== '').length));
    const allNumbers = present.every((s) => s.replace(/[[\]]/g, '').split(/[,;\s]+/).filter((p) => p !== '').every((p) => !Number.isNaN(Number(p)) || /^nan$/i.test(p)));
    if (dims.size === 1 && allNumbers) return { name, kind: 'vector', dtype: 'float32', dim: [...dims][0] };
  }
  return { name, kind: 'string', dtype: 'int32' };
}

/**
 * Whether numbers are Unix times: whole seconds 1973-2100 or milliseconds, as before; with fractions only
 * 2001-2100 (1e9..4.1e9 s, 1e12..4.1e12 ms), since a fractional time-named column below that is more
 * likely elapsed seconds than a date.
 */
function epochUnit(values: number[], integral: boolean): 'epoch' | 'epoch-ms' | null {
  if (integral) {
    if (values.every(isPlausibleEpoch)) return 'epoch';
    if (values.every(isPlausibleEpochMs)) return 'epoch-ms';
    return null;
  }
  if (values.every((v) => v >= 1e9 && v <= 4.1e9)) return 'epoch';
  if (values.every((v) => v >= 1e12 && v <= 4.1e12)) return 'epoch-ms';
  return null;
}

/** A month-first datetime plan turned day first, when an earlier pass met a date only day first reads. */
export function withDayFirst(plan: ColumnPlan, dayFirst: ReadonlySet<string>): ColumnPlan {
  // the note on the month-first guess gives way to the re-read's own (run.ts)
  return plan.kind === 'datetime' && plan.dateFormat === 'mdy' && dayFirst.has(plan.name) ? { ...plan, dateFormat: 'dmy', note: undefined } : plan;
}

/** The date forms read before any of the later ones (DateReadings). */
const CLASSIC_ONLY = { periodDates: false, monthNameDates: false, monthDayCommaDates: false } as const;

/** The plan for a type the user chose. Datetimes still need their format found in the sample. */
export function planFor(name: string, type: ColumnType, present: string[]): ColumnPlan {
  switch (type) {
    case 'int': case 'float':
      return { name, kind: 'number', dtype: present.some((s) => Math.abs(Number(s)) > FLOAT32_EXACT_INT) ? 'float64' : 'float32', userType: type };
    case 'categorical': case 'text':
      return { name, kind: 'string', dtype: 'int32', userType: type };
    case 'boolean':
      return { name, kind: 'boolean', dtype: 'int32', userType: type };
    case 'datetime': {
      // the forms read before months, quarters, weeks and 'Jan 1, 2020' first, so a column of them reads as it did;
      // only a column where none reads so tries those (an old dataset's such column: parse-rules.ts withLaterRules)
      const classic = present.filter((s) => detectDateFormat([s.trim()], CLASSIC_ONLY) !== null);
      const parsable = classic.length > 0 ? classic : present.filter((s) => detectDateFormat([s.trim()]) !== null);
      const numbers = present.length > 0 && present.every((s) => Number.isFinite(Number(s)));
      // whole numbers: compact dates (20240131, 14102100) when every one reads so, else epoch seconds or ms
      // numbers 20000-80000 as epoch seconds would all fall on 1970-01-01: Excel serial days when they step
      // regularly or have fractions (hours); whole numbers in no order stay seconds, with the before-1975 note
      const serial = present.every((s) => inExcelRange(Number(s))) && (looksLikeExcelSerials(present.map(Number)) || present.some((s) => !Number.isInteger(Number(s))));
      const epoch = serial ? 'excel-days'
        : present.every((s) => Math.abs(Number(s)) >= 1e11 && Math.abs(Number(s)) <= 4.1e12) ? 'epoch-ms' : 'epoch';
      // dates in two forms (one '2024-03-04 03:00' among day-first '01/03/2024 00:00'): the form most of them
      // take, so the odd ones are the bad values; the first form that read any one value made all the rest bad
      const written = parsable.map((s) => s.trim()), rules = classic.length > 0 ? CLASSIC_ONLY : {};
      const dateFormat = numbers ? detectCompactDate(present) ?? epoch : detectDateFormat(written, rules) ?? mostReadDateFormat(written, rules) ?? 'iso';
      return { name, kind: 'datetime', dtype: 'float64', dateFormat, userType: type };
    }
    case 'vector': {
      const first = present[0] ?? '';
      const dim = first.replace(/[[\]]/g, '').split(/[,;\s]+/).filter((p) => p !== '').length || 1;
      return { name, kind: 'vector', dtype: 'float32', dim, userType: type };
    }
  }
}
