// What '.' means in a column of decimal-comma numbers. '1.444,0' says the dot groups thousands (1444);
// '1.444' alone could be 1.444 or 1444. Read cell by cell, one column would hold both meanings, so the
// column's cells decide together: when the column writes decimal commas or dots between thousands, and no
// cell uses '.' as a decimal point ('7.4'), '1.444' is 1444. A column that writes '.' both ways cannot be
// decided; its ambiguous cells keep the plain reading (1.444) and the import warns. The cells seen after the
// sniffed sample can overturn the sample's choice: the importer then reads the file again (run.ts).
import type { ColumnPlan } from './column-writer';

/** Roles of a cell's '.': none, ambiguous ('1.444'), decimal point ('7.4'), thousands ('1.444,0', '1.234.567'), and a decimal comma without dots ('0,5'). */
export const NO_DOT = 0, AMBIGUOUS = 1, DOT_DECIMAL = 2, DOT_THOUSANDS = 3, COMMA_DECIMAL = 4;

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
  if (dots === 0) return commas === 1 ? COMMA_DECIMAL : NO_DOT;
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
  readonly counts = [0, 0, 0, 0, 0];
  readonly first: Array<{ line: number; value: string } | null> = [null, null, null, null, null];

  see(role: number, line: number, value: string): void {
    if (this.counts[role]++ === 0) this.first[role] = { line, value: value.trim() };
  }

  /**
   * Whether '1.444' reads as 1444 in this column: it writes decimal commas or dots between thousands,
   * and never '.' as a decimal point. Null when the cells give no evidence either way.
   */
  thousands(): boolean | null {
    const c = this.counts;
    const comma = c[DOT_THOUSANDS] + c[COMMA_DECIMAL] > 0;
    if (comma && c[DOT_DECIMAL] === 0) return true;
    return c[DOT_DECIMAL] > 0 ? false : null;
  }

  /**
   * The warning for a column whose cells disagree on '.', or whose ambiguous cells were read as thousands
   * (`readThousands`: how this pass read them); null when there is none.
   */
  message(column: string, readThousands: boolean): { count: number; text: string } | null {
    const c = this.counts;
    const cell = (x: { line: number; value: string }) => `'${x.value.slice(0, 30)}', line ${x.line}`;
    const [, a, decimalCell, thousandsCell, commaCell] = this.first;
    // the evidence that '.' groups thousands here: a cell that writes it so, else one with a decimal comma
    const grouping = thousandsCell ? `writes '.' between thousands (${cell(thousandsCell)})` : commaCell ? `writes decimal commas (${cell(commaCell)})` : null;
    const oneWay = "write the column one way: a decimal comma with '.' between thousands ('1.444,5'), or a decimal point without thousands separators ('1444.5')";
    if (a) {
      const others = c[AMBIGUOUS] === 1 ? '' : ` (${count(c[AMBIGUOUS])} cells like it)`;
      const value = a.value.slice(0, 30);
      if (readThousands) {
        return {
          count: c[AMBIGUOUS],
          text: `column '${column}': '${value}' (line ${a.line}) could be ${plain(value)} or ${grouped(value)}; the column ${grouping ?? "writes '.' between thousands"} and never '.' as a decimal point, so it was read as ${grouped(value)}${others}. If such cells are decimals, write them with a decimal comma ('${value.replace('.', ',')}')`,
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
const plain = (v: string) => String(Number(v.trim()));
const grouped = (v: string) => String(Number(v.trim().replace('.', '')));

/**
 * The plan of a decimal-comma column with '1.444' read as `decided` (a pass over the whole file found it,
 * run.ts) or, before any pass, as the sampled cells say.
 */
export function withDotReading(plan: ColumnPlan, samples: string[], decided: boolean | undefined): ColumnPlan {
  if (!readsDecimalComma(plan)) return plan;
  let thousands = decided;
  if (thousands === undefined) {
    const seen = new DotReadings();
    for (const s of samples) if (s !== undefined) seen.see(dotRoleOf(s), 0, s);
    thousands = seen.thousands() ?? false;
  }
  return thousands ? { ...plan, dotThousands: true } : plan;
}
