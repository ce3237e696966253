// Reading rules the importer gained after datasets were already imported with it. A dataset is parsed
// again from its stored original when its types change or its cache is rebuilt; a dataset imported before
// a rule existed must come out of that parse with the columns and rows it has (its runs, splits and roles
// refer to them), so the lab turns the rules it was not imported under off (main/lab/import/parse-rules.ts
// records them with each import). Options without `parseRules` (a new import, a test) get every rule.
import { parseRulesWith, type ImportOptions, type ParseRules } from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import { isLaterFormat } from './datetime';
import type { FormattedReading } from './formatted-number';

export type { ParseRules } from '../../common/dataset-cache';

const EVERY_RULE: ParseRules = parseRulesWith(() => true);

/** The rules this parse applies: all, unless the options list them (then only those set to true). */
export function parseRulesOf(options: ImportOptions): ParseRules {
  const given = (options as { parseRules?: Partial<Record<keyof ParseRules, unknown>> }).parseRules;
  if (!given || typeof given !== 'object') return EVERY_RULE;
  return parseRulesWith((rule) => given[rule] === true);
}

/**
 * The columns whose type this parse sets anew: `retypedColumns`, which the lab's type change
 * (main/lab/datasets/retype.ts) passes beside the dataset's recorded options. Their type is a new decision;
 * every other user type (set at import, or by an earlier change) was read under the recorded rules and is
 * read under them again. Empty for a new import, which applies every rule anyway.
 */
export function retypedNow(options: ImportOptions): ReadonlySet<string> {
  const given: unknown = options.retypedColumns;
  // options arrive over the worker protocol from any caller: a list of names, or nothing retyped
  return new Set(Array.isArray(given) ? given.filter((n): n is string => typeof n === 'string') : []);
}

/**
 * An Excel-serial plan as the importer read such a column before that rule. Inferred: plain numbers (the
 * inference's next case, float32: serial days never need float64). Typed datetime by the user at import or by
 * an earlier type change: epoch seconds, as that importer read numbers in a datetime column (42552.04 was
 * 1970-01-01 11:49), so changing another column's type leaves its values as stored. A column this parse
 * types datetime (`retyped`: retypedNow) is a new decision, read as serial days whatever the rules.
 */
export function withExcelDatesRule(plan: ColumnPlan, rules: ParseRules, retyped: ReadonlySet<string>): ColumnPlan {
  if (rules.excelDates || plan.kind !== 'datetime' || plan.dateFormat !== 'excel-days') return plan;
  if (plan.userType && retyped.has(plan.name)) return plan;
  if (plan.userType) return { ...plan, dateFormat: 'epoch' };
  return { name: plan.name, kind: 'number', dtype: 'float32' };
}

/**
 * A plan with the later rules it is read under: thousands grouped by spaces or apostrophes and accounting
 * negatives not read in a dataset imported before they were (FormattedReading), two-digit years not read as dates (fourDigitYears) for a
 * dataset imported before they were, '1.444' read as 1444 in a column the user typed int, and AM/PM times
 * not read in a dataset imported before they were, unless this parse sets the column's type (`retyped`:
 * retypedNow), so an old dataset's text column of '1:05 PM' times can be retyped datetime without importing
 * it again. A column typed datetime long ago keeps reading them as it did (not at all: its AM/PM cells were
 * bad values, dropped or imputed at import), so changing another column's type leaves its rows as they were.
 * The Unicode minus ('−1.23') and the later date forms of a typed datetime column (withLaterDateForms) likewise.
 */
export function withLaterRules(plan: ColumnPlan, rules: ParseRules, retyped: ReadonlySet<string>): ColumnPlan & FormattedReading {
  const fourDigitYears = rules.twoDigitYears ? {} : { fourDigitYears: true };
  const intDots = rules.intDotThousands && plan.userType === 'int' ? { intDotThousands: true } : {};
  const typedNow = plan.userType !== undefined && retyped.has(plan.name);
  const clock = rules.twelveHourTimes || typedNow ? {} : { noTwelveHourTimes: true };
  // '1 234,50' and '(1,234.50)' were bad values (or text) to the importer before these rules: an old dataset's
  // columns read them so again, unless this parse types the column anew (formatted-number.ts reads the flags)
  const spaces = rules.otherThousands || typedNow ? {} : { noOtherThousands: true };
  const parentheses = rules.accountingNegatives || typedNow ? {} : { noAccountingNegatives: true };
  const minus = rules.unicodeMinus || typedNow ? {} : { noUnicodeMinus: true };
  // '---' was text to the importer before: an old dataset reads it so again, also in a column typed now (so
  // the retyped list need not decide this rule: retyped-list-rules.ts), until it is imported again
  const dashes = rules.dashRuns ? {} : { noDashRuns: true };
  // '#NA', '-nan' were text to it too, likewise (its category columns' 'n/a', 'None' stay: missing-cell-bytes.ts)
  const pandasCells = rules.pandasMissingCells ? {} : { noPandasMissingCells: true };
  return { ...withLaterDateForms(plan, rules, typedNow), ...fourDigitYears, ...intDots, ...clock, ...spaces, ...parentheses, ...minus, ...dashes, ...pandasCells };
}

/**
 * A column the user typed datetime whose cells all read only in a later form (months '1949-01', quarters,
 * ISO weeks, 'Jan 1, 2020', '05 18, 2015'): in a dataset imported before that form, read as its importer read it (ISO, every
 * such cell a bad value), unless this parse types the column anew. Inferred columns never get the form
 * (infer.ts passes the rules to detectDateFormat).
 */
function withLaterDateForms(plan: ColumnPlan, rules: ParseRules, typedNow: boolean): ColumnPlan {
  if (typedNow || plan.userType !== 'datetime' || !isLaterFormat(plan.dateFormat)) return plan;
  const allowed = plan.dateFormat === 'mdy-mon' ? rules.monthNameDates : plan.dateFormat === 'mdy-comma' ? rules.monthDayCommaDates : rules.periodDates;
  return allowed ? plan : { ...plan, dateFormat: 'iso' };
}
