// A second header row: names on line 1, then units or descriptions on line 2 (`,kW,kW,degC`), as
// spreadsheets and data loggers export them. Read as data, its words make every number column below it
// categorical, silently. When line 2 is text above numbers or dates in every such column (two or more) it is skipped
// (the rows keep their line numbers); when only some columns have text there, a note names line 2. An
// underline of dashes or '=' under the header is skipped the same way.
import { cellFits } from './header';
import { inferKind } from './infer';
import { isMissingToken, isUnderlineCell } from './values';

export interface UnitsRow {
  /** Whether line 2 is left out of the data. */
  skip: boolean;
  /** What the import says about line 2 (an info note). */
  note: string;
}

/** Words or unit symbols: 'kW', 'degC', '°C', '%', 'm/s', '$'. Not a stray number or punctuation. */
const UNIT_LIKE = /[A-Za-z\u00b0%$€£¥µ\u0370-\u03ff]/;

/**
 * Looks at line 2 of `rows` (line 1 being the header) against the rows below it. Null when line 2 reads
 * as data (or there are too few rows to tell). `dashRuns` false: '---' below makes a column text, as it did
 * to the importer a dataset recorded without that rule was read by (parse-rules.ts); `pandasMissingCells`
 * false: so do pandas' other missing cells ('#NA', '-nan'), as before that rule.
 */
export function detectUnitsRow(rows: string[][], dashRuns = true, pandasMissingCells = true): UnitsRow | null {
  if (rows.length < 4) return null;
  const [names, second] = rows;
  const body = rows.slice(2).filter((r) => r.length === names.length);
  if (body.length < 2 || second.length !== names.length) return null;
  // A text table's underline (`-----  -----`, `=====`): with '---' read as a missing number (dashRuns) it
  // would become a row of missing values; it is part of the header, not data.
  if (dashRuns && names.length >= 2 && second.every(isUnderlineCell)) {
    return { skip: true, note: `line 2 underlines the header (${second[0].trim().slice(0, 20)}): skipped; it is not data` };
  }
  if (!second.some((cell) => UNIT_LIKE.test(cell) && !isMissingToken(cell))) return null; // all numbers: data (and cheap to tell)
  let fits = 0;
  const words: Array<{ column: string; cell: string }> = [];
  for (let c = 0; c < names.length; c++) {
    const cell = second[c];
    if (cell.trim() === '' || isMissingToken(cell)) continue;
    const kind = inferKind('', body.map((r) => r[c]), undefined, { floatIds: true, dashRuns, pandasMissingCells }).kind;
    if (kind !== 'number' && kind !== 'datetime') continue;
    if (cellFits(cell, kind)) fits++;
    else if (UNIT_LIKE.test(cell)) words.push({ column: names[c].trim(), cell: cell.trim() });
    else fits++; // '#', '--': not data, but not a unit either: no evidence of a units row
  }
  if (words.length === 0) return null;
  const list = (xs: string[]) => xs.slice(0, 6).map((x) => x.slice(0, 20)).join(', ') + (xs.length > 6 ? ', ...' : '');
  // Skipped only when line 2 is words in every number/date column it fills, and in two or more of them: a
  // first reading that is partly numbers ('1,ERR,ERR') or one odd word ('Paris,OL') is data with bad values,
  // which the import's policy (reject/drop/impute) must see, not a row to drop quietly.
  if (fits === 0 && words.length >= 2) {
    return { skip: true, note: `line 2 looks like a units row (${list(words.map((w) => w.cell))}): skipped; it is not data` };
  }
  const columns = words.map((w) => `'${w.column}'`);
  return {
    skip: false,
    note: `line 2 has text (${list(words.map((w) => w.cell))}) in column${words.length > 1 ? 's' : ''} ${list(columns)} whose other rows are numbers or dates, so ${words.length > 1 ? 'they are' : 'it is'} read as categories. If line 2 is a units or description row, delete it from the file and import again; if it is a bad value, set the type (--types ${words[0].column}=float) with --on-invalid drop`,
  };
}
