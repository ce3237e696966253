import { describe, expect, it } from 'vitest';
import { MIN_ZOOM_STEPS, stepDomain, stepTicks, zoomSteps } from './step-axis';

describe('stepDomain: the steps a chart shows unzoomed', () => {
  it('spans the first to the last step of any series, ignoring series without points', () => {
    expect(stepDomain([[0, 150], [], [20, 100]], false)).toEqual([0, 150]);
    expect(stepDomain([[], []], false)).toEqual([0, 1]);
  });
  it('adds 4% past each end when a series is drawn as dots, and centres a single step', () => {
    expect(stepDomain([[125, 150], [150, 150]], true)).toEqual([124, 151]);
    expect(stepDomain([[150, 150]], true)).toEqual([142.5, 157.5]);
    expect(stepDomain([[0, 0]], false)).toEqual([-1, 1]);
  });
});

describe('zoomSteps: wheel zoom stays inside the data (audit G6: zooming out showed step -100)', () => {
  const full: [number, number] = [0, 150];
  it('zooming out from the whole run stays the whole run (null: unzoomed), never past step 0 or the last step', () => {
    expect(zoomSteps(full, 75, 1.25, full)).toBeNull();
    // out again and again from a zoomed view at the left edge: widens to the whole run, then stays there
    let z: [number, number] | null = [0, 40];
    for (let i = 0; i < 20; i++) {
      z = zoomSteps(z ?? full, 5, 1.25, full);
      if (z) {
        expect(z[0]).toBeGreaterThanOrEqual(0);
        expect(z[1]).toBeLessThanOrEqual(150);
      }
    }
    expect(z).toBeNull();
  });
  it('zooms in around the cursor and slides a range pushed past an end back inside', () => {
    const z = zoomSteps(full, 75, 0.8, full)!;
    expect(z[0]).toBeCloseTo(15, 9);
    expect(z[1]).toBeCloseTo(135, 9);
    // out by 1.25 from [110, 150] with the cursor at 110: 50 wide from 110 would reach step 160; slid back to end at 150
    expect(zoomSteps([110, 150], 110, 1.25, full)).toEqual([100, 150]);
    expect(zoomSteps([0, 40], 40, 1.25, full)).toEqual([0, 50]);
  });
  it('does not zoom in closer than MIN_ZOOM_STEPS', () => {
    let z: [number, number] = [70, 80];
    for (let i = 0; i < 30; i++) z = zoomSteps(z, 75, 0.8, full)!;
    expect(z[1] - z[0]).toBeCloseTo(MIN_ZOOM_STEPS, 9);
    expect(z[0]).toBeLessThanOrEqual(75);
    expect(z[1]).toBeGreaterThanOrEqual(75);
  });
});

describe('stepTicks: whole, non-negative steps (audit G6: a four-point run had ticks at 1.5 and 2.5)', () => {
  it('a run of four steps gets one tick per step', () => {
    expect(stepTicks(0.88, 4.12, 9)).toEqual([1, 2, 3, 4]);
  });
  it('never a fractional step, even where a 2.5 spacing would be nicer', () => {
    expect(stepTicks(0, 12, 5)).toEqual([0, 5, 10]); // 2.5 apart would be nicer, but 2.5 is no step
    expect(stepTicks(0, 120, 5)).toEqual([0, 25, 50, 75, 100]);
    for (const [lo, hi, n] of [[0, 3, 8], [124, 151, 4], [-6, 156, 5], [0, 7, 3]]) for (const t of stepTicks(lo, hi, n)) expect(Number.isInteger(t)).toBe(true);
  });
  it('no tick below step 0 in the margin around a first step of 0', () => {
    expect(stepTicks(-1, 1, 5)).toEqual([0, 1]);
    expect(stepTicks(-6, 156, 5)).toEqual([0, 50, 100, 150]);
  });
});
