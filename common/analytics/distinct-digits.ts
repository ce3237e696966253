// Two numbers shown side by side as a comparison ("10.2 vs 10.2" beside a score of +1.26) must differ when
// they differ: three significant digits hid a difference the score says is large (log frequencies 10.23
// and 10.19 with a small spread). Digits are added until the two read differently.

const sig = (v: number, d: number): string => (Number.isFinite(v) ? Number(v.toPrecision(d)).toString() : String(v));

/**
 * `a` and `b` with at least `digits` significant digits, and more (up to `maxDigits`) until the two strings
 * differ; equal numbers stay at `digits`.
 */
export function distinctPair(a: number, b: number, digits = 3, maxDigits = 8): [string, string] {
  for (let d = digits; d < maxDigits; d++) {
    const x = sig(a, d), y = sig(b, d);
    if (x !== y || a === b) return [x, y];
  }
  return [sig(a, maxDigits), sig(b, maxDigits)];
}
