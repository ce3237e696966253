// A run recorded before GateLab kept gate statistics per step stored each training point as the MEAN over
// one trainer call, at the call's last step (migrations/0007 marks it with the call's first step). Its
// hover must say "mean over steps 73–80", never present the mean as the value at step 80; a point that is
// its step's value keeps reading "@ 1" / "step 1".
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import GatePanel from './GatePanel.svelte';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import type { GateSeries } from '../../common/lab-api';

afterEach(() => cleanup());
// jsdom has no layout: every chart is 400 px wide (bind:clientWidth reads this)
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

const names = gateNamesFromConfig({ model: { template: 'moe-forecaster', router: { kind: 'softmax-router', experts: 2 } } });
// an old run: step 1 was a call of one step (its value), steps 2–4 and 73–80 were calls stored as their means
const steps = [1, 4, 80];
const firstSteps = [null, 2, 73];
const tip = (c: HTMLElement) => c.querySelector('.tip')?.textContent?.replace(/\s+/g, ' ').trim();
async function lineTips(c: HTMLElement): Promise<string[]> {
  const canvas = c.querySelector('canvas')!;
  const seen: string[] = [];
  for (let x = 56; x <= 388; x += 2) {
    await fireEvent.mouseMove(canvas, { clientX: x });
    const t = tip(c)?.replace(/^[^:]*: /, ''); // "router temperature: 0.3 …" without the line's name
    if (t && !seen.includes(t)) seen.push(t);
  }
  return seen;
}

describe('gate panels of a run stored as call means', () => {
  it('the line hover names the steps an old mean covers, and a per-step point its step', async () => {
    const g: GateSeries = { gate: 'router', stat: 'temperature', steps, values: [2, 1.75, 0.3], vectors: null, firstSteps };
    const { container } = render(GatePanel, { props: { g, names } });
    // every tooltip the line shows, the pointer swept across the plot (x = 56…388; the axis pads sparse points)
    expect(await lineTips(container)).toEqual(['2 @ 1', '1.75 mean over steps 2–4', '0.3 mean over steps 73–80']);
    expect(screen.getByTestId('stat-call-means').textContent).toMatch(/means over the steps of one training call/);
  });

  it('stacked shares and a heatmap say the same in their hover', async () => {
    const load: GateSeries = { gate: 'router', stat: 'load', steps, values: [null, null, null], vectors: [[0.5, 0.5], [0.25, 0.75], [0.4, 0.6]], firstSteps };
    const stacked = render(GatePanel, { props: { g: load, names } });
    const svg = stacked.container.querySelector('svg')!;
    await fireEvent.mouseMove(svg, { clientX: 392 }); // plot from x = 34 to 392
    expect(tip(stacked.container)).toBe('mean over steps 73–80: expert 0=0.4 expert 1=0.6');
    await fireEvent.mouseMove(svg, { clientX: 34 });
    expect(tip(stacked.container)).toBe('step 1: expert 0=0.5 expert 1=0.5');
    // an old vector is a mean, not "recorded once per call as the value at its step"
    expect(screen.queryByTestId('stat-sampling')).toBeNull();
    cleanup();

    const hist: GateSeries = { gate: 'ff', stat: 'openness_hist', steps, values: [null, null, null], vectors: [[0.5, 0.5], [0.25, 0.75], [0.4, 0.6]], firstSteps };
    const heat = render(GatePanel, { props: { g: hist, names } });
    const canvas = heat.container.querySelector('canvas')!;
    await fireEvent.mouseMove(canvas, { clientX: 392 }); // a histogram's plot: x = 34 to 392
    expect(tip(heat.container)).toMatch(/^mean over steps 73–80: /);
    await fireEvent.mouseMove(canvas, { clientX: 34 });
    expect(tip(heat.container)).toMatch(/^step 1: /);
  });

  it('a run recorded per step (no firstSteps) reads "@ 80" and gets no means note', async () => {
    const g: GateSeries = { gate: 'router', stat: 'temperature', steps, values: [2, 1.75, 0.3], vectors: null };
    const { container } = render(GatePanel, { props: { g, names } });
    expect(await lineTips(container)).toEqual(['2 @ 1', '1.75 @ 4', '0.3 @ 80']);
    expect(screen.queryByTestId('stat-call-means')).toBeNull();
  });
});
