// A y tick label must be drawn whole: revenue's mse (≈ 2.4e10) in a fixed 56 px margin read "..25e+11".
// jsdom has no canvas: a recording context measures text at a fixed width per character and records where
// each right-aligned tick label starts and where the plot's gridlines start.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LineChart from './LineChart.svelte';
import { leftPadFor } from '../lib/axis-pad';

const CHAR = 7;
interface Drawn { labels: { text: string; left: number; right: number }[]; gridStarts: number[] }

function recordingContext(drawn: Drawn) {
  let from: [number, number] | null = null;
  const ctx = {
    font: '', fillStyle: '', strokeStyle: '', lineWidth: 1, textAlign: 'left',
    scale() {}, clearRect() {}, save() {}, restore() {}, rect() {}, clip() {}, closePath() {}, fill() {}, stroke() {}, fillRect() {}, setLineDash() {}, arc() {},
    beginPath() { from = null; },
    moveTo(x: number, y: number) { from = [x, y]; },
    lineTo(x: number, y: number) {
      if (from && from[1] === y && x > from[0]) drawn.gridStarts.push(from[0]);
      from = [x, y];
    },
    fillText(text: string, x: number) {
      if (ctx.textAlign === 'right') drawn.labels.push({ text, left: x - text.length * CHAR, right: x });
    },
    measureText: (t: string) => ({ width: t.length * CHAR }),
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

let drawn: Drawn;
beforeEach(() => {
  drawn = { labels: [], gridStarts: [] };
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => recordingContext(drawn)) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('LineChart y tick labels', () => {
  it('widens the left margin so a label such as "-2.00e+11" is drawn whole, left of the plot', () => {
    const mse = { label: 'val.mse', color: '#000', steps: [10, 20, 30, 40], values: [-2.1e11, 1.25e11, 2.4e10, 2.2e11] };
    render(LineChart, { props: { title: 'mse', lines: [mse] } });
    const exp = drawn.labels.filter((l) => /e\+11$/.test(l.text));
    expect(exp.length).toBeGreaterThan(2);
    expect(exp.some((l) => l.text.startsWith('-'))).toBe(true);
    const plotLeft = Math.min(...drawn.gridStarts);
    for (const l of drawn.labels) {
      expect(l.left, `"${l.text}" starts off the canvas`).toBeGreaterThanOrEqual(0);
      expect(l.right).toBeLessThanOrEqual(plotLeft);
    }
    // a margin of 56 px would have cut 9 characters of 7 px
    expect(plotLeft).toBeGreaterThan(56);
    // the axis name under the plot starts where the plot does
    expect(document.querySelector<HTMLElement>('[data-testid="chart-x-label"]')!.style.paddingLeft).toBe(`${plotLeft}px`);
  });

  it('keeps the usual 56 px margin for short labels', () => {
    render(LineChart, { props: { title: 'loss', lines: [{ label: 'loss', color: '#000', steps: [1, 2, 3], values: [0.4, 0.9, 1.2] }] } });
    expect(Math.min(...drawn.gridStarts)).toBe(56);
  });
});

describe('leftPadFor', () => {
  it('fits the widest label, estimating by characters when the canvas cannot measure', () => {
    expect(leftPadFor(['0', '0.5'], () => 12)).toBe(56);
    expect(leftPadFor(['-2.25e+11'], (t) => t.length * 8)).toBe(9 * 8 + 10);
    expect(leftPadFor(['-2.25e+11'])).toBeGreaterThan(56);
    expect(leftPadFor(['-2.25e+11'], () => Number.NaN)).toBe(leftPadFor(['-2.25e+11']));
  });
});
