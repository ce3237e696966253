// One number notation per table (knockout tables in `gatelab knockout`, the gate report and the app): a
// column where -0.000001098, -2.085e-7 and 0.0001184 sit together cannot be scanned. Every number of a table
// is written alike, so a column's points line up and 0.0001 never sits beside 1e-7: fixed decimals for an
// ordinary table, and one shared power of ten ("4.030e-10") for a table whose numbers are all tiny or huge,
// where fixed decimals read every number as 0 (a regression on a ~3e-4 target, MSE 4e-10: audit O4) or as an
// 11-digit integer (MSE 2.4e10).

/** A table's number formatter (tableNotation). */
export interface TableFormat {
  (v: number): string;
  /**
   * The same without the "(< 1e-6)" note, sign kept ("-0.000000"): for an interval's two ends, written
   * beside a delta that carries the note, where "[-0.000000 (< 1e-6), -0.000000 (< 1e-6)]" says it twice.
   */
  short(v: number): string;
  /** What fmt(v) adds after short(v): "(< 1e-6)" for a tiny number, else "" (a column that aligns the numbers writes it apart). */
  note(v: number): string;
}

/** Below this largest |value| a table's numbers are written with a shared power of ten (fixed decimals show 0.000x at best). */
const SMALL = 1e-3;
/** From this largest |value| on, too: 24000000000.0000 cannot be read at a glance. */
const LARGE = 1e6;

/**
 * The formatter of a table holding `values`. An ordinary table: 4 decimals, or more so the smallest non-zero
 * number keeps two significant digits, at most 6. A table whose largest |number| is below 1e-3 or at least
 * 1e6: every number as a mantissa times the largest number's power of ten, e.g. baseline 4.03e-10 and
 * top1 2.11e-9 read "0.403e-9" and "2.110e-9" (3 decimals of the mantissa, more for a smaller one, at most 6).
 * Either way a number too small for the table's decimals keeps its sign and says it is not zero: a
 * mean-knockout delta of -2.8e-8 beside a baseline of 0.05 reads "-0.000000 (< 1e-6)", where it read
 * "0.000000" as if the knockout changed nothing at all, and its interval [-3.2e-8, -2.4e-8]
 * "[-0.000000, -0.000000]", below 0, where it read as if it held 0 (audit G6). Only an exact 0 reads as 0.
 */
export function tableNotation(values: readonly number[]): TableFormat {
  const magnitudes = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const largest = Math.max(...magnitudes);
  const scaled = Number.isFinite(largest) && (largest < SMALL || largest >= LARGE);
  // the shared power of ten: the largest number's, so its mantissa is in [1, 10)
  const exponent = scaled ? Math.floor(Math.log10(largest)) : 0;
  const scale = 10 ** exponent;
  const smallest = Math.min(...magnitudes) / scale;
  const fewest = scaled ? 3 : 4;
  const decimals = Number.isFinite(smallest) ? Math.min(6, Math.max(fewest, Math.ceil(-Math.log10(smallest)) + 1)) : fewest;
  const suffix = scaled ? `e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}` : '';
  const zero = scaled ? '0' : (0).toFixed(decimals);
  /** [the number, whether it is a non-zero number its decimals show as 0] */
  const fixed = (v: number): [string, boolean] => {
    if (!Number.isFinite(v)) return [String(v), false];
    if (v === 0) return [zero, false]; // -0 too: no "-0.0000"
    const text = (v / scale).toFixed(decimals);
    return /^-?0\.0*$/.test(text) ? [`${v < 0 ? '-' : ''}${(0).toFixed(decimals)}${suffix}`, true] : [`${text}${suffix}`, false];
  };
  const note = (v: number) => (fixed(v)[1] ? `(< 1e${exponent - decimals < 0 ? '-' : '+'}${Math.abs(exponent - decimals)})` : '');
  const format = (v: number) => {
    const [text, tiny] = fixed(v);
    return tiny ? `${text} ${note(v)}` : text;
  };
  return Object.assign(format, { short: (v: number) => fixed(v)[0], note });
}
