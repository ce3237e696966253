// Numbers written with a decimal comma ('0,867'; '1.234,5' with dots between thousands), as European
// spreadsheets save them in files separated by ';' (and in tab-separated "Unicode text" exports). A
// comma-separated file cannot hold them unquoted and there '1,234' may mean a thousand: ';' files are
// sniffed for them, other files not separated by ',' when the file's own cells prove decimal commas
// (fileNumberEvidence), and a user's int/float type accepts them in any file not separated by ','.
import type { ColumnPlan } from './column-writer';
import type { FormattedReading } from './formatted-number';
import { laterReadingsOf } from './formatted-reading';
import { isMissingNumber, parseNumber } from './values';

const DECIMAL_COMMA = /^\s*[-+]?(\d+|\d{1,3}(\.\d{3})+)?,\d+([eE][-+]?\d+)?\s*$/;
const INTEGER = /^\s*[-+]?\d+\s*$/;

/** '0,867', '-1,5', '1.234,5': a number only a decimal comma makes sense of. */
export const isDecimalCommaNumber = (s: string) => DECIMAL_COMMA.test(s);

/** A cell that shows how the file writes numbers, for messages: the column and the cell as written. */
export interface NumberCell {
  column: string;
  value: string;
}

/**
 * What the sampled cells of a whole file say about its decimal mark: the first cell only a decimal comma
 * reads ('10,5', '0,867', '1.234,5') and the first only a decimal point reads ('7.4', '0.70', '1,234.5').
 * '4,935' and '2.219' prove nothing: either mark reads them (4.935 or 4935).
 */
export interface FileNumbers {
  decimalComma: NumberCell | null;
  decimalPoint: NumberCell | null;
}

/** A plan that knows how the rest of its file writes numbers (set by withDecimalComma; read by dot-reading.ts and number-column.ts). */
export type FileAwarePlan = ColumnPlan & {
  /** A cell of the file that proves decimal commas, when no cell proves decimal points. */
  fileDecimalComma?: NumberCell;
  /** The column reads decimal commas only because other columns of a file not separated by ';' prove them (its own cells may not). */
  commaFromFile?: boolean;
  /** Formatted numbers read English-style ('4,935' as 4935) in a file not separated by ',' where nothing proves either mark: warned about if the column's cells never do (number-column.ts). */
  commaUnproven?: boolean;
  /**
   * The delimiter of a file not separated by ',' whose sampled cells prove neither mark, on a number column
   * its user did not type: its '1.444' cells are read as 1.444 with a warning naming --types X=int (dot-reading.ts).
   * In a ';' file the column reads decimal commas by the delimiter alone; in a tab (or other) file it reads
   * '.' as the decimal point as ever, and the mark is only watched for the warning.
   */
  markUnproven?: string;
};

// a cell stripped of sign, blanks, '%' and one currency symbol; '1,234' and '1.234' (one group of three) are left out: either mark reads them
const COMMA_PROOF = /^(\d*,\d+|[1-9]\d{0,2}(\.\d{3})+,\d+)$/;
const POINT_PROOF = /^(\d*\.\d+([eE][-+]?\d+)?|\d+[eE][-+]?\d+|[1-9]\d{0,2}(,\d{3})+\.\d+)$/;
const ONE_GROUP = /^[1-9]\d{0,2}[.,]\d{3}$/;
const DECORATION = /[\s%$€£¥+-]/g;

/** How the file's sampled cells write decimals (see FileNumbers). */
export function fileNumberEvidence(names: string[], rows: string[][]): FileNumbers {
  const found: FileNumbers = { decimalComma: null, decimalPoint: null };
  for (let c = 0; c < names.length; c++) {
    for (const row of rows) {
      const raw = row[c];
      if (raw === undefined) continue;
      const cell = raw.replace(DECORATION, '');
      if (cell.length === 0 || cell.length > 40 || ONE_GROUP.test(cell)) continue;
      if (!found.decimalComma && COMMA_PROOF.test(cell)) found.decimalComma = { column: names[c], value: raw.trim() };
      else if (!found.decimalPoint && POINT_PROOF.test(cell)) found.decimalPoint = { column: names[c], value: raw.trim() };
      if (found.decimalComma && found.decimalPoint) return found;
    }
  }
  return found;
}

/** The cell that proves the file writes decimal commas, when nothing in it proves decimal points. */
export const decimalCommaProof = (file: FileNumbers | undefined): NumberCell | null =>
  file?.decimalComma && !file.decimalPoint ? file.decimalComma : null;

/**
 * The plan with decimal commas accepted where the file allows them: a sniffed text column whose sample
 * values are all decimal-comma numbers (or integers) becomes a number column, numbers stay numbers, in a
 * ';' file, or in a file not separated by ',' whose cells prove decimal commas (`file`: '10,5' beside
 * '4,935' says the second is 4.935 too); with a user's int/float type, any file not separated by ','.
 */
export function withDecimalComma(plan: ColumnPlan & FormattedReading, samples: string[], delimiter: string, file?: FileNumbers): FileAwarePlan {
  if (delimiter === ',' || plan.decimalComma) return plan;
  const proof = decimalCommaProof(file);
  const evidence = proof ? { fileDecimalComma: proof } : {};
  if (plan.userType === 'int' || plan.userType === 'float') return { ...plan, decimalComma: true, ...evidence };
  const byFile = delimiter !== ';';
  const unproven = !file?.decimalComma && !file?.decimalPoint ? { markUnproven: delimiter } : {};
  // a tab file's '1.444' column: read as ever, watched for the warning ('.' may group thousands there too)
  if (byFile && !proof && plan.userType === undefined && plan.kind === 'number') return { ...plan, ...unproven };
  if ((byFile && !proof) || plan.userType !== undefined) return plan;
  const fromFile = byFile ? { commaFromFile: true } : unproven;
  if (plan.kind === 'number') return { ...plan, decimalComma: true, ...evidence, ...fromFile }; // a later '0,5' is a number too
  if (plan.kind !== 'string' || plan.identifier) return plan;
  const present = samples.filter((s) => !isMissingNumber(s, !plan.noDashRuns, !plan.noPandasMissingCells));
  if (!present.some(isDecimalCommaNumber) || !present.every((s) => isDecimalCommaNumber(s) || INTEGER.test(s))) return plan;
  // an old dataset's reading (parse-rules.ts withLaterRules) goes with the column into the number reader,
  // which reads cells beyond the sample through it: '1 234,5' and '(1.234,5)' stay bad values there, as then
  const reading: FormattedReading = laterReadingsOf(plan);
  return { name: plan.name, kind: 'number', dtype: 'float32', decimalComma: true, ...evidence, ...fromFile, ...reading };
}

let scratch = new Uint8Array(64);

/** parseNumber for b[s..e) read with a decimal comma (dots before it are thousands separators). */
export function parseDecimalComma(b: Uint8Array, s: number, e: number): number {
  let comma = -1;
  for (let i = s; i < e; i++) if (b[i] === 44) { comma = i; break; }
  if (comma < 0) return parseNumber(b, s, e);
  if (scratch.length < e - s) scratch = new Uint8Array(2 * (e - s));
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === 46 && i < comma) continue;
    scratch[n++] = c === 44 ? 46 : c;
  }
  return parseNumber(scratch, 0, n);
}
