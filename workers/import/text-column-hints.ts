// Text and categorical columns that are almost something else, said after the whole file is read (the
// sniffed sample decided their type): numbers with a few cells like 'ERR' or 'n/v' among them (a logger's
// error marks, which make the column categorical and a model learn 'ERR' as one more load level), and dates
// with two-digit years ('25.12.20 00:00', Excel's short date) that stayed text because they do not read one
// way (year first as well, or day first in some rows and month first in others: datetime.ts reads the rest),
// and date-times followed by a zone name ('2021-03-28 03:00 CEST': zone-name-times.ts), or numbers with a
// unit word ('10+ years', ' 36 months': unit-numbers.ts), or dates with a few odd cells (odd-date-cells.ts).
// Also takes back the note on line 2 of units-row.ts once the columns it names are numbers after all. Keys
// are not numbers with marks: ISBNs ending in the check digit 'X' ('034545104X' among '0195153448'), or any
// column named like an id or code, get an info note at most, never the advice to drop their odd values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDictionary, type CachedColumn } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import type { Validation } from './validation';
import { BAD, isMissingToken, parseNumberString, parsed } from './values';
import { parseDatetime, readsBetterYearFirst, writesAmPm, type DateFormat } from './datetime';
import { looksLikeIdName } from '../../common/data/id-names';
import { zoneNameHint } from './zone-name-times';
import { unitNumbersHint } from './unit-numbers';
import { oddDateCellsHint } from './odd-date-cells';

/** Dictionaries larger than this are not read back (free text of that size is no column of numbers or dates). */
const MAX_DISTINCT = 200_000;
/**
 * "Numbers with a few marks": at most this share of the distinct values are not numbers, or, in a column
 * of more than 2 × MAX_MARKS distinct values, fewer than half are (a logger writing 'E101' … 'E140' among
 * hundreds of readings is still a column of numbers). A short list needs the low share: codes mix words
 * and digits ('A', 'B', '1', '2', '3') and are categories. The note quotes at most MAX_MARKS of them.
 */
const MARK_SHARE = 0.05;
const MAX_MARKS = 10;
const mostlyNumbers = (marks: number, distinct: number) => marks <= MARK_SHARE * distinct || (distinct > 2 * MAX_MARKS && 2 * marks < distinct);
/** Share of the distinct values that must be short-year dates. */
const DATE_SHARE = 0.95;

/** '25.12.20', '25.12.20 00:15', '3/7/21 8:05:00': day, month (either order) and a two-digit year, an optional time. */
const SHORT_YEAR_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/**
 * Numbers as people write them, thousands separators (also the spaces and apostrophes of
 * formatted-number.ts OTHER_THOUSANDS) and a decimal comma included ('1.234,5', '0,5', '1\u202f234,5'),
 * or in an accounting negative's parentheses ('(1,234.50)').
 */
const NUMBER_WRITTEN = String.raw`[+-]?(?:\d+|\d{1,3}(?:[ .,'\u00a0\u202f\u2019]\d{3})+)(?:[.,]\d+)?`;
const WRITTEN_NUMBER = new RegExp(`^(?:${NUMBER_WRITTEN}|\\(${NUMBER_WRITTEN}\\))$`);

function isNumber(value: string): boolean {
  const v = value.trim();
  parseNumberString(v);
  return parsed.status !== BAD || WRITTEN_NUMBER.test(v);
}

function isShortYearDate(value: string): boolean {
  const m = SHORT_YEAR_DATE.exec(value.trim());
  if (!m) return false;
  const a = +m[1], b = +m[3];
  const dayMonth = (d: number, mo: number) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
  return (dayMonth(a, b) || dayMonth(b, a)) && (m[5] === undefined || (+m[5] <= 24 && +m[6] <= 59));
}

const quoted = (xs: string[]) => xs.map((x) => `'${x.slice(0, 20)}'`).join(', ');

/**
 * Notes on the text/categorical columns of a finished import (`columns`, written to `dir`), and the units
 * note taken back where it no longer holds (the columns it names were typed as numbers).
 */
export function noteTextColumns(dir: string, columns: readonly CachedColumn[], plans: readonly ColumnPlan[], v: Validation): void {
  const units = unitsNoteColumns(v, columns);
  const rowOneData = /^row 1 read as data/.test(v.issue('note', null, 'header')?.message ?? '');
  if (units && !units.some((name) => isText(columns.find((c) => c.name === name)))) v.remove('note', null, 'units-row');
  columns.forEach((col, i) => {
    const plan = plans[i];
    if (!isText(col) || plan.userType !== undefined || !col.dictionaryFile) return;
    const distinct = col.stats.cardinality ?? 0;
    if (distinct < 2 || distinct > MAX_DISTINCT) return;
    const dictionary = decodeDictionary(readFileSync(join(dir, col.dictionaryFile), 'utf8'), col.dictionaryFile);
    const values = dictionary.filter((x) => !isMissingToken(x));
    if (values.length < 2) return;
    const dates = values.filter(isShortYearDate);
    if (dates.length > 0 && dates.length >= DATE_SHARE * values.length) {
      v.warn(col.name, col.stats.count, shortYearMessage(col.name, dates[0], plan.fourDigitYears ? null : shortYearDoubt(dates)), 'short-year-dates');
      return;
    }
    if (!plan.noTwelveHourTimes && twelveHourHint(col.name, values, v)) return;
    if (zoneNameHint(col.name, values, col.stats.count, v)) return;
    // '10+ years', ' 36 months': its 'n/a' is missing in a new import, a category of a dataset imported before
    // pandas' missing cells (kept in the list: the note says it becomes missing)
    if (unitNumbersHint(col.name, dictionary, col.stats.count, v)) return;
    const marks = values.filter((x) => !isNumber(x));
    if (marks.length === 0) return;
    // not numbers with marks: maybe dates with a few odd cells ('31/02/2024', 'unknown'), which also make it
    // text; one after the sample has its `retyped` warning already, naming its line
    if (!mostlyNumbers(marks.length, values.length)) {
      const missingNumbers = columns.some((c) => (c.type === 'float' || c.type === 'int') && c.stats.missing > 0);
      if (!v.issue('retyped', col.name)) oddDateCellsHint(col.name, values, v, missingNumbers);
      return;
    }
    // line 2's unit ('kW') is named by the units note already, and a lone odd cell in a file whose row 1 was
    // doubtfully read as data is most likely that row's (its note offers --header yes): not said twice
    const said = (units?.includes(col.name) || rowOneData) && marks.length === 1;
    const key = said ? null : keyReading(col.name, values, marks);
    if (key) v.addCounted('note', col.name, marks.length, key, 'key-marks');
    else if (!said) v.warn(col.name, marks.length, marksMessage(col.name, marks), 'number-marks');
  });
}

const TEXT_DATE_FORMATS: DateFormat[] = ['iso', 'ymd-slash', 'dmy-mon', 'mdy', 'dmy'];

/**
 * A column of 12-hour times ('9/1/2023 1:05 PM') that stayed text because a few cells do not read as one
 * ('13:05 PM', 'ERR' among them in the sample): names them and why, since the column looks like a time
 * index to the user. Returns whether it warned.
 */
function twelveHourHint(name: string, values: string[], v: Validation): boolean {
  const clock = values.filter(writesAmPm);
  if (clock.length < DATE_SHARE * values.length) return false;
  const bad = values.filter((x) => TEXT_DATE_FORMATS.every((f) => Number.isNaN(parseDatetime(x.trim(), f))));
  if (bad.length === 0 || bad.length > MAX_MARKS) return false;
  const why = bad.some(writesAmPm) ? ': with AM/PM the hour is 1–12, 12 AM being midnight' : '';
  const them = bad.length === 1 ? 'it' : 'them';
  v.warn(name, bad.length, `column '${name}': times on the 12-hour clock, but ${bad.length === 1 ? '1 value does' : `${bad.length} values do`} not read as one (${quoted(bad)}${why}), so the column stays text. `
    + `Correct ${them} in the file and import it again, or set the column's type to datetime (then ${them} ${bad.length === 1 ? 'is a bad value' : 'are bad values'}, handled by the --on-invalid policy)`, 'twelve-hour-text');
  return true;
}

const isText = (c: CachedColumn | undefined) => c !== undefined && (c.type === 'categorical' || c.type === 'text');

/**
 * The columns the units-row note says line 2 made categorical ("line 2 has text (kW) in column 'pv' …"), or
 * null when there is no such note. Its list shows each name quoted and cut to 20 characters.
 */
function unitsNoteColumns(v: Validation, columns: readonly CachedColumn[]): string[] | null {
  const note = v.issue('note', null, 'units-row')?.message;
  const list = note && /^line 2 has text \(/.test(note) ? /\) in columns? (.*?) whose other rows/.exec(note)?.[1] : undefined;
  if (list === undefined) return null;
  return columns.filter((c) => list.includes(`'${c.name}'`.slice(0, 20))).map((c) => c.name);
}

/** Why short-year dates the importer reads elsewhere stayed text here, in words. */
function shortYearDoubt(dates: string[]): string {
  const trimmed = dates.map((d) => d.trim());
  if (trimmed.some((d) => /^\d{1,2}-/.test(d))) return "written with '-', they could be year first (YY-MM-DD) as well as day or month first";
  const order = (['dmy', 'mdy'] as const).find((f) => trimmed.every((d) => !Number.isNaN(parseDatetime(d, f))));
  if (order && readsBetterYearFirst(trimmed, order)) return "read year first (YY/MM/DD), they step more regularly than day or month first, so which is meant cannot be told";
  return 'they do not all read in one order: some only day first, others only month first (or dotted with one-digit days or months)';
}

/** `doubt`: why they do not read one way; null for a dataset imported before two-digit years were read (parse-rules.ts). */
function shortYearMessage(name: string, example: string, doubt: string | null): string {
  const why = doubt === null ? 'which this dataset was imported without reading as dates' : `that do not read one way: ${doubt}`;
  return `column '${name}' holds dates with two-digit years (such as '${example.trim()}', Excel's short date format) ${why}. So it is text, and forecasting cannot use it as its time column. `
    + `Save the file with four-digit years (in Excel, format the column as dd.mm.yyyy hh:mm, or TT.MM.JJJJ hh:mm in German, then save as CSV) and import it again`;
}

/** 'isbn', 'ISBN-13', 'code', 'zip_code', 'productCode', 'barcode': names of codes that looksLikeIdName does not cover. */
const CODE_NAME = /^isbn|code$/i;
/** '034545104X': digits and a check digit 'X' (ISBN-10, ISSN), as long as the column's numbers. */
const CHECK_DIGIT_X = /^\d+[xX]$/;

/**
 * Why a column of numbers with a few other values holds keys, as an info note; null when it does not. Its
 * odd values are then ids as much as the numbers are: the advice to type it float and drop them would lose
 * those rows (about one ISBN-10 in eleven ends in 'X') and make every other id a point on a line.
 */
function keyReading(name: string, values: string[], marks: string[]): string | null {
  const eg = `'${marks[0].trim().slice(0, 20)}'`;
  const odd = new Set(marks);
  const lengths = new Set(values.filter((x) => !odd.has(x)).map((x) => x.trim()).map((x) => (/^\d+$/.test(x) ? x.length : -1)));
  if (!lengths.has(-1) && marks.every((m) => CHECK_DIGIT_X.test(m.trim()) && lengths.has(m.trim().length))) {
    return `column '${name}' holds codes of digits, ${marks.length === 1 ? 'one of them' : `${marks.length.toLocaleString('en-US')} of them`} ending in a check digit 'X' (such as ${eg}, as ISBNs are written), so it is read as categorical keys`;
  }
  if (looksLikeIdName(name) || CODE_NAME.test(name.trim())) {
    return `column '${name}' is named like an id or code, so its values, numbers and others (such as ${eg}), are read as categorical keys`;
  }
  return null;
}

function marksMessage(name: string, marks: string[]): string {
  const n = marks.length;
  const shown = n > MAX_MARKS ? `${quoted(marks.slice(0, MAX_MARKS))} and ${(n - MAX_MARKS).toLocaleString('en-US')} more` : quoted(marks);
  return `column '${name}' is numbers except ${n === 1 ? 'the value' : `${n.toLocaleString('en-US')} values`} ${shown}, so it is read as categories and a model learns ${n === 1 ? 'it' : 'them'} as levels beside the numbers. `
    + `If ${n === 1 ? 'it marks a bad or missing reading' : 'they mark bad or missing readings'}, set the type (--types ${name}=float) with --on-invalid drop (their rows are left out) or --on-invalid impute (filled with the column mean)`;
}
