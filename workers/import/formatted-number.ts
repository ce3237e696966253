// Numbers written for people rather than programs: thousands separators ('1,619.5', and as other locales
// write them: '1 234,50' with a space, NBSP or narrow NBSP, Swiss "1'234.50"), accounting negatives in
// parentheses ('(1,234.50)' is -1234.5), percentages ('77%') and currency symbols ('$14.05', '14,05 €'). A
// column whose sampled values all read as numbers once these are removed is a number column, and the
// import says what was removed (a percentage is kept as the number written: 77% is 77, not 0.77). A user's
// int/float type reads them too.
import type { ColumnPlan } from './column-writer';
import { decimalCommaProof, type FileAwarePlan, type FileNumbers } from './decimal-comma';
import { laterReadingsOf } from './formatted-reading';
import { isMissingNumber } from './values';

export const CURRENCIES = '$€£¥';

/**
 * Thousands separators read in any file besides the format's own ',' or '.': a space, a no-break space
 * (U+00A0) and a narrow no-break space (U+202F), as French, Swedish or Polish spreadsheets write them, and
 * an apostrophe (' or U+2019), as Swiss ones do. None of them is ever a decimal mark, so they are read the
 * same way whatever the decimal mark; like ',' and '.', only between groups of three digits after a lead
 * of one to three, and one separator throughout a number ('1 234 567', not '1 234.567').
 */
export const OTHER_THOUSANDS = [' ', '\u00a0', '\u202f', "'", '\u2019'];

export interface Formatted {
  value: number;
  thousands: boolean;
  percent: boolean;
  currency: string;
  /** The thousands separator the number was written with ('' when none). */
  separator: string;
  /** Written as an accounting negative: '(1,234.50)'. */
  parenthesized: boolean;
  /** Written with a decimal fraction ('40 347,64'). */
  fraction: boolean;
  /** Digit groups before the decimal mark: 3 for '157 592 990', 1 for '950' or '4500'. */
  groups: number;
  /** Signed with the Unicode minus U+2212 ('−1.23'), as Swedish and other Nordic exports write negatives. */
  unicodeMinus: boolean;
}

/**
 * Which of the later readings a column's values get (ParseRules, parse-rules.ts): both, unless the dataset
 * was imported before them and this parse does not type the column anew (withLaterRules sets these).
 */
export interface FormattedReading {
  /** The separators of OTHER_THOUSANDS are not read: '1 234' is not a number. */
  noOtherThousands?: boolean;
  /** Parentheses are not read: '(5)' is not a number. */
  noAccountingNegatives?: boolean;
  /** The Unicode minus is not read: '−1.23' is not a number. */
  noUnicodeMinus?: boolean;
  /** Dash runs are not missing: '---' is not a number, so it makes the column text (values.ts isDashRun). */
  noDashRuns?: boolean;
  /** pandas' '#NA', '-nan', '1.#IND' are not missing: not numbers, so they make the column text (values.ts isPandasOnlyMissing). */
  noPandasMissingCells?: boolean;
}

/** U+2212, the typographic minus sign: a '-' wherever a number's sign may stand. */
const UNICODE_MINUS = '\u2212';

const OTHER = "[ \u00a0\u202f'\u2019]";
// sign, currency, sign, digits (grouped by 3 with one separator, or not), fraction, currency, percent; blanks allowed between
const numberPattern = (group: string, decimal: string, sign: string) => new RegExp(
  `^(${sign}?)\\s*([$€£¥]?)\\s*(${sign}?)((?:[1-9]\\d{0,2}(${group})\\d{3}(?:\\5\\d{3})*)|\\d+)?(\\${decimal}\\d+)?\\s*([$€£¥]?)\\s*(%?)$`);
const patternsWith = (sign: string) => ({
  point: numberPattern(`,|${OTHER}`, '.', sign), comma: numberPattern(`\\.|${OTHER}`, ',', sign),
  // as the importer read them before OTHER_THOUSANDS (a dataset recorded without otherThousands)
  pointOnly: numberPattern(',', '.', sign), commaOnly: numberPattern('\\.', ',', sign),
});
const PATTERNS = patternsWith(`[-+${UNICODE_MINUS}]`);
// as the importer read them before the Unicode minus (a dataset recorded without unicodeMinus)
const ASCII_SIGN_PATTERNS = patternsWith('[-+]');
/** '(1,234.50)', '($5)', '(12,5 %)': an accounting negative, its number inside the parentheses. */
const PARENTHESES = /^\(\s*([^()]*?)\s*\)$/;

/**
 * The number in `s` with its formatting removed, or null. `decimalComma`: ',' is the decimal mark and '.'
 * groups thousands (files separated by ';'); otherwise '.' is the decimal mark and ',' groups thousands
 * (only in groups of three after a non-zero lead, so '0,867' is never read as 867). Either way the
 * separators of OTHER_THOUSANDS group thousands too, and a number in parentheses is negative.
 */
export function parseFormatted(s: string, decimalComma: boolean, reading: FormattedReading = {}): Formatted | null {
  const t = s.trim();
  const inner = reading.noAccountingNegatives ? null : PARENTHESES.exec(t);
  if (inner) {
    const f = parseFormatted(inner[1], decimalComma, reading);
    // a sign inside the parentheses ('(-5)') says something else than an accounting negative
    if (!f || f.parenthesized || /^[-+\u2212]|^[$€£¥]\s*[-+\u2212]/.test(inner[1])) return null;
    return { ...f, value: -f.value, parenthesized: true };
  }
  const p = reading.noUnicodeMinus ? ASCII_SIGN_PATTERNS : PATTERNS;
  const pattern = reading.noOtherThousands ? (decimalComma ? p.commaOnly : p.pointOnly) : (decimalComma ? p.comma : p.point);
  const m = pattern.exec(t);
  if (!m) return null;
  const [, sign1, cur1, sign2, int, sep, frac, cur2, pct] = m;
  if (!int && !frac) return null;
  if ((sign1 && sign2) || (cur1 && cur2) || (pct && (cur1 || cur2))) return null;
  const separator = sep ?? '';
  const digits = `${(int ?? '0').split(separator || '\0').join('')}${frac ? `.${frac.slice(1)}` : ''}`;
  const minus = (sign: string) => sign === '-' || sign === '\u2212';
  const value = Number(digits) * (minus(sign1) || minus(sign2) ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  const unicodeMinus = sign1 === '\u2212' || sign2 === '\u2212';
  return { value, thousands: separator !== '', percent: pct === '%', currency: cur1 || cur2, separator, parenthesized: false, fraction: frac !== undefined, groups: separator ? int.split(separator).length : 1, unicodeMinus };
}

/** Separators that are one locale's writing of the same thing: the three spaces, the two apostrophes. */
const separatorKind = (sep: string) => (sep === '\u00a0' || sep === '\u202f' ? ' ' : sep === '\u2019' ? "'" : sep);

/** What a column's formatted values had removed (NumberColumn counts them), and the first such value. */
export interface Stripped {
  thousands: number;
  percent: number;
  currency: Set<string>;
  parenthesized?: number;
  unicodeMinus?: number;
  example: string;
}

/**
 * The import's note on a column of formatted numbers, one sentence: what was removed, with counts and an
 * example, then how the removed marks changed the number (a '%' does not: 77% is 77), or null when nothing was.
 */
export function formattedNote(name: string, f: Stripped): string | null {
  const values = (n: number) => `${n.toLocaleString('en-US')} value${n === 1 ? '' : 's'}`;
  const removed: string[] = [];
  const readings: string[] = [];
  if (f.thousands) removed.push(`thousands separators (${values(f.thousands)})`);
  if (f.unicodeMinus) {
    removed.push(`Unicode minus signs '−' (${values(f.unicodeMinus)})`);
    readings.push("'−' is taken as '-': −1.5 is -1.5");
  }
  if (f.parenthesized) {
    removed.push(`accounting parentheses (${values(f.parenthesized)})`);
    readings.push('a number in parentheses is negative: (1,234.50) is -1234.5');
  }
  if (f.percent) {
    removed.push(`'%' (${values(f.percent)})`);
    readings.push('a percentage is kept as the number written: 77% is 77, not 0.77');
  }
  if (f.currency.size) removed.push(`currency symbols ${[...f.currency].map((c) => `'${c}'`).join(', ')}`);
  if (removed.length === 0) return null;
  const what = removed.length === 1 ? removed[0] : `${removed.slice(0, -1).join(', ')} and ${removed[removed.length - 1]}`;
  return `column '${name}': read as numbers with ${what} removed (e.g. '${f.example.slice(0, 30)}')${readings.map((r) => `; ${r}`).join('')}`;
}

/**
 * A sniffed text column whose values are all formatted numbers becomes a number column. One currency
 * symbol at most, and '%' on every value or none (a mix of 5% and 0.05 would be read wrong either way).
 * `file`: what the file's other cells say about its decimal mark (decimal-comma.ts): in a file not
 * separated by ',' that proves decimal commas ('10,5'), '4,935 €' is 4.935 like them.
 */
export function withFormattedNumbers(plan: ColumnPlan & FormattedReading, samples: string[], delimiter: string, file?: FileNumbers): FileAwarePlan & FormattedReading {
  if (plan.kind !== 'string' || plan.identifier || plan.userType !== undefined) return plan;
  const present = samples.filter((s) => s !== undefined && !isMissingNumber(s, !plan.noDashRuns, !plan.noPandasMissingCells));
  if (present.length === 0) return plan;
  // an old dataset's reading (parse-rules.ts withLaterRules) goes with the column into the number reader
  const reading = laterReadingsOf(plan);
  // a ';' file, or one whose cells prove decimal commas, is European first (1.234,50 €), any other file English first (1,234.50)
  const european = delimiter === ';' || (delimiter !== ',' && decimalCommaProof(file) !== null);
  for (const decimalComma of european ? [true, false] : [false, true]) {
    const parsed = present.map((s) => parseFormatted(s, decimalComma, reading));
    if (parsed.some((p) => p === null)) continue;
    const all = parsed as Formatted[];
    const currencies = new Set(all.map((p) => p.currency).filter((c) => c !== ''));
    const percents = all.filter((p) => p.percent).length;
    if (currencies.size > 1 || (percents > 0 && percents < all.length)) return plan;
    // one way of grouping thousands per column: '1 234' beside "5'678" is no one locale's writing
    if (new Set(all.filter((p) => p.thousands).map((p) => separatorKind(p.separator))).size > 1) return plan;
    if (!all.some((p) => p.thousands || p.percent || p.currency || p.parenthesized || p.unicodeMinus)) continue;
    if (!spacesProven(all) || !parenthesesProven(all)) continue;
    // a comma between groups of three in a ',' file, or a dot in a ';' file, must mean thousands
    if (decimalComma && delimiter === ',') return plan;
    // '4,935' in a tab file with no decimal point anywhere: read as a thousand, but the column's cells must prove it
    const unproven = !decimalComma && delimiter !== ',' && !file?.decimalPoint ? { commaUnproven: true } : {};
    return { name: plan.name, kind: 'number', dtype: 'float32', formatted: { decimalComma }, ...unproven, ...reading };
  }
  return plan;
}

/**
 * Numbers grouped by spaces are numbers only with more evidence than the grouping: '157 592 990' is a French
 * company id (SIREN), nine digits in three groups, and so is every value of such a column. A decimal fraction
 * in some value ('40 347,64'), a currency symbol, or numbers of differing sizes (one to three groups: '950',
 * '12 400', '1 250 000') says amounts. Apostrophes (Swiss "1'234") need none: no id is written so.
 */
function spacesProven(all: readonly Formatted[]): boolean {
  if (!all.some((p) => separatorKind(p.separator) === ' ')) return true;
  return all.some((p) => p.fraction || p.currency !== '') || new Set(all.map((p) => p.groups)).size > 1;
}

/**
 * Parentheses are an accounting negative only beside numbers written as amounts: a value outside parentheses
 * with a thousands separator or a decimal fraction, or a currency symbol. '(1)' … '(5)' alone are codes.
 */
function parenthesesProven(all: readonly Formatted[]): boolean {
  if (!all.some((p) => p.parenthesized)) return true;
  return all.some((p) => p.currency !== '' || (!p.parenthesized && (p.thousands || p.fraction)));
}

/** The error hint for a value an int/float column cannot read. */
export const FORMATTED_HINT = `; a number column reads plain numbers (1234.5, -1e3) and also thousands separators (1,234.5), a trailing % (77%) and the currency symbols ${CURRENCIES.split('').join(' ')}; thousands may also be grouped by spaces or apostrophes (1 234.5, 1'234.5), and an accounting negative is in parentheses ((1,234.5))`;
