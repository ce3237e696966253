// The numbers written in an expert × class (or × series, × hour) grid's cells: short enough to fit a
// cell. Full-precision values ran into each other in the HTML report ("0.000150.00055"), so a grid whose
// largest value is below 0.1 is written in units of a shared power of ten (1.5 and 5.5, "values × 10⁻⁴"),
// the way a table states its units once.

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

export interface GridNumbers {
  /** One short string per cell, [row][column]: at most 4 characters for values in [0, 1]. */
  cells: string[][];
  /** The shared power of ten the cells are written in (0: as they are). */
  exponent: number;
  /** "values × 10⁻⁴", or null when the cells are the values themselves. */
  unit: string | null;
}

/** `values` ([row][column], shares or weights ≥ 0) as cell text, in a shared power of ten when all are small. */
export function gridNumbers(values: number[][]): GridNumbers {
  const max = Math.max(0, ...values.flat().filter(Number.isFinite).map(Math.abs));
  // the largest value written with one digit before the point (5.5 for 0.00055); 0.1 and up as they are (0.24)
  const exponent = max > 0 && max < 0.1 ? Math.floor(Math.log10(max)) : 0;
  const scale = 10 ** -exponent;
  const text = (v: number): string => {
    if (!Number.isFinite(v)) return '—';
    const s = v * scale;
    if (s === 0) return '0';
    // two decimals for shares (0.24, 1.00), one for the scaled digits (5.5); a tiny non-zero value shows as "<0.01"
    const out = exponent === 0 ? s.toFixed(2) : s.toFixed(1);
    return Number(out) === 0 ? (exponent === 0 ? '<.01' : '<0.1') : out;
  };
  return {
    cells: values.map((row) => row.map(text)),
    exponent,
    unit: exponent ? `values × 10${String(exponent).split('').map((c) => SUPERSCRIPT[c]).join('')}` : null,
  };
}
