// One number notation per table (knockout tables in `gatelab knockout`, the gate report and the app): a
// column where -0.000001098, -2.085e-7 and 0.0001184 sit together cannot be scanned. Fixed-point, every
// number with the same decimals, so a column's points line up and 0.0001 never sits beside 1e-7.

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

/**
 * The formatter of a table holding `values`: 4 decimals, or more so the smallest non-zero number keeps two
 * significant digits, at most 6. A number too small for those decimals keeps its sign and says it is not
 * zero: a mean-knockout delta of -2.8e-8 reads "-0.000000 (< 1e-6)", where it read "0.000000" as if the
 * knockout changed nothing at all, and its interval [-3.2e-8, -2.4e-8] "[-0.000000, -0.000000]", below 0,
 * where it read as if it held 0 (audit G6). Only an exact 0 reads "0.000000".
 */
export function tableNotation(values: readonly number[]): TableFormat {
  const smallest = Math.min(...values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs));
  const decimals = Number.isFinite(smallest) ? Math.min(6, Math.max(4, Math.ceil(-Math.log10(smallest)) + 1)) : 4;
  const zero = (0).toFixed(decimals);
  /** [the number, whether it is a non-zero number its decimals show as 0] */
  const fixed = (v: number): [string, boolean] => {
    if (!Number.isFinite(v)) return [String(v), false];
    if (v === 0) return [zero, false]; // -0 too: no "-0.0000"
    const text = v.toFixed(decimals);
    return /^-?0\.0*$/.test(text) ? [`${v < 0 ? '-' : ''}${zero}`, true] : [text, false];
  };
  const note = (v: number) => (fixed(v)[1] ? `(< 1e-${decimals})` : '');
  const format = (v: number) => {
    const [text, tiny] = fixed(v);
    return tiny ? `${text} ${note(v)}` : text;
  };
  return Object.assign(format, { short: (v: number) => fixed(v)[0], note });
}
