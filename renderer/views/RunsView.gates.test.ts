// The Runs view's gate analytics and gate panels: knockouts and the gate report are offered only for a model
// with gates (a DLinear run says it has none; an ablated run says to compare it with its gated twin), and the
// panels draw each statistic as what it is (named modality lines, stacked expert load, histograms and
// per-unit openness on fixed scales, one look per statistic across gates), titled and captioned in the user's
// words. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/svelte';
import { runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab, type FakeRun } from '../fixtures/fake-run-lab';
import type { GateSeries, RunMetrics } from '../../common/lab-api';

afterEach(() => cleanup());

/** A DLinear run 4 and a gated TSMixer run 5 in the list, the view opened on `runId`. */
function show(runId: '4' | '5') {
  const runs: Record<string, FakeRun> = { 4: { id: '4', template: 'dlinear', metrics: { 'test.mse': 0.4 } }, 5: { id: '5', template: 'tsmixer-gated' } };
  const { lab } = fakeRunLab(runs[runId], { 'runs.list': () => Object.values(runs).map(runSummary) });
  return openApp(lab, `#/runs/${runId}`);
}

describe('Runs view gate analytics', () => {
  it('says a DLinear run has no gates and offers no knockout', async () => {
    await show('4');
    const note = await screen.findByTestId('no-gates');
    expect(note.textContent).toContain('no gates');
    expect(note.textContent).toContain('dlinear');
    // what to train instead: its family's gated templates, from the template registry
    expect(note.textContent).toContain('To see what gates do on this data, train a gated template of its family in Models (tsmixer-gated, patch-transformer-gated, gla, tft-lite or moe-forecaster), then compare it with this run in Compare.');
    expect(screen.queryByTestId('knockout-all')).toBeNull();
    expect(screen.queryByTestId('run-analytics')).toBeNull();
  });

  it("offers only the gated templates its data can train: a click log without ratings gets no mmoe (two tasks: click and rating)", async () => {
    const data = { line: 'recsys: 80 train / 10 validation / 10 test samples', logScaled: [], label: { column: 'clicked', classes: ['0', '1'], positive: '1', negative: '0' } };
    const { lab } = fakeRunLab({ id: '8', template: 'deepfm', config: { model: { template: 'deepfm' } }, data });
    await openApp(lab, '#/runs/8');
    await waitFor(() => expect(screen.getByTestId('no-gates').textContent).toContain('train a gated template of its family in Models (finalmlp or moe-dnn), then compare'));
  });

  it('offers knockouts for a gated TSMixer run', async () => {
    await show('5');
    expect(await screen.findByTestId('knockout-all')).toBeTruthy();
    expect(screen.queryByTestId('no-gates')).toBeNull();
  });
});

describe('Runs view on an ablated run', () => {
  it('a run whose only gate was off offers no knockout and says to compare it with the gated run (audit A11)', async () => {
    const { lab } = fakeRunLab({ id: '7', template: 'tsmixer-gated', config: { model: { template: 'tsmixer-gated', gate: { kind: 'sigmoid', enabled: false } } } });
    await openApp(lab, '#/runs/7');
    const note = await screen.findByTestId('gates-off');
    expect(note.textContent).toContain("This run's gates were off (an ablation): nothing to knock out; compare it with the gated run to see what the gate does");
    expect(screen.queryByTestId('knockout-all')).toBeNull();
    // and its row in the run table says so, so the baseline is told apart from its gated twin
    expect((await screen.findByTestId('gates-off-pill')).textContent).toBe('gates off');
  });
});

/** A lab with one completed run 9 of a fusion `template` over three named modalities, with these gate series. */
function gateRunLab(template: string, gates: GateSeries[], series: RunMetrics['series']) {
  const modalities = [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }];
  return fakeRunLab({ id: '9', template, config: { model: { template, modalities } } }, {
    'runs.metrics': ({ id }) => ({ id, series }),
    'runs.gates': ({ id }) => ({ id, gates }),
  }).lab;
}

describe('Runs view gate panels', () => {
  it('draws independent GMU modality weights as named lines, expert load as a stacked area with a legend, histograms with bin edges', async () => {
    const gates = [
      { gate: 'gmu', stat: 'modality_weights', steps: [4, 200], values: [null, null], vectors: [[0.5, 0.52, 0.49], [0.61, 0.4, 0.5]] },
      { gate: 'router', stat: 'load', steps: [4, 200], values: [null, null], vectors: [[0.5, 0.25, 0.25], [0.3, 0.3, 0.4]] },
      { gate: 'val.router', stat: 'load', steps: [125], values: [null], vectors: [[0.2, 0.3, 0.5]] },
      { gate: 'g1', stat: 'openness_hist', steps: [4, 200], values: [null, null], vectors: [[0.5, 0.3, 0.2, 0], [0.1, 0.2, 0.3, 0.4]] },
    ];
    await openApp(gateRunLab('gmu', gates, []), '#/runs/9');
    const panel = (stat: string) => document.querySelector(`[data-stat="${stat}"]`) as HTMLElement;
    await waitFor(() => expect(panel('gmu/modality_weights')?.textContent).toContain('camera'));
    expect(panel('gmu/modality_weights').dataset.chart).toBe('lines');
    expect(panel('gmu/modality_weights').textContent).toContain('context');
    expect(panel('router/load').dataset.chart).toBe('stacked');
    expect(panel('router/load').querySelector('[data-testid="stack-legend"]')?.textContent).toMatch(/expert 0.*expert 1.*expert 2/);
    // one validation step: a labelled column, not an empty chart
    expect(panel('val.router/load').querySelectorAll('[data-testid="stack-single"]')).toHaveLength(3);
    expect(panel('val.router/load').textContent).toContain('expert 2 0.5');
    expect(panel('g1/openness_hist').dataset.chart).toBe('heatmap');
    expect(panel('g1/openness_hist').querySelector('[data-testid="heat-legend"]')?.textContent).toMatch(/^0\s*1\s*·.*0–0\.25 … 0\.75–1/);
  });
});

describe('Runs view MMoE and TSMixer gate panels (audit A11)', () => {
  it('titles task gates by task with expert legends, and block gates from 1, keeping the stored id', async () => {
    const gates = [
      { gate: 'gate.task0', stat: 'weights', steps: [4, 200], values: [null, null], vectors: [[0.25, 0.25, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1]] },
      { gate: 'block0.gate', stat: 'openness', steps: [4, 200], values: [0.5, 0.55], vectors: null },
    ];
    await openApp(gateRunLab('mmoe', gates, []), '#/runs/9');
    const panel = (stat: string) => document.querySelector(`[data-stat="${stat}"]`) as HTMLElement;
    await waitFor(() => expect(panel('gate.task0/weights')?.textContent).toContain('click gate · weights'));
    expect(panel('gate.task0/weights').querySelector('[data-testid="stack-legend"]')?.textContent).toMatch(/expert 0.*expert 1.*expert 2.*expert 3/);
    expect(panel('gate.task0/weights').textContent).toContain('stored as gate.task0.weights');
    expect(panel('block0.gate/openness').textContent).toContain('block 1 gate · openness');
  });
});

describe('Runs view per-unit openness', () => {
  it('draws openness by channel on a fixed 0…1 colour scale, so a drift of 0.45–0.54 does not span every colour', async () => {
    const gates = [{ gate: 'block0.gate', stat: 'openness_by_channel', steps: [20, 40], values: [null, null], vectors: [[0.45, 0.5, 0.54], [0.46, 0.5, 0.53]] }];
    await openApp(gateRunLab('gmu', gates, []), '#/runs/9');
    const panel = () => document.querySelector('[data-stat="block0.gate/openness_by_channel"]') as HTMLElement | null;
    await waitFor(() => expect(panel()?.dataset.chart).toBe('heatmap'));
    expect(panel()!.querySelector('[data-testid="heat-legend"]')?.textContent).toMatch(/^0\s*1/);
  });
});

describe('Runs view: one look per statistic across gates', () => {
  it("draws block 1's and block 2's openness in one colour, and their histograms on one colour scale", async () => {
    const gates = [
      { gate: 'block0.gate', stat: 'openness', steps: [20, 40], values: [0.5, 0.52], vectors: null },
      { gate: 'block0.gate', stat: 'openness_hist', steps: [20, 40], values: [null, null], vectors: [[0.1, 0.4, 0.4, 0.1], [0.1, 0.3, 0.5, 0.1]] },
      { gate: 'block1.gate', stat: 'openness', steps: [20, 40], values: [0.5, 0.47], vectors: null },
      { gate: 'block1.gate', stat: 'openness_hist', steps: [20, 40], values: [null, null], vectors: [[0.2, 0.3, 0.3, 0.2], [0.25, 0.25, 0.25, 0.25]] },
      { gate: 'val.block1.gate', stat: 'openness', steps: [40], values: [0.48], vectors: null },
    ];
    await openApp(gateRunLab('tsmixer-gated', gates, []), '#/runs/9');
    const panel = (stat: string) => document.querySelector(`[data-stat="${stat}"]`) as HTMLElement;
    await waitFor(() => expect(panel('block1.gate/openness')).toBeTruthy());
    const swatch = (stat: string) => (panel(stat).querySelector('.legend .sw') as HTMLElement).style.background;
    expect(swatch('block0.gate/openness')).not.toBe('');
    expect(swatch('block1.gate/openness')).toBe(swatch('block0.gate/openness'));
    expect(swatch('val.block1.gate/openness')).toBe(swatch('block0.gate/openness'));
    // one scale for both histograms: their cells are shares, on the fixed 0…1 (not the largest share so far, 0.5)
    const legend = (stat: string) => panel(stat).querySelector('[data-testid="heat-legend"]')!.textContent;
    expect(legend('block0.gate/openness_hist')).toMatch(/^0\s*1\s*·/);
    expect(legend('block1.gate/openness_hist')).toBe(legend('block0.gate/openness_hist'));
  });
});

describe('Runs view gate panels explain themselves', () => {
  it("titles gates in the user's words, captions each known statistic, keeps validation apart, and words every chart", async () => {
    const gates = [
      { gate: 'cross1.gate', stat: 'openness', steps: [20, 40], values: [0.5, 0.515], vectors: null },
      { gate: 'router', stat: 'entropy', steps: [20, 40], values: [1.2, 1.1], vectors: null },
      { gate: 'router', stat: 'load', steps: [20, 40], values: [null, null], vectors: [[0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]] },
      { gate: 'loss.router', stat: 'load_cv2', steps: [20, 40], values: [0.01, 0.02], vectors: null },
      { gate: 'val.cross1.gate', stat: 'openness', steps: [40], values: [0.52], vectors: null },
    ];
    await openApp(gateRunLab('gated-cross-attention', gates, [{ name: 'train.loss', steps: [20, 40], values: [0.7, 0.6] }]), '#/runs/9');
    const panel = (stat: string) => document.querySelector(`[data-stat="${stat}"]`) as HTMLElement;
    await waitFor(() => expect(panel('cross1.gate/openness')?.querySelector('figcaption')?.textContent).toBe('cross-attention · sensor · openness'));
    const caption = (stat: string) => panel(stat).querySelector('[data-testid="stat-caption"]')?.textContent ?? '';
    expect(caption('cross1.gate/openness')).toContain('0 closed … 1 fully open');
    expect(caption('router/entropy')).toContain('ln 4 = 1.386'); // k from the router's load vector
    expect(caption('loss.router/load_cv2')).toContain('0 = every expert gets the same load');
    expect(panel('loss.router/load_cv2').querySelector('figcaption')?.textContent).toBe('router · auxiliary loss · load CV²');
    // validation statistics are a separate, labelled group, not interleaved duplicates
    const val = screen.getByTestId('gate-panels-validation');
    expect(val.contains(panel('val.cross1.gate/openness'))).toBe(true);
    expect(screen.getByTestId('gate-panels').contains(panel('val.cross1.gate/openness'))).toBe(false);
    expect(panel('val.cross1.gate/openness').querySelector('figcaption')?.textContent).toBe('cross-attention · sensor (validation) · openness');
    // every chart has a text alternative with its latest values and step range
    const img = (stat: string) => panel(stat).querySelector('[role="img"]')?.getAttribute('aria-label');
    expect(img('cross1.gate/openness')).toBe('cross-attention · sensor · openness: openness 0.515 at step 40; steps 20 to 40.');
    expect(img('router/load')).toBe('router · load at step 40: expert 0 0.1, expert 1 0.2, expert 2 0.3, expert 3 0.4; steps 20 to 40.');
    expect(screen.getByRole('img', { name: /^Loss: train\.loss 0\.6 at step 40/ })).toBeTruthy();
  });
});
