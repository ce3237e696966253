// Numbers written with a unit word: LendingClub's `emp_length` ('10+ years', '< 1 year', '3 years', 'n/a') and
// `term` (' 36 months'), a trip's '12 km'. They are no numbers to the importer, so the column is categorical
// and a model learns '3 years' and '4 years' as unrelated levels. Reading the number out is the user's call
// (is '10+ years' 10? is '< 1 year' 0 or 1?), so the import says how, as an info note, and reads nothing itself.
import { pyString } from '../../common/text/python-string';
import type { Validation } from './validation';

/** Unit words after a number, singular or plural, any case. */
const UNIT_WORDS = [
  'years?', 'yrs?', 'months?', 'mos?', 'weeks?', 'wks?', 'days?', 'hours?', 'hrs?', 'minutes?', 'mins?', 'seconds?', 'secs?',
  'km', 'kms', 'cm', 'mm', 'm', 'miles?', 'mi', 'kg', 'kgs', 'g', 'lbs?', 'pounds?', 'l', 'ml', 'kwh', 'kw', 'w', '%', 'percent',
].join('|');
/**
 * A number and a unit word: an optional '<', '>', '<=', '>=' or '~' before it (LendingClub's '< 1 year'), an
 * optional '+' after it ('10+ years'), spaces around (' 36 months'). Group 1 holds the number.
 */
const NUMBER_WITH_UNIT = new RegExp(String.raw`^\s*(?:[<>]=?|~)?\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:${UNIT_WORDS})\.?\s*$`, 'i');
/** Share of the distinct values that must be numbers with a unit word ('n/a' among eleven lengths is fine). */
const UNIT_SHARE = 0.8;

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x.slice(0, 20)}'`).join(', ');

/**
 * An info note on categorical column `name` whose distinct `values` (as the dictionary holds them) are mostly
 * numbers with a unit word, with the pandas line that reads the numbers out (`count`: the column's filled
 * cells). Returns whether it noted.
 */
export function unitNumbersHint(name: string, values: readonly string[], count: number, v: Validation): boolean {
  const matched = values.filter((x) => NUMBER_WITH_UNIT.test(x));
  if (matched.length < 2 || matched.length < UNIT_SHARE * values.length) return false;
  const others = values.filter((x) => !NUMBER_WITH_UNIT.test(x));
  // '10+ years' shows the problem best: an example with a '+' or a '<' first, else the first value
  const examples = [...matched.filter((x) => /[+<>~]/.test(x)), ...matched.filter((x) => !/[+<>~]/.test(x))].slice(0, 2);
  const fractions = matched.some((x) => NUMBER_WITH_UNIT.exec(x)![1].includes('.'));
  const column = `df[${pyString(name)}]`;
  const line = `${column} = ${column}.str.extract(r'(${fractions ? String.raw`\d+(?:\.\d+)?` : String.raw`\d+`})', expand=False).astype(float)`;
  const bounded = matched.find((x) => /^\s*(?:[<>]=?|~)/.test(x));
  const caveats = [
    bounded ? `${quoted([bounded])} reads as ${NUMBER_WITH_UNIT.exec(bounded)![1]}` : null,
    others.length ? `${quoted(others.slice(0, 3))}${others.length > 3 ? ' and others' : ''} without a number ${others.length === 1 ? 'becomes' : 'become'} missing` : null,
  ].filter((x): x is string => x !== null);
  v.addCounted('note', name, count, `column '${name}' holds numbers with words (${quoted(examples)}), so it is read as categories. `
    + `To use them as numbers, keep the numbers alone and import the file again, e.g. pandas: \`${line}\`${caveats.length ? ` (${caveats.join('; ')})` : ''}`, 'unit-numbers');
  return true;
}
