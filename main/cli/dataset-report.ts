// How the CLI shows a dataset: a schema table and a validation summary for people, one JSON object
// for programs (`--json`: id, rows, columns [{name, type, ...}], issues).
import type { Dataset } from '../lab/datasets/index';
import { storedStats, type StoredStats } from '../../common/data/stored-stats';
import { isoDate, mayHoldDatesOnly } from '../../common/data/date-only';
import { numberDistinctText, type InvalidPolicy, type ListTokenStats, type NumberValueStats, type ValidationIssue, type ValidationReport } from '../../common/dataset-cache';

const n = (x: number) => x.toLocaleString('en-US');
/** '1 row', '2 rows': a count with its noun in the right number. */
const count = (x: number, noun: string) => `${n(x)} ${noun}${x === 1 ? '' : 's'}`;

// The import's issues as they stand under the dataset's roles: one rule for both faces (the app's Validation tab too).
export { currentIssues } from '../lab/datasets/current-issues';
import { currentIssues } from '../lab/datasets/current-issues';

export function datasetJson(d: Dataset, extra: Record<string, unknown> = {}) {
  const validation = (d.validation ?? {}) as Partial<ValidationReport>;
  return {
    id: d.id,
    name: d.name,
    ...extra,
    rows: d.rows,
    format: d.format,
    encoding: d.encoding,
    delimiter: d.delimiter,
    hasHeader: d.hasHeader,
    family: d.family,
    isDemo: d.isDemo,
    sourceName: d.sourceName,
    sourceHash: d.sourceHash,
    cachePath: d.cachePath,
    columns: d.columns.map((c) => ({ name: c.name, type: c.type, inferredType: c.inferredType, role: c.role, modality: c.modality, stats: c.stats })),
    issues: currentIssues(d),
    validation: { policy: validation.policy, rowsRead: validation.rowsRead, rowsKept: validation.rowsKept, rowsDropped: validation.rowsDropped, linesDropped: validation.linesDropped, valuesImputed: validation.valuesImputed },
    createdAt: d.createdAt,
  };
}

const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, '').replace(/Z$/, '');

/**
 * A datetime column's range (its ends in seconds since 1970): '2021-01-01 .. 2021-01-05' for a column of dates
 * (common/data/date-only.ts, the app's rule), '2021-01-01 00:00 .. 2021-01-03 00:00' when it may hold times.
 */
function timeRangeText(min: number, max: number, distinct: number | null | undefined): string {
  const datesOnly = mayHoldDatesOnly({ minMs: min * 1000, maxMs: max * 1000, distinct });
  const end = datesOnly ? (seconds: number) => isoDate(seconds * 1000) : isoTime;
  return `${end(min)} .. ${end(max)}`;
}

/**
 * Whether a column's '|' tokens are worth saying: it has the multi-hot role, or its rows hold 1.05 tokens or
 * more on average (one row in twenty a list, at least). The importer counts tokens in any coded column with a
 * '|' in it, so a free-text title with a stray '|' got "13,993 distinct tokens, 1.00 per row": a list count
 * that means nothing there. The app's schema table keeps the same rule (SchemaTable.svelte showsTokens).
 */
export function showsListTokens(t: ListTokenStats, role?: string): boolean {
  return role === 'multi-hot' || t.meanPerRow >= LIST_MEAN_TOKENS;
}
export const LIST_MEAN_TOKENS = 1.05;

export function statText(type: string, stats: Record<string, unknown>, role?: string): string {
  const s = stats as { min?: number | null; max?: number | null; mean?: number | null; cardinality?: number | null; missing?: number; listTokens?: ListTokenStats; numbers?: NumberValueStats };
  const parts: string[] = [];
  if (type === 'datetime' && s.min != null && s.max != null) parts.push(timeRangeText(s.min, s.max, s.numbers?.distinct ?? s.cardinality));
  // a boolean as its file wrote it ('2 distinct: no, yes'): the words runs and the app name its classes by;
  // a few categories listed, but not a column of '|' lists, whose tokens say more (below)
  else if (s.cardinality != null) parts.push(`${n(s.cardinality)} distinct${type === 'boolean' ? booleanWordsText(storedStats(stats).booleanWords) : (s.listTokens ? '' : fewValuesText(type, s.cardinality, stats.topValues))}`);
  else if (s.min != null && s.max != null) parts.push(rangeText(s.min, s.max, type === 'float' && (s.numbers?.fractions ?? true)), `mean ${fmt(s.mean ?? NaN)}`);
  // a number or datetime column's distinct values, when its import counted them (what decides classes vs regression; distinct times)
  if (s.numbers) parts.push(`${numberDistinctText(s.numbers.distinct)} distinct`);
  // a column of '|' lists: the tokens the multi-hot role would read, beside its distinct whole values
  if (s.listTokens && showsListTokens(s.listTokens, role)) parts.push(listTokenText(s.listTokens));
  if (s.missing) parts.push(`${n(s.missing)} missing`);
  return parts.join(', ');
}

/** Most values a categorical column's line lists: a label's two ("Charged Off, Fully Paid") or a handful of classes. */
const LISTED_VALUES = 5;

/**
 * ": Charged Off, Fully Paid" (sorted, as a target's classes are) for a categorical column of 2 to 5 values
 * when the import's top values hold them all; '' otherwise. A label written in words showed only "2 distinct",
 * leaving the user to guess which value runs would read as positive.
 */
function fewValuesText(type: string, cardinality: number, topValues: unknown): string {
  if (type !== 'categorical' || cardinality < 2 || cardinality > LISTED_VALUES || !Array.isArray(topValues)) return '';
  const values = topValues.map((t: { value?: unknown }) => t?.value).filter((v): v is string => typeof v === 'string');
  if (values.length !== cardinality) return '';
  // a loan file's term is ' 36 months': quoted, so the space a --positive or a filter must repeat shows
  const spaced = values.some((v) => v !== v.trim() || v === '');
  return `: ${values.sort().map((v) => (spaced ? `'${v}'` : v)).join(', ')}`;
}

/** ": no, yes" (false's word first) when the import kept the file's words for a boolean; '' otherwise. */
function booleanWordsText(words: StoredStats['booleanWords']): string {
  const said = [words?.false, words?.true].filter((x): x is string => x !== undefined);
  return said.length ? `: ${said.join(', ')}` : '';
}

/** "6 distinct tokens ('|'), 1.98 per row (max 3)". */
function listTokenText(t: ListTokenStats): string {
  return `${count(t.distinct, 'distinct token')} ('${t.separator}'), ${t.meanPerRow.toFixed(2)} per row (max ${n(t.maxPerRow)})`;
}

const fmt = (x: number) => (Number.isInteger(x) && Math.abs(x) < 1e12 ? String(x) : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : x.toFixed(3));

/**
 * One notation for both ends of a range: whole numbers when both are, else 3 decimals (more, up to 6, for a
 * small end to keep two significant digits), or exponents when the range reaches 1e5 or stays below 1e-3 or
 * an end needs more than 6 decimals. Each end on its own printed '37.300 .. 63' (audit G6).
 */
function rangeNotation(min: number, max: number, fractional: boolean): (x: number) => string {
  const big = Math.max(Math.abs(min), Math.abs(max));
  // a float column whose ends happen to be whole (30 .. 70 of values like 48.7) keeps one decimal: it has fractions
  if (Number.isInteger(min) && Number.isInteger(max) && big < 1e12) return fractional ? (x) => x.toFixed(1) : String;
  if (big >= 1e5 || big < 1e-3) return (x) => x.toExponential(3);
  const smallest = Math.min(...[min, max].filter((x) => x !== 0).map(Math.abs));
  const decimals = Math.max(3, Math.ceil(-Math.log10(smallest)) + 1);
  return decimals > 6 ? (x) => x.toExponential(3) : (x) => x.toFixed(decimals);
}

/** 'min .. max' in one notation, with enough digits that different ends look different (1500000000 .. 1500005846, not 1.500e+9 twice). */
export function rangeText(min: number, max: number, fractional = false): string {
  const same = rangeNotation(min, max, fractional);
  if (min === max || same(min) !== same(max)) return `${same(min)} .. ${same(max)}`;
  // large values: whole digits, then decimals as needed; small ones: more significant digits
  const big = Math.max(Math.abs(min), Math.abs(max)) >= 1e5 && Math.max(Math.abs(min), Math.abs(max)) < 1e15;
  let d = big ? 0 : 5;
  const show = (x: number) => (big ? x.toFixed(d) : x.toPrecision(d));
  while (d < (big ? 6 : 17) && (show(min) === show(max) || (big && Math.abs(max - min) < 10 ** -d))) d++;
  return `${show(min)} .. ${show(max)}`;
}

export function schemaTable(d: Dataset): string {
  const rows = d.columns.map((c) => [String(c.position + 1), c.name, c.type + (c.typeOverride ? ' (set)' : ''), c.role + (c.modality ? ` [${c.modality}]` : ''), statText(c.type, c.stats, c.role)]);
  const head = ['#', 'column', 'type', 'role', 'values'];
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => '  ' + r.map((v, i) => (i === r.length - 1 ? v : v.slice(0, widths[i]).padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/**
 * The label of an issue: its severity, except for bad rows after an import under 'drop': 'dropped' (not
 * an 'error': the dataset exists without them; datasets imported before the importer made those warnings
 * still record 'error').
 */
function label(i: ValidationIssue, policy: InvalidPolicy | undefined): string {
  return policy === 'drop' && (i.kind === 'ragged_row' || i.kind === 'unparsable') ? 'dropped' : i.severity;
}

export function issueLines(issues: ValidationIssue[], limit = 12, policy?: InvalidPolicy): string[] {
  return issues.slice(0, limit).map((i) => {
    const ex = i.examples?.[0];
    const where = ex ? ` (first: line ${ex.line}${ex.column ? `, column '${ex.column}'` : ''}${ex.value !== '' ? `: '${ex.value}'` : ''})` : '';
    return `  ${label(i, policy).padEnd(7)} ${i.kind}: ${i.message}${where}`;
  }).concat(issues.length > limit ? [`  ... and ${issues.length - limit} more (see --json)`] : []);
}

/**
 * "1 row dropped", and when the dropped rows ran over more lines of the file (a stray quote joins lines
 * into one row), "1 row dropped (4 lines of the file)": the user who counts lines in an editor sees them all.
 */
export function droppedText(rows: number, lines?: number): string {
  const dropped = `${count(rows, 'row')} dropped`;
  return lines !== undefined && lines !== rows ? `${dropped} (${count(lines, 'line')} of the file)` : dropped;
}

export function datasetReport(d: Dataset, headline: string): string {
  const v = (d.validation ?? {}) as Partial<ValidationReport>;
  const issues = currentIssues(d);
  const source = [d.format, d.encoding, d.delimiter ? `delimiter ${JSON.stringify(d.delimiter)}` : null, d.hasHeader == null ? null : d.hasHeader ? 'header' : 'no header'].filter(Boolean).join(', ');
  const kept = v.rowsDropped ? `; ${droppedText(v.rowsDropped, v.linesDropped)}` : '';
  const imputed = v.valuesImputed ? `; ${count(v.valuesImputed, 'value')} imputed` : '';
  return [
    headline,
    `${count(d.rows, 'row')} x ${count(d.columns.length, 'column')} (${source})${kept}${imputed}`,
    schemaTable(d),
    issues.length ? `Validation: ${count(issues.length, 'issue')}` : 'Validation: no issues',
    ...issueLines(issues, 12, v.policy),
  ].join('\n');
}
