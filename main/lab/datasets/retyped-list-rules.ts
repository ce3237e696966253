// The reading rules that the list of columns read under every rule (the import option `retypedColumns`,
// workers/import/parse-rules.ts retypedNow) switches on for those columns. A dataset imported with all of them
// on reads alike whatever the list says, so a type change need not find the list by parsing the file first;
// with one of them off, a column typed long ago and one typed by a change read differently ('−1.5' a bad value,
// or -1.5), and only the list that gives back the stored cache will do (retype.ts readingOf).
// twoDigitYears, intDotThousands and foreignTimeNames are not here: they read a column the same way whether
// or not it is on the list.
import type { ParseRules } from '../../../common/dataset-cache';

export const RULES_THE_LIST_DECIDES = [
  'excelDates', 'twelveHourTimes', 'otherThousands', 'accountingNegatives', 'unicodeMinus', 'periodDates', 'monthNameDates',
  'monthDayCommaDates',
] as const satisfies ReadonlyArray<keyof ParseRules>;

/** Whether every rule the list decides was on: then any list reads the dataset alike. */
export function listDecidesNothing(rules: ParseRules): boolean {
  return RULES_THE_LIST_DECIDES.every((rule) => rules[rule]);
}
