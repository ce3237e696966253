// A stray quote that joins lines into a row that still has the right number of fields ('4,"5,6' ...
// '10,11",12' over three lines of a 3-column file) imports without a field-count error: the lines after the
// quote become part of one value instead of rows. A real multi-line value (a review in paragraphs) looks
// the same to the tokenizer, so the rows are kept as read; but when every line the row spans has the
// file's field count on its own and its cells fit the typed columns (numbers where the column holds
// numbers), the lines are almost surely rows, and the import warns naming the column and the lines.
import type { ColumnPlan } from './column-writer';
import { parseFormatted } from './formatted-number';
import { BAD, isMissingToken, parseBooleanWord, parseNumberString, parsed } from './values';

/** Whether `cell` (quotes stripped) could be a value of the column `plan`: typed columns only, text fits anything. */
function fits(plan: ColumnPlan, cell: string): boolean {
  const v = cell.replaceAll('"', '').trim();
  if (isMissingToken(v)) return true;
  if (plan.kind === 'boolean') return parseBooleanWord(v) >= 0 || v === '0' || v === '1';
  if (plan.kind !== 'number') return true;
  parseNumberString(v);
  return parsed.status !== BAD || parseFormatted(v, plan.formatted?.decimalComma ?? plan.decimalComma ?? false) !== null;
}

/**
 * Whether the lines of a row joined by a quote each look like a whole row of the file: `width` fields when
 * split on the delimiter (quotes ignored), each fitting its column. Needs a number or boolean column to
 * check: in a file of text columns only, a line of a paragraph can have the field count by chance.
 */
export function linesLookLikeRows(rowText: string, delimiter: string, plans: readonly ColumnPlan[]): boolean {
  if (!plans.some((p) => p.kind === 'number' || p.kind === 'boolean')) return false;
  const lines = rowText.split(/\r\n|\n|\r/);
  if (lines.length < 2) return false;
  return lines.every((line) => {
    const cells = line.split(delimiter);
    return cells.length === plans.length && cells.every((c, i) => fits(plans[i], c));
  });
}

/** The rows found so, per column of the quote, for one warning each at the end of the import. */
export class StrayQuotes {
  private readonly found = new Map<string, { column: string | null; count: number; line: number; last: number; close: number }>();

  /** `where`: "column 'b'", or "field 2" in a file without a header (`column` null). */
  add(where: string, column: string | null, line: number, last: number, close: number): void {
    const f = this.found.get(where);
    if (f) f.count++;
    else this.found.set(where, { column, count: 1, line, last, close });
  }

  messages(width: number): Array<{ column: string | null; count: number; text: string }> {
    return [...this.found].map(([where, f]) => {
      const more = f.count === 1 ? '' : ` (${f.count.toLocaleString('en-US')} rows like it)`;
      const after = f.last === f.line + 1 ? `line ${f.last} was` : `lines ${f.line + 1}–${f.last} were`;
      return {
        column: f.column, count: f.count,
        text: `${where}: a quote (") on line ${f.line} is closed only on line ${f.close}, which joins lines ${f.line}–${f.last} into one row, yet each of those lines has the ${width} fields of a whole row: most likely the quote is stray, and ${after} read into its value instead of as rows${more}. If they are rows, close the quote where its value ends or remove it (a quote inside a value is written as two: ""); if the value really runs over several lines, ignore this`,
      };
    });
  }
}
