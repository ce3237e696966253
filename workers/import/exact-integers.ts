// JSON.parse rounds every number to a float64, so integers beyond ±2^53 (64-bit ids: 1152921504606846977)
// lose their last digits and distinct ids merge. Node 20 has no JSON.parse source access, so before
// parsing, such integers among a line's top-level values are quoted: they arrive as their exact text
// and are then inferred like the same digits in a CSV (an id column stays categorical, exactly).

/** Beyond ±2^53 a float64 cannot hold every integer. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Cheap pre-check: only a line with a run of 16+ digits can hold an integer beyond 2^53. */
const LONG_DIGITS = /\d{16}/;

/**
 * `line` (one JSON text) with every top-level integer literal beyond ±2^53 wrapped in quotes; the line
 * itself when there is none. Values nested in arrays or objects are left alone (vectors of numbers stay
 * numbers). Strings are skipped by their quotes and escapes; invalid JSON is returned as it was, for
 * JSON.parse to report.
 */
export function quoteUnsafeIntegers(line: string): string {
  if (!LONG_DIGITS.test(line)) return line;
  let out = '', from = 0, depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) { // a string: jump past its closing quote
      for (i++; i < line.length && line.charCodeAt(i) !== 34; i++) if (line.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (depth === 1 && (c === 45 || (c >= 48 && c <= 57))) {
      let j = i + 1;
      while (j < line.length && isNumberChar(line.charCodeAt(j))) j++;
      const literal = line.slice(i, j);
      if (/^-?\d{16,}$/.test(literal) && absBig(literal) > MAX_EXACT) {
        out += `${line.slice(from, i)}"${literal}"`;
        from = j;
      }
      i = j - 1;
    }
  }
  return from === 0 ? line : out + line.slice(from);
}

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
const absBig = (literal: string) => BigInt(literal.startsWith('-') ? literal.slice(1) : literal);
