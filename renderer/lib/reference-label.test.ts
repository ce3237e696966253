import { describe, expect, it } from 'vitest';
import { referenceLabelPlace } from './reference-label';

// a 600 × 150 chart's plot, the reference line ("even", 24 px wide) at y = 40
const plot = { left: 56, top: 10, right: 588, bottom: 114 };
const at = (curves: [number, number][][], lineY = 40) => referenceLabelPlace(lineY, 24, curves, plot);

describe('referenceLabelPlace (the dashed line\'s name)', () => {
  it('writes it above the line at the right end when nothing crosses there, as before', () => {
    expect(at([])).toEqual({ x: 588 - 3 - 24, y: 40 - 3 - 11 + 9 });
    expect(at([[[56, 100], [588, 100]]])).toEqual({ x: 561, y: 35 });
  });
  it('moves below the line when the curve settles just above it at the right end (balance ~1.02 over "even")', () => {
    const settling: [number, number][] = [[56, 100], [300, 45], [588, 34]];
    expect(at([settling])).toEqual({ x: 561, y: 40 + 3 + 9 });
  });
  it('goes to the left end when the curve runs through both sides of the right end', () => {
    const acrossTheRight: [number, number][] = [[56, 100], [540, 100], [570, 20], [588, 60]];
    expect(at([acrossTheRight])).toEqual({ x: 56 + 3, y: 35 });
  });
  it('stays inside the plot: a line at its top edge writes its name below', () => {
    expect(at([], 12)).toEqual({ x: 561, y: 12 + 3 + 9 });
  });
  it('with every end crossed, takes the one crossed by the fewest curves', () => {
    const flat: [number, number][] = [[56, 37], [588, 37]]; // through every "above" place
    const dotBelowRight: [number, number][] = [[575, 48]];
    expect(at([flat, dotBelowRight])).toEqual({ x: 59, y: 52 });
  });
});
