// The cells the importer reads as missing: one list for the importer (workers/import/coded-column.ts for every
// column, workers/import/values.ts for number columns) and the exported model's metadata
// (main/lab/runs/export-preprocessing.ts cells.missing, cells.numberMissing and numberMissingPattern), so what
// an export tells a consumer is what the import did.

/**
 * The cells every column reads as missing, compared exactly (case counts, spaces too). GateLab's list, not all
 * of pandas' default na_values: pandas also reads 'n/a', '#NA', '#N/A N/A', '-NaN', '-nan', '1.#IND', '-1.#IND',
 * '1.#QNAN', '-1.#QNAN' (and since pandas 2.0 'None') as missing, which a category or text column here keeps
 * as values (LendingClub's emp_length 'n/a' is a category); a number column reads more (NUMBER_MISSING_TOKENS).
 * Adding a marker would change the categories of datasets already imported when they are rebuilt, so it would
 * need an import rule of its own (workers/import/parse-rules.ts); coded-column.ts looks a cell up only when it
 * has at most 4 characters and starts with N, n, < or #, as all of these do.
 */
export const MISSING_CELLS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '<NA>', '#N/A'];

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
