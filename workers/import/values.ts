// Reading single values: numbers straight from bytes (no string for the common case), the tokens that
// mean "missing", booleans, and datetimes in the formats people actually write.
import { DASH_RUN_PATTERN, NUMBER_MISSING_TOKENS, PANDAS_MISSING_CELLS } from '../../common/data/missing-cells';

export const OK = 0, MISSING = 1, NAN_INF = 2, BAD = 3;
/** Status of the last parseNumber call (a module field, so the hot loop allocates nothing). */
export const parsed = { status: OK, integral: true };

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exactly representable up to 1e22

const MISSING_TOKENS = new Set(NUMBER_MISSING_TOKENS);
const NAN_TOKENS = new Set(['inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity']);

/** True for the tokens that mean "no value" (NaN counts as missing, not as a number). */
export const isMissingToken = (s: string) => MISSING_TOKENS.has(s.trim().toLowerCase());

/**
 * '--', '---', '----': two or more dashes alone, as weather-station exports (Davis WeatherLink) write a missing
 * reading. parseNumber leaves them BAD: only number columns read them as missing (number-column.ts; the type
 * sniffers skip them through isMissingNumber), and only under the dashRuns rule (a dataset imported before it
 * reads them as text again: parse-rules.ts). Category columns keep them as categories, as pandas does.
 */
const DASH_RUN = new RegExp(DASH_RUN_PATTERN);
export const isDashRun = (s: string) => DASH_RUN.test(s);

/** A cell of a text table's underline under its header (`-----`, `=====`): units-row.ts skips such a line 2. */
export const isUnderlineCell = (s: string) => DASH_RUN.test(s) || /^[ \t]*={2,}[ \t]*$/.test(s);

/**
 * pandas' missing cells that are no missing token here ('#NA', '#N/A N/A', '-nan', '-NaN', '1.#IND', '1.#QNAN'...),
 * compared exactly as pandas does: missing in a number column under the pandasMissingCells rule (number-column.ts;
 * the type sniffers skip them through isMissingNumber). A dataset imported before it read them as text.
 */
const PANDAS_ONLY_MISSING = new Set(PANDAS_MISSING_CELLS.filter((c) => !MISSING_TOKENS.has(c.trim().toLowerCase())));
export const isPandasOnlyMissing = (s: string) => PANDAS_ONLY_MISSING.has(s);

/**
 * A missing value in a column that may hold numbers: a missing token, a dash run unless `dashRuns` is false, or
 * one of pandas' other missing cells unless `pandasCells` is false.
 */
export const isMissingNumber = (s: string, dashRuns = true, pandasCells = true) => isMissingToken(s) || (dashRuns && isDashRun(s)) || (pandasCells && isPandasOnlyMissing(s));

/**
 * Parses a decimal number in b[s..e) (surrounding blanks allowed). Sets parsed.status to OK, MISSING
 * (a missing token, 'NaN' included), NAN_INF (an infinity or an overflow: value returned) or BAD. Up to
 * 15 significant digits with |exp10| <= 22 the result is exact (Clinger's fast path: one correctly
 * rounded multiply/divide); anything longer goes through Number().
 */
export function parseNumber(b: Uint8Array, s: number, e: number): number {
  // fast path for the common shape -?digits(.digits)? with at most 15 digits: one pass, exact
  let i = s, neg = false, mant = 0, c = 0;
  if (i < e && b[i] === 45) { neg = true; i++; }
  const intStart = i;
  while (i < e && (c = b[i] - 48) >= 0 && c <= 9) { mant = mant * 10 + c; i++; }
  let digits = i - intStart, frac = 0, dot = false;
  if (i < e && b[i] === 46) {
    dot = true;
    const fracStart = ++i;
    while (i < e && (c = b[i] - 48) >= 0 && c <= 9) { mant = mant * 10 + c; i++; }
    frac = i - fracStart;
    digits += frac;
  }
  if (i === e && digits > 0 && digits <= 15) {
    parsed.status = OK;
    parsed.integral = !dot;
    const v = frac > 0 ? mant / POW10[frac] : mant;
    return neg ? -v : v;
  }
  return parseNumberGeneral(b, s, e);
}

/** The full grammar: blanks, a sign, exponents, long mantissas, and the special tokens. */
function parseNumberGeneral(b: Uint8Array, s: number, e: number): number {
  while (s < e && (b[s] === 32 || b[s] === 9)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  let i = s, neg = false, c = b[i];
  if (c === 45) { neg = true; i++; } else if (c === 43) i++;
  let mant = 0, sig = 0, exp = 0, digits = 0, slow = false, integral = true;
  while (i < e) {
    c = b[i] - 48;
    if (c < 0 || c > 9) break;
    if (sig < 15) { mant = mant * 10 + c; if (mant !== 0) sig++; } else { slow = true; exp++; }
    digits++; i++;
  }
  if (i < e && b[i] === 46) {
    integral = false; i++;
    while (i < e) {
      c = b[i] - 48;
      if (c < 0 || c > 9) break;
      if (sig < 15) { mant = mant * 10 + c; exp--; if (mant !== 0) sig++; } else if (c !== 0) slow = true;
      digits++; i++;
    }
  }
  if (digits > 0 && i < e && (b[i] === 101 || b[i] === 69)) {
    integral = false; i++;
    let eneg = false, ev = 0, edigits = 0;
    if (i < e && (b[i] === 45 || b[i] === 43)) { eneg = b[i] === 45; i++; }
    while (i < e) {
      c = b[i] - 48;
      if (c < 0 || c > 9) break;
      if (ev < 100000) ev = ev * 10 + c;
      edigits++; i++;
    }
    if (edigits === 0) digits = 0;
    exp += eneg ? -ev : ev;
  }
  if (digits === 0 || i !== e) return special(b, s, e);
  parsed.status = OK;
  parsed.integral = integral;
  if (slow || exp > 22 || exp < -22) {
    const v = Number(latin1(b, s, e));
    if (!Number.isFinite(v)) parsed.status = NAN_INF; // 1e400 overflows float64
    return v;
  }
  const v = exp >= 0 ? mant * POW10[exp] : mant / POW10[-exp];
  return neg ? -v : v;
}

function special(b: Uint8Array, s: number, e: number): number {
  parsed.integral = false;
  if (e - s > 12) { parsed.status = BAD; return NaN; }
  const t = latin1(b, s, e).toLowerCase();
  // 'NaN' is how pandas writes a missing number: counted as missing, never also as a NaN/infinity warning
  if (MISSING_TOKENS.has(t)) { parsed.status = MISSING; return NaN; }
  if (NAN_TOKENS.has(t)) { parsed.status = NAN_INF; return t.startsWith('-') ? -Infinity : Infinity; }
  parsed.status = BAD;
  return NaN;
}

export function latin1(b: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]);
  return out;
}

/** Parses a number from a string (JSON Lines, Parquet strings, inference samples); same statuses. */
export function parseNumberString(s: string): number {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) { parsed.status = isMissingToken(s) ? MISSING : BAD; return NaN; }
    bytes[i] = c;
  }
  return parseNumber(bytes, 0, bytes.length);
}

const TRUE_TOKENS = new Set(['true', 't', 'yes', 'y']);
const FALSE_TOKENS = new Set(['false', 'f', 'no', 'n']);
/** 1, 0, or -1 when the token is not a boolean word (0/1 digits are handled by the caller). */
export function parseBooleanWord(s: string): number {
  const t = s.trim().toLowerCase();
  if (TRUE_TOKENS.has(t)) return 1;
  if (FALSE_TOKENS.has(t)) return 0;
  return -1;
}
