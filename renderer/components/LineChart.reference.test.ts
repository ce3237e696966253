// A router's balance chart: the dashed line at 1 is named "even". The name sat above the line at the plot's
// right end, where a balance settling just above 1 ran through it; it goes where no curve crosses.
// jsdom has no canvas: a recording 2D context captures the dashed line, the curve and the texts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LineChart from './LineChart.svelte';

interface Drawn { dashedY: number[]; curve: [number, number][]; texts: { text: string; x: number; y: number }[] }

function recordingContext(drawn: Drawn) {
  let dash: number[] = [];
  let stroke = '';
  const ctx = {
    font: '', fillStyle: '', lineWidth: 1, textAlign: 'left',
    get strokeStyle() { return stroke; }, set strokeStyle(v: string) { stroke = v; },
    scale() {}, clearRect() {}, save() {}, restore() {}, rect() {}, clip() {}, closePath() {}, fill() {}, stroke() {}, fillRect() {}, arc() {}, beginPath() {},
    setLineDash(d: number[]) { dash = d; },
    moveTo(x: number, y: number) { if (dash[0] === 4) drawn.dashedY.push(y); else if (stroke === '#e8590c') drawn.curve.push([x, y]); },
    lineTo(x: number, y: number) { if (stroke === '#e8590c' && !dash.length) drawn.curve.push([x, y]); },
    fillText(text: string, x: number, y: number) { drawn.texts.push({ text, x, y }); },
    measureText: (t: string) => ({ width: t.length * 6 }),
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

let drawn: Drawn;
beforeEach(() => {
  drawn = { dashedY: [], curve: [], texts: [] };
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => recordingContext(drawn)) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const balance = (values: number[]) => ({ label: 'router', color: '#e8590c', steps: values.map((_, i) => (i + 1) * 10), values });

describe('LineChart reference line name', () => {
  it('moves "even" off the right end when the balance settles just above 1 there (1.07, through the name)', () => {
    render(LineChart, { props: { lines: [balance([2.4, 1.8, 1.3, 1.15, 1.1, 1.08, 1.07, 1.07])], height: 150, reference: { value: 1, label: 'even' } } });
    const even = drawn.texts.filter((t) => t.text === 'even').at(-1)!;
    // the line at 1 is near the plot's bottom, so below it there is no room: the name goes to the left end,
    // above the line, where the curve is still high
    expect(even.y).toBeLessThan(drawn.dashedY.at(-1)!);
    expect(even.x).toBeLessThan(100);
    // and the curve does not pass through the name's box (each segment sampled along its length)
    const box = { left: even.x, right: even.x + 24, top: even.y - 9, bottom: even.y + 2 };
    const through = drawn.curve.slice(1).some(([x, y], i) => {
      const [px, py] = drawn.curve[i];
      return Array.from({ length: 101 }, (_, k) => [px + ((x - px) * k) / 100, py + ((y - py) * k) / 100]).some(([sx, sy]) => sx >= box.left && sx <= box.right && sy >= box.top && sy <= box.bottom);
    });
    expect(through).toBe(false);
  });

  it('keeps it above the line at the right end when the curve stays away from it', () => {
    render(LineChart, { props: { lines: [balance([3.2, 3.1, 3.0, 3.0])], height: 150, reference: { value: 1, label: 'even' } } });
    const lineY = drawn.dashedY.at(-1)!;
    const even = drawn.texts.filter((t) => t.text === 'even').at(-1)!;
    expect(even.y).toBeLessThan(lineY);
    expect(even.x + 24).toBeGreaterThan(560); // at the right end of a 600-px chart
  });
});
