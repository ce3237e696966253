// The cells the importer reads as missing: one list for the importer (workers/import/coded-column.ts for every
// column, workers/import/values.ts for number columns) and the exported model's metadata
// (main/lab/runs/export-preprocessing.ts cells.missing, cells.numberMissing and numberMissingPattern), so what
// an export tells a consumer is what the import did.

/**
 * The cells every column of a dataset imported before the pandasMissingCells rule reads as missing, compared
 * exactly (case counts, spaces too): GateLab's first list, part of pandas' default na_values. Such a dataset
 * keeps reading so when it is rebuilt or retyped (workers/import/parse-rules.ts), so its categories stay.
 */
export const MISSING_CELLS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '<NA>', '#N/A'];

/**
 * The cells every column reads as missing under the pandasMissingCells rule (every new import), compared
 * exactly: pandas' default na_values (pandas 2, 'None' included), so a category column's 'n/a' (LendingClub's
 * emp_length) or 'None' is missing as in pandas, not a category of its own. A number column reads these
 * exactly too (workers/import/values.ts isPandasOnlyMissing) and more (NUMBER_MISSING_TOKENS).
 * workers/import/missing-cell-bytes.ts matches them in a field's bytes.
 */
export const PANDAS_MISSING_CELLS: readonly string[] = [
  ...MISSING_CELLS, 'n/a', 'None', '#NA', '#N/A N/A', '-NaN', '-nan', '1.#IND', '-1.#IND', '1.#QNAN', '-1.#QNAN',
];

/**
 * The cells a number column reads as missing, compared trimmed and in lower case: MISSING_CELLS, pandas' 'n/a'
 * and 'None', 'nil', and '?' and '-', which UCI's household power file writes for a missing reading.
 */
export const NUMBER_MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '#n/a', 'nil', '<na>'];

/**
 * Two or more dashes alone ('--', '---', spaces or tabs around them allowed), as weather-station exports
 * (Davis WeatherLink) write a missing reading: a pattern, not a list, since any length is one. Only under
 * the dashRuns import rule (a dataset imported before it read them as text: workers/import/parse-rules.ts).
 */
export const DASH_RUN_PATTERN = '^[ \\t]*--+[ \\t]*$';
