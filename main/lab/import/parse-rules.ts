// Which of the importer's later reading rules a dataset was parsed under. Each new import records them in
// the dataset's import options (`parseRules`); parsing it again (a type change, a damaged cache rebuilt)
// passes them back, so a dataset keeps its columns and rows: an unrelated type change must not combine its
// date and time columns, or turn the Total row its splits skip into data.
// A dataset imported before rules were recorded says nothing, and "nothing" is not "no rules": the Excel-date,
// date+time and Total-row rules (b6660d7) are older than the record (d1888bd). Its rules are found by evidence
// instead (parseAsRecorded, main/lab/datasets/retype.ts): the candidates below, in order, the first that reproduces its cache.
import { PARSE_RULE_NAMES, parseRulesWith, type ImportOptions, type ParseRules } from '../../../common/dataset-cache';

export type { ParseRules } from '../../../common/dataset-cache';

/** Import options as the lab records and replays them. */
export type RecordedImportOptions = ImportOptions & { parseRules?: ParseRules };

/** The rules this importer applies: recorded with every new import. */
export const PARSE_RULES: ParseRules = parseRulesWith(() => true);

/**
 * What a dataset that records no rules may have been read with, most recent importer first: the importer
 * between b6660d7 and d1888bd (Excel dates, date+time, Total row; not yet float ids or boolean names), then
 * the one before any of the rules.
 */
export const UNRECORDED_RULE_CANDIDATES: readonly ParseRules[] = [
  parseRulesWith((rule) => rule === 'excelDates' || rule === 'combineDateTime' || rule === 'skipSummaryRow'),
  parseRulesWith(() => false),
];

/**
 * The rules recorded at a dataset's import (a rule added since, absent from the record, is off: it did not
 * apply then); null when it recorded none, and the caller must find them (UNRECORDED_RULE_CANDIDATES).
 */
export function recordedRules(importOptions: Record<string, unknown>): ParseRules | null {
  const recorded = importOptions.parseRules as Partial<ParseRules> | undefined;
  if (typeof recorded !== 'object' || recorded === null) return null;
  return parseRulesWith((rule) => recorded[rule] === true);
}

/** The rule sets to try for a re-parse, in order: the recorded one alone, or the candidates. */
export function rulesToReparse(importOptions: Record<string, unknown>): readonly ParseRules[] {
  const recorded = recordedRules(importOptions);
  return recorded ? [recorded] : UNRECORDED_RULE_CANDIDATES;
}

/** 'Excel dates, date+time, Total row' / 'none': how a rule set reads in a message. */
export function describeRules(rules: ParseRules): string {
  const words: Record<keyof ParseRules, string> = {
    excelDates: 'Excel dates', combineDateTime: 'date+time', skipSummaryRow: 'Total row', floatIds: 'float ids', booleanNames: 'boolean names',
    twoDigitYears: 'two-digit years', categorySummaryRows: 'Total row under categories', intDotThousands: "int '1.444' as 1444", twelveHourTimes: 'AM/PM times', npyColumns: '.npy matrix as columns',
    headerNumberMarks: 'number marks in the header guess', otherThousands: "thousands by spaces/apostrophes", accountingNegatives: 'accounting negatives',
    foreignTimeNames: 'time names in other languages', periodDates: 'months/quarters/ISO weeks as dates', monthNameDates: "dates 'Jan 1, 2020'",
    unixTimeNames: "epoch times named 'unix'", unicodeMinus: "'−' as minus",
    whitespaceColumns: 'columns by runs of spaces', commentLines: "leading '#' comment lines", sepLine: "Excel's sep= line", initialSpaces: "spaces after ', '",
    timeParts: 'time from year/month/day columns', bigIntCodes: 'integers beyond 2^53 as categories',
    titleLines: 'title lines above the table', endOfDayTimes: "'24:00' beside a date",
    dashRuns: "'---' as a missing number", dateHourColumns: 'time from a date and an hour column',
    dottedTimes: "times '18.00.00' beside a date", emptyTrailingRows: "';;;;' lines at the end skipped",
    monthDayCommaDates: "dates '05 18, 2015'",
    pandasMissingCells: "pandas' missing cells ('n/a', 'None', '#NA')",
  };
  const on = PARSE_RULE_NAMES.filter((rule) => rules[rule]).map((rule) => words[rule]);
  return on.length ? on.join(', ') : 'none';
}
