// Reading rules the importer gained after datasets were already imported with it. A dataset is parsed
// again from its stored original when its types change or its cache is rebuilt; a dataset imported before
// a rule existed must come out of that parse with the columns and rows it has (its runs, splits and roles
// refer to them), so the lab turns the rules it was not imported under off (main/lab/import/parse-rules.ts
// records them with each import). Options without `parseRules` (a new import, a test) get every rule.
import { parseRulesWith, type ImportOptions, type ParseRules } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';

export type { ParseRules } from '../../common/dataset-cache';

const EVERY_RULE = parseRulesWith(() => true);

/** The rules this parse applies: all, unless the options list them (then only those set to true). */
export function parseRulesOf(options: ImportOptions): ParseRules {
  const given = (options as { parseRules?: Partial<ParseRules> }).parseRules;
  if (!given || typeof given !== 'object') return EVERY_RULE;
  return parseRulesWith((rule) => given[rule] === true);
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
