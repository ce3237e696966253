// Compare on a test metric draws one dot per run: every dot must sit on or between the outer gridlines,
// or the axis reads as if it stopped short of the data (a test.mae of 0.93 drawn above a top tick of 0.9).
// jsdom has no canvas: a recording 2D context captures the gridlines and dots the chart draws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LineChart from './LineChart.svelte';

interface Drawn { gridlines: { y: number; label: string }[]; dots: number[]; texts: { text: string; y: number }[] }

/** A 2D context that records the y of each horizontal gridline (with its tick label) and of each dot. */
function recordingContext(drawn: Drawn) {
  let from: [number, number] | null = null;
  const ctx = {
    font: '', fillStyle: '', strokeStyle: '', lineWidth: 1, textAlign: 'left',
    scale() {}, clearRect() {}, save() {}, restore() {}, rect() {}, clip() {}, closePath() {}, fill() {}, stroke() {}, fillRect() {}, setLineDash() {},
    beginPath() { from = null; },
    moveTo(x: number, y: number) { from = [x, y]; },
    lineTo(x: number, y: number) {
      // a gridline spans the plot from its left edge (PAD.l = 56) at one height
      if (from && from[0] === 56 && from[1] === y && x > 56) drawn.gridlines.push({ y, label: '' });
      from = [x, y];
    },
    arc(_x: number, y: number) { drawn.dots.push(y); },
    fillText(text: string, x: number, y: number) {
      drawn.texts.push({ text, y });
      // tick labels are right-aligned left of the plot, 3 px below their gridline
      const line = drawn.gridlines.find((g) => !g.label && Math.abs(g.y + 3 - y) < 1e-9);
      if (line && x === 50) line.label = text;
    },
    measureText: (t: string) => ({ width: t.length * 6 }),
  };
  return ctx as unknown as CanvasRenderingContext2D;
}

let drawn: Drawn;
beforeEach(() => {
  drawn = { gridlines: [], dots: [], texts: [] };
  // jsdom lays nothing out: the chart's bound width would be 0
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => recordingContext(drawn)) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The gridlines drawn with a tick label (a flat curve from the plot's left edge is no gridline). */
const ticks = () => drawn.gridlines.filter((g) => g.label);
/** One run's single test value at step 40, as Compare draws a test metric. */
const dot = (label: string, value: number, color = '#3b5bdb') => ({ label, color, steps: [40], values: [value] });

describe('LineChart y axis', () => {
  it('reaches out to whole tick steps, so the highest and lowest test dots sit within the gridlines', () => {
    render(LineChart, { props: { title: 'test.mae', lines: [dot('#1', 0.5), dot('#2', 0.93, '#e8590c'), dot('#3', 0.61, '#2b8a3e')] } });
    // canvas y grows downwards: the top gridline has the smallest y
    const ys = ticks().map((g) => g.y);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    expect(drawn.dots).toHaveLength(3);
    for (const y of drawn.dots) {
      expect(y).toBeGreaterThanOrEqual(top - 1e-9);
      expect(y).toBeLessThanOrEqual(bottom + 1e-9);
    }
    // the ticks are round numbers: 0.5 … 1 (the 0.93 dot under the 1 line, not over a top tick of 0.9)
    expect(ticks().map((g) => g.label)).toEqual(['0.5', '0.6', '0.7', '0.8', '0.9', '1']);
  });

  it('keeps a fixed 0…1 range as it was (openness), and one tick for a flat series', () => {
    render(LineChart, { props: { title: 'openness', yRange: [0, 1], lines: [{ label: 'gate', color: '#000', steps: [1, 2, 3, 4], values: [0.4, 0.45, 0.5, 0.52] }] } });
    expect(ticks().map((g) => g.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    cleanup();
    drawn.gridlines = [];
    render(LineChart, { props: { title: 'lr', lines: [{ label: 'lr', color: '#000', steps: [1, 2, 3, 4], values: [0.003, 0.003, 0.003, 0.003] }] } });
    expect(ticks().map((g) => g.label)).toEqual(['0.003']);
  });
});

describe('LineChart x axis', () => {
  it('names its axis "step" under the plot, so a tick of 2,000 is not read as an epoch', () => {
    const { getByTestId } = render(LineChart, { props: { title: 'loss', lines: [{ label: 'loss', color: '#000', steps: [1, 1000, 2000], values: [1, 0.6, 0.5] }] } });
    expect(getByTestId('chart-x-label').textContent).toBe('step');
  });

  it('shows at least two step ticks in a narrow chart (the lr panel showed "100" alone for steps 1…150)', () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(250); // room for two ticks
    const steps = Array.from({ length: 150 }, (_, i) => i + 1);
    render(LineChart, { props: { title: 'lr', height: 130, lines: [{ label: 'lr', color: '#000', steps, values: steps.map((s) => 0.001 * (1 - s / 300)) }] } });
    // step tick labels are drawn 8 px above the chart's bottom edge
    expect(drawn.texts.filter((t) => t.y === 130 - 8).map((t) => t.text)).toEqual(['50', '100', '150']);
  });

  it('keeps the usual spacing where it already gives two ticks or more', () => {
    render(LineChart, { props: { title: 'loss', lines: [{ label: 'loss', color: '#000', steps: [0, 500, 1000], values: [1, 0.6, 0.5] }] } });
    expect(drawn.texts.filter((t) => t.y === 260 - 8).map((t) => t.text)).toEqual(['0', '250', '500', '750', '1,000']);
  });

  it('says "epoch" for a chart whose axis counts epochs', () => {
    const { getByTestId } = render(LineChart, { props: { title: 'val.loss', xLabel: 'epoch', lines: [dot('#1', 0.5)] } });
    expect(getByTestId('chart-x-label').textContent).toBe('epoch');
  });
});
