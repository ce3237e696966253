// Where a chart writes its dashed reference line's name ("even" at balance 1, "ln 4" at router entropy).
// It was always written above the line at the plot's right end, and a router's balance settling at 1 ran
// through "even" there. The name goes to the first of the line's four ends (right above, right below, left
// above, left below) that no curve crosses and that stays inside the plot.
import { curveCrosses, type Box } from './value-labels';

/** The name's left edge and baseline (draw with textAlign 'left'). */
export interface ReferenceLabelPlace { x: number; y: number }

/** Room between the name and the line, and between the name and the plot's edge (pixels). */
const GAP = 3;

/**
 * `lineY`: the reference line's height in pixels; `width`, `height`: the name's measured size; `curves`: the
 * chart's series as drawn (polylines in pixels, a dot as one point); `plot`: the plot area. With no free end,
 * the one crossed by the fewest curves, the right end above the line first.
 */
export function referenceLabelPlace(lineY: number, width: number, curves: readonly (readonly [number, number][])[], plot: Box, height = 11): ReferenceLabelPlace {
  const ends = [plot.right - GAP - width, plot.left + GAP];
  const sides = [lineY - GAP - height, lineY + GAP]; // the name's top: above the line, or below it
  let best: { place: ReferenceLabelPlace; cost: number } | null = null;
  for (const left of ends) {
    for (const top of sides) {
      const rect = { left: left - 1, top: top - 1, right: left + width + 1, bottom: top + height + 1 };
      let cost = rect.top < plot.top || rect.bottom > plot.bottom ? 100 : 0;
      for (const c of curves) if (curveCrosses(c, rect)) cost += 1;
      if (!best || cost < best.cost) best = { place: { x: left, y: top + height - 2 }, cost };
    }
  }
  return best!.place;
}

