// The values a dataset column holds, read from what the lab shows of it (ColumnInfo, datasets.ts): the lab's
// check of a positive value (main/lab/lab/positive-rule.ts, `gatelab datasets roles … --positive`) and the
// app's Positive class box (renderer/lib/positive-choice.ts) read a two-valued target's values alike.
import type { ColumnInfo } from './datasets';

export interface HeldValuesOptions {
  /**
   * The app's Positive class box also reads a number column from 0 to 1 as those two values, so a dataset
   * imported before number columns had value counts still gets the box; a column whose counts are known
   * (a 0 / 0.5 / 1 column: 3 values) is read by them. The lab's check leaves it out: it refuses only what the
   * stats show.
   */
  zeroToOneIsTwo?: boolean;
}

/**
 * The values a column holds, when its stats tell them all: a boolean's words as the file wrote them, a
 * number's two values, a category's labels (when they are all of its values), sorted; undefined otherwise.
 */
export function heldValues(c: ColumnInfo, options: HeldValuesOptions = {}): string[] | undefined {
  if (c.type === 'boolean') return [c.booleanWords?.false ?? 'false', c.booleanWords?.true ?? 'true'];
  if (c.type === 'int' || c.type === 'float') {
    const two = c.numberValues?.distinct === 2 || (options.zeroToOneIsTwo === true && c.numberValues === undefined && c.min === 0 && c.max === 1);
    return two && typeof c.min === 'number' && typeof c.max === 'number' ? [String(c.min), String(c.max)] : undefined;
  }
  const labels = c.histogram?.labels;
  if (!labels || c.distinct === null || labels.length !== c.distinct) return undefined;
  return [...labels].sort();
}
