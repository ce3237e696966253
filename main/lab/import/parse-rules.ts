// Which of the importer's later reading rules a dataset was parsed under. Each new import records them in
// the dataset's import options (`parseRules`); parsing it again (a type change, a damaged cache rebuilt)
// passes them back, so a dataset imported before a rule existed keeps its columns and rows: an unrelated
// type change must not combine its date and time columns, or drop the Total row its splits count.
// The worker reads the same field (workers/import/parse-rules.ts; the folders cannot share the type).
import type { ImportOptions } from '../../../common/dataset-cache';

export interface ParseRules {
  /** Numbers 20000-80000 stepping regularly in a time-named column read as Excel serial days. */
  excelDates: boolean;
  /** A date column followed by a time-of-day column: each row's time added to its date. */
  combineDateTime: boolean;
  /** A trailing Total/Sum/Mean row holding the column aggregates skipped. */
  skipSummaryRow: boolean;
  /** Whole numbers written '10717.0' in an id-named column read as categorical ids. */
  floatIds: boolean;
  /** Row 1's 'y', 't', 'yes' read as names unless their column holds such words; a file of one line of names is a header. */
  booleanNames: boolean;
}

/** Import options as the lab records and replays them. */
export type RecordedImportOptions = ImportOptions & { parseRules?: ParseRules };

/** The rules this importer applies: recorded with every new import. */
export const PARSE_RULES: ParseRules = { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: true, booleanNames: true };

/**
 * The rules to parse an existing dataset again with: those recorded at its import; none when it recorded
 * none (imported before rules were recorded, so before any of them), and a rule added after its import
 * (absent from what it recorded) is off too.
 */
export function rulesToReparse(importOptions: Record<string, unknown>): ParseRules {
  const recorded = importOptions.parseRules as Partial<ParseRules> | undefined;
  const on = (rule: keyof ParseRules) => typeof recorded === 'object' && recorded !== null && recorded[rule] === true;
  return {
    excelDates: on('excelDates'), combineDateTime: on('combineDateTime'), skipSummaryRow: on('skipSummaryRow'),
    floatIds: on('floatIds'), booleanNames: on('booleanNames'),
  };
}
