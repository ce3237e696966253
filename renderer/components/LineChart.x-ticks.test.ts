// A step tick label must be drawn whole: in a gate panel (332 px wide) the last tick of a 1,000-step run,
// centred on the plot's right end 12 px from the canvas edge, read "1,00". jsdom has no canvas: a recording
// context measures text at a fixed width per character and records each centred label's extent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LineChart from './LineChart.svelte';

const CHAR = 7;
const WIDTH = 332;
let centred: { text: string; left: number; right: number }[];

function recordingContext() {
  const ctx = {
    font: '', fillStyle: '', strokeStyle: '', lineWidth: 1, textAlign: 'left',
    scale() {}, clearRect() {}, save() {}, restore() {}, rect() {}, clip() {}, closePath() {}, fill() {}, stroke() {}, fillRect() {}, setLineDash() {}, arc() {},
    beginPath() {}, moveTo() {}, lineTo() {},
    fillText(text: string, x: number) {
      if (ctx.textAlign === 'center') centred.push({ text, left: x - (text.length * CHAR) / 2, right: x + (text.length * CHAR) / 2 });
    },
    measureText: (t: string) => ({ width: t.length * CHAR }),
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

beforeEach(() => {
  centred = [];
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(WIDTH);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => recordingContext()) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('LineChart step ticks', () => {
  it('draws the last step tick whole inside the canvas, not cut at its right edge', () => {
    const steps = Array.from({ length: 100 }, (_, i) => 10 * (i + 1));
    render(LineChart, { props: { title: 'openness', height: 150, lines: [{ label: 'openness', color: '#f08c00', steps, values: steps.map((s) => 0.7 - s / 5000) }] } });
    expect(centred.map((l) => l.text)).toContain('1,000');
    for (const l of centred) {
      expect(l.left, `"${l.text}" starts off the canvas`).toBeGreaterThanOrEqual(0);
      expect(l.right, `"${l.text}" ends off the canvas`).toBeLessThanOrEqual(WIDTH);
    }
  });
});
