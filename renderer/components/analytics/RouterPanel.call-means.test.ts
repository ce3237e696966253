// The gate report's load over training of a run an older GateLab recorded as means over one training call
// (the report's points carry `firstStep`, main/lab/analytics/gate-analytics.ts): the router panel's hover
// names the steps each such point covers, and a note under the chart says how many points are means, in
// the words the HTML report and Compare use (common/analytics/gate-words.ts). A run recorded per step has
// neither.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import RouterPanel from './RouterPanel.svelte';
import { callMeansNote } from '../../../common/analytics/gate-words';
import { RouterReport } from '../../../common/analytics/report';

afterEach(() => cleanup());
// jsdom has no layout: every chart is 400 px wide (bind:clientWidth reads this)
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

const base: RouterReport = {
  gate: 'router', experts: 2, classes: ['0', '1'], assignment: [[0.5, 0.5], [0.5, 0.5]], load: [0.5, 0.5],
  // step 1 a call of one step (its value); steps 2–4 and 73–80 calls stored as their means
  loadOverTraining: [{ step: 1, load: [0.5, 0.5], firstStep: null }, { step: 4, load: [0.25, 0.75], firstStep: 2 }, { step: 80, load: [0.4, 0.6], firstStep: 73 }],
};
const tip = (c: HTMLElement) => c.querySelector('.tip')?.textContent?.replace(/\s+/g, ' ').trim();

describe('RouterPanel: load over training stored as call means', () => {
  it('the hover names the steps an old mean covers, a per-step point its step, and a note counts the means', async () => {
    const { container } = render(RouterPanel, { props: { router: base } });
    const svg = screen.getByTestId('stacked-area').querySelector('svg')!;
    await fireEvent.mouseMove(svg, { clientX: 392 }); // plot from x = 34 to 392
    expect(tip(container)).toBe('mean over steps 73–80: expert 0=0.4 expert 1=0.6');
    await fireEvent.mouseMove(svg, { clientX: 34 });
    expect(tip(container)).toBe('step 1: expert 0=0.5 expert 1=0.5');
    const note = screen.getByTestId('call-means').textContent;
    expect(note).toBe('Points recorded by an older GateLab are means over the steps of one training call, not values at their step: 2 of the 3 points drawn (the last of them: mean over steps 73–80).');
    expect(note).toBe(callMeansNote([1, 4, 80], [null, 2, 73]));
  });

  it('a run recorded per step (points without firstStep, as reports before it) reads "step 80" and has no note', async () => {
    const router = { ...base, loadOverTraining: base.loadOverTraining.map(({ step, load }) => ({ step, load })) };
    const { container } = render(RouterPanel, { props: { router } });
    await fireEvent.mouseMove(screen.getByTestId('stacked-area').querySelector('svg')!, { clientX: 392 });
    expect(tip(container)).toBe('step 80: expert 0=0.4 expert 1=0.6');
    expect(screen.queryByTestId('call-means')).toBeNull();
  });

  it('the report schema keeps firstStep (a report read back from its JSON still marks the means)', () => {
    const parsed = RouterReport.parse(base);
    expect(parsed.loadOverTraining.map((p) => p.firstStep)).toEqual([null, 2, 73]);
  });
});
