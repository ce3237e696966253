import { describe, expect, it } from 'vitest';
import { ruleSidesNote } from './rule-sides-note';

const RULE = { column: 'rating', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 };

describe('ruleSidesNote', () => {
  it("says the sides are no rating, with the lab's reason when it gave one", () => {
    expect(ruleSidesNote(RULE, 'the dataset has no column \'rating\' now')).toBe("'≥ 4' and '< 4' are the rows' sides of the rule rating ≥ 4, not their rating, which could not be read: the dataset has no column 'rating' now");
    expect(ruleSidesNote(RULE)).toBe("'≥ 4' and '< 4' are the rows' sides of the rule rating ≥ 4, not their rating, which could not be read");
  });

  it('words the sides from the threshold when the label does not name them', () => {
    expect(ruleSidesNote({ column: 'stars', positiveAtLeast: 3.5 }, null)).toBe("'≥ 3.5' and '< 3.5' are the rows' sides of the rule stars ≥ 3.5, not their stars, which could not be read");
  });

  it('is null for a label without a rule', () => {
    expect(ruleSidesNote({ column: 'clicked', positive: 'true', negative: 'false' }, 'gone')).toBeNull();
    expect(ruleSidesNote(undefined, 'gone')).toBeNull();
  });
});
