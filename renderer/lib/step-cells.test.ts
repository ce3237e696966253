// Vector statistics recorded once per training call sit at uneven steps (K follows machine load): the
// heatmap and stacked areas place them by step, like the line charts and the hover, not by index.
import { describe, expect, it } from 'vitest';
import { stepCells } from './step-cells';

describe('stepCells', () => {
  it('places unevenly spaced steps linearly in the step, each pixel shaded by its nearest point', () => {
    // calls of 2 steps under load, then one of 94 steps on an idle machine
    const cells = stepCells([2, 4, 6, 100], 98);
    expect(cells.map((c) => [c.a, c.b, c.x])).toEqual([[0, 1, 0], [1, 2, 2], [2, 3, 4], [3, 4, 98]]);
    expect(cells.map((c) => [c.x0, c.x1])).toEqual([[0, 1], [1, 3], [3, 51], [51, 98]]);
  });

  it('pools the points that fall in one pixel column (their mean x)', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
    const cells = stepCells(steps, 100);
    expect(cells).toHaveLength(100);
    expect(cells.reduce((n, c) => n + c.b - c.a, 0)).toBe(1000);
    expect(cells[0]).toMatchObject({ a: 0, b: 10 });
    expect(cells.at(-1)).toMatchObject({ a: 990, b: 1000 }); // the last step (x = 100) stays in the last column
  });

  it('one step (a validation statistic after one epoch) fills the plot', () => {
    expect(stepCells([40], 300)).toEqual([{ a: 0, b: 1, x: 150, x0: 0, x1: 300 }]);
    expect(stepCells([], 300)).toEqual([]);
  });
});
