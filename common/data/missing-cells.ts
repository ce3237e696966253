// The cells a number column reads as missing: one list for the importer (workers/import/values.ts) and the
// exported model's metadata (main/lab/runs/export-preprocessing.ts cells.numberMissing and
// numberMissingPattern), so what an export tells a consumer is what the import did.

/**
 * Compared trimmed and in lower case: pandas' usual markers, and '?' and '-', which UCI's household power
 * file writes for a missing reading.
 */
export const NUMBER_MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '#n/a', 'nil', '<na>'];

/**
 * Two or more dashes alone ('--', '---', spaces or tabs around them allowed), as weather-station exports
 * (Davis WeatherLink) write a missing reading: a pattern, not a list, since any length is one. Only under
 * the dashRuns import rule (a dataset imported before it read them as text: workers/import/parse-rules.ts).
 */
export const DASH_RUN_PATTERN = '^[ \\t]*--+[ \\t]*$';
