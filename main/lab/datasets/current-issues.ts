// A dataset's validation issues as they stand under its current roles. The importer writes them once, from
// the roles it guessed; a role set later can settle one: a column given the role series-id makes a
// long-format file's repeated and unsorted times what a pivot expects (one row per time and series, sorted
// by the run), and a '|'-list column given the multi-hot role has followed the hint to do so. Showing those
// as they were told the user to do what they had just done, and kept the warning badge up. Both faces (the
// app's Validation tab, `gatelab datasets show`) read the issues through here; the stored report is unchanged,
// so a role set back brings the warning back. A feature that alone nearly decides the target (leakage) is
// judged here too, from the roles as they are (leak-issues.ts): the target is mostly set after the import.
import type { ValidationIssue, ValidationReport } from '../../../common/dataset-cache';
import type { DatasetCacheMeta } from '../../../common/dataset-cache';
import { longLayout } from '../../../common/data/forecasting-rows';
import { recordedLongFormat, type LongFormatReading } from '../../../common/data/long-format-reading';
import type { Dataset } from './registry';
import { leakIssues } from './leak-issues';
import { adviceNamingDataset } from '../../../common/text/dataset-in-advice';

/** A dataset's record; with its name and cache (every stored dataset has them), its features are checked for leakage too. */
export type IssuesOf = Pick<Dataset, 'id' | 'rows' | 'validation' | 'columns'> & Partial<Pick<Dataset, 'name' | 'family' | 'cachePath'>>;

export function currentIssues(d: IssuesOf): ValidationIssue[] {
  const issues = ((d.validation ?? {}) as Partial<ValidationReport>).issues ?? [];
  const pivot = seriesByRole(d);
  const multiHot = new Set(d.columns.filter((c) => c.role === 'multi-hot').map((c) => c.name));
  const current = issues
    .filter((i) => !multiHotDone(i, multiHot))
    .map((i) => (pivot && i.column === pivot.time ? pivotSettles(i, pivot, recordedLongFormat(d.validation)) : i))
    .map((i) => ({ ...i, message: adviceNamingDataset(i.message, d.id) }));
  if (d.cachePath === undefined || d.name === undefined) return current;
  // with the warnings, before the information (the stored report is ordered by severity)
  const leaks = leakIssues({ ...d, name: d.name, cachePath: d.cachePath, family: d.family ?? null });
  const firstInfo = current.findIndex((i) => i.severity === 'info');
  return firstInfo < 0 ? [...current, ...leaks] : [...current.slice(0, firstInfo), ...leaks, ...current.slice(firstInfo)];
}

/**
 * The long-format layout a forecasting run would pivot by because the user set a series-id column (the
 * run's own rule, common/data/forecasting-rows.ts longLayout); null without one, or when the roles cannot
 * say (two series-id columns, no time column: the run refuses those, saying why, and the issues stand).
 */
function seriesByRole(d: IssuesOf): { time: string; series: string } | null {
  // longLayout reads the columns' names, types and stats, the row count and the issues: all in the record
  const meta = { rows: d.rows, columns: d.columns, validation: d.validation } as unknown as DatasetCacheMeta;
  try {
    const layout = longLayout(meta, d.columns);
    return layout?.by === 'role' ? layout : null;
  } catch {
    return null;
  }
}

/**
 * A time-column issue under a series-id pivot: repeated and unsorted times are long format's shape, so they
 * become information (kind and count kept: the app's model form reads them), and the long-format note's
 * advice to set the series-id role is dropped, as done.
 */
function pivotSettles(i: ValidationIssue, { time, series }: { time: string; series: string }, recorded: readonly LongFormatReading[] | undefined): ValidationIssue {
  const settled = `column '${series}' has the role series-id, so a forecasting run pivots the file into one row per time, one series per value of '${series}', sorted by time`;
  // (an import that found the layout itself already said how the run pivots: the role's words replace those, not follow them)
  const head = i.message.replace(/; long format \(see the note\)[^]*$/, '');
  if (i.kind === 'duplicate_time') {
    return { ...i, severity: 'info', message: `${head}. Expected in long format: ${settled}; a (${time}, ${series}) pair that repeats is refused when a run starts, naming it` };
  }
  if (i.kind === 'unsorted_time') return { ...i, severity: 'info', message: `${head}. Expected in long format: ${settled}` };
  // the note names the column it guessed; when that one has the role, its advice (set another column instead) is
  // moot. Only the long-format note carries that advice, so cutting it leaves the time column's other notes as they are
  if (i.kind === 'note' && importGuessed(i, time, series, recorded)) return { ...i, message: i.message.replace(/ If another column tells the series apart, [^]*$/, '') };
  return i;
}

/**
 * Whether the import read `time` as long format with `series` telling the series apart: its recorded reading
 * (the report's longFormat) says so, whatever the note's words. A report without one predates the recording
 * (legacy): there the note's own words are all there is, as that import wrote them and no import writes again.
 */
function importGuessed(i: ValidationIssue, time: string, series: string, recorded: readonly LongFormatReading[] | undefined): boolean {
  if (recorded) return recorded.some((r) => r.time === time && r.series === series);
  return i.message.includes(`and column '${series}' has `);
}

/**
 * The hint to give a '|'-list column the multi-hot role, once it has it. The stored issue keeps no topic,
 * so it is known by its advice (workers/import/category-checks.ts): the ';'-list variant stays, since the
 * multi-hot role splits only on '|'. Datasets imported before the advice named the app's way too keep the
 * older wording in their stored report: both are known.
 */
function multiHotDone(i: ValidationIssue, multiHot: ReadonlySet<string>): boolean {
  return i.kind === 'note' && i.column !== null && multiHot.has(i.column)
    && (i.message.includes('give it the multi-hot role, one feature of its tokens (in the app: ')
      || i.message.includes(`give it the multi-hot role (one feature of its tokens): gatelab datasets roles DATASET '${i.column}=multi-hot'`));
}
