// Gate analytics in Compare: the same knockout across seeds lined up per gate and mode, "not run" with
// a button that queues the missing knockouts (and reloads when the job ends), and the accuracy vs
// FLOPs/sample scatter with points where their values put them. The lab side answers through the real
// dispatch (payload and result validated against the LabApi schemas) from a small in-memory lab.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import CompareAnalytics from './CompareAnalytics.svelte';
import ComputeScatter from './ComputeScatter.svelte';
import { dispatch } from '../../../common/lab-api/dispatch';
import type { AnalyticsJobInfo, LabHandlers, RunSummary } from '../../../common/lab-api';
import type { KnockoutTable } from '../../../common/analytics/knockout';
import { inProcessLab } from '../../lib/in-process-lab';

afterEach(() => cleanup());

const ci = (d: number) => ({ low: d - 0.01, high: d + 0.01, level: 0.95 });
const table = (runId: number, closed: number): KnockoutTable => ({
  runId, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.78, samples: 10000, resamples: 1000, seed: 0,
  rows: [
    { gate: 'stream1.gate', kind: 'gate', mode: 'open', value: 0.77, delta: -0.01, ci: ci(-0.01) },
    { gate: 'stream1.gate', kind: 'gate', mode: 'closed', value: 0.78 + closed, delta: closed, ci: ci(closed) },
  ],
});
const run = (id: string, seed: number, auc: number): RunSummary => ({
  id, name: 'finalmlp', group: 'g1', template: 'finalmlp', datasetId: '2', status: 'completed', seed, step: 60, totalSteps: 60, device: 'cpu',
  samplesPerSec: null, etaSec: null, createdAt: '2026-11-29T12:00:00Z', error: null, metrics: { 'test.auc': auc, 'test.loss': 0.5 },
});

/** A lab with run 1 knocked out and run 2 not yet; a queued knockout of run 2 ends after two polls. */
function fakeLab() {
  const tables = new Map<string, KnockoutTable>([['1', table(1, -0.2)]]);
  let polls = 0;
  const job = (state: AnalyticsJobInfo['state'], done: number): AnalyticsJobInfo => ({ id: 5, runId: '2', kind: 'knockout', state, done, total: 6, label: 'stream1.gate closed', error: null });
  const dense = { dense: 52000, mean: 52000, p50: 52000, p95: 52000, saved: 0 };
  const handlers = {
    'analytics.compare': ({ ids }: { ids: string[] }) => ({ runs: ids.map((id) => ({ id, knockout: tables.get(id) ?? null, flops: id === '1' ? { ...dense, source: 'dense' as const } : { ...dense, mean: 26000, saved: 0.5, source: 'measured' as const } })) }),
    'analytics.knockoutAll': () => job('queued', 0),
    'analytics.jobs': ({ id }: { id: string }) => {
      if (++polls >= 2) tables.set(id, table(2, -0.15));
      return { id, jobs: [polls >= 2 ? job('done', 6) : job('running', 3)] };
    },
  } as unknown as LabHandlers;
  return inProcessLab({ dispatch: (c, p) => dispatch(handlers, c, p), onEvent: () => () => {} });
}

describe('CompareAnalytics', () => {
  it('shows the knockouts side by side, queues the missing ones, and reloads when they are done', async () => {
    render(CompareAnalytics, { props: { lab: fakeLab(), runs: [run('1', 0, 0.78), run('2', 1, 0.8)] } });
    const row = await screen.findByText('stream1.gate closed');
    const cells = () => [...row.closest('tr')!.querySelectorAll('td.cell')].map((c) => (c as HTMLElement).dataset.delta);
    expect(cells()).toEqual(['-0.2', '']);
    expect(screen.getAllByTestId('knockout-not-run')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('knockout-queue'));
    await screen.findByTestId('knockout-pending');
    await waitFor(() => expect(cells()).toEqual(['-0.2', '-0.15']), { timeout: 5000 });
    expect(screen.queryByTestId('knockout-not-run')).toBeNull();
    // the scatter: the run measured at half the FLOPs sits left of the dense one, and higher (better AUC)
    const pts = screen.getAllByTestId('scatter-point');
    expect(pts.map((p) => p.dataset.run)).toEqual(['1', '2']);
    const [a, b] = pts.map((p) => ({ x: Number(p.getAttribute('cx')), y: Number(p.getAttribute('cy')) }));
    expect(b.x).toBeLessThan(a.x);
    expect(b.y).toBeLessThan(a.y);
  });
});

describe('CompareAnalytics with an ablated run', () => {
  it('says the ablated run has no gates to knock out instead of "not run · Knock out all gates" (audit A11)', async () => {
    const gated = { ...run('1', 0, 0.78), config: { model: { template: 'finalmlp' } } };
    const off = { ...run('2', 0, 0.75), config: { model: { template: 'finalmlp', gate1: { enabled: false }, gate2: { enabled: false } } } };
    render(CompareAnalytics, { props: { lab: fakeLab(), runs: [gated, off] } });
    await screen.findByText('stream1.gate closed');
    // one name and seed: the run ids tell the two columns apart, as in the rest of Compare
    expect(screen.getAllByTestId('knockout-run').map((h) => h.firstChild!.textContent)).toEqual(['#1 · s0 · finalmlp', '#2 · s0 · finalmlp']);
    expect(screen.getByTestId('knockout-gates-off').textContent).toBe('gates off (ablation)');
    expect(screen.queryByTestId('knockout-not-run')).toBeNull();
    expect(screen.queryByTestId('knockout-queue')).toBeNull();
    expect(screen.getByTestId('ablated-note').textContent).toContain("this run's gates were off (an ablation): nothing to knock out; compare it with the gated run to see what the gate does");
  });
});

describe('CompareAnalytics scatter note', () => {
  it('says which runs the scatter leaves out in a sentence of its own (a space after "not written yet.")', async () => {
    // run 3 has no test.auc yet (still training): it is named under the scatter
    render(CompareAnalytics, { props: { lab: fakeLab(), runs: [run('1', 0, 0.78), { ...run('3', 2, 0), metrics: {} }] } });
    const note = await screen.findByText(/FLOPs per sample: measured/);
    await waitFor(() => expect(note.textContent).toMatch(/gate report not written yet\. Not shown \(no test\.auc or FLOPs\): /));
  });
});

describe('ComputeScatter', () => {
  it('places each run at its FLOPs and metric, hollow when the FLOPs are an unmeasured dense count', () => {
    const points = [
      { id: 'a', label: 'dnn', x: 40000, y: 0.70, hollow: true },
      { id: 'b', label: 'moe top-2', x: 20000, y: 0.74 },
      { id: 'c', label: 'moe top-1', x: 10000, y: 0.72 },
    ];
    render(ComputeScatter, { props: { points, metric: 'auc', width: 400, height: 200 } });
    const [a, b, c] = screen.getAllByTestId('scatter-point').map((p) => ({ x: Number(p.getAttribute('cx')), y: Number(p.getAttribute('cy')), hollow: p.classList.contains('hollow') }));
    // x: 10k..40k padded by 1.5k each side over the plot (56..384); y: 0.70..0.74 padded by 0.002 (12..166, up)
    expect(c.x).toBeCloseTo(56 + (328 * 1500) / 33000, 6);
    expect(a.x).toBeCloseTo(56 + (328 * 31500) / 33000, 6);
    expect(b.x).toBeCloseTo(56 + (328 * 11500) / 33000, 6);
    expect(b.y).toBeCloseTo(166 - (154 * 0.042) / 0.044, 6);
    expect(a.y).toBeCloseTo(166 - (154 * 0.002) / 0.044, 6);
    expect([a.hollow, b.hollow, c.hollow]).toEqual([true, false, false]);
  });
});
