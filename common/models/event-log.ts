// A ratings or click log with side features (customer_id, product_id, stars, ts, category, customer_age, price)
// has a time column and numbers, so "a time column, no target, numbers" read it as a series: the import told it
// to resample its irregular times, `gatelab import` suggested dlinear, the app opened Forecasting. Many user and
// item ids and a column named as a label say log instead, and a run would "forecast" stars, ages and prices in
// file order. One rule, read by `gatelab import`'s Next line (main/cli/import-next-step.ts), the import's notes
// (workers/import/table-shape.ts), the app's family pick (renderer/stores/models-family.ts) and a forecasting
// run's data checks, so the four cannot call one file two things.
import { LABEL_NAMES } from './likely-target';
import { statsHints, type RatingHint } from './stats-hints';

/** More distinct values than a handful of categories (a status, a shop's departments): user or item ids. */
export const MANY_IDS = 50;

/** What the rule reads of a column: `cardinality` is a categorical column's distinct values (unknown: absent or null). */
export interface EventLogColumn { name: string; type: string; cardinality?: number | null }

/**
 * The label-named column of a log with side features, or undefined when the columns do not read as one: two or
 * more categorical columns of more than MANY_IDS values (users, items), and a column named as a label
 * (LABEL_NAMES: stars, rating, clicked...; the first such, as likelyTarget picks it) that is no float. Both are
 * asked: a long-format series (a few stores, sales by day) has few ids, and a file of many stores and items
 * names its measurement 'sales' (or, as Prophet's files, a float 'y'). `columns`: those in use.
 */
export function eventLogLabel<C extends EventLogColumn>(columns: readonly C[]): C | undefined {
  const manyIds = columns.filter((c) => c.type === 'categorical' && (c.cardinality ?? 0) > MANY_IDS).length;
  const label = columns.find((c) => c.type !== 'datetime' && LABEL_NAMES.test(c.name.trim()));
  return manyIds >= 2 && label && label.type !== 'float' ? label : undefined;
}

/**
 * The rating scale of a label `gatelab import` suggests a click threshold for (`--set positiveAtLeast=4` on
 * stars 1..5: the one a CTR run's refusal would ask for), or undefined. Not for a scale from 0, whose 0s may
 * mean "not rated": that refusal says how to leave them out, which a threshold given up front would skip.
 */
export function suggestedRating(label: string, columns: ReadonlyArray<{ name: string; type: string; role?: string; stats?: unknown }>): RatingHint | undefined {
  const rating = statsHints(columns).ratings.get(label);
  return rating && rating.min > 0 ? rating : undefined;
}
