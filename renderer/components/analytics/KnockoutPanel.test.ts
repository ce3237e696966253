import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import KnockoutPanel from './KnockoutPanel.svelte';
import type { KnockoutTable } from '../../../common/analytics/knockout';

const ci = (low: number, high: number) => ({ low, high, level: 0.95 });
const table: KnockoutTable = {
  runId: 1, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.9, samples: 1000, resamples: 1000, seed: 0,
  rows: [
    { gate: 'gate1', kind: 'gate', mode: 'open', value: 0.9, delta: 0, ci: ci(-0.001, 0.001) },
    { gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.7, delta: -0.2, ci: ci(-0.25, -0.15) },
    { gate: 'router', kind: 'router', mode: 'single', expert: 2, value: 0.85, delta: -0.05, ci: ci(-0.12, 0.01) },
  ],
};

afterEach(() => cleanup());

describe('KnockoutPanel', () => {
  it('sorts by harm (AUC: most negative first), then by gate; marks significant losses', async () => {
    render(KnockoutPanel, { props: { table } });
    const names = () => screen.getAllByTestId('knockout-row').map((r) => r.querySelector('.name')!.textContent);
    // FinalMLP's gate1 in the form's words ("Stream 1 feature gate"), the stored id in the row's tooltip
    expect(names()).toEqual(['stream 1 feature gate closed', 'router only expert 2', 'stream 1 feature gate open']);
    expect(screen.getAllByTestId('knockout-row')[0].querySelector('.name')!.getAttribute('title')).toBe('stream 1 feature gate closed (stored as gate1)');
    const [closed, single] = screen.getAllByTestId('knockout-row');
    expect(closed.classList.contains('significant') && closed.classList.contains('hurts')).toBe(true);
    expect(single.classList.contains('significant')).toBe(false); // its interval crosses 0
    await fireEvent.change(screen.getByTestId('knockout-sort'), { target: { value: 'gate' } });
    expect(names()).toEqual(['router only expert 2', 'stream 1 feature gate closed', 'stream 1 feature gate open']);
  });

  it('says what the bars’ colours mean, as the rows are drawn (red: worse, pale: interval includes 0)', () => {
    render(KnockoutPanel, { props: { table } });
    expect(screen.getByTestId('knockout-bar-key').textContent).toBe('red where the knockout does worse, blue where not, pale where its interval includes 0');
  });

  it("names gates in the user's words (GMU modalities) and words each bar's interval for screen readers", () => {
    const gmu: KnockoutTable = { ...table, rows: [{ gate: 'gmu.z2', kind: 'gate', mode: 'closed', value: 0.8, delta: -0.1, ci: ci(-0.15, -0.05) }] };
    render(KnockoutPanel, { props: { table: gmu, names: { modalities: ['context', 'sensor', 'camera'], variables: [], template: 'gmu' } } });
    const row = screen.getByTestId('knockout-row');
    expect(row.querySelector('.name')!.textContent).toBe('gmu · camera closed');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('gmu · camera closed: auc 0.8000, change -0.1000, 95% interval -0.1500 to -0.0500, worse');
  });

  it('writes every number of the table in one fixed notation, as gatelab knockout does (audit A22 #10)', () => {
    // run 7's deltas: -0.0030 beside -2.19e-4 and -1.09e-4 read as three scales
    const small: KnockoutTable = { ...table, metric: 'logloss', higherIsBetter: false, baseline: 0.4512, rows: [
      { gate: 'gate1', kind: 'gate', mode: 'open', value: 0.4482, delta: -0.003, ci: ci(-0.0041, -0.0019) },
      { gate: 'gate2', kind: 'gate', mode: 'open', value: 0.4510, delta: -0.000219, ci: ci(-0.0004, -0.00005) },
      { gate: 'gate2', kind: 'gate', mode: 'closed', value: 0.4511, delta: -0.000109, ci: ci(-0.0003, 0.0001) },
    ] };
    render(KnockoutPanel, { props: { table: small } });
    const values = screen.getAllByTestId('knockout-row').map((r) => r.querySelector('.value')!.textContent);
    expect(values.sort()).toEqual(['-0.000109', '-0.000219', '-0.003000']);
    expect(screen.getByRole('heading').textContent).toBe('Knockout: test logloss 0.451200 as trained');
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-label')).join(' ')).not.toMatch(/e-/);
  });

  it('a tiny delta (a mean knockout, -2.8e-8) keeps its sign and says it is below the last decimal, not 0.000000 (audit G6)', () => {
    const tiny: KnockoutTable = { ...table, metric: 'mse', higherIsBetter: false, baseline: 0.05232, rows: [
      { gate: 'block0.gate', kind: 'gate', mode: 'closed', value: 0.052649, delta: 0.000329, ci: ci(0.000308, 0.000348) },
      { gate: 'block0.gate', kind: 'gate', mode: 'mean', value: 0.05232, delta: -2.797e-8, ci: ci(-3.219e-8, -2.378e-8) },
      { gate: 'block1.gate', kind: 'gate', mode: 'mean', value: 0.05232, delta: 0, ci: ci(0, 0) },
    ] };
    render(KnockoutPanel, { props: { table: tiny } });
    const rows = screen.getAllByTestId('knockout-row');
    const cells = rows.map((r) => [r.querySelector('.value')!.textContent, r.querySelector('.tiny')!.textContent]);
    // by harm: +0.000329, then the exact 0 (which says nothing more), then -2.8e-8
    // the number is the change, signed (audit walkapp: an unsigned 0.005320 under "test mse 0.810690" read as an MSE)
    expect(cells).toEqual([['+0.000329', ''], ['0.000000', ''], ['-0.000000', '(< 1e-6)']]);
    expect(rows[0].querySelector('[role="img"]')!.getAttribute('aria-label')).toContain('change +0.000329,');
    // the words a screen reader hears: the note once, the interval's ends below 0
    expect(rows[2].querySelector('[role="img"]')!.getAttribute('aria-label')).toContain('change -0.000000 (< 1e-6), 95% interval -0.000000 to -0.000000, not worse');
  });

  it('for a lower-is-better metric a positive delta is the harm', () => {
    render(KnockoutPanel, { props: { table: { ...table, metric: 'mse', higherIsBetter: false } } });
    expect(screen.getAllByTestId('knockout-row')[0].querySelector('.name')!.textContent).toBe('stream 1 feature gate open');
  });

  it('says how the interval was resampled: runs of consecutive forecast windows, or independent samples', () => {
    const mse = { ...table, metric: 'mse', higherIsBetter: false, samples: 11_089, interval: { kind: 'block' as const, block: 432, span: 432 } };
    render(KnockoutPanel, { props: { table: mse } });
    expect(screen.getByTestId('knockout-interval-method').textContent).toBe('95% interval: block bootstrap over runs of 432 consecutive windows (windows overlap)');
    cleanup();
    // a table stored before the block bootstrap was drawn independently
    render(KnockoutPanel, { props: { table } });
    expect(screen.getByTestId('knockout-interval-method').textContent).toBe('95% interval: paired bootstrap over independent test samples');
  });

  it("names each row's metric when its gate is scored on its own task (MMoE: the rating gate on rating_rmse, lower is better)", () => {
    const mmoe: KnockoutTable = { ...table, baseline: 0.69, rows: [
      { gate: 'gate.task0', kind: 'router', mode: 'uniform', value: 0.68, delta: -0.01, ci: ci(-0.02, -0.005), metric: 'auc', higherIsBetter: true, baseline: 0.69 },
      { gate: 'gate.task1', kind: 'router', mode: 'uniform', value: 0.95, delta: 0.04, ci: ci(0.02, 0.06), metric: 'rating_rmse', higherIsBetter: false, baseline: 0.91 },
      { gate: 'gate.task1', kind: 'router', mode: 'mean', value: 0.90, delta: -0.01, ci: ci(-0.03, 0.01), metric: 'rating_rmse', higherIsBetter: false, baseline: 0.91 },
    ] };
    render(KnockoutPanel, { props: { table: mmoe, names: { modalities: [], variables: [], template: 'mmoe', tasks: ['click', 'rating'] } } });
    const rows = screen.getAllByTestId('knockout-row');
    expect(rows.map((r) => r.querySelector('[data-testid="knockout-row-metric"]')!.textContent)).toEqual(['rating_rmse', 'auc', 'rating_rmse']);
    // a higher RMSE is the harm: the rating gate's uniform row is red, its mean row (lower RMSE) is not
    expect(rows[0].classList.contains('hurts')).toBe(true);
    expect(rows[2].classList.contains('hurts')).toBe(false);
    expect(rows[0].querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('rating gate uniform: rating_rmse 0.9500, change +0.0400, 95% interval 0.0200 to 0.0600, worse');
    expect(screen.getByTestId('knockout-other-metric').textContent).toBe('rating_rmse rows: test rating_rmse 0.9100 as trained, lower is better (the task their gate serves)');
    cleanup();
    // one metric: no metric column (a table stored before rows named theirs reads as it did)
    render(KnockoutPanel, { props: { table } });
    expect(screen.queryAllByTestId('knockout-row-metric')).toHaveLength(0);
    expect(screen.queryByTestId('knockout-other-metric')).toBeNull();
  });

  it("draws a forecasting run's target channel (--target OT) under the table's bars, in the same order", () => {
    const row = (gate: string, delta: number, ot: number) => ({ gate, kind: 'gate' as const, mode: 'closed' as const, value: 0.54 + delta, delta, ci: ci(delta - 0.001, delta + 0.001),
      metric: 'mse', higherIsBetter: false, baseline: 0.54, channels: [{ name: 'OT', baseline: 0.39, value: 0.39 + ot, delta: ot, ci: ci(ot - 0.001, ot + 0.001) }] });
    const forecast: KnockoutTable = { ...table, metric: 'mse', higherIsBetter: false, baseline: 0.54, rows: [row('block0.gate', 0.0018, 0.0002), row('block1.gate', 0.0005, -0.0011)] };
    render(KnockoutPanel, { props: { table: forecast } });
    expect(screen.getAllByTestId('knockout-row')).toHaveLength(2); // the table's rows are not mixed with the target's
    expect(screen.getByTestId('knockout-target').textContent).toBe("target 'OT' alone: test mse of 'OT' 0.39000 as trained (its own channel; the bars above score every channel's mean, as the run's headline test mse)");
    const target = screen.getAllByTestId('knockout-target-row');
    expect(target.map((r) => r.querySelector('.value')!.textContent)).toEqual(['+0.00020', '-0.00110']); // block 1 first, as above (harm order)
    expect(target[1].querySelector('[role="img"]')!.getAttribute('aria-label')).toBe("block 2 gate closed: mse of 'OT' 0.38890, change -0.00110, 95% interval -0.00210 to -0.00010, not worse");
  });

  it('"Try on rows" on each knockout hands its key (the What if key, "gate mode [expert]") to the caller; none without one', async () => {
    const tried: string[] = [];
    render(KnockoutPanel, { props: { table, ontry: (k: string) => tried.push(k) } });
    const buttons = screen.getAllByTestId('knockout-try');
    expect(buttons).toHaveLength(3);
    expect(buttons.map((b) => b.textContent)).toEqual(['Try on rows', 'Try on rows', 'Try on rows']);
    expect(buttons[1].getAttribute('aria-label')).toBe('Try router only expert 2 on test rows'); // harm order, as the rows
    await fireEvent.click(buttons[1]);
    await fireEvent.click(buttons[0]);
    expect(tried).toEqual(['router single 2', 'gate1 closed']);
    cleanup();
    render(KnockoutPanel, { props: { table } });
    expect(screen.queryAllByTestId('knockout-try')).toHaveLength(0);
  });

  it("a forecasting run's target channel rows repeat the knockouts above: their Try is the table's row's, once", () => {
    const forecast: KnockoutTable = { ...table, metric: 'mse', higherIsBetter: false, baseline: 0.54, rows: [{ gate: 'block0.gate', kind: 'gate', mode: 'closed', value: 0.55, delta: 0.01, ci: ci(0, 0.02), channels: [{ name: 'OT', baseline: 0.39, value: 0.4, delta: 0.01, ci: ci(0, 0.02) }] }] };
    render(KnockoutPanel, { props: { table: forecast, ontry: () => {} } });
    expect(screen.getAllByTestId('knockout-target-row')).toHaveLength(1);
    expect(screen.getAllByTestId('knockout-try')).toHaveLength(1);
  });
});
