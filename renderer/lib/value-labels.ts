// Values written beside single-point series (test.auc 0.7814, val.auc 0.7803 at the last step): two
// close values sat on top of each other. Labels are pushed apart vertically, top to bottom, so each
// keeps at least `gap` pixels from any label near it horizontally; none goes above `top`.

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
