// Categories that are one value written several ways. A label column holding `recommended`,
// `Recommended`, `RECOMMENDED` and `recommended ` is 2 classes to its author but 4+ to a model: as a target
// it makes the accuracy meaningless (the audit's c4 file: 7 classes instead of 2). Ids written `007` in one
// row and `7` in another are one user to the author and two to the embedding table. The importer warns
// (coded-column.ts); a run's data line can say the same about its target (call `caseVariants`).
// Pure TS (no node:*), so workers/run and workers/data may import it too.
import { pyString } from '../../common/text/python-string';

export interface VariantGroup {
  /** The spelling the variants share (trimmed and lower-cased, or without leading zeros). */
  key: string;
  /** The spellings found, most rows first, each with its row count. */
  values: Array<{ value: string; count: number }>;
  /** Rows holding any of the spellings. */
  rows: number;
}

/** Groups of 2+ values that are equal once `keyOf` is applied (null: value left out), largest group first. */
function variantGroups(values: readonly string[], counts: ArrayLike<number> | undefined, keyOf: (v: string) => string | null): VariantGroup[] {
  // distinct values can only share a key when one of them differs from it ('Yes' -> 'yes'): find those
  // keys first, so that a dictionary of a million clean ids costs one pass and no map of its size
  const changed = new Set<string>();
  for (const v of values) {
    const key = keyOf(v);
    if (key !== null && key !== v) changed.add(key);
  }
  if (changed.size === 0) return [];
  const groups = new Map<string, VariantGroup>();
  for (let i = 0; i < values.length; i++) {
    const n = counts ? counts[i] ?? 0 : 1;
    if (n === 0) continue; // a dictionary entry no kept row uses
    const key = keyOf(values[i]);
    if (key === null || !changed.has(key)) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, values: [], rows: 0 }));
    g.values.push({ value: values[i], count: n });
    g.rows += n;
  }
  const out = [...groups.values()].filter((g) => g.values.length > 1);
  for (const g of out) g.values.sort((a, b) => b.count - a.count);
  return out.sort((a, b) => b.rows - a.rows);
}

/**
 * Values that differ only in upper/lower case or surrounding spaces (`yes`, `Yes`, ` yes`). `values`: the
 * distinct values (a column's dictionary); `counts[i]`: rows with values[i] (optional: 1 each).
 */
export function caseVariants(values: readonly string[], counts?: ArrayLike<number>): VariantGroup[] {
  return variantGroups(values, counts, (v) => v.trim().toLowerCase());
}

/**
 * An id-like code, trimmed: optional letters/separators, then digits ('007', 'item 007', 'U-0012'); the
 * groups are the prefix and the number without its leading zeros. Linear in the cell's length: no two
 * neighbouring parts can match the same character (spaces are trimmed first, and the number starts at its
 * first non-zero digit), whereas /^\s*([…]*?)0*(\d+)\s*$/ backtracked for minutes over a long cell of
 * spaces and zeros that is not an id.
 */
const ID_CODE = /^([A-Za-z_#:. -]*)0*([1-9]\d*|0)$/;

/** The code without leading zeros in its number ('item 007' -> 'item 7', ' 000 ' -> '0'), or null when `v` is not one. */
export function idKey(v: string): string | null {
  const m = ID_CODE.exec(v.trim()); // trim() removes exactly what \s matches
  return m ? `${m[1]}${m[2]}` : null;
}

/** Id-like codes equal once leading zeros are stripped from their number (`007` and `7`, `U-012` and `U-12`). */
export function leadingZeroVariants(values: readonly string[], counts?: ArrayLike<number>): VariantGroup[] {
  return variantGroups(values, counts, idKey);
}

/** "'recommended' (615 rows), 'Recommended' (620 rows); 'no' (...)": the first groups, for a message. */
export function describeVariants(groups: readonly VariantGroup[], maxGroups = 3, maxValues = 4): string {
  const quote = (v: string) => `'${v.length > 30 ? `${v.slice(0, 30)}…` : v}'`;
  const parts = groups.slice(0, maxGroups).map((g) => {
    const shown = g.values.slice(0, maxValues).map((x) => `${quote(x.value)} (${x.count.toLocaleString('en-US')} rows)`).join(', ');
    return g.values.length > maxValues ? `${shown}, and ${g.values.length - maxValues} more` : shown;
  });
  const more = groups.length > maxGroups ? `; and ${groups.length - maxGroups} more such groups` : '';
  return parts.join('; ') + more;
}

/** The import's warning for a column whose categories differ only in case or surrounding spaces. */
export function caseVariantsMessage(column: string, groups: readonly VariantGroup[], distinct: number): string {
  const spellings = groups.reduce((n, g) => n + g.values.length, 0);
  const rows = groups.reduce((n, g) => n + g.rows, 0);
  return `column '${column}': ${spellings} values differ only in upper/lower case or surrounding spaces, `
    + `and are ${groups.length} value${groups.length > 1 ? 's' : ''} once those are ignored (${rows.toLocaleString('en-US')} rows): ${describeVariants(groups)}. `
    + `Each spelling is its own category (${distinct.toLocaleString('en-US')} in all), so as a target they are separate classes. `
    + `If they mean the same, write them one way in the file (pandas: df[${pyString(column)}] = df[${pyString(column)}].str.strip().str.lower()) and import it again`;
}

/** The import's warning for an id column whose codes collide once leading zeros are stripped. */
export function leadingZeroMessage(column: string, groups: readonly VariantGroup[]): string {
  const rows = groups.reduce((n, g) => n + g.rows, 0);
  return `column '${column}': ${groups.length} id${groups.length > 1 ? 's are' : ' is'} written both with and without leading zeros `
    + `(${rows.toLocaleString('en-US')} rows): ${describeVariants(groups)}. They are different categories here; `
    + `if they are the same id, write them one way in the file (all padded or none) and import it again`;
}
