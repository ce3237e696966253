// A binary label read by a rule (MovieLens `rating ≥ 4`) reaches the model as each row's side of the rule
// ('≥ 4' or '< 4'): the rating itself is not in the run's data. `gatelab knockout --rows`, the app's What if
// (analytics.knockoutRows) and Try it (runs.try) read it from the dataset, each test row placed where Try it
// places it (try-sources.ts: `gatelab split`'s rows, checked against the test rows the model has), so a
// reader tells a 5 from a 4 that sits on the rule's edge. One reader, so the CLI and the app say the same.
import type { RunRecord } from '../store/index';
import { checkedAgainst, trySources, type Placed, type SourceContext } from '../lab/try-sources';
import { lazyDatasetCache } from '../runs/run-pipeline';
import { cellOf } from '../lab/cells';

/** Each asked row's value of the column, in the order asked; or why they could not be read. */
export type RuleTargetValues = { values: Array<string | number | null> } | { problem: string };

/** The rule's column of a binary run whose label is read by a rule (`rating` of `rating ≥ 4`); null otherwise. */
export function ruleColumnOf(run: Pick<RunRecord, 'dataSummary'>, task: string): string | null {
  const label = run.dataSummary?.label;
  return task === 'binary' && label?.positiveAtLeast !== undefined ? label.column : null;
}

/**
 * Column `column` of the dataset rows `placed` holds (trySources, checked against the model's test rows).
 * A float32 column's 3.7 is read as 3.700000047…: it is given to float32's 7 digits. Never throws.
 */
export function ruleValuesAt(ctx: SourceContext, run: RunRecord, column: string, placed: Placed): RuleTargetValues {
  if (!placed.rows) return { problem: placed.sources.problem ?? 'its test rows could not be placed in the dataset' };
  try {
    const { cacheDir } = ctx.resolveDataset(run) as { cacheDir: string };
    const cache = lazyDatasetCache(cacheDir);
    const info = cache.meta.columns.find((c) => c.name === column);
    if (!info) return { problem: `the dataset has no column '${column}' now` };
    const { values, dictionary } = cache.column(column);
    const read = (row: number) => cellOf({ info, values, dictionary: dictionary ?? null }, row);
    const float32 = values instanceof Float32Array;
    return { values: placed.rows.map((p) => { const v = read(p.row); return float32 && typeof v === 'number' ? Number(v.toPrecision(7)) : v; }) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/**
 * Column `column` of the dataset rows behind test rows `rows` of run `run`, whose test split has `testRows`
 * rows (the model's count: a split re-derived to another count would place row i elsewhere). Never throws.
 */
export async function ruleTargetValues(ctx: SourceContext, run: RunRecord, column: string, rows: readonly number[], testRows: number): Promise<RuleTargetValues> {
  return ruleValuesAt(ctx, run, column, checkedAgainst(await trySources(ctx, run, [...rows]), testRows));
}

/** What a result's rows are (a knockout's, Try it's): the task shown, the test rows asked, the test split's size. */
interface AskedRows { task: string; testRows: number; rows: ReadonlyArray<{ row: number }> }

/** The rule column's value of each row of `result` (run `run`'s); undefined when the run's label has no rule. */
export async function rowsRuleValues(ctx: SourceContext, run: RunRecord, result: AskedRows): Promise<RuleTargetValues | undefined> {
  const column = ruleColumnOf(run, result.task);
  return column === null ? undefined : ruleTargetValues(ctx, run, column, result.rows.map((r) => r.row), result.testRows);
}

/** The answer's words for rule values (common/lab-api/analytics.ts): each row's `targetValue` when read, else the answer's `targetValueProblem`. */
export function withRuleValues<Row extends object, R extends { rows: Row[] }>(result: R, values: RuleTargetValues | undefined): R & { rows: Array<Row & { targetValue?: string | number }>; targetValueProblem?: string } {
  if (!values) return result;
  if ('problem' in values) return { ...result, targetValueProblem: values.problem };
  return { ...result, rows: result.rows.map((row, i) => { const v = values.values[i]; return v === null || v === undefined ? row : { ...row, targetValue: v }; }) };
}
