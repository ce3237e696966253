// What `gatelab knockout RUN --rows` reads a run's rows by besides the lab's result (knockout-rows.ts): its
// label (a regression's is its target column, so the heading says `price`, as Try it's "Regression of
// price", not the output's name `prediction`), its classes, and under a label rule each asked row's own
// value of the rule's column (the rating behind `rating ≥ 4`, main/lab/analytics/rule-target-values.ts).
import type { KnockoutRowsResult } from '../../common/analytics';
import { runClassNames } from '../../common/analytics/class-names';
import type { LabelCoding } from '../../common/trainer-protocol';
import type { RunRecord } from '../lab/store/index';
import type { SourceContext } from '../lab/lab/try-sources';
import { testClassesOf } from '../lab/runs/test-classes-report';
import { ruleTargetValues } from '../lab/analytics/rule-target-values';
import type { RowsReading } from './knockout-rows';

/** The data line's words for a regressed target (common/models/regression-target.ts describeRegression). */
const REGRESSING = /(?:^|; )regressing '(.+?)'(?: \(task=regression\))?: a number/;

/**
 * The run's target column as the user's file names it: its column snapshot's target, else the trainer's
 * label column, else (a regression stored before the snapshot) its data line's; null when none says.
 */
export function runTargetColumn(run: Pick<RunRecord, 'config' | 'dataSummary'>): string | null {
  const columns = (run.config as { data?: { columns?: unknown } } | null)?.data?.columns;
  const snapshot = Array.isArray(columns) ? (columns as { name?: unknown; role?: unknown }[]).find((c) => c?.role === 'target')?.name : undefined;
  if (typeof snapshot === 'string') return snapshot;
  return run.dataSummary?.label?.column ?? REGRESSING.exec(run.dataSummary?.line ?? '')?.[1] ?? null;
}

/** The label, classes and rule values the rows of `result` (run `run`'s) are read by; the gate names are the caller's. */
export async function rowsReading(ctx: SourceContext, run: RunRecord | undefined, result: KnockoutRowsResult): Promise<Omit<RowsReading, 'names'>> {
  if (!run) return {};
  const column = runTargetColumn(run);
  const label: LabelCoding | undefined = run.dataSummary?.label ?? (column !== null ? { column } : undefined);
  // classes by the values of the target ("1".."5" of a rating), not the model's class ids
  const classes = result.task === 'multiclass' ? runClassNames(label, testClassesOf(ctx.store, run.id)) : label?.classes;
  const rule = result.task === 'binary' && label?.positiveAtLeast !== undefined;
  const ruleValues = rule ? await ruleTargetValues(ctx, run, label.column, result.rows.map((r) => r.row), result.testRows) : undefined;
  return { label, classes, ruleValues };
}
