// A binary label read by a rule (MovieLens `rating ≥ 4`) reaches the model as each row's side of the rule
// ('≥ 4' or '< 4'): the rating itself is not in the run's data. `gatelab knockout --rows` reads it from the
// dataset, each test row placed where Try it places it (try-sources.ts: `gatelab split`'s rows, checked
// against the test rows the model has), so a reader tells a 5 from a 4 that sits on the rule's edge.
import type { RunRecord } from '../store/index';
import { checkedAgainst, trySources, type SourceContext } from '../lab/try-sources';
import { lazyDatasetCache } from '../runs/run-pipeline';
import { cellOf } from '../lab/cells';

/** Each asked row's value of the column, in the order asked; or why they could not be read. */
export type RuleTargetValues = { values: Array<string | number | null> } | { problem: string };

/**
 * Column `column` of the dataset rows behind test rows `rows` of run `run`, whose test split has `testRows`
 * rows (the model's count: a split re-derived to another count would place row i elsewhere). Never throws.
 */
export async function ruleTargetValues(ctx: SourceContext, run: RunRecord, column: string, rows: readonly number[], testRows: number): Promise<RuleTargetValues> {
  const placed = checkedAgainst(await trySources(ctx, run, [...rows]), testRows);
  if (!placed.rows) return { problem: placed.sources.problem ?? 'its test rows could not be placed in the dataset' };
  try {
    const { cacheDir } = ctx.resolveDataset(run) as { cacheDir: string };
    const cache = lazyDatasetCache(cacheDir);
    const info = cache.meta.columns.find((c) => c.name === column);
    if (!info) return { problem: `the dataset has no column '${column}' now` };
    const { values, dictionary } = cache.column(column);
    return { values: placed.rows.map((p) => cellOf({ info, values, dictionary: dictionary ?? null }, p.row)) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}
