// Whole numbers beyond 2^53 (64-bit hashes, snowflake ids, order numbers) in a column whose name does not say
// id: read as numbers they lose their last digits and distinct values merge, silently (a float64 holds every
// whole number only up to 2^53). Such a column is read as categories, exactly as written, as an id-named
// column is (infer.ts); the note says why and how to have numbers instead. Recorded per dataset as the parse
// rule `bigIntCodes`: a dataset imported before reads such a column as numbers again.
import type { ColumnPlan } from './column-writer';

/** Beyond ±2^53 a float64 cannot hold every whole number. */
const MAX_EXACT_INT = BigInt(Number.MAX_SAFE_INTEGER);

/** '1152921504606846977': a whole number written out that a float64 holds only rounded. */
export function beyondFloat64(s: string): boolean {
  const digits = /^\s*[+-]?(\d{16,})\s*$/.exec(s);
  return digits !== null && BigInt(digits[1]) > MAX_EXACT_INT;
}

/** The categorical plan for column `name` of whole numbers, one of which (`example`) is beyond 2^53, or null when none is. */
export function bigIntCodes(name: string, present: readonly string[]): ColumnPlan | null {
  const example = present.find(beyondFloat64)?.trim();
  if (example === undefined) return null;
  const rounded = BigInt(Number(example)).toString();
  return {
    name, kind: 'string', dtype: 'int32', identifier: true,
    note: `column '${name}': whole numbers beyond 2^53 (e.g. '${example}') read as categorical, exactly as written: as numbers they would lose their last digits `
      + `('${example}' would be ${rounded}) and different values could become one. Set its type to float if they are amounts (then rounded to about 16 significant digits)`,
  };
}
