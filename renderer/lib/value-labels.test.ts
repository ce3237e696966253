import { describe, expect, it } from 'vitest';
import { mergeSameValues, placeLabels, scatterLabel, spreadLabels } from './value-labels';

describe('value labels beside single points', () => {
  it('pushes close labels apart (0.7814 and 0.7803 one pixel apart) and leaves distant ones alone', () => {
    const out = spreadLabels([
      { x: 500, y: 41, text: '0.7803', color: 'b' },
      { x: 500, y: 40, text: '0.7814', color: 'a' },
      { x: 500, y: 42, text: '0.78', color: 'c' },
      { x: 100, y: 40, text: 'far left', color: 'd' },
    ], 12, 0);
    const at = (t: string) => out.find((l) => l.text === t)!.y;
    expect([at('0.7814'), at('0.7803'), at('0.78')]).toEqual([40, 52, 64]);
    expect(at('far left')).toBe(40);
  });

  it('keeps labels below the top edge', () => {
    expect(spreadLabels([{ x: 0, y: 2, text: 'a', color: 'a' }], 12, 19)[0].y).toBe(19);
  });
});

describe('placeLabels: single-point values clear of the curves (audit A20)', () => {
  const plot = { left: 56, top: 10, right: 588, bottom: 234 };
  const H = 11;
  /** The label's text box as drawn (left edge, baseline 2 px above its bottom). */
  const box = (l: { x: number; y: number }, width: number) => ({ left: l.x, right: l.x + width, top: l.y + 2 - H, bottom: l.y + 2 });
  const crosses = (b: { left: number; right: number; top: number; bottom: number }, c: [number, number][]) =>
    c.some(([x, y], i) => {
      if (i === 0) return false;
      const [x0, y0] = c[i - 1];
      // sample the segment densely: does any point fall inside the box?
      for (let t = 0; t <= 1; t += 0.01) {
        const px = x0 + (x - x0) * t, py = y0 + (y - y0) * t;
        if (px >= b.left && px <= b.right && py >= b.top && py <= b.bottom) return true;
      }
      return false;
    });

  it('a test.loss dot on the train-loss curve writes its value where the curve is not (the old place crossed it)', () => {
    // the train loss flattening out to the right edge, as in the audit's screenshot 18, and val.loss dots just under it
    const loss: [number, number][] = Array.from({ length: 60 }, (_, i) => [60 + i * 9, 200 - 150 * Math.exp(-i / 6) - 20 + (i % 3)]);
    const val: [number, number][] = [[120, 205], [300, 207], [480, 208], [570, 208]];
    const dot = { x: 500, y: 188, width: 38, text: '0.4719', color: 'orange' };
    const oldPlace = { x: dot.x + 6, y: dot.y - 5 }; // where spreadLabels' caller wrote it
    expect(crosses(box(oldPlace, dot.width), loss)).toBe(true);
    const [placed] = placeLabels([dot], [loss, val, [[dot.x, dot.y]]], plot, H);
    const b = box(placed, dot.width);
    expect(crosses(b, loss)).toBe(false);
    expect(crosses(b, val)).toBe(false);
    expect(b.left).toBeGreaterThanOrEqual(plot.left);
    expect(b.right).toBeLessThanOrEqual(plot.right);
    expect(b.top).toBeGreaterThanOrEqual(plot.top);
    expect(Math.hypot(placed.x - dot.x, placed.y - dot.y)).toBeLessThan(80); // still beside its dot
  });

  it('two values one pixel apart at the right edge do not cover each other and stay inside the plot', () => {
    const a = { x: 584, y: 60, width: 38, text: '0.7814', color: 'a' };
    const b = { x: 584, y: 61, width: 38, text: '0.7803', color: 'b' };
    const [pa, pb] = placeLabels([a, b], [], plot, H);
    const [ba, bb] = [box(pa, 38), box(pb, 38)];
    expect(ba.right <= bb.left || bb.right <= ba.left || ba.bottom <= bb.top || bb.bottom <= ba.top).toBe(true);
    for (const x of [ba, bb]) expect(x.right).toBeLessThanOrEqual(plot.right);
  });
});

describe('scatterLabel: a run name beside its point, never cut by the chart edge', () => {
  const name = 's1 · tsmixer-gated on transformer_loads';
  it('writes a point near the right edge on its left, whole when it fits (the audit saw "s1 · ts")', () => {
    const l = scatterLabel(name, 430, 0, 520);
    expect(l.anchor).toBe('end');
    expect(l.x).toBe(423);
    expect(l.text).toBe(name);
    expect(l.x - l.text.length * 5.6).toBeGreaterThanOrEqual(0);
  });
  it('shortens with … to what fits on the roomier side; a short name stays on the right', () => {
    const l = scatterLabel(name, 120, 0, 240);
    expect(l.text.endsWith('…')).toBe(true);
    expect(l.text.length * 5.6).toBeLessThanOrEqual(Math.max(240 - 127, 113));
    expect(name.startsWith(l.text.slice(0, -1))).toBe(true);
    expect(scatterLabel('s1', 500, 0, 520)).toEqual({ x: 507, anchor: 'start', text: 's1' });
  });
});

describe('mergeSameValues: one value of several series at one dot is written once (audit G6: "0.8094" twice)', () => {
  it('merges labels that read the same at the same place, with every series colour, and keeps the rest', () => {
    const out = mergeSameValues([
      { x: 584, y: 120, text: '0.8094', color: 'magenta' }, // test.accuracy
      { x: 584, y: 121, text: '0.8094', color: 'orange' }, // test.f1, the same value to 4 digits
      { x: 584, y: 40, text: '0.9039', color: 'teal' },
      { x: 584, y: 122, text: '0.8095', color: 'blue' }, // a different value at the same place stays its own
      { x: 300, y: 120, text: '0.8094', color: 'green' }, // the same value at another step stays its own
    ]);
    expect(out.map((l) => [l.text, l.color, l.swatches])).toEqual([
      ['0.8094', 'magenta', ['magenta', 'orange']],
      ['0.9039', 'teal', undefined],
      ['0.8095', 'blue', undefined],
      ['0.8094', 'green', undefined],
    ]);
  });
  it('placeLabels keeps the merged colours, so the chart can draw them', () => {
    const [merged] = mergeSameValues([{ x: 300, y: 100, width: 50, text: '0.8094', color: 'a' }, { x: 300, y: 100, width: 50, text: '0.8094', color: 'b' }]);
    const [placed] = placeLabels([merged], [], { left: 0, top: 0, right: 600, bottom: 300 });
    expect(placed.swatches).toEqual(['a', 'b']);
  });
});
