// What `gatelab knockout RUN --rows` reads a run's rows by besides the lab's result (knockout-rows.ts): its
// label (a regression's is its target column, so the heading says `price`, as Try it's "Regression of
// price", not the output's name `prediction`), its classes, and under a label rule each asked row's own
// value of the rule's column (the rating behind `rating ≥ 4`, main/lab/analytics/rule-target-values.ts), read
// as the app's What if and Try it read it. The target column is common/models/run-target-column.ts's.
import type { KnockoutRowsResult } from '../../common/analytics';
import { runClassNames } from '../../common/analytics/class-names';
import type { LabelCoding } from '../../common/trainer-protocol';
import type { RunRecord } from '../lab/store/index';
import type { SourceContext } from '../lab/lab/try-sources';
import { testClassesOf } from '../lab/runs/test-classes-report';
import { rowsRuleValues } from '../lab/analytics/rule-target-values';
import { runTargetColumn } from '../../common/models/run-target-column';
import type { RowsReading } from './knockout-rows';

/** The label, classes and rule values the rows of `result` (run `run`'s) are read by; the gate names are the caller's. */
export async function rowsReading(ctx: SourceContext, run: RunRecord | undefined, result: KnockoutRowsResult): Promise<Omit<RowsReading, 'names'>> {
  if (!run) return {};
  const column = runTargetColumn(run.config, run.dataSummary);
  const label: LabelCoding | undefined = run.dataSummary?.label ?? (column !== null ? { column } : undefined);
  // classes by the values of the target ("1".."5" of a rating), not the model's class ids
  const classes = result.task === 'multiclass' ? runClassNames(label, testClassesOf(ctx.store, run.id)) : label?.classes;
  // the rows' rule values as the app's What if and Try it read them (one reader: rule-target-values.ts)
  return { label, classes, ruleValues: await rowsRuleValues(ctx, run, result) };
}
