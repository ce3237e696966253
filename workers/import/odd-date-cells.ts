// A column of dates with a few cells that are not ('31/02/2024 10:00', 'unknown', one '2024-03-04 03:00' among
// day-first '01/03/2024 00:00') stays text when such a cell is in the sniffed sample, and nothing said why: a
// sensor log then has no time column, and the import's next step offered a text model for it. A cell after the
// sample gets the `retyped` warning; this says the same for one inside it, naming the cells and what to do.
import { detectDateFormat, mostReadDateFormat, parseDatetime } from './datetime';
import type { Validation } from './validation';

/** Share of the distinct values that must read as dates in one form. */
const DATE_SHARE = 0.95;
/** At most this many odd cells are named (more is a column of something else). */
const MAX_ODD = 10;
/** Values looked at before the whole column is parsed: a free-text column is passed over on these. */
const HEAD = 50;

const quoted = (xs: string[]) => xs.map((x) => `'${x.slice(0, 30)}'`).join(', ');

/**
 * Warns when the distinct `values` of text column `name` are dates in one form except 1 to MAX_ODD of them.
 * `missingNumbers`: whether a number column of the file has missing cells, whose rows `--on-invalid drop`
 * leaves out as well (a sensor log's gaps would then grow). Returns whether it warned.
 */
export function oddDateCellsHint(name: string, values: readonly string[], v: Validation, missingNumbers: boolean): boolean {
  const trimmed = values.map((x) => x.trim());
  const head = trimmed.slice(0, HEAD);
  if (head.filter((x) => detectDateFormat([x]) !== null).length < DATE_SHARE * head.length - 1) return false;
  const format = mostReadDateFormat(trimmed);
  if (format === null) return false;
  const odd = trimmed.filter((x) => Number.isNaN(parseDatetime(x, format)));
  if (odd.length === 0 || odd.length > MAX_ODD || odd.length > (1 - DATE_SHARE) * trimmed.length) return false;
  const example = trimmed.find((x) => !odd.includes(x)) ?? '';
  const one = odd.length === 1;
  v.warn(name, odd.length, `column '${name}' is dates (such as '${example}') except ${one ? 'the value' : `${odd.length} values`} ${quoted(odd)}, `
    + `so it is read as text, and forecasting cannot use it as its time column. Correct ${one ? 'it' : 'them'} in the file and import it again, `
    + `or set the type (--types ${name}=datetime) with --on-invalid drop (${one ? 'its row is' : 'their rows are'} left out${missingNumbers ? ', and so is every row with a missing number' : ''})`, 'date-marks');
  return true;
}
