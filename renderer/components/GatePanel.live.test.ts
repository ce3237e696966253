// A scalar gate statistic (a gate's openness) watched while its run trains: the runs store grows the
// series' arrays in place and bumps `version`. The line must follow the new points, as the histogram
// beside it does; it kept the values of its first render (one dot near step 1) while the step axis grew
// to the run's latest step ("openness 0.6962 at step 4; steps 1 to 365").
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import GatePanelLive from './testing/GatePanelLive.svelte';
import type { GateSeries } from '../../common/lab-api';

afterEach(() => cleanup());

const plotWords = (c: HTMLElement) => c.querySelector('[role="img"]')!.getAttribute('aria-label');

describe('GatePanel while the run trains', () => {
  it("draws the points pushed after its first render: the openness line ends at the newest step's value", () => {
    const g = { gate: 'block0.gate', stat: 'openness', steps: [1, 4], values: [0.72, 0.6962], vectors: null } as unknown as GateSeries;
    const { container, component } = render(GatePanelLive, { props: { g } });
    expect(plotWords(container)).toBe('block 1 gate · openness: openness 0.6962 at step 4; steps 1 to 4.');
    // as the runs store does with pushed points: the same arrays, then a new version
    g.steps.push(200, 365);
    g.values.push(0.61, 0.55);
    flushSync(() => component.pushed());
    expect(plotWords(container)).toBe('block 1 gate · openness: openness 0.55 at step 365; steps 1 to 365.');
  });
});
