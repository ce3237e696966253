// The auto rule of regression-target.ts in one place, for the two readers that need it: the trainer, which
// sees every value of the target column, and the Models form, which only has the column's statistics
// (type, distinct count). Both ask `autoRegresses`; the form goes through `regressesByStats`, which for a
// dataset imported since the importer counts a number column's values (NumberValueStats) asks it with the
// very facts the trainer counts, so the two cannot disagree; for an older dataset it can only guess.
import { MAX_INTEGER_CLASSES } from './target';
import type { TargetTask } from './regression-target';
import type { NumberValueStats } from '../dataset-cache';

/**
 * task=auto: a numeric target is regressed when it has more than two distinct values and they are not
 * classes: a value with a fraction, or more distinct integers than MAX_INTEGER_CLASSES.
 */
export function autoRegresses(distinct: number, integers: boolean): boolean {
  return distinct > 2 && (!integers || distinct > MAX_INTEGER_CLASSES);
}

/** What the form knows of a target column (the lab's column statistics). */
export interface TargetStats {
  type: string;
  /** What the importer inferred, when the user set another type. */
  inferredType?: string;
  /** Counted for coded columns only: null for numbers, which have numberValues (or, older, only their range and histogram). */
  distinct: number | null;
  min?: number | string | null;
  max?: number | string | null;
  /** Equal-width bins over [min, max] (the importer's 20): a bin with rows holds at least one value of its own. */
  histogram?: { counts: number[] } | null;
  /** A number column's distinct values and fractions as the importer counted them (absent in older datasets). */
  numberValues?: NumberValueStats;
}

/** The trainer's auto rule over the importer's count of a number column (its cap, 1,001, is "more than 100" too). */
export function countRegresses(n: NumberValueStats): boolean {
  return autoRegresses(n.distinct, !n.fractions);
}

/**
 * Whether `regressesByStats` can only estimate a number column's reading: the dataset was imported before
 * the importer counted its values (import it again, or change a type, and the count is there).
 */
export function readingIsGuess(c: TargetStats | undefined): boolean {
  return !!c && (c.type === 'int' || c.type === 'float') && !c.numberValues && c.distinct === null;
}

/**
 * Bounds on a column's distinct values from its statistics: the count when the lab has it; for a number,
 * at least its histogram's non-empty bins, and for whole numbers at most its range max − min + 1.
 */
function distinctBounds(c: TargetStats, integers: boolean): { low: number; high: number } {
  if (c.distinct !== null) return { low: c.distinct, high: c.distinct };
  const filled = c.histogram?.counts.filter((n) => n > 0).length ?? 0;
  const low = typeof c.min === 'number' && typeof c.max === 'number' ? Math.max(filled, c.max > c.min ? 2 : 1) : filled;
  const high = integers && typeof c.min === 'number' && typeof c.max === 'number' ? c.max - c.min + 1 : Infinity;
  return { low, high: Math.max(low, high) };
}

/**
 * Whether a fusion target reads as a number to regress, from its statistics. With the importer's count
 * (numberValues): the trainer's rule on the trainer's facts (countRegresses). Without it (an older dataset)
 * the bounds above decide, reading "has a fraction" off the type (the importer types a number column
 * 'float' only when a value has a fraction, so a column the user typed float over whole numbers, inferred
 * 'int', still counts as integers): fractions with three or more histogram bins in use have more than two
 * values; whole numbers within a range of 100 are at most 100 classes, and over a wider range with three
 * or more bins in use are read as a number. An estimate, which readingIsGuess owns up to: a few integers
 * spread wide (200, 404, 500) are classes to the trainer, fractions in two bins may be hundreds of values.
 * A label rule (positiveAtLeast) or task=classification never regresses; task=regression regresses any
 * number column (the trainer refuses a constant, in its words). Words, times and vectors are never regressed.
 */
export function regressesByStats(c: TargetStats | undefined, o: { task?: TargetTask | string; positiveAtLeast?: number } = {}): boolean {
  const task = o.task ?? 'auto';
  if (!c || task === 'classification' || o.positiveAtLeast !== undefined) return false;
  if (c.type !== 'int' && c.type !== 'float') return false;
  if (task === 'regression') return true;
  if (task !== 'auto') return false;
  if (c.numberValues) return countRegresses(c.numberValues);
  const integers = c.type === 'int' || c.inferredType === 'int';
  const { low, high } = distinctBounds(c, integers);
  if (!integers) return autoRegresses(low, false);
  return high > MAX_INTEGER_CLASSES && low > 2;
}
