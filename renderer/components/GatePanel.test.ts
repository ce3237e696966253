// Gate panels of the audit's runs (A16, /tmp/audit8/a16): FinalMLP with a per-field gate at scale 2, a dense
// MoE forecaster, GLA. Each panel must read without a glossary: rows by field name, the form's gate names,
// captions that fit the gate (scale, which "load", router noise only when there is noise), honest colour scales.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import GatePanel from './GatePanel.svelte';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import type { GateSeries } from '../../common/lab-api';

afterEach(() => cleanup());

const fields = ['user_segment', 'device', 'hour', 'weekday', 'ad_category', 'site', 'position'];
const finalmlp = gateNamesFromConfig({
  model: { template: 'finalmlp', fields: [25, 5, 25, 8, 17, 41, 4], numeric: 1, gate1: { kind: 'sigmoid', scale: 2, granularity: 'field' }, gate2: { kind: 'sigmoid', scale: 2 } },
  data: { columns: [...fields.map((name) => ({ name, role: 'categorical' })), { name: 'bid_price', role: 'feature' }, { name: 'clicked', role: 'target' }] },
});
const series = (gate: string, stat: string, vectors: number[][] | null, values: (number | null)[] = []): GateSeries => ({
  gate, stat, steps: (vectors ?? values).map((_, i) => 10 * (i + 1)), values: vectors ? vectors.map(() => null) : values, vectors,
} as GateSeries);
const title = (c: HTMLElement) => c.querySelector('figcaption')?.textContent ?? '';

describe('GatePanel', () => {
  it("FinalMLP's per-field gate: rows named by field, the form's gate name, a caption at scale 2", () => {
    const v = Array.from({ length: 8 }, (_, i) => 0.45 + i / 100);
    const { container } = render(GatePanel, { props: { g: series('gate1', 'openness_by_field', [v, v]), names: finalmlp } });
    expect(title(container)).toBe('stream 1 feature gate · openness by field');
    // the canvas' words (and the hover) name the rows as the gate report and its CSV do
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-label')).toMatch(/^stream 1 feature gate · openness by field at step 20: user_segment 0\.45, device 0\.46, .* bid_price 0\.52/);
    expect(screen.getByTestId('stat-caption').textContent).toContain('0.5 = passes unchanged at scale 2');
    expect(container.textContent).toContain('stored as gate1.openness_by_field');
  });

  it('a validation histogram of one step is coloured from 0, so an 8% bin is not drawn as empty', () => {
    const h = [0.0817, 0.09, 0.1, 0.11, 0.12, 0.1366, 0.1, 0.09, 0.09, 0.0817]; // smallest share 8%
    const { container } = render(GatePanel, { props: { g: series('val.gate2', 'openness_hist', [h]), names: finalmlp } });
    expect(container.querySelector('[data-testid="heat-legend"]')!.textContent).toMatch(/^0\s*0\.1366/);
    expect(title(container)).toBe('stream 2 feature gate (validation) · openness histogram');
  });

  it('a dense router: the load panel says it counts top experts, with no noise caption; shares top out at 1', () => {
    const dense = gateNamesFromConfig({ model: { template: 'moe-forecaster', router: { kind: 'softmax-router', experts: 4 } } });
    // float32 means summing to 1.001: the axis must still say 1
    const { container } = render(GatePanel, { props: { g: series('router', 'load', [[0.17, 0.3, 0.3, 0.231], [0.2, 0.3, 0.3, 0.201]]), names: dense } });
    expect(title(container)).toBe('router · share of tokens by top expert');
    expect(screen.getByTestId('stat-caption').textContent).toMatch(/^Share of tokens whose top expert is each expert/);
    expect(container.textContent).not.toMatch(/noise/);
    const ticks = [...container.querySelectorAll('svg text.tick')].map((t) => t.textContent);
    expect(ticks).toContain('1');
    expect(ticks).not.toContain('1.001');
    cleanup();
    const imp = render(GatePanel, { props: { g: series('val.router', 'importance', [[0.236, 0.251, 0.251, 0.262]]), names: dense } });
    expect(title(imp.container)).toBe('router (validation) · mean router probability');
  });

  it("a top-2 router's probability panel says it is before the pick, not the share of picks (audit H2)", () => {
    // the audit's moe-dnn stored no `router`: the template's default (noisy top-2) is what ran
    const moe = gateNamesFromConfig({ model: { template: 'moe-dnn', fields: [25, 5], numeric: 1 } });
    const imp = render(GatePanel, { props: { g: series('val.router', 'importance', [[0.258, 0.26, 0.228, 0.254]]), names: moe } });
    expect(title(imp.container)).toBe('router (validation) · mean router probability (before top-2)');
    expect(screen.getByTestId('stat-caption').textContent).toMatch(/^Mean router probability of each expert: the softmax over all experts before the top-2 pick.*Not the share of picks/);
    cleanup();
    const load = render(GatePanel, { props: { g: series('val.router', 'load', [[0.37, 0.45, 0.0004, 0.18]]), names: moe } });
    expect(title(load.container)).toBe('router (validation) · share of top-2 picks');
    expect(screen.getByTestId('stat-caption').textContent).toMatch(/^Share of the top-2 picks that go to each expert/);
  });

  it('early exit: the gates and their exits in words, blocks counted from 1 as the knockouts count them (audit H2)', () => {
    const { container } = render(GatePanel, { props: { g: series('val.exit_gate', 'exit_rate', [[0.95, 0, 0.05]]) } });
    expect(title(container)).toBe('exit gates (validation) · exit rate');
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-label')).toMatch(/after block 1 0\.95, after block 2 0, after block 3 \(last\) 0\.05/);
    cleanup();
    const depth = render(GatePanel, { props: { g: series('exit_gate', 'depth', null, [1.2, 1.1]) } });
    expect(title(depth.container)).toBe('exit gates · depth');
  });

  it("GLA's forget gate: the caption says what is plotted and why it sits near 1", () => {
    const gla = gateNamesFromConfig({ model: { template: 'gla', gla: { kind: 'gla', normalizer: 16 } } });
    const { container } = render(GatePanel, { props: { g: series('layer0.gla', 'openness', null, [0.95, 0.96]), names: gla } });
    expect(container.textContent).toContain('layer 1 forget gate (GLA) · openness');
    expect(screen.getByTestId('stat-caption').textContent).toMatch(/^Forget gate α per step = σ\(·\)\^\(1\/16\)/);
  });
});
