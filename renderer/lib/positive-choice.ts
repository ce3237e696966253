// A two-valued target's values and which of them a run reads as positive when the user chooses none, from
// the column's stats, with the lab's rule (common/models/target.ts): a boolean's true (as the file wrote it),
// the larger of two numbers, two words by their meaning (positive-class.ts), else the rarer (the later by
// name on a tie). The Target box offers the two values with this one as "automatic"; the Models form's
// "probability of …" head (label-event.ts) names it.
import type { ColumnInfo } from '../../common/lab-api';
import { positiveByWords, rarerByCount } from '../../common/models/positive-class';
import { heldValues } from '../../common/lab-api/held-values';

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

/**
 * The choice for column `c`; null when it does not hold exactly two values its stats name (heldValues, as the
 * lab's check reads them, and a number column from 0 to 1 as two values: datasets imported before value counts).
 */
export function positiveChoice(c: ColumnInfo): PositiveChoice | null {
  const held = heldValues(c, { zeroToOneIsTwo: true });
  if (held?.length !== 2) return null;
  const values: [string, string] = [held[0], held[1]];
  if (c.type === 'boolean') return { values, automatic: values[1], why: null };
  if (c.type === 'int' || c.type === 'float') return { values, automatic: values[1], why: 'the larger' };
  const [a, b] = values;
  const byWords = positiveByWords(a, b);
  if (byWords !== undefined) return { values, automatic: byWords, why: 'by its word' };
  const labels = c.histogram!.labels!;
  const count = (v: string) => c.histogram!.counts[labels.indexOf(v)];
  // the trainer's count rule (rarerByCount: b on a tie), said with why it chose
  const automatic = rarerByCount(a, count(a), b, count(b));
  return { values, automatic, why: count(a) === count(b) ? 'as many rows: the later by name' : 'the rarer' };
}
