// Numbers written with a decimal comma ('0,867'; '1.234,5' with dots between thousands), as European
// spreadsheets save them in files separated by ';'. A comma-separated file cannot hold them unquoted and
// there '1,234' may mean a thousand: only ';' files are sniffed for them, and a user's int/float type
// accepts them in any file not separated by ','.
import type { ColumnPlan } from './column-writer';
import { isMissingToken, parseNumber } from './values';

const DECIMAL_COMMA = /^\s*[-+]?(\d+|\d{1,3}(\.\d{3})+)?,\d+([eE][-+]?\d+)?\s*$/;
const INTEGER = /^\s*[-+]?\d+\s*$/;

/** '0,867', '-1,5', '1.234,5': a number only a decimal comma makes sense of. */
export const isDecimalCommaNumber = (s: string) => DECIMAL_COMMA.test(s);

/**
 * The plan with decimal commas accepted where the file allows them: a sniffed text column of a ';' file
 * whose sample values are all decimal-comma numbers (or integers) becomes a number column, numbers stay
 * numbers; with a user's int/float type, any file not separated by ','.
 */
export function withDecimalComma(plan: ColumnPlan, samples: string[], delimiter: string): ColumnPlan {
  if (delimiter === ',' || plan.decimalComma) return plan;
  if (plan.userType === 'int' || plan.userType === 'float') return { ...plan, decimalComma: true };
  if (delimiter !== ';' || plan.userType !== undefined) return plan;
  if (plan.kind === 'number') return { ...plan, decimalComma: true }; // a later '0,5' is a number too
  if (plan.kind !== 'string' || plan.identifier) return plan;
  const present = samples.filter((s) => !isMissingToken(s));
  if (!present.some(isDecimalCommaNumber) || !present.every((s) => isDecimalCommaNumber(s) || INTEGER.test(s))) return plan;
  return { name: plan.name, kind: 'number', dtype: 'float32', decimalComma: true };
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
