// A binary run whose label is a rule on a column (`rating ≥ 4`) shows each row's own rating beside its side
// ("5 (≥ 4)"); where the rating could not be read the side stands alone, and '≥ 4' is no rating. One sentence
// says so, worded once for `gatelab knockout --rows` (main/cli/knockout-rows.ts) and Try it (renderer).
import type { LabelCoding } from '../trainer-protocol';

/**
 * Why the target shows the rule's sides and not the column's values: "'≥ 4' and '< 4' are the rows' sides
 * of the rule rating ≥ 4, not their rating, which could not be read: PROBLEM" (the lab's reason, when it
 * gave one: a missing cell has none). Null for a label without a rule.
 */
export function ruleSidesNote(label: Pick<LabelCoding, 'column' | 'positive' | 'negative' | 'positiveAtLeast'> | null | undefined, problem?: string | null): string | null {
  if (label?.positiveAtLeast === undefined) return null;
  const positive = label.positive ?? `≥ ${label.positiveAtLeast}`;
  const negative = label.negative ?? `< ${label.positiveAtLeast}`;
  return `'${positive}' and '${negative}' are the rows' sides of the rule ${label.column} ${positive}, not their ${label.column}, which could not be read${problem ? `: ${problem}` : ''}`;
}
