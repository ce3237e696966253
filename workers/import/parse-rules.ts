// Reading rules the importer gained after datasets were already imported with it. A dataset is parsed
// again from its stored original when its types change or its cache is rebuilt; a dataset imported before
// a rule existed must come out of that parse with the columns and rows it has (its runs, splits and roles
// refer to them), so the lab turns the rules it was not imported under off (main/lab/import/parse-rules.ts
// records them with each import). Options without `parseRules` (a new import, a test) get every rule.
import type { ImportOptions } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';

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
}

const EVERY_RULE: ParseRules = { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: true, booleanNames: true };

/** The rules this parse applies: all, unless the options list them (then only those set to true). */
export function parseRulesOf(options: ImportOptions): ParseRules {
  const given = (options as { parseRules?: Partial<ParseRules> }).parseRules;
  if (!given || typeof given !== 'object') return EVERY_RULE;
  return {
    excelDates: given.excelDates === true, combineDateTime: given.combineDateTime === true, skipSummaryRow: given.skipSummaryRow === true,
    floatIds: given.floatIds === true, booleanNames: given.booleanNames === true,
  };
}

/**
 * An inferred Excel-serial plan as the importer read such a column before that rule: plain numbers (the
 * inference's next case, float32: serial days never need float64). A type the user sets now (datetime on
 * such numbers) is read as serial days whatever the rules: it is a new decision, not a column to keep.
 */
export function withExcelDatesRule(plan: ColumnPlan, rules: ParseRules): ColumnPlan {
  if (rules.excelDates || plan.userType || plan.kind !== 'datetime' || plan.dateFormat !== 'excel-days') return plan;
  return { name: plan.name, kind: 'number', dtype: 'float32' };
}
