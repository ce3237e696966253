// Numbers written for people rather than programs: thousands separators ('1,619.5'), percentages ('77%')
// and currency symbols ('$14.05', '14,05 €'). A column whose sampled values all read as numbers once these
// are removed is a number column, and the import says what was removed (a percentage is kept as the
// number written: 77% is 77, not 0.77). A user's int/float type reads them too.
import type { ColumnPlan } from './column-writer';
import { decimalCommaProof, type FileAwarePlan, type FileNumbers } from './decimal-comma';
import { isMissingToken } from './values';

export const CURRENCIES = '$€£¥';

export interface Formatted {
  value: number;
  thousands: boolean;
  percent: boolean;
  currency: string;
}

// sign, currency, sign, digits (grouped by 3 or not), fraction, currency, percent; blanks allowed between
const POINT = /^([-+]?)\s*([$€£¥]?)\s*([-+]?)((?:[1-9]\d{0,2}(?:,\d{3})+)|\d+)?(\.\d+)?\s*([$€£¥]?)\s*(%?)$/;
const COMMA = /^([-+]?)\s*([$€£¥]?)\s*([-+]?)((?:[1-9]\d{0,2}(?:\.\d{3})+)|\d+)?(,\d+)?\s*([$€£¥]?)\s*(%?)$/;

/**
 * The number in `s` with its formatting removed, or null. `decimalComma`: ',' is the decimal mark and '.'
 * groups thousands (files separated by ';'); otherwise '.' is the decimal mark and ',' groups thousands
 * (only in groups of three after a non-zero lead, so '0,867' is never read as 867).
 */
export function parseFormatted(s: string, decimalComma: boolean): Formatted | null {
  const m = (decimalComma ? COMMA : POINT).exec(s.trim());
  if (!m) return null;
  const [, sign1, cur1, sign2, int, frac, cur2, pct] = m;
  if (!int && !frac) return null;
  if ((sign1 && sign2) || (cur1 && cur2) || (pct && (cur1 || cur2))) return null;
  const sep = decimalComma ? '.' : ',';
  const thousands = int !== undefined && int.includes(sep);
  const digits = `${(int ?? '0').split(sep).join('')}${frac ? `.${frac.slice(1)}` : ''}`;
  const value = Number(digits) * (sign1 === '-' || sign2 === '-' ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  return { value, thousands, percent: pct === '%', currency: cur1 || cur2 };
}

/** What was removed from a column's values, for the import's note. */
export function strippedDescription(f: { thousands: number; percent: number; currency: Set<string> }): string {
  const parts: string[] = [];
  const values = (n: number) => `${n.toLocaleString('en-US')} value${n === 1 ? '' : 's'}`;
  if (f.thousands) parts.push(`thousands separators (${values(f.thousands)})`);
  if (f.percent) parts.push(`'%' (${values(f.percent)}; kept as the number written: 77% is 77, not 0.77)`);
  if (f.currency.size) parts.push(`currency symbols ${[...f.currency].map((c) => `'${c}'`).join(', ')}`);
  return parts.join(', ');
}

/**
 * A sniffed text column whose values are all formatted numbers becomes a number column. One currency
 * symbol at most, and '%' on every value or none (a mix of 5% and 0.05 would be read wrong either way).
 * `file`: what the file's other cells say about its decimal mark (decimal-comma.ts): in a file not
 * separated by ',' that proves decimal commas ('10,5'), '4,935 €' is 4.935 like them.
 */
export function withFormattedNumbers(plan: ColumnPlan, samples: string[], delimiter: string, file?: FileNumbers): FileAwarePlan {
  if (plan.kind !== 'string' || plan.identifier || plan.userType !== undefined) return plan;
  const present = samples.filter((s) => s !== undefined && !isMissingToken(s));
  if (present.length === 0) return plan;
  // a ';' file, or one whose cells prove decimal commas, is European first (1.234,50 €), any other file English first (1,234.50)
  const european = delimiter === ';' || (delimiter !== ',' && decimalCommaProof(file) !== null);
  for (const decimalComma of european ? [true, false] : [false, true]) {
    const parsed = present.map((s) => parseFormatted(s, decimalComma));
    if (parsed.some((p) => p === null)) continue;
    const all = parsed as Formatted[];
    const currencies = new Set(all.map((p) => p.currency).filter((c) => c !== ''));
    const percents = all.filter((p) => p.percent).length;
    if (currencies.size > 1 || (percents > 0 && percents < all.length)) return plan;
    if (!all.some((p) => p.thousands || p.percent || p.currency)) continue;
    // a comma between groups of three in a ',' file, or a dot in a ';' file, must mean thousands
    if (decimalComma && delimiter === ',') return plan;
    // '4,935' in a tab file with no decimal point anywhere: read as a thousand, but the column's cells must prove it
    const unproven = !decimalComma && delimiter !== ',' && !file?.decimalPoint ? { commaUnproven: true } : {};
    return { name: plan.name, kind: 'number', dtype: 'float32', formatted: { decimalComma }, ...unproven };
  }
  return plan;
}

/** The error hint for a value an int/float column cannot read. */
export const FORMATTED_HINT = `; a number column reads plain numbers (1234.5, -1e3) and also thousands separators (1,234.5), a trailing % (77%) and the currency symbols ${CURRENCIES.split('').join(' ')}`;
