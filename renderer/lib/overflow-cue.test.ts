import { describe, expect, it } from 'vitest';
import { hiddenEdges } from './overflow-cue';

describe('hiddenEdges (a scrolling table\'s edge shading)', () => {
  it('shades the right edge of a table wider than its card, scrolled to the start', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 1320, clientWidth: 1100 })).toEqual({ left: false, right: true });
  });
  it('shades both edges in the middle, the left alone at the end', () => {
    expect(hiddenEdges({ scrollLeft: 100, scrollWidth: 1320, clientWidth: 1100 })).toEqual({ left: true, right: true });
    expect(hiddenEdges({ scrollLeft: 220, scrollWidth: 1320, clientWidth: 1100 })).toEqual({ left: true, right: false });
  });
  it('shades nothing when the table fits, or overflows only by a rounding pixel', () => {
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 900, clientWidth: 1100 })).toEqual({ left: false, right: false });
    expect(hiddenEdges({ scrollLeft: 0, scrollWidth: 1101, clientWidth: 1100 })).toEqual({ left: false, right: false });
    // scrolled to within a fractional pixel of the end: nothing left to the right
    expect(hiddenEdges({ scrollLeft: 219.5, scrollWidth: 1320, clientWidth: 1100 })).toEqual({ left: true, right: false });
  });
});
