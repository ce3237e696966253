// The warning about codes for a missing reading (missing-codes.ts finds them per column): one for the whole
// file, naming every column that has them with its codes and counts, and the pandas line that empties them
// once. UCI's Air Quality file has -200 in nine sensor columns: nine warnings repeating one long pandas
// command buried the file's other findings, and one na_values list fixes them all.
import { basename } from 'node:path';
import { pyString } from '../../common/text/python-string';
import type { CodeFinding } from './missing-codes';
import { readArguments, writeArguments, type FileReading } from './pandas-read';
import type { Validation } from './validation';

/** The issue's topic (kind 'note', severity 'warning'): `validation.issue('note', column, MISSING_CODES)`. */
export const MISSING_CODES = 'missing-codes';
/** Examples kept: one code's first line per column, as many as the report keeps of any issue. */
const MAX_EXAMPLES = 5;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Adds the warning for `findings` (the columns' codes in column order) to `validation`: on the column when
 * one has codes, on the file (column null) when several do. `file`: the imported file (for the pandas
 * line); `reading`: how a delimited file was read (its title lines, header, encoding: the pandas line repeats them).
 */
export function warnMissingCodes(validation: Validation, findings: readonly CodeFinding[], file: string, reading?: FileReading): void {
  if (findings.length === 0) return;
  const column = findings.length === 1 ? findings[0].column : null;
  const total = findings.reduce((n, f) => n + f.codes.reduce((m, c) => m + c.count, 0), 0);
  validation.warn(column, total, missingCodesText(findings, file, reading), MISSING_CODES);
  validation.issue('note', column, MISSING_CODES)!.examples = findings.slice(0, MAX_EXAMPLES)
    .map((f) => ({ line: f.codes[0].line, column: f.column, value: f.codes[0].written }));
}

/** Each code's count as written ('9 values are -200'), with its first line when the column has several. */
function whichCodes(f: CodeFinding): string {
  const several = f.codes.length > 1;
  return f.codes.map((s) => `${count(s.count)} ${s.count === 1 ? 'value is' : 'values are'} ${s.written}${several ? ` (first at line ${s.line})` : ''}`).join(', ');
}

function missingCodesText(findings: readonly CodeFinding[], file: string, reading?: FileReading): string {
  const codes = [...new Set(findings.flatMap((f) => f.codes.map((c) => c.written)))];
  // one code in one column: 'a code ... it'; else 'codes ... them'
  const single = findings.length === 1 && findings[0].codes.length === 1;
  const f0 = findings[0];
  const what = findings.length === 1
    ? `column '${f0.column}': ${whichCodes(f0)}, far outside its other values (${f0.range}): ${single ? 'a code' : 'codes'} for a missing reading, as loggers write them? `
    : `${findings.length} columns have codes for a missing reading far outside their other values, as loggers write them? `
      + `${findings.map((f) => `'${f.column}': ${whichCodes(f)} (its other values ${f.range})`).join('; ')}. `;
  const scale = findings.length === 1
    ? `the column's range and scale (a forecasting channel or a feature scaled with ${single ? 'it' : 'them'} has its real values squeezed together)`
    : "each column's range and scale (a forecasting channel or a feature scaled with them has its real values squeezed together)";
  return `${what}Read as ${single ? 'a number it sets' : 'numbers they set'} ${scale}. `
    + `If ${single ? 'it means' : 'they mean'} "no value", empty those cells and import the file again${howToEmpty(codes, findings.some((f) => f.decimalComma), file, reading)} `
    + '(an empty cell is a missing value: forecasting fills it with the value before it)';
}

/** The pandas line that reads `codes` as missing and writes the file again, or where a non-text format keeps one. */
function howToEmpty(codes: readonly string[], decimalComma: boolean, file: string, reading?: FileReading): string {
  const name = basename(file);
  const stem = name.replace(/(\.[A-Za-z0-9]+)*$/, '') || 'data';
  // pandas sniffs a separator other than ',' with sep=None; JSON Lines, Parquet and the like get no line
  const plainCsv = /\.csv(\.gz)?$/i.test(name) && !decimalComma && (reading?.delimiter ?? ',') === ',';
  const delimited = /\.(csv|tsv|txt|tab|dat|data)(\.gz)?$/i.test(name);
  if (!delimited) return ' (null in JSON, a missing value in Parquet or Arrow)';
  const na = `na_values=[${codes.join(', ')}]${readArguments(reading)}`;
  const read = plainCsv ? `pd.read_csv(${pyString(name)}, ${na})` : `pd.read_csv(${pyString(name)}, sep=None, engine='python', ${decimalComma ? "decimal=',', " : ''}${na})`;
  return `, e.g. pandas \`${read}.to_csv(${pyString(`${stem}_fixed.csv`)}, index=False${writeArguments(reading)})\``;
}
