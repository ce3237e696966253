// When a fusion target is a number to regress rather than a set of classes, decided in this one place (the
// trainer, the export and the lab's pre-queue check all ask here):
//
//   task=auto (the default): a numeric column is regressed when it has more than two distinct values and
//     they are not classes: a value with a fraction (a price, 3.7 stars), or more distinct integers than
//     MAX_INTEGER_CLASSES (100: a count, an age, a year). Anything else (two values, a few integers, words,
//     a label rule positiveAtLeast) is classified as before.
//   task=regression: any numeric column with at least two distinct values (a 1–5 score as a number).
//   task=classification: never regressed (target.ts codes the values as classes, up to MAX_CLASSES).
//
// Runs from before this rule stored no `task`: auto regresses exactly the targets the lab used to refuse, so
// every such run classifies again as it trained. Missing values (NaN, an empty cell) are no target: their
// rows are left out, as for classes.
import type { DataColumn } from '../data';
import { MAX_CLASSES, distinctCodes, distinctNumbers, numberName, readsAsNumber, retypeAdvice, type DatasetRef } from './target';
import { autoRegresses } from './regression-reading';

/** How a fusion target is read: `--set task=…` (model.task). */
export const TARGET_TASKS = ['auto', 'classification', 'regression'] as const;
export type TargetTask = (typeof TARGET_TASKS)[number];

/** A target regressed in its own units; the model learns it standardized on the training rows. */
export interface RegressionTarget {
  kind: 'regression';
  column: string;
  /** Distinct values among the rows that have one. */
  distinct: number;
  /** The user asked for it (task=regression), rather than the auto rule. */
  forced: boolean;
  /** A few of the values, sorted, as the file wrote them (the note shows them). */
  examples: string[];
  /** The row's target, NaN when it has none. */
  valueOf(row: number): number;
}

export interface RegressionOptions {
  task?: TargetTask;
  positiveAtLeast?: number;
  /** The column's type in the dataset: a datetime is never regressed (target.ts says it is a time). */
  type?: string;
  /** The dataset, when the caller knows it: the retype advice names it (target.ts retypeAdvice). */
  dataset?: DatasetRef;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The regression reading of a target column, or undefined when it is to be classified (the rule above).
 * Throws, naming the fix, when task=regression cannot hold: a rule given too, words, no value, one value.
 */
export function regressionTarget(col: DataColumn, column: string, o: RegressionOptions = {}): RegressionTarget | undefined {
  const task = o.task ?? 'auto';
  if (task === 'classification') return undefined;
  const forced = task === 'regression';
  if (o.positiveAtLeast !== undefined) {
    if (forced) throw new Error(`task=regression regresses '${column}' in its own units, and positiveAtLeast=${o.positiveAtLeast} makes it a binary label: remove one of the two (--set positiveAtLeast is for classification)`);
    return undefined;
  }
  if ((col.dim ?? 1) > 1 || o.type === 'datetime') return undefined; // target.ts refuses both, in its words
  const dict = col.dictionary;
  // Auto reads only numeric columns: a categorical column's values are classes even when they are digits.
  if (dict && !forced) return undefined;
  if (dict) throw new Error(codedRefusal(col, column, o.type, o.dataset));
  const rows = col.values.length;
  const numberAt = (r: number) => (Number.isFinite(col.values[r]) ? col.values[r] : NaN);
  const { seen, integers } = distinctNumbers(rows, numberAt);
  const distinct = seen.size;
  if (!forced && !autoRegresses(distinct, integers)) return undefined;
  if (distinct === 0) throw new Error(`the target '${column}' has no number in any row: there is nothing to regress; choose another target column`);
  const float32 = col.values instanceof Float32Array;
  const sorted = [...seen].sort((a, b) => a - b);
  const examples = (sorted.length > 5 ? [...sorted.slice(0, 3), sorted[sorted.length - 1]] : sorted).map((v) => numberName(v, float32));
  if (distinct === 1) throw new Error(`the target '${column}' is ${examples[0]} in every row that has a value: a constant has nothing to regress (its standard deviation is 0); choose another target column`);
  return { kind: 'regression', column, distinct, forced, examples, valueOf: numberAt };
}

/**
 * Why task=regression refuses a coded column (categorical, text, boolean: scaled by no z-score,
 * common/data/scalers.ts), and the fix that works for its values: retyping as a number only when every value
 * reads as one (else the retype fails on them), classifying only when the values are few enough to be classes.
 * The retype command names the dataset when the caller passed it (else no id it would have to make up).
 */
function codedRefusal(col: DataColumn, column: string, type: string | undefined, dataset: DatasetRef | undefined): string {
  const values = distinctCodes(col, col.values.length).map((c) => col.dictionary![c].trim());
  const numbers = values.length > 0 && values.every(readsAsNumber);
  const sorted = numbers ? values.sort((a, b) => Number(a) - Number(b)) : values.sort();
  const shown = sorted.slice(0, 5).join(', ') + (values.length > 5 ? ', …' : '');
  const classify = values.length <= MAX_CLASSES ? ', or remove --set task=regression to classify its values' : '';
  const head = `task=regression needs a numeric target; '${column}' is typed ${type ?? 'categorical'}`;
  if (numbers) {
    return `${head}, and its values read as numbers (${shown}): retype it as a number ${retypeAdvice(column, dataset)}${classify}`;
  }
  return `${head} and holds words (${shown}), not numbers: it cannot be regressed; choose a numeric target column${classify}`;
}

/** The run's note on how its target is read: what, why, and the setting that reads it the other way. */
export function describeRegression(t: RegressionTarget): string {
  const values = t.examples.length === t.distinct || t.distinct <= 5 ? t.examples.join(', ') : `${t.examples.slice(0, 3).join(', ')}, …, ${t.examples[t.examples.length - 1]}`;
  const plural = t.distinct === 1 ? '' : 's';
  if (t.forced) return `regressing '${t.column}' (task=regression): a number with ${fmt(t.distinct)} distinct value${plural} (${values}); metrics mse, mae, rmse, r2 in its own units`;
  // classes only while they are few enough (target.ts refuses more than MAX_CLASSES): else the threshold alone
  const classes = t.distinct <= MAX_CLASSES ? '--set task=classification to treat its values as classes, or ' : '';
  return `regressing '${t.column}': a number with ${fmt(t.distinct)} distinct value${plural} (${values}); metrics mse, mae, rmse, r2 in its own units; ` +
    `use ${classes}--set positiveAtLeast=T for a binary label (value ≥ T)`;
}
