// The Datasets delete confirmation in words: how many runs use the dataset and what they lose.
import { describe, expect, it } from 'vitest';
import { deleteWarning } from './dataset-delete';

describe('deleteWarning', () => {
  it('counts the runs and says what they keep and lose; a demo is not re-created', () => {
    expect(deleteWarning(3, false)).toBe('3 runs use it: their results, curves and exports stay; knockouts, gate reports, Try it and resume need the data and will stop working.');
    expect(deleteWarning(1, true)).toBe('1 run uses it: its results, curves and exports stay; knockouts, gate reports, Try it and resume need the data and will stop working. It is a demo dataset: GateLab does not re-create a deleted demo.');
    expect(deleteWarning(0, false)).toBe('No run uses it.');
    expect(deleteWarning(null, false)).toMatch(/Counting/);
  });
});
