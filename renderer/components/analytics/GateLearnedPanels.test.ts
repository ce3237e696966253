// The run page's gate-analytics panels with report data shaped like a real FinalMLP / GMU / top-k MoE
// report: feature ranking and its CSV, sorting per-sample fusion weights, the expert × class map, the
// compute figures and the early-exit operating point.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import FeatureGates from './FeatureGates.svelte';
import FusionPanel from './FusionPanel.svelte';
import RouterPanel from './RouterPanel.svelte';
import ComputePanel from './ComputePanel.svelte';
import type { FeatureGateReport, FusionReport, RouterReport } from '../../../common/analytics/report';
import type { ComputeReport, ExitCurve } from '../../../common/analytics/compute';
import AttentionPanel from './AttentionPanel.svelte';
import { gateNamesFromConfig } from '../../../common/analytics/gate-names';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

// jsdom's Blob has no text(): read it the way a 2015 browser would.
const textOf = (b: Blob) => new Promise<string>((resolve) => { const r = new FileReader(); r.onload = () => resolve(r.result as string); r.readAsText(b); });

const featureGates: FeatureGateReport[] = [
  { gate: 'stream1.gate', features: [
    { feature: 'user_segment', mean: 1.62, rank: 2 }, { feature: 'device', mean: 1.71, rank: 1 }, { feature: 'ad_category, "top"', mean: 0.93, rank: 3 },
  ] },
  { gate: 'stream2.gate', features: [{ feature: 'hour', mean: 0.41, rank: 1 }] },
];

describe('FeatureGates', () => {
  it('lists features by rank and exports gate,feature,mean_gate,rank as CSV', async () => {
    render(FeatureGates, { props: { gates: featureGates, runId: '7' } });
    const first = screen.getAllByTestId('feature-row').slice(0, 3).map((r) => r.querySelector('.name')!.textContent);
    expect(first).toEqual(['device', 'user_segment', 'ad_category, "top"']);
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => { blob = b; return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { expect(this.download).toBe('run-7-feature-importance.csv'); });
    await fireEvent.click(screen.getByTestId('feature-csv'));
    expect(click).toHaveBeenCalledOnce();
    expect(await textOf(blob!)).toBe(
      'gate,feature,mean_gate,rank\nstream1.gate,user_segment,1.62,2\nstream1.gate,device,1.71,1\nstream1.gate,"ad_category, ""top""",0.93,3\nstream2.gate,hour,0.41,1\n');
  });

  it("names each gate as the other panels do, the stored id in its tooltip (TSMixer: block 1 gate, not block0.gate)", () => {
    render(FeatureGates, { props: { gates: [{ gate: 'block0.gate', features: [{ feature: 'OT', mean: 0.6, rank: 1 }] }, { gate: 'gate1', features: [{ feature: 'device', mean: 1.2, rank: 1 }] }], runId: '1' } });
    const captions = [...document.querySelectorAll('figcaption')];
    expect(captions.map((c) => c.textContent)).toEqual(['block 1 gate', 'stream 1 feature gate']);
    expect(captions.map((c) => c.getAttribute('title'))).toEqual(['stored as block0.gate', 'stored as gate1']);
  });
});

const fusion: FusionReport = {
  gate: 'gmu', modalities: ['text', 'tabular'],
  histogram: [[0, 0.25, 0, 0, 0.25, 0, 0, 0.25, 0, 0.25], [0.25, 0, 0.25, 0, 0, 0.25, 0, 0, 0.25, 0]],
  mean: [0.52, 0.48], samplesTotal: 4000, textColumn: 'Review Text',
  samples: [
    { index: 0, weights: [0.71, 0.29], label: 1, prediction: 0.93, correct: true, text: 'Love this dress, fits perfectly' },
    { index: 1, weights: [0.12, 0.88], label: 0, prediction: 0.81, correct: false, text: 'Returned it, the fabric is cheap' },
    { index: 2, weights: [0.45, 0.55], label: 1, prediction: 0.66, correct: true, text: 'Nice' },
    { index: 3, weights: [0.97, 0.03], label: 0, prediction: 0.08, correct: true, text: 'Awful zipper' },
  ],
};

describe('FusionPanel', () => {
  const order = () => screen.getAllByTestId('fusion-sample').map((r) => Number(r.querySelector('td')!.textContent));
  it('sorts per-sample weights by a modality: text weight lowest first finds where the text was ignored', async () => {
    render(FusionPanel, { props: { fusion } });
    expect(order()).toEqual([0, 1, 2, 3]);
    expect(screen.getAllByTestId('fusion-histogram')).toHaveLength(2);
    const [byText, byTabular] = screen.getAllByTestId('sort-modality');
    await fireEvent.click(byText); // first click: highest first
    expect(order()).toEqual([3, 0, 2, 1]);
    await fireEvent.click(byText); // again: lowest first
    expect(order()).toEqual([1, 2, 0, 3]);
    const top = screen.getAllByTestId('fusion-sample')[0];
    expect(top.textContent).toContain('Returned it, the fabric is cheap');
    expect(top.classList.contains('wrong')).toBe(true);
    await fireEvent.click(byTabular);
    expect(order()).toEqual([1, 2, 0, 3]);
    expect(screen.getByText(/4 of 4,000 test samples/)).toBeTruthy();
  });
});

const router: RouterReport = {
  gate: 'moe.router', experts: 3, classes: ['0', '1'],
  assignment: [[0.61, 0.12], [0.2, 0.18], [0.19, 0.7]], load: [0.42, 0.19, 0.39],
  loadOverTraining: [],
  specialisation: { inputs: 'input features', experts: [{ expert: 0, samples: 812, top: [{ feature: 'device=mobile', score: 1.4, mean: 0.9, overall: 0.55 }] }] },
};

describe('RouterPanel', () => {
  it('draws one cell per expert and class, darkest where the router sends most, and each expert\'s load', () => {
    render(RouterPanel, { props: { router } });
    const cells = [...screen.getByTestId('assignment-grid').querySelectorAll('rect')];
    expect(cells).toHaveLength(6);
    const darkest = cells.reduce((a, b) => (sum(b.getAttribute('fill')!) < sum(a.getAttribute('fill')!) ? b : a));
    expect([darkest.dataset.row, darkest.dataset.col]).toEqual(['2', '1']);
    expect(screen.getAllByTestId('expert-load').map((l) => l.querySelector('.v')!.textContent)).toEqual(['42.0%', '19.0%', '39.0%']);
    expect(screen.getByTestId('expert-specialisation').textContent).toContain('device=mobile');
  });

  it('names the experts in the load-over-training chart', () => {
    const { container } = render(RouterPanel, { props: { router: { ...router, loadOverTraining: [{ step: 10, load: [0.5, 0.2, 0.3] }, { step: 20, load: [0.4, 0.2, 0.4] }] } } });
    expect(container.querySelector('[data-testid="stack-legend"]')?.textContent).toMatch(/expert 0.*expert 1.*expert 2/);
    // without the run's config the router's noise is unknown: no noise caption
    expect(screen.queryByTestId('load-noise-caption')).toBeNull();
  });

  it('says the router noise only for a noisy top-k router, and names each "load" for what it counts (audit A16)', () => {
    const over = { ...router, loadOverTraining: [{ step: 10, load: [0.5, 0.2, 0.3] }, { step: 20, load: [0.4, 0.2, 0.4] }] };
    const noisy = gateNamesFromConfig({ model: { template: 'moe-dnn', router: { kind: 'topk-router', k: 2, noisy: true } } });
    const first = render(RouterPanel, { props: { router: over, names: noisy } });
    // training load includes the noisy router's noise, test load not (audit A11: 25% in training, 0% on test)
    expect(screen.getByTestId('load-noise-caption').textContent).toMatch(/includes the router's noise.*validation\/test load is without it/);
    expect(screen.getByTestId('stacked-area').querySelector('figcaption')!.textContent).toBe('Share of top-2 picks over training');
    first.unmount();
    // a dense softmax router has no noise (moe-forecaster): no caption claiming it
    const dense = gateNamesFromConfig({ model: { template: 'moe-forecaster', router: { kind: 'softmax-router', experts: 3 } } });
    render(RouterPanel, { props: { router: over, names: dense } });
    expect(screen.queryByTestId('load-noise-caption')).toBeNull();
    expect(screen.getByTestId('stacked-area').querySelector('figcaption')!.textContent).toBe('Share of tokens by top expert over training');
    // a dense router mixes with its probabilities: the (older report's) test-split figure is the mean router
    // probability; per-expert counts are samples whose top expert it is
    expect(screen.getAllByTestId('router-figure').map((f) => f.querySelector('figcaption')!.textContent)).toEqual(['Mean router probability on the test split']);
    expect(screen.getByTestId('expert-specialisation').textContent).toMatch(/\d+ samples with it as top expert/);
  });

  it("a top-2 router shows its probability before the pick beside its share of picks, each named for what it counts (audit H2)", () => {
    // the audit's moe-dnn (a config without `router`: the template's noisy top-2 default): expert 2 holds 23% of
    // the probability and 0% of the picks, and both were "mean routing weight"
    const names = gateNamesFromConfig({ model: { template: 'moe-dnn', fields: [25, 5], numeric: 1 } });
    const rt = { ...router, gate: 'router', experts: 4, load: [0.37, 0.45, 0, 0.18], probability: [0.258, 0.26, 0.228, 0.253], picks: [0.371, 0.452, 0, 0.177], assignment: [[1], [1], [0], [1]], classes: ['all'] };
    const { container } = render(RouterPanel, { props: { router: rt, names } });
    // the gate called "router" is not "Router router"
    expect(container.querySelector('h3')!.textContent).toBe('Router · 4 experts');
    const figures = screen.getAllByTestId('router-figure');
    expect(figures.map((f) => f.querySelector('figcaption')!.textContent)).toEqual(['Mean router probability on the test split (before top-2)', 'Share of top-2 picks on the test split']);
    expect(figures.map((f) => [...f.querySelectorAll('.v')].map((v) => v.textContent)[2])).toEqual(['22.8%', '0.0%']);
    expect(figures[0].textContent).toMatch(/before it picks the top 2/);
    expect(screen.getByText('Mean weight after the top-2 pick: expert × class')).toBeTruthy();
    expect(container.textContent).not.toMatch(/routing weight/i);
  });

  it('in MoE fusion names each expert by the modality it sees', () => {
    const names = { modalities: ['context', 'sensor', 'camera'], variables: [], template: 'moe-fusion' };
    render(RouterPanel, { props: { router: { ...router, gate: 'router' }, names } });
    expect(screen.getAllByTestId('expert-load').map((li) => li.firstElementChild!.textContent)).toEqual(['expert 0 (context)', 'expert 1 (sensor)', 'expert 2 (camera)']);
    expect(screen.getByTestId('expert-specialisation').textContent).toContain('expert 0 (context)');
  });
});
const sum = (rgb: string) => rgb.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0);

describe('ComputePanel', () => {
  const compute: ComputeReport = { flops: { dense: 1884, mean: 1052, p50: 1052, p95: 1400, saved: 1 - 1052 / 1884 }, gates: [{ gate: 'router', kind: 'router', skippable: 1664, skipped: 832 }] };
  it('shows FLOPs per sample against dense and the fraction saved, beside the metric', () => {
    render(ComputePanel, { props: { metric: { name: 'auc', value: 0.91 }, compute } });
    expect(screen.getByTestId('flops-mean').textContent).toBe('1.05 k');
    expect(screen.getByTestId('flops-saved').textContent).toBe('44.2%');
    expect(screen.getByText('0.91')).toBeTruthy();
  });

  it('without conditional compute, shows the dense FLOPs per sample beside the metric', () => {
    render(ComputePanel, { props: { metric: { name: 'auc', value: 0.66 }, flops: { dense: 1_330_000, mean: 1_330_000, p50: 1_330_000, p95: 1_330_000, saved: 0, source: 'dense' } } });
    expect(screen.getByTestId('flops-dense').textContent).toBe('1.33 M');
    expect(screen.getByText(/no conditional compute/)).toBeTruthy();
  });

  it('marks the trained threshold on the exit curve', () => {
    const exitCurve: ExitCurve = { metric: 'accuracy', denseFlops: 3000, chosen: 0.5, points: [
      { threshold: 0.3, metric: 0.8, meanFlops: 1200, exitRates: [0.7, 0.2, 0.1] },
      { threshold: 0.5, metric: 0.86, meanFlops: 1800, exitRates: [0.4, 0.3, 0.3] },
      { threshold: 0.9, metric: 0.9, meanFlops: 2700, exitRates: [0.1, 0.2, 0.7] },
    ] };
    render(ComputePanel, { props: { metric: { name: 'accuracy', value: 0.86 }, exitCurve } });
    const op = screen.getByTestId('operating-point');
    expect(op.dataset.threshold).toBe('0.5');
    const pts = [...screen.getByTestId('exit-curve').querySelectorAll('circle.pt')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect([Number(op.getAttribute('cx')), Number(op.getAttribute('cy'))]).toEqual(pts[1]);
    expect(pts[0][0]).toBeLessThan(pts[1][0]); // more compute to the right
    expect(pts[2][1]).toBeLessThan(pts[1][1]); // better metric higher up
  });
});

describe('AttentionPanel', () => {
  it('says which token is first and what uniform attention gives over so few tokens (gated cross-attention)', () => {
    const names = gateNamesFromConfig({ model: { template: 'gated-cross-attention', tokens: 4, modalities: [{ name: 'context' }, { name: 'sensor' }, { name: 'camera' }] } });
    render(AttentionPanel, { props: { layers: [{ layer: 'cross0', firstTokenAttention: 0.12, gated: true }, { layer: 'cross2', firstTokenAttention: 0.13, gated: true }], names } });
    const rows = screen.getAllByTestId('attention-layer').map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['cross-attention · context', 'the first token of sensor', '12.5% (1/8)'],
      ['cross-attention · camera', 'the first token of context', '12.5% (1/8)'],
    ]);
    expect(screen.getByTestId('attention-sink-caption').textContent).toContain('uniform attention already gives 1/tokens');
  });
});
