// The reading rules an import was parsed under, recorded with each dataset (see ParseRules). Its own module so
// the cache's format (dataset-cache.ts, which re-exports it) stays one file's read; the list grows with the importer.
/**
 * Reading rules the importer gained after datasets were already imported with it. The lab records the set a
 * dataset was parsed under in its import options (`parseRules`) and passes it back when it parses the file
 * again (a type change, a damaged cache rebuilt), so the dataset keeps its columns and rows. One interface
 * for the lab (main/lab/import/parse-rules.ts) and the worker (workers/import/parse-rules.ts): a rule added
 * to one side only would record as off and replay wrongly.
 */
export interface ParseRules {
  /** Numbers 20000-80000 stepping regularly in a time-named column are Excel serial days (excel-dates.ts). */
  excelDates: boolean;
  /** A date-only column followed by a time-of-day column gets each row's time added (date-time-pair.ts). */
  combineDateTime: boolean;
  /** A trailing Total/Sum/Mean row holding the column aggregates is skipped (summary-rows.ts). */
  skipSummaryRow: boolean;
  /** Whole numbers written '10717.0' in an id-named column are categorical ids (infer.ts). */
  floatIds: boolean;
  /**
   * Row 1's 'y', 't', 'yes'... are names unless their column holds such words; a file whose only line is
   * distinct words is a header with no data rows (header.ts).
   */
  booleanNames: boolean;
  /** Dates with two-digit years ('31/12/20', '12/31/20', '31.12.20') are datetimes, years as %y (datetime.ts). */
  twoDigitYears: boolean;
  /** A trailing Total/Sum/Average row is skipped under category columns too (summary-rows.ts). */
  categorySummaryRows: boolean;
  /** In a decimal-comma column the user typed int, '1.444' is 1444 (dot-reading.ts). */
  intDotThousands: boolean;
  /** Times on the 12-hour clock ('9/1/2023 1:05 PM') are datetimes, 12 AM as 00 (datetime.ts); a column typed datetime reads them regardless. */
  twelveHourTimes: boolean;
  /** A 1-D/2-D .npy array is one column per matrix column (column_1..), not one vector column named after the dataset (npy.ts). */
  npyColumns: boolean;
  /**
   * The header guess reads row 2 on as the import does, with the file's number marks: '12,5' in a ';' file and
   * '1.234,50 €' are numbers, so a headerless file's row 1 of such numbers is data, not names (header.ts).
   */
  headerNumberMarks: boolean;
  /**
   * Thousands grouped by a space, NBSP, narrow NBSP or apostrophe ('1 234,50', "1'234.50") are numbers; space
   * grouping only with more evidence in the column (formatted-number.ts), so '157 592 990' ids stay categories.
   */
  otherThousands: boolean;
  /** '(1,234.50)' is -1234.5 when the column also has decimals, thousands separators or a currency (formatted-number.ts). */
  accountingNegatives: boolean;
  /** Time words of other languages name time columns ('Datum', 'Fecha', 'heure'; 'data'/'ora' only as the whole name) (datetime.ts). */
  foreignTimeNames: boolean;
  /** Months '1949-01', quarters '1960Q1', ISO weeks '2019-W02' are datetimes, each its first day (period-dates.ts). */
  periodDates: boolean;
  /** US long dates 'January 01, 2020', 'Jan 1 2020' are datetimes (datetime.ts 'mdy-mon'). */
  monthNameDates: boolean;
  /** Epoch times under 'unix', 'posix', 'unix_s', 'epoch_seconds' are datetimes (datetime.ts unixTimeName). */
  unixTimeNames: boolean;
  /** The Unicode minus U+2212 ('−1.23', Nordic exports) is a minus sign in numbers (formatted-number.ts). */
  unicodeMinus: boolean;
  /** Columns aligned by runs of spaces/tabs (UCI housing.data) are sniffed as the delimiter 'whitespace' (whitespace-columns.ts). */
  whitespaceColumns: boolean;
  /** Lines starting with '#' before the header or first row are skipped as comments (preamble.ts). */
  commentLines: boolean;
  /** Excel's first line 'sep=;' sets the delimiter and is skipped (preamble.ts). */
  sepLine: boolean;
  /** A time-of-day column beside a date column may write the day's last hour '24:00': the next day's 00:00 (date-time-pair.ts). */
  endOfDayTimes: boolean;
  /** Lines above the table with fewer fields than it ('Station: Musterstadt;;;', a report title) are skipped (title-lines.ts). */
  titleLines: boolean;
  /** The one space after each delimiter of UCI adult's ', ' is not part of the value (initial-spaces.ts). */
  initialSpaces: boolean;
  /** Int columns year, month, day[, hour[, minute]] of a table with no datetime column compose a datetime column 'time' (time-parts.ts). */
  timeParts: boolean;
  /** Whole numbers beyond 2^53 in a column not named like an id are exact categories, not rounded numbers (big-int-codes.ts). */
  bigIntCodes: boolean;
  /** '--', '---' (dashes alone, as Davis WeatherLink writes a missing reading) are missing in number columns (workers/import/values.ts isDashRun). */
  dashRuns: boolean;
  /**
   * A date-only time column whose dates repeat, beside a whole-number column named like the hour of the day
   * ('hr', 'hour' 0-23), composes a datetime column 'time' of both (UCI Bike Sharing's dteday + hr: date-hour-time.ts).
   */
  dateHourColumns: boolean;
  /** A time-of-day column beside a date column may write its times with dots, '18.00.00' (UCI Air Quality: date-time-pair.ts). */
  dottedTimes: boolean;
  /** Lines of only delimiters (';;;;') at the end of a delimited file are skipped, not rows (empty-trailing-rows.ts). */
  emptyTrailingRows: boolean;
  /** Amazon review dates '05 18, 2015', '5 8, 2015' (month, day, comma, four-digit year) are datetimes (datetime.ts 'mdy-comma'). */
  monthDayCommaDates: boolean;
  /**
   * Category, text and boolean columns read all of pandas' default na_values as missing ('n/a', 'None', '#NA',
   * '-nan'...: common/data/missing-cells.ts PANDAS_MISSING_CELLS), not only GateLab's first list (MISSING_CELLS);
   * number columns read '#NA', '-nan', '1.#IND' so too (workers/import/values.ts isPandasOnlyMissing).
   */
  pandasMissingCells: boolean;
}

/** A rule set with each rule on or off as `on` says: the one place that lists them (the compiler checks it against ParseRules). */
export function parseRulesWith(on: (rule: keyof ParseRules) => boolean): ParseRules {
  return { excelDates: on('excelDates'), combineDateTime: on('combineDateTime'), skipSummaryRow: on('skipSummaryRow'), floatIds: on('floatIds'), booleanNames: on('booleanNames'),
    twoDigitYears: on('twoDigitYears'), categorySummaryRows: on('categorySummaryRows'), intDotThousands: on('intDotThousands'),
    twelveHourTimes: on('twelveHourTimes'), npyColumns: on('npyColumns'), headerNumberMarks: on('headerNumberMarks'),
    otherThousands: on('otherThousands'), accountingNegatives: on('accountingNegatives'), foreignTimeNames: on('foreignTimeNames'),
    periodDates: on('periodDates'), monthNameDates: on('monthNameDates'), unixTimeNames: on('unixTimeNames'), unicodeMinus: on('unicodeMinus'),
    whitespaceColumns: on('whitespaceColumns'), commentLines: on('commentLines'), sepLine: on('sepLine'), initialSpaces: on('initialSpaces'),
    timeParts: on('timeParts'), bigIntCodes: on('bigIntCodes'), titleLines: on('titleLines'), endOfDayTimes: on('endOfDayTimes'),
    dashRuns: on('dashRuns'), dateHourColumns: on('dateHourColumns'), dottedTimes: on('dottedTimes'),
    emptyTrailingRows: on('emptyTrailingRows'), monthDayCommaDates: on('monthDayCommaDates'),
    pandasMissingCells: on('pandasMissingCells') };
}

export const PARSE_RULE_NAMES = Object.keys(parseRulesWith(() => true)) as Array<keyof ParseRules>;
