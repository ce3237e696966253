// A regressed target has no classes to stratify by: fusion's default split (stratified by the target, 80/10/10)
// would make every distinct price a class of one row, and a class of one row always lands in training, so
// validation and test would be empty. The template's DEFAULT split is then cut at random instead, with the same
// shares and seed. A split the user stored is never re-cut: README promises every run on a stored split sees
// exactly its rows, so a run on a stored split stratified by a regressed target is refused (the lab refuses it
// before queueing, main/lab/runs/data-guard.ts; a caller that knows the split is stored passes `stored` and gets
// the same refusal), and a new stratified split by such a column is refused when it is created
// (main/lab/datasets/splits.ts). The trainer, the export and gate analytics recompute a run's split through
// this, each passing `stored` when the run names a stored split (a run queued before the lab refused such
// splits reaches them all the same), so all three cut the same rows, or refuse with the lab's words.
import type { ColumnSource, SplitSpecInput } from '../data';
import { regressionTarget, type TargetTask } from './regression-target';

/** The binding's columns, parsed or as given (only a fusion binding's target fields are read). */
type TargetColumns = { family: string; label?: unknown; task?: TargetTask; positiveAtLeast?: number };

/**
 * A stored split, as a refusal names it. A trainer knows the split is stored (the lab sends its spec only for
 * a run's `data.splitId`) and its id from the run's config; its name only when the lab sends it.
 */
export interface StoredSplitName { id?: number; name?: string }

/**
 * The split to compute for a binding: `spec`, or for the template's default split stratified by a regressed
 * target, a random one. With `stored` (the split is one the user stored), such a split is refused instead.
 */
export function splitForTarget(spec: SplitSpecInput, data: ColumnSource, columns: TargetColumns, typeOf?: (column: string) => string | undefined, stored?: StoredSplitName): SplitSpecInput {
  const regressed = stratifiedByRegressedTarget(spec, data, columns, typeOf);
  if (!regressed || spec.kind !== 'stratified') return spec;
  if (stored) throw new Error(storedSplitRefusal(stored, regressed.column, regressed.distinct));
  return { kind: 'random', ratios: spec.ratios, ...(spec.seed !== undefined ? { seed: spec.seed } : {}) };
}

/** The regressed target a fusion binding's split is stratified by, or undefined (any other split or target). */
export function stratifiedByRegressedTarget(spec: SplitSpecInput, data: ColumnSource, columns: TargetColumns, typeOf?: (column: string) => string | undefined): { column: string; distinct: number } | undefined {
  if (columns.family !== 'fusion' || spec.kind !== 'stratified' || typeof columns.label !== 'string' || spec.column !== columns.label) return undefined;
  const regressed = regressionTarget(data.column(columns.label), columns.label, { task: columns.task, positiveAtLeast: columns.positiveAtLeast, type: typeOf?.(columns.label) });
  return regressed ? { column: regressed.column, distinct: regressed.distinct } : undefined;
}

/** Why a run on a stored split stratified by a regressed target is refused, and the fix. */
export function storedSplitRefusal(split: StoredSplitName, column: string, distinct?: number): string {
  const values = distinct !== undefined ? ` with ${distinct.toLocaleString('en-US')} distinct values` : '';
  const which = split.id === undefined ? 'the stored split' : `split ${split.id}${split.name !== undefined ? ` '${split.name}'` : ''}`;
  return `${which} is stratified by '${column}', a number to regress${values}: each value would be its own class, ` +
    `and a stored split is never re-cut behind your back. Make a random split (gatelab datasets split DATASET --kind random --seed 42) and run with --set data.splitId=<its id>, ` +
    `or run without data.splitId (the default split of a number to regress is random)`;
}

/** The data line's note when splitForTarget changed the split. */
export const RANDOM_SPLIT_NOTE = 'split at random (a number to regress has no classes to stratify by)';
