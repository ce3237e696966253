// What '.' means in a column of decimal-comma numbers. '1.444,0' says the dot groups thousands (1444);
// '1.444' alone could be 1.444 or 1444. Read cell by cell, one column would hold both meanings, so the
// column's cells decide together: when the column writes decimal commas or dots between thousands, and no
// cell uses '.' as a decimal point ('7.4'), '1.444' is 1444. A column that writes '.' both ways cannot be
// decided; its ambiguous cells keep the plain reading (1.444) and the import warns. The cells seen after the
// sniffed sample can overturn the sample's choice: the importer then reads the file again (run.ts).
// A column of whole numbers takes the file's word: in a file whose other columns write decimal commas
// ('9,37'), '2.219' beside '543' groups thousands (Excel's '#.##0'), and the import warns. A column whose
// every number is '48.137'-like keeps the plain reading (coordinates, readings to three decimals), warned.
import type { ColumnPlan } from './column-writer';
import type { FileAwarePlan, NumberCell } from './decimal-comma';

/**
 * Roles of a cell's '.': none, ambiguous ('1.444'), decimal point ('7.4'), thousands ('1.444,0', '1.234.567'),
 * a decimal comma without dots ('0,5'), and a comma either mark reads ('4,935': 4.935 or 4935).
 */
export const NO_DOT = 0, AMBIGUOUS = 1, DOT_DECIMAL = 2, DOT_THOUSANDS = 3, COMMA_DECIMAL = 4, COMMA_AMBIGUOUS = 5;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The role of '.' (and ',') in the cell b[s..e). Allocates nothing: it runs on every cell of a decimal-comma column. */
export function dotRole(b: Uint8Array, s: number, e: number): number {
  let dots = 0, commas = 0, firstDot = -1, dotAfterComma = false, exponent = false, decorated = false;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (isDigit(c)) continue;
    if (c === 46) { dots++; if (firstDot < 0) firstDot = i; if (commas > 0) dotAfterComma = true; }
    else if (c === 44) commas++;
    else if (c === 101 || c === 69) exponent = true;
    else if (c !== 45 && c !== 43 && c !== 32 && c !== 9) decorated = true; // a currency symbol, '%'
  }
  if (dots === 0) return commas !== 1 ? NO_DOT : !exponent && oneGroup(b, s, e, 44) ? COMMA_AMBIGUOUS : COMMA_DECIMAL;
  if (commas > 0) return commas === 1 && !dotAfterComma ? DOT_THOUSANDS : NO_DOT;
  if (exponent) return dots === 1 ? DOT_DECIMAL : NO_DOT;
  if (dots > 1) return groupedThousands(b, s, e) ? DOT_THOUSANDS : NO_DOT;
  // one dot: three digits after it and one to three before (no leading zero) read as a group of thousands too
  let before = 0, after = 0;
  for (let i = firstDot - 1; i >= s && isDigit(b[i]); i--) before++;
  for (let i = firstDot + 1; i < e && isDigit(b[i]); i++) after++;
  if (before === 0 || after !== 3 || before > 3 || b[firstDot - before] === 48) return DOT_DECIMAL;
  // '1.444 €' is never a plain number: a formatted reading takes its dot for thousands
  return decorated ? DOT_THOUSANDS : AMBIGUOUS;
}

/** The cell's only `mark` (here ',') stands after one to three digits without a leading zero and before exactly three: '1.444', '4,935'. */
function oneGroup(b: Uint8Array, s: number, e: number, mark: number): boolean {
  let at = s;
  while (at < e && b[at] !== mark) at++;
  let before = 0, after = 0;
  for (let i = at - 1; i >= s && isDigit(b[i]); i--) before++;
  for (let i = at + 1; i < e && isDigit(b[i]); i++) after++;
  return before > 0 && before <= 3 && after === 3 && b[at - before] !== 48;
}

/** '1.234.567': dots between groups of three digits, the first group of one to three without a leading zero. */
function groupedThousands(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e && !isDigit(b[i])) i++;
  const lead = i;
  while (i < e && isDigit(b[i])) i++;
  if (i - lead < 1 || i - lead > 3 || b[lead] === 48) return false;
  while (i < e && b[i] === 46) {
    const group = ++i;
    while (i < e && isDigit(b[i])) i++;
    if (i - group !== 3) return false;
  }
  return true;
}

export const dotRoleOf = (text: string): number => {
  const b = Buffer.from(text, 'utf8');
  return dotRole(b, 0, b.length);
};

/** A column whose numbers are read with a decimal comma (sniffed, typed, or formatted European-style). */
export const readsDecimalComma = (plan: ColumnPlan): boolean =>
  plan.kind === 'number' && (plan.formatted?.decimalComma ?? plan.decimalComma ?? false);

/** The counts of each role in a column, with the first cell of each (line and text) for the warning. */
export class DotReadings {
  readonly counts = [0, 0, 0, 0, 0, 0];
  readonly first: Array<{ line: number; value: string } | null> = [null, null, null, null, null, null];

  see(role: number, line: number, value: string): void {
    if (this.counts[role]++ === 0) this.first[role] = { line, value: value.trim() };
  }

  /**
   * Whether '1.444' reads as 1444 in this column: it writes decimal commas or dots between thousands (or
   * its file writes decimal commas: `fileComma`), and never '.' as a decimal point. Null when nothing gives
   * evidence either way.
   */
  thousands(fileComma = false, wholeNumbers = false): boolean | null {
    const c = this.counts;
    // a column the user typed int: 1.444 is no whole number, so its dot can only group thousands
    if (wholeNumbers && c[DOT_DECIMAL] === 0 && c[AMBIGUOUS] > 0) return true;
    // The column's own proof: '1.444,0' or '0,5' ('4,935' reads either way and proves nothing). The file's
    // word alone decides only for whole numbers written '#.##0' ('543' beside '2.219'): a column whose every
    // number has a dot before three digits ('48.137' latitudes beside a '12,5' column) keeps the plain
    // reading, with a warning (message below), because nothing in the column itself says otherwise.
    const comma = c[DOT_THOUSANDS] + c[COMMA_DECIMAL] > 0 || (fileComma && c[NO_DOT] > 0);
    if (comma && c[DOT_DECIMAL] === 0) return true;
    return c[DOT_DECIMAL] > 0 ? false : null;
  }

  /**
   * The warning for a column whose cells disagree on '.', or whose ambiguous cells were read as thousands
   * (`readThousands`: how this pass read them); null when there is none. `file`: a cell of another column
   * that proves the file writes decimal commas, the evidence when the column's own cells give none.
   */
  message(column: string, readThousands: boolean, file?: NumberCell, how: { wholeNumbers?: boolean; markUnproven?: string } = {}): { count: number; text: string } | null {
    const c = this.counts;
    const cell = (x: { line: number; value: string }) => `'${x.value.slice(0, 30)}', line ${x.line}`;
    const [, a, decimalCell, thousandsCell, ownCommaCell, ambiguousCommaCell] = this.first;
    const commaCell = ownCommaCell ?? ambiguousCommaCell;
    // the evidence that '.' groups thousands here: a cell that writes it so, else one with a decimal comma
    const grouping = thousandsCell ? `writes '.' between thousands (${cell(thousandsCell)})` : commaCell ? `writes decimal commas (${cell(commaCell)})` : null;
    const oneWay = "write the column one way: a decimal comma with '.' between thousands ('1.444,5'), or a decimal point without thousands separators ('1444.5')";
    if (a) {
      const others = c[AMBIGUOUS] === 1 ? '' : ` (${count(c[AMBIGUOUS])} cells like it)`;
      const value = a.value.slice(0, 30);
      if (readThousands && how.wholeNumbers && !grouping && !file) return null; // the user's int type asked for it
      if (readThousands) {
        return {
          count: c[AMBIGUOUS],
          text: `column '${column}': '${value}' (line ${a.line}) could be ${plain(value)} or ${grouped(value)}; ${grouping ? `the column ${grouping} and never` : file ? `the file writes decimal commas (column '${file.column}': '${file.value.slice(0, 30)}') and the column never writes` : "the column writes '.' between thousands and never"} '.' as a decimal point, so it was read as ${grouped(value)}${others}. If such cells are decimals, write them with a decimal comma ('${value.replace('.', ',')}')`,
        };
      }
      if (!grouping && file && !decimalCell) {
        return {
          count: c[AMBIGUOUS],
          text: `column '${column}': '${value}' (line ${a.line}) could be ${plain(value)} or ${grouped(value)}; the file writes decimal commas (column '${file.column}': '${file.value.slice(0, 30)}'), but every number of this column has a dot before three digits, so it was read as ${plain(value)}${others}. If these are whole numbers with '.' between thousands, remove the dots in the file`,
        };
      }
      if (!grouping && !decimalCell && how.markUnproven !== undefined) {
        // a ';' (or tab...) file suggests a spreadsheet that may write '.' between thousands, yet no cell proves either reading
        return {
          count: c[AMBIGUOUS],
          text: `column '${column}': '${value}' (line ${a.line}) could be ${plain(value)} or ${grouped(value)}. ${separatedBy(how.markUnproven)}, yet no cell in it proves either reading (no decimal comma, no decimal point followed by other than three digits), so it was read with '.' as the decimal point: ${plain(value)}${others}. If the dots separate thousands, import with ${typeHint(column, 'int')}, which reads '${value}' as ${grouped(value)}; to keep ${plain(value)} without this warning, import with ${typeHint(column, 'float')}`,
        };
      }
      if (!grouping) return null; // a plain column of '.' decimals ('1.444', '7.4'): nothing says otherwise
      const two = !decimalCell ? `column '${column}' ${grouping}`
        : thousandsCell ? `column '${column}' writes '.' two ways: as a decimal point (${cell(decimalCell)}) and between thousands (${cell(thousandsCell)})`
        : `column '${column}' writes numbers two ways: with a decimal point (${cell(decimalCell)}) and with a decimal comma (${cell(commaCell!)})`;
      return {
        count: c[AMBIGUOUS],
        text: `${two}, so '${value}' (line ${a.line}) cannot be told apart: it was read with '.' as the decimal point, ${plain(value)} (not ${grouped(value)})${others}. Check those cells, and ${oneWay}`,
      };
    }
    if (!decimalCell || !thousandsCell) return null;
    return {
      count: c[DOT_DECIMAL] + c[DOT_THOUSANDS],
      text: `column '${column}' writes '.' two ways: as a decimal point (${cell(decimalCell)}) and between thousands (${cell(thousandsCell)}). Each cell was read by its own form, but a cell such as '1.444' could not be: ${oneWay}`,
    };
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** Why a file's '1.444' may group thousands, from what separates its fields. */
function separatedBy(delimiter: string): string {
  if (delimiter === ';') return "The file is separated by ';', as European spreadsheets save files that write '.' between thousands";
  if (delimiter === '\t') return "The file is separated by tabs, as spreadsheets save text exports, which write '.' between thousands in many locales";
  return `The file is separated by '${delimiter}', not ',', so its numbers may be written as in locales that put '.' between thousands`;
}
const plain = (v: string) => String(Number(v.trim()));
const grouped = (v: string) => String(Number(v.trim().replace('.', '')));

/**
 * The plan of a decimal-comma column with '1.444' read as `decided` (a pass over the whole file found it,
 * run.ts) or, before any pass, as the sampled cells say.
 */
export function withDotReading(plan: FileAwarePlan, samples: string[], decided: boolean | undefined): FileAwarePlan {
  if (!readsDecimalComma(plan)) return plan;
  let thousands = decided;
  if (thousands === undefined) {
    const seen = new DotReadings();
    for (const s of samples) if (s !== undefined) seen.see(dotRoleOf(s), 0, s);
    thousands = seen.thousands(plan.fileDecimalComma !== undefined, plan.intDotThousands) ?? false;
  }
  return thousands ? { ...plan, dotThousands: true } : plan;
}

const asDecimal = (v: string) => String(Number(v.replace(/[^\d,.-]/g, '').replace(',', '.')));
const asThousands = (v: string) => String(Number(v.replace(/[^\d,.-]/g, '').replace(',', '')));
const typeHint = (column: string, type = 'float') => `--types ${/^[\w.-]+$/.test(column) ? column : JSON.stringify(column)}=${type}`;

/**
 * The warning for a column read with a decimal comma only because other columns of its file prove one
 * (`file`), when its own cells never do: every comma stands before three digits ('4,935': 4.935 or 4935).
 * Null when a cell of the column proves it ('10,5', '1.234,5').
 */
export function commaFromFileMessage(column: string, d: DotReadings, file: NumberCell): { count: number; text: string } | null {
  const c = d.counts;
  const a = d.first[COMMA_AMBIGUOUS];
  if (!a || c[COMMA_DECIMAL] + c[DOT_THOUSANDS] > 0) return null;
  const v = a.value.slice(0, 30);
  const others = c[COMMA_AMBIGUOUS] === 1 ? '' : `; ${count(c[COMMA_AMBIGUOUS])} cells like it`;
  return {
    count: c[COMMA_AMBIGUOUS],
    text: `column '${column}': every comma in it stands before exactly three digits ('${v}', line ${a.line}${others}), so it could be a decimal comma (${asDecimal(v)}) or a thousands separator (${asThousands(v)}); the file writes decimal commas (column '${file.column}': '${file.value.slice(0, 30)}'), so it was read as ${asDecimal(v)}. To keep this reading without the warning, import with ${typeHint(column)}; if the commas separate thousands, save the column without them (${asThousands(v)})`,
  };
}

/**
 * The warning for formatted numbers read English-style in a file not separated by ',' where no cell
 * proves either mark: every comma stood before three digits ('4,935' read as 4935, not 4.935).
 */
export function commaUnprovenMessage(column: string, cells: number, first: { line: number; value: string }): { count: number; text: string } {
  const v = first.value.slice(0, 30);
  const others = cells === 1 ? '' : `; ${count(cells)} cells like it`;
  return {
    count: cells,
    text: `column '${column}': every comma in it stands before exactly three digits ('${v}', line ${first.line}${others}), so it could be a thousands separator (${asThousands(v)}) or a decimal comma (${asDecimal(v)}); nothing in the file writes decimals either way, so it was read as ${asThousands(v)}. If the commas are decimal commas, import with ${typeHint(column)} (a float column of a file not separated by ',' reads decimal commas)`,
  };
}
