// The rules a type change's list of columns read under every rule decides: checked against the importer's own
// reading (workers/import/parse-rules.ts), so a rule added there that reads listed columns differently must be
// named here too, or an old dataset's type change would skip finding its list and refuse or change its data.
import { describe, expect, it } from 'vitest';
import { PARSE_RULE_NAMES, parseRulesWith, type ParseRules } from '../../../common/dataset-cache';
import { withExcelDatesRule, withLaterRules } from '../../../workers/import/parse-rules';
import type { ColumnPlan } from '../../../workers/import/column-writer';
import { RULES_THE_LIST_DECIDES, listDecidesNothing } from './retyped-list-rules';

/** Columns the user typed, one of each reading the later rules touch. */
const TYPED: ColumnPlan[] = [
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'excel-days' },
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'mdy' },
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'year-month' },
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'quarter' },
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'mdy-mon' },
  { name: 'c', kind: 'datetime', dtype: 'float64', userType: 'datetime', dateFormat: 'mdy-comma' },
  { name: 'c', kind: 'number', dtype: 'float32', userType: 'float', formatted: { decimalComma: false } },
  { name: 'c', kind: 'number', dtype: 'int32', userType: 'int', decimalComma: true },
];

const read = (plan: ColumnPlan, rules: ParseRules, listed: boolean) => {
  const retyped = new Set(listed ? [plan.name] : []);
  return JSON.stringify(withLaterRules(withExcelDatesRule(plan, rules, retyped), rules, retyped));
};

describe('the rules the retyped list decides', () => {
  it('are exactly those under which a listed column reads otherwise than an unlisted one', () => {
    const decided = PARSE_RULE_NAMES.filter((off) => {
      const rules = parseRulesWith((rule) => rule !== off);
      return TYPED.some((plan) => read(plan, rules, true) !== read(plan, rules, false));
    });
    expect(decided.sort()).toEqual([...RULES_THE_LIST_DECIDES].sort());
  });

  it('matter for a dataset recorded without the Unicode minus, months or month-name dates, not for one without foreign time names', () => {
    expect(listDecidesNothing(parseRulesWith(() => true))).toBe(true);
    for (const off of ['unicodeMinus', 'periodDates', 'monthNameDates', 'monthDayCommaDates', 'otherThousands', 'accountingNegatives', 'excelDates', 'twelveHourTimes'] as const) {
      expect(listDecidesNothing(parseRulesWith((rule) => rule !== off))).toBe(false);
    }
    for (const off of ['foreignTimeNames', 'twoDigitYears', 'intDotThousands'] as const) {
      expect(listDecidesNothing(parseRulesWith((rule) => rule !== off))).toBe(true);
    }
  });
});
