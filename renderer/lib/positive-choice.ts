// A two-valued target's values and which of them a run reads as positive when the user chooses none, from
// the column's stats, with the lab's rule (common/models/target.ts): a boolean's true (as the file wrote it),
// the larger of two numbers, two words by their meaning (positive-class.ts), else the rarer (the later by
// name on a tie). The Target box offers the two values with this one as "automatic"; the Models form's
// "probability of …" head (label-event.ts) names it.
import type { ColumnInfo } from '../../common/lab-api';
import { positiveByWords, rarerByCount } from '../../common/models/positive-class';

export interface PositiveChoice {
  /** The two values as the lab stores a choice of them (`datasets roles --positive VALUE`). */
  values: [string, string];
  /** The positive value without a choice. */
  automatic: string;
  /**
   * Why that one: "the rarer", "by its word", "the larger"; null for a boolean, whose true value says it as the
   * file writes it ("Yes"): "Yes, true" read as two answers.
   */
  why: string | null;
}

/** The box's automatic entry: "(automatic: Charged Off, the rarer)", a boolean's "(automatic: Yes)". */
export function automaticText(choice: PositiveChoice): string {
  return `(automatic: ${choice.automatic}${choice.why ? `, ${choice.why}` : ''})`;
}

/** The choice for column `c`; null when it does not hold exactly two values its stats name. */
export function positiveChoice(c: ColumnInfo): PositiveChoice | null {
  if (c.type === 'boolean') {
    const values: [string, string] = [c.booleanWords?.false ?? 'false', c.booleanWords?.true ?? 'true'];
    return { values, automatic: values[1], why: null };
  }
  if (c.type === 'int' || c.type === 'float') {
    const two = c.numberValues?.distinct === 2 || (c.min === 0 && c.max === 1);
    if (!two || typeof c.min !== 'number' || typeof c.max !== 'number') return null;
    return { values: [String(c.min), String(c.max)], automatic: String(c.max), why: 'the larger' };
  }
  const labels = c.histogram?.labels;
  if (c.distinct !== 2 || labels?.length !== 2) return null;
  const [a, b] = [...labels].sort();
  const byWords = positiveByWords(a, b);
  if (byWords !== undefined) return { values: [a, b], automatic: byWords, why: 'by its word' };
  const count = (v: string) => c.histogram!.counts[labels.indexOf(v)];
  // the trainer's count rule (rarerByCount: b on a tie), said with why it chose
  const automatic = rarerByCount(a, count(a), b, count(b));
  return { values: [a, b], automatic, why: count(a) === count(b) ? 'as many rows: the later by name' : 'the rarer' };
}
