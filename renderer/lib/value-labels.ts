// Values written beside single-point series (test.auc 0.7814, val.auc 0.7803 at the last step). Two
// close values sat on top of each other (spreadLabels), and a value measured once (test.loss) was written
// across the train-loss curve beside it (audit A20). placeLabels tries places around each dot and keeps
// the one that covers no curve, no other label and stays inside the plot; spreadLabels is its fallback
// rule for labels without obstacles. mergeSameValues writes one value shared by several series at one
// place once.

export interface ValueLabel { x: number; y: number; text: string; color: string }

export function spreadLabels(labels: readonly ValueLabel[], gap = 12, top = 0, near = 60): ValueLabel[] {
  const out = labels.map((l) => ({ ...l })).sort((a, b) => a.y - b.y);
  for (let i = 0; i < out.length; i++) {
    if (out[i].y < top) out[i].y = top;
    for (let j = 0; j < i; j++) {
      if (Math.abs(out[j].x - out[i].x) < near && out[i].y - out[j].y < gap) out[i].y = out[j].y + gap;
    }
  }
  return out;
}

/**
 * A label to place: its dot at (x, y) in pixels and its measured width. `swatches`: the colours of every
 * series the value belongs to, when one label stands for several (mergeSameValues).
 */
export interface DotLabel { x: number; y: number; width: number; text: string; color: string; swatches?: string[] }
/** Where it went: the label's left edge and the text's baseline (draw with textAlign 'left'). */
export interface PlacedLabel { x: number; y: number; text: string; color: string; swatches?: string[] }

/**
 * Labels of one value at one place, merged: test.accuracy and test.f1 both 0.8094 at the last step drew
 * one dot over the other and wrote "0.8094" twice in two colours, as if two different values (audit G6).
 * Labels whose text reads the same and whose dots lie within `near` pixels become one label carrying the
 * colours of all of them (`swatches`, in the order given); other labels pass unchanged.
 */
export function mergeSameValues<T extends { x: number; y: number; text: string; color: string }>(labels: readonly T[], near = 3): (T & { swatches?: string[] })[] {
  const out: (T & { swatches?: string[] })[] = [];
  for (const l of labels) {
    const same = out.find((o) => o.text === l.text && Math.abs(o.x - l.x) <= near && Math.abs(o.y - l.y) <= near);
    if (!same) out.push({ ...l });
    else same.swatches = [...(same.swatches ?? [same.color]), l.color];
  }
  return out;
}
export interface Box { left: number; top: number; right: number; bottom: number }
type Rect = Box;

const segmentHitsRect = (ax: number, ay: number, bx: number, by: number, r: Rect): boolean => {
  // Liang–Barsky clip of the segment against the rectangle
  let t0 = 0, t1 = 1;
  const dx = bx - ax, dy = by - ay;
  for (const [p, q] of [[-dx, ax - r.left], [dx, r.right - ax], [-dy, ay - r.top], [dy, r.bottom - ay]] as const) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
    else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return true;
};
/** Whether a curve (a polyline in pixels; a dot as one point) passes through the rectangle `r`. */
export const curveCrosses = (c: readonly (readonly [number, number])[], r: Rect): boolean => {
  if (c.length === 1) return segmentHitsRect(c[0][0], c[0][1], c[0][0], c[0][1], r);
  for (let i = 1; i < c.length; i++) if (segmentHitsRect(c[i - 1][0], c[i - 1][1], c[i][0], c[i][1], r)) return true;
  return false;
};
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places each label beside its dot where it covers none of `curves` (polylines in pixels: the other
 * series as drawn, dots included as one-point lines) and no label placed before it, inside `plot`.
 * Tries right/left of the dot, above then below, then further away in steps of the text height; the
 * first place with the fewest crossings wins (ties: the nearest). `height` is the text's height.
 */
export function placeLabels(labels: readonly DotLabel[], curves: readonly (readonly [number, number][])[], plot: Box, height = 11): PlacedLabel[] {
  const placed: Rect[] = [];
  const out: PlacedLabel[] = [];
  const pad = 2;
  for (const l of [...labels].sort((a, b) => a.y - b.y)) {
    let best = null as { rect: Rect; cost: number } | null;
    for (let k = 0; k <= 8; k++) {
      for (const dy of [-(height + 4) - k * height, 4 + k * height]) {
        for (const left of [l.x + 6, l.x - 6 - l.width]) {
          const rect = { left, top: l.y + dy, right: left + l.width, bottom: l.y + dy + height };
          const grown = { left: rect.left - pad, top: rect.top - pad, right: rect.right + pad, bottom: rect.bottom + pad };
          let cost = k * 0.01 + (dy > 0 ? 0.005 : 0) + (left < l.x ? 0.002 : 0);
          if (rect.left < plot.left || rect.right > plot.right || rect.top < plot.top || rect.bottom > plot.bottom) cost += 100;
          for (const p of placed) if (overlaps(grown, p)) cost += 10;
          for (const c of curves) if (curveCrosses(c, grown)) cost += 1;
          if (!best || cost < best.cost) best = { rect, cost };
        }
      }
      if (best && best.cost < 1) break; // a free place this close: no need to look further away
    }
    placed.push(best!.rect);
    out.push({ x: best!.rect.left, y: best!.rect.bottom - 2, text: l.text, color: l.color, ...(l.swatches ? { swatches: l.swatches } : {}) });
  }
  return out;
}

/**
 * A point's name in an SVG scatter, kept inside the chart (`left`…`right`): on the point's right, or on its
 * left when there is more room there, shortened with "…" to what fits (the whole name goes in a <title>).
 * `charPx` is the mean glyph width of the label font (10 px system-ui: about 5.6).
 */
export function scatterLabel(text: string, cx: number, left: number, right: number, charPx = 5.6): { x: number; anchor: 'start' | 'end'; text: string } {
  const roomRight = right - (cx + 7);
  const roomLeft = cx - 7 - left;
  const onRight = roomRight >= text.length * charPx || roomRight >= roomLeft;
  const room = Math.max(0, onRight ? roomRight : roomLeft);
  const fits = Math.floor(room / charPx);
  const shown = text.length <= fits ? text : fits <= 1 ? '…' : `${text.slice(0, fits - 1).trimEnd()}…`;
  return { x: onRight ? cx + 7 : cx - 7, anchor: onRight ? 'start' : 'end', text: shown };
}
