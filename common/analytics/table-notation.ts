// One number notation per table (knockout tables in `gatelab knockout` and in the gate report): a column
// where -0.000001098, -2.085e-7 and 0.0001184 sit together cannot be scanned. Fixed-point, every number with
// the same decimals, so a column's points line up and 0.0001 never sits beside 1e-7.

/**
 * The formatter of a table holding `values`: 4 decimals, or more so the smallest non-zero number keeps two
 * significant digits, at most 6 (smaller numbers, float noise beside a bootstrap interval, print as 0.000000).
 */
export function tableNotation(values: readonly number[]): (v: number) => string {
  const smallest = Math.min(...values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs));
  const decimals = Number.isFinite(smallest) ? Math.min(6, Math.max(4, Math.ceil(-Math.log10(smallest)) + 1)) : 4;
  return (v) => {
    if (!Number.isFinite(v)) return String(v);
    const text = v.toFixed(decimals);
    return /^-0\.0*$/.test(text) ? text.slice(1) : text; // no "-0.0000"
  };
}
