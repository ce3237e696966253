// What a gate panel's points are (audit G2: the router temperature panel showed the mean of steps 13–24 as
// "τ at step 24"). Scalars are stored per step, so the hover at step 24 reads the schedule's τ(24);
// training vectors are recorded once per trainer call and the panel says so; the charts place those
// unevenly spaced vectors by step.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import GatePanel from './GatePanel.svelte';
import StackedArea from './StackedArea.svelte';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import type { GateSeries } from '../../common/lab-api';

afterEach(() => cleanup());
// jsdom has no layout: every chart is 400 px wide (bind:clientWidth reads this)
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

const names = gateNamesFromConfig({ model: { template: 'moe-forecaster', router: { kind: 'softmax-router', experts: 2, schedule: { kind: 'dense-to-sparse', steps: 60 } } } });
// dense-to-sparse from 2 to 0.3 over 60 steps; step s trains at the τ of the s − 1 steps before it (the
// audit's 0.94 is τ after 24 steps, the one step 25 trains at)
const tau = (s: number) => 2 * (0.3 / 2) ** Math.min((s - 1) / 60, 1);

describe('gate panels: one point is one step', () => {
  it('the temperature hovered at step 24 is the τ step 24 trained at (0.9665), not a mean over its call', async () => {
    const steps = Array.from({ length: 80 }, (_, i) => i + 1);
    const g: GateSeries = { gate: 'router', stat: 'temperature', steps, values: steps.map(tau), vectors: null };
    const { container } = render(GatePanel, { props: { g, names } });
    // LineChart: the plot runs from x = 56 to 388 over steps 1…80
    const canvas = container.querySelector('canvas')!;
    await fireEvent.mouseMove(canvas, { clientX: 56 + ((24 - 1) / 79) * (400 - 56 - 12) });
    const tip = container.querySelector('.tip')!.textContent!;
    expect(tip).toMatch(/: 0\.966\d* @ 24$/);
    expect(Number(/: ([\d.]+) @/.exec(tip)![1])).toBeCloseTo(tau(24), 3);
    expect(screen.queryByTestId('stat-sampling')).toBeNull(); // a scalar needs no sampling note
  });

  it('a training vector says it is recorded once per call, as the value at its step; a validation one does not', () => {
    const g: GateSeries = { gate: 'router', stat: 'load', steps: [2, 4, 60], values: [null, null, null], vectors: [[0.5, 0.5], [0.25, 0.75], [0.4, 0.6]] };
    render(GatePanel, { props: { g, names } });
    expect(screen.getByTestId('stat-sampling').textContent).toBe(
      'Recorded once per training call (every few steps, about 0.1 s of training): each point is the value at its step, not an average over the steps before it.');
    cleanup();
    render(GatePanel, { props: { g: { ...g, gate: 'val.router' }, names } });
    expect(screen.queryByTestId('stat-sampling')).toBeNull();
  });

  it('stacked shares at steps 2, 4, 60 are drawn at those steps, and hover names the step under the pointer', async () => {
    const { container } = render(StackedArea, { props: { title: 'router · load', steps: [2, 4, 60], vectors: [[0.5, 0.5], [0.25, 0.75], [0.4, 0.6]], labels: ['expert 0', 'expert 1'] } });
    // 400 px wide, plot from x = 34 to 392: step 4 is 2/58 of the way, not at the middle (index 1 of 3)
    const xs = container.querySelector('polygon')!.getAttribute('points')!.split(' ').slice(0, 3).map((p) => Number(p.split(',')[0]));
    expect(xs).toEqual([34, Number((34 + (2 / 58) * 358).toFixed(1)), 392]);
    const svg = container.querySelector('svg')!;
    await fireEvent.mouseMove(svg, { clientX: 34 + 0.45 * 358 });
    expect(container.querySelector('.tip')!.textContent!.trim()).toBe('step 4: expert 0=0.25 expert 1=0.75');
  });
});
