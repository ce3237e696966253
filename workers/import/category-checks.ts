// What the importer says about a categorical column once all its values are known: one value written
// several ways (case, spaces, leading zeros: value-variants.ts), and lists packed in one cell
// (`Action|Comedy|Drama`), which as categories make every combination its own value.
import type { Validation } from './validation';
import { caseVariants, caseVariantsMessage, leadingZeroMessage, leadingZeroVariants } from './value-variants';

/** Separators of lists inside one cell, as MovieLens (`|`) and many exports (`;`) write them. */
const LIST_SEPARATORS = ['|', ';'];
/** At most this many distinct tokens: a vocabulary (genres, tags), not free text. */
const MAX_TOKENS = 1000;

export interface ListColumn {
  separator: string;
  tokens: number;
  example: string;
}

/**
 * A column of separated lists: most distinct values (half or more, 20+ of them) hold the separator, and
 * their combinations outnumber the tokens they are made of (40 genres, thousands of combinations).
 */
export function detectListColumn(values: readonly string[]): ListColumn | null {
  if (values.length < 20) return null;
  for (const separator of LIST_SEPARATORS) {
    const lists = values.filter((v) => v.includes(separator));
    if (lists.length < 0.5 * values.length) continue;
    const tokens = new Set<string>();
    for (const v of values) {
      for (const t of v.split(separator)) {
        const token = t.trim();
        if (token !== '') tokens.add(token);
      }
      if (tokens.size > MAX_TOKENS) break;
    }
    if (tokens.size <= MAX_TOKENS && tokens.size >= 2 && values.length > 2 * tokens.size) {
      return { separator, tokens: tokens.size, example: lists[0] };
    }
  }
  return null;
}

/**
 * Both ways to give a column the multi-hot role, as the other advice gives them: the app's and the command
 * line's. "ID": the importer runs before the dataset has one; the lab puts it in (main/lab/datasets/current-issues.ts).
 */
const MULTI_HOT_WAYS = (column: string) => `in the app: Datasets → Schema → that column's Role → multi-hot; on the command line: gatelab datasets roles ID '${column}=multi-hot'`;

/** Warnings and notes for a categorical column: `values` its dictionary, `counts[i]` the rows of values[i]. */
export function checkCategories(column: string, values: readonly string[], counts: ArrayLike<number>, distinct: number, validation: Validation): void {
  const cased = caseVariants(values, counts);
  if (cased.length > 0) {
    validation.warn(column, cased.reduce((n, g) => n + g.rows, 0), caseVariantsMessage(column, cased, distinct), 'case-variants');
  }
  const zeros = leadingZeroVariants(values, counts);
  if (zeros.length > 0) {
    validation.warn(column, zeros.reduce((n, g) => n + g.rows, 0), leadingZeroMessage(column, zeros), 'leading-zeros');
  }
  const list = detectListColumn(values);
  if (list) {
    validation.addCounted('note', column, distinct, `column '${column}': its values are '${list.separator}'-separated lists of ${list.tokens.toLocaleString('en-US')} distinct tokens `
      + `(e.g. '${list.example.slice(0, 40)}'), so as a category each of its ${distinct.toLocaleString('en-US')} combinations is a value of its own. `
      + (list.separator === '|'
        ? `For recommendation models give it the multi-hot role, one feature of its tokens (${MULTI_HOT_WAYS(column)})`
        : `The multi-hot role splits on '|': write the lists with '|' and import again, then give the column the multi-hot role (${MULTI_HOT_WAYS(column)}), or use a multi-hot pipeline step with separator '${list.separator}'`), 'list-values');
  }
}
