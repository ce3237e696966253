// What a template needs of its data beyond what its family needs, judged the one way by the app's Models
// page (Start stays off, renderer/lib/data-shape.ts) and by the lab when a run is created (refused before it
// is queued, main/lab/runs/data-guard.ts). MMoE (engine/models/recsys/gated.ts) learns the click and the
// rating behind it: its batch has a `rating` tensor, which the binding (common/models/binding.ts) gives
// only for a numeric target read as a click by a rule (MovieLens: rating ≥ 4). Without one it stopped at
// step 0 ("the batch has no 'rating' tensor"), leaving a failed run.

/** Templates with a second, regression task on the rating behind the click. */
export const NEEDS_RATING = new Set(['mmoe']);

/** The target column's type and statistics, as the dataset's schema has them. */
export interface TargetFacts {
  type: string;
  distinct: number | null;
  min: unknown;
  max: unknown;
}

/** A binding's columns, as much of them as the rule reads (DataColumns, DataBindingInput['columns']). */
export interface BoundColumns {
  family: string;
  /** recsys: the label's column and rule; fusion: the target's name (the rule reads recsys only). */
  label?: { column: string } | string;
  rating?: string;
}

/**
 * Why `template` cannot train on the dataset although its family can (MMoE without a rating), or null.
 * `howToAddRule` says, in the words of the face that asks, how to give the target a label rule.
 */
export function templateDataProblem(
  template: string | undefined,
  columns: BoundColumns,
  dataset: { name: string; target: TargetFacts | undefined },
  howToAddRule: (column: string) => string,
): string | null {
  if (!template || !NEEDS_RATING.has(template) || columns.family !== 'recsys' || columns.rating || typeof columns.label !== 'object') return null;
  const column = columns.label.column;
  const target = dataset.target;
  const numeric = target?.type === 'int' || target?.type === 'float';
  // A 0/1 column is a click already: a rule would not make it a rating.
  const click = !numeric || (target.distinct !== null && target.distinct <= 2) || (target.min === 0 && target.max === 1);
  const head = `${template} predicts the click and the rating behind it: its target must be a numeric rating read as a click by a rule (MovieLens: rating ≥ 4)`;
  if (click) return `${head}. ${dataset.name}'s target '${column}' is a click, with no rating to learn: pick another template (finalmlp, dnn, moe-dnn…) or a dataset with ratings.`;
  return `${head}. ${howToAddRule(column)}, or pick another template.`;
}
