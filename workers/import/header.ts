// Is the first row of a delimited file a header? Each first-row cell over a typed column (numbers, dates,
// booleans) is evidence: a cell that does not parse as the column's type (a word above numbers, 'date'
// above dates) says "header"; one that parses says "data" — unless it reads like a name that happens to be
// a number. Numeric names are real (Exchange/Electricity: `date,0,1,…,6,OT`; World Bank: `1960,1961,…`),
// so whole numbers in row 1 that step evenly across columns (0,1,2… or 1990,1991…) while row 2 does not,
// or distinct whole numbers above columns of fractions, count as names, not data.
// The columns are read as the import will read them: under the dataset's recorded reading rules (a dataset
// imported before two-digit years or AM/PM were dates had text columns there, and row 1 was judged so; one
// imported before '1 234,50', '(1,234.50)' or '−5' were numbers, or '1949-01' a date, read such a row 1 cell
// as a name, and still does),
// and with the file's decimal mark ('12,5' in a ';' file is a number, so a row 1 of '12,5' is data, not names).
import type { ColumnPlan } from './column-writer';
import { fileNumberEvidence, isDecimalCommaNumber, withDecimalComma, type FileNumbers } from './decimal-comma';
import { parseFormatted, withFormattedNumbers, type FormattedReading } from './formatted-number';
import { inferKind, type InferRules } from './infer';
import { detectDateFormat, lastDate, parseDatetime } from './datetime';
import type { ParseRules } from '../../common/dataset-cache';
import { NAN_INF, OK, isMissingToken, parseBooleanWord, parseNumberString, parsed } from './values';

const SAMPLE_ROWS = 1000;
const WHOLE = /^\s*\d+\s*$/;

export interface HeaderGuess {
  hasHeader: boolean;
  /** Set when the evidence was mixed: what was decided and how to change it. */
  note?: string;
}

/** Whole numbers stepping evenly upward (at least 3 of them): a run of names like 0,1,2 or 1990,1995. */
function evenRun(cells: string[]): boolean {
  if (cells.length < 3 || !cells.every((c) => WHOLE.test(c))) return false;
  const v = cells.map(Number);
  const step = v[1] - v[0];
  return step > 0 && v.every((x, i) => i === 0 || x - v[i - 1] === step);
}

/** At least 90% of the column's values have a fractional part (rates, prices, sensor readings); `comma`: written '12,5'. */
function mostlyFractions(column: string[], comma = false): boolean {
  const present = column.filter((v) => !isMissingToken(v));
  const zero = comma ? /^\s*-?\d+,0*\s*$/ : /^\s*-?\d+\.0*\s*$/;
  return present.length > 0 && present.filter((v) => !WHOLE.test(v) && !zero.test(v)).length >= 0.9 * present.length;
}

/** A boolean written as a word (true, no, t, y...), not as 0/1. */
const booleanWord = (v: string) => parseBooleanWord(v) >= 0;

/**
 * Whether a first-row cell reads as a value of a column of `kind` (inferred from the rows below).
 * `column`: those rows; given, a boolean word ('y', 't', 'no') fits only a column that holds such words,
 * since above 0/1 it is a name (`x,y` over numbers and 0/1 flags), not a value written another way.
 */
export function cellFits(cell: string, kind: string, column?: readonly string[], reading?: ColumnPlan & FormattedReading, rules?: InferRules): boolean {
  const t = cell.trim();
  if (kind === 'number') {
    parseNumberString(t);
    if (parsed.status === OK || parsed.status === NAN_INF) return true;
    // the column's numbers as the import reads them: '12,5' with a decimal comma, '1.234,50 €' formatted
    // (without '1 234' or '(5)' for a dataset imported before those: the plan carries its FormattedReading)
    if (reading?.formatted) return parseFormatted(t, reading.formatted.decimalComma, reading) !== null;
    return reading?.decimalComma === true && isDecimalCommaNumber(t);
  }
  if (kind === 'boolean') return t === '0' || t === '1' || (booleanWord(t) && (column === undefined || column.some(booleanWord)));
  // `rules`: the dataset's, so a date form it predates ('1949-01', 'Jan 1 2020') is a name in its row 1, as then
  if (kind === 'datetime') return dateFits(t, reading, rules);
  return inferKind('', [t], undefined, rules).kind === kind; // a vector: '[1, 2]'
}

/**
 * A first-row cell as a date of its column: as the column's reader reads it (datetime-column.ts), a two-digit
 * year or an AM/PM time is no date for a dataset imported before those were (fourDigitYears, noTwelveHourTimes).
 */
function dateFits(t: string, plan: ColumnPlan | undefined, rules: InferRules | undefined): boolean {
  const format = detectDateFormat([t], rules);
  if (format === null) return false;
  if (!plan?.fourDigitYears && !plan?.noTwelveHourTimes) return true;
  parseDatetime(t, format);
  return !(plan.fourDigitYears && lastDate.twoDigitYear) && !(plan.noTwelveHourTimes && lastDate.twelveHour);
}

/**
 * The readings of a dataset imported before these rules, as flags on its columns' plans (the same flags
 * parse-rules.ts withLaterRules sets for the import itself). A rule left out is on: a new import, a test.
 */
type LaterRules = Partial<Pick<ParseRules, 'twoDigitYears' | 'twelveHourTimes' | 'otherThousands' | 'accountingNegatives' | 'unicodeMinus' | 'dashRuns' | 'pandasMissingCells'>>;
function olderReadings(rules: LaterRules | undefined): Partial<ColumnPlan> & FormattedReading {
  return {
    ...(rules?.twoDigitYears === false ? { fourDigitYears: true } : {}),
    ...(rules?.twelveHourTimes === false ? { noTwelveHourTimes: true } : {}),
    ...(rules?.otherThousands === false ? { noOtherThousands: true } : {}),
    ...(rules?.accountingNegatives === false ? { noAccountingNegatives: true } : {}),
    ...(rules?.unicodeMinus === false ? { noUnicodeMinus: true } : {}),
    ...(rules?.dashRuns === false ? { noDashRuns: true } : {}),
    ...(rules?.pandasMissingCells === false ? { noPandasMissingCells: true } : {}),
  };
}

/** How the import will read the file's columns: the rules it parses under, and the file's delimiter. */
export interface HeaderReading {
  /**
   * Off for a dataset imported before that rule (parse-rules.ts): 'y', 't', 'yes'... in row 1 are names unless
   * the column below holds such words, and a file that is one line of distinct words (`date,x,y`,
   * `timestamp,sales,t`) is a header with no data rows, which the import refuses as such.
   */
  booleanNames?: boolean;
  /**
   * The inference's rules (floatIds, twoDigitYears, twelveHourTimes): a column is typed as the import types it;
   * and the number readings (otherThousands, accountingNegatives, unicodeMinus) and the later date forms
   * (periodDates, monthNameDates): a row 1 cell is read as the import reads it.
   */
  rules?: InferRules & LaterRules;
  /** The file's delimiter: in a file not separated by ',', numbers may be written with a decimal comma (decimal-comma.ts). */
  delimiter?: string;
}

/** A column's reading from the rows below row 1, with the file's decimal mark applied where the import applies it. */
function readingOf(column: string[], reading: HeaderReading, file: FileNumbers | undefined): ColumnPlan & FormattedReading {
  // the older readings go with the plan: withFormattedNumbers types the column by them, cellFits reads row 1 by them
  const plan = { ...inferKind('', column, undefined, reading.rules), ...olderReadings(reading.rules) };
  const d = reading.delimiter;
  if (d === undefined || file === undefined) return plan;
  return withFormattedNumbers(withDecimalComma(plan, column, d, file), column, d, file);
}

export function detectHeader(rows: string[][], reading: HeaderReading = {}): HeaderGuess {
  const { booleanNames = true } = reading;
  if (rows.length === 0) return { hasHeader: false };
  const first = rows[0];
  if (rows.length === 1) {
    // one line only: names, unless a cell is a number or a date (a one-row dataset of words is of no use)
    const word = (c: string) => { const kind = inferKind('x', [c], undefined, reading.rules).kind; return kind === 'string' || (booleanNames && kind === 'boolean' && booleanWord(c)); };
    return { hasHeader: first.every((c) => c.trim() !== '' && word(c)) && new Set(first).size === first.length };
  }
  const body = rows.slice(1, SAMPLE_ROWS);
  const second = rows[1];
  let header = 0, data = 0, numericNames = 0;
  const mismatched: string[] = [];
  // first-row whole numbers over number columns, in column order (candidates for numeric names)
  const wholeCells: number[] = [];
  const fractional: boolean[] = [];
  const file = reading.delimiter === undefined ? undefined : fileNumberEvidence(first.map((_, c) => String(c)), body);
  for (let c = 0; c < first.length; c++) {
    const column = body.map((r) => r[c]).filter((v): v is string => v !== undefined);
    const plan = readingOf(column, reading, file);
    const kind = plan.kind;
    const cell = first[c];
    if (kind === 'string' || cell.trim() === '' || isMissingToken(cell)) continue;
    if (!cellFits(cell, kind, booleanNames ? column : undefined, plan, reading.rules)) {
      // a word above dates is all but certain: a data row rarely breaks its date in row 1 exactly
      header += kind === 'datetime' && /[A-Za-z]/.test(cell) ? first.length : 1;
      mismatched.push(cell);
      continue;
    }
    if (kind === 'number' && WHOLE.test(cell)) { wholeCells.push(c); fractional[c] = mostlyFractions(column, plan.decimalComma === true); } else data++;
  }
  // whole numbers in row 1: names when they step evenly (and row 2 does not), or are distinct above fractions
  const run = evenRun(wholeCells.map((c) => first[c])) && !evenRun(wholeCells.map((c) => second[c] ?? ''));
  const distinct = new Set(wholeCells.map((c) => first[c].trim())).size === wholeCells.length;
  for (const c of wholeCells) {
    if (run || (distinct && wholeCells.length >= 2 && fractional[c])) numericNames++;
    else data++;
  }
  header += numericNames;
  if (header !== data) {
    const hasHeader = header > data;
    const mixed = (header > 0 && data > 0) || numericNames > 0;
    if (!mixed) return { hasHeader };
    const why = hasHeader
      ? `${numericNames > 0 ? `${numericNames} of its cells are numbers read as column names` : ''}${numericNames > 0 && mismatched.length ? '; ' : ''}${mismatched.length ? `${mismatched.length} do not parse as their column's type (e.g. '${mismatched[0].slice(0, 30)}')` : ''}`
      : `${data} of its cells parse as their column's values; ${mismatched.length} do not (e.g. '${mismatched[0]?.slice(0, 30) ?? ''}')`;
    return { hasHeader, note: `row 1 read as ${hasHeader ? 'a header' : 'data'} (${why}); import with --header ${hasHeader ? 'no' : 'yes'} to change` };
  }
  // no typed evidence either way: a header is distinct non-empty names that never reappear below
  const names = new Set(first).size === first.length && first.every((c) => c.trim() !== '');
  const hasHeader = names && first.every((cell, c) => !body.some((r) => r[c] === cell));
  if (header === 0) return { hasHeader };
  return { hasHeader, note: `row 1 read as ${hasHeader ? 'a header' : 'data'} (as many of its cells parse as their column's values as do not); import with --header ${hasHeader ? 'no' : 'yes'} to change` };
}
