// The Runs view offers gate analytics (knockouts, gate report) only for a model with gates: a DLinear
// run says it has none instead of a "Knock out all gates" button that can only fail; a gated TSMixer
// run keeps the analytics panel. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';
import type { GateSeries, RunDetail, RunMetrics } from '../../common/lab-api';
import { AUDIT_TICKETS } from '../fixtures/test-classes';
import { ETTH1_DLINEAR } from '../fixtures/test-channels';

afterEach(() => cleanup());
// jsdom has no layout: charts' bind:clientWidth needs a ResizeObserver to exist, not to fire.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

function show(runId: string) {
  const { lab } = handlerLab({
    'runs.list': () => [runSummary({ id: '4', template: 'dlinear', metrics: { 'test.mse': 0.4 } }), runSummary({ id: '5', template: 'tsmixer-gated' })],
    'runs.metrics': ({ id }) => ({ id, series: [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }] }),
    'runs.gates': ({ id }) => ({ id, gates: [] }),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'analytics.knockouts': ({ id }) => ({ id, table: null }),
    'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
    'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
  });
  return openApp(lab, `#/runs/${runId}`);
}

describe('Runs view gate analytics', () => {
  it('says a DLinear run has no gates and offers no knockout', async () => {
    await show('4');
    const note = await screen.findByTestId('no-gates');
    expect(note.textContent).toContain('no gates');
    expect(note.textContent).toContain('dlinear');
    expect(screen.queryByTestId('knockout-all')).toBeNull();
    expect(screen.queryByTestId('run-analytics')).toBeNull();
  });

  it('offers knockouts for a gated TSMixer run', async () => {
    await show('5');
    expect(await screen.findByTestId('knockout-all')).toBeTruthy();
    expect(screen.queryByTestId('no-gates')).toBeNull();
  });
});

describe('Runs view on an ablated run', () => {
  it('a run whose only gate was off offers no knockout and says to compare it with the gated run (audit A11)', async () => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '7', template: 'tsmixer-gated' })],
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'tsmixer-gated' }), config: { model: { template: 'tsmixer-gated', gate: { kind: 'sigmoid', enabled: false } } } }),
      'runs.metrics': ({ id }) => ({ id, series: [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'analytics.knockouts': ({ id }) => ({ id, table: null }),
      'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
      'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
    });
    await openApp(lab, '#/runs/7');
    const note = await screen.findByTestId('gates-off');
    expect(note.textContent).toContain("This run's gates were off (an ablation): nothing to knock out; compare it with the gated run to see what the gate does");
    expect(screen.queryByTestId('knockout-all')).toBeNull();
    // and its row in the run table says so, so the baseline is told apart from its gated twin
    expect((await screen.findByTestId('gates-off-pill')).textContent).toBe('gates off');
  });
});

describe('Runs table delete', () => {
  it('deletes an ended run only on a second click, then the row leaves the list; a running run offers no delete', async () => {
    let list = [runSummary({ id: '4', template: 'dlinear' }), runSummary({ id: '6', template: 'dlinear', status: 'running' })];
    const { lab, calls } = handlerLab({
      'runs.list': () => list,
      'runs.delete': ({ id }) => { list = list.filter((r) => r.id !== id); return { ok: true as const }; },
      'runs.metrics': ({ id }) => ({ id, series: [] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    await openApp(lab, '#/runs');
    // buttons are named by the run's label (#id first: two runs may share a name)
    expect(await screen.findByRole('button', { name: /^Delete #4 · .*run 4$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Delete #6 · / })).toBeNull(); // running: cancel first
    await fireEvent.click(screen.getByRole('button', { name: /^Delete #4 · .*run 4$/ }));
    expect(calls.some((c) => c.channel === 'runs.delete')).toBe(false); // one click asks
    await fireEvent.click(screen.getByRole('button', { name: /^Confirm deleting #4 · .*run 4$/ }));
    await waitFor(() => expect(screen.queryByText('#4 · run 4')).toBeNull());
    expect(calls.filter((c) => c.channel === 'runs.delete').map((c) => c.payload)).toEqual([{ id: '4' }]);
    expect(screen.getByText('#6 · run 6')).toBeTruthy();
  });
});

describe('Runs view evaluation curves', () => {
  it('draws val.* as it is pushed and fetches test.* when the run completes, without a reload', async () => {
    let status: 'running' | 'completed' = 'running';
    const stored = [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }];
    const { lab, emit } = handlerLab({
      'runs.list': () => [runSummary({ id: '8', template: 'dlinear', status })],
      'runs.metrics': ({ id }) => ({ id, series: status === 'completed' ? [...stored, { name: 'val.mse', steps: [2], values: [0.6] }, { name: 'test.mse', steps: [2], values: [0.55] }] : stored }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    await openApp(lab, '#/runs/8');
    await waitFor(() => expect(screen.getByText('train.loss')).toBeTruthy());
    expect(screen.queryByText('val.mse')).toBeNull();
    emit('runs.metrics', { id: '8', points: [{ name: 'val.mse', step: 2, value: 0.6 }] });
    expect(await screen.findByText('val.mse')).toBeTruthy(); // the Evaluation chart's legend
    status = 'completed';
    emit('runs.progress', { id: '8', status: 'completed', step: 2, totalSteps: 2, samplesPerSec: null, etaSec: null, error: null });
    expect(await screen.findByText('test.mse')).toBeTruthy();
  });
});

/** A lab with one completed run 9 of a fusion `template` over three named modalities, with these gate series. */
function gateRunLab(template: string, gates: GateSeries[], series: RunMetrics['series']) {
  const modalities = [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }];
  return handlerLab({
    'runs.list': () => [runSummary({ id: '9', template })],
    'runs.get': ({ id }) => ({ ...runSummary({ id, template }), config: { model: { template, modalities } } }),
    'runs.metrics': ({ id }) => ({ id, series }),
    'runs.gates': ({ id }) => ({ id, gates }),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'analytics.knockouts': ({ id }) => ({ id, table: null }),
    'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
    'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
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
    expect(panel('g1/openness_hist').querySelector('[data-testid="heat-legend"]')?.textContent).toMatch(/0.*0\.5.*0–0\.25 … 0\.75–1/);
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
    // one scale for both histograms: 0 to the largest share of either (block 2 alone peaks at 0.3)
    const legend = (stat: string) => panel(stat).querySelector('[data-testid="heat-legend"]')!.textContent;
    expect(legend('block0.gate/openness_hist')).toMatch(/^0\s*0\.5\s*·/);
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

  it("a failed run's empty chart says where it failed instead of promising points", async () => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'tsmixer-gated', status: 'failed', step: 0, error: 'lookback 100000 is longer than the training split' })],
      'runs.metrics': ({ id }) => ({ id, series: [] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    await openApp(lab, '#/runs/3');
    const empty = await screen.findByTestId('chart-empty');
    expect(empty.textContent).toBe('No points: the run failed at step 0 before reporting any: lookback 100000 is longer than the training split');
  });
});

describe('Runs view: why a run stopped, where an interrupted one resumes, and a run whose dataset is gone (audit A20)', () => {
  const lab = (run: Parameters<typeof runSummary>[0]) => handlerLab({
    'runs.list': () => [runSummary(run)],
    'runs.metrics': ({ id }) => ({ id, series: [{ name: 'loss', steps: [1, 19], values: [1, 0.5] }] }),
    'runs.gates': ({ id }) => ({ id, gates: [] }),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'analytics.knockouts': ({ id }) => ({ id, table: null }),
    'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
    'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
  }).lab;

  it('says a run stopped early, names the run by its id, and labels the validation tiles as the best step\'s', async () => {
    await openApp(lab({
      id: '12', template: 'tsmixer-gated', name: 'tsmixer-gated on loads', seed: 1, step: 70, totalSteps: 80, bestStep: 40,
      metrics: { 'val.loss': 0.4652, 'test.loss': 0.4719 },
      stopNote: 'stopped early at step 70: validation loss did not improve for 3 epochs (the early-stopping patience); test uses the best weights, from step 40',
    }), '#/runs/12');
    expect((await screen.findByTestId('run-stop-note')).textContent).toBe('Stopped early at step 70: validation loss did not improve for 3 epochs (the early-stopping patience); test uses the best weights, from step 40.');
    const tiles = screen.getByTestId('run-metrics');
    expect(tiles.querySelector('[data-metric="val.loss"] dt')!.textContent).toBe('best val.loss (step 40)');
    expect(tiles.querySelector('[data-metric="test.loss"] dt')!.textContent).toBe('test.loss');
    expect(screen.getByRole('heading', { level: 2, name: /tsmixer-gated on loads/ }).textContent).toMatch(/^#12 tsmixer-gated on loads/);
  });

  it('an interrupted run says in plain words when it stopped, and names two steps, each for what it is: the one its curves reached and the checkpoint it resumes from', async () => {
    await openApp(lab({
      id: '6', template: 'tsmixer-gated', status: 'interrupted', step: 140, totalSteps: 1400, reachedStep: 182,
      error: 'GateLab stopped while this run was training (its last progress was at 14:19:37). Resume continues from its last checkpoint, at step 140 (after 1 full epoch). Resume it: gatelab resume 6',
    }), '#/runs/6');
    expect((await screen.findByTestId('run-reached-step')).textContent).toBe('Training reached step 182 before it stopped; resume continues from the checkpoint at step 140 (steps 141–182 are trained again).');
    const note = screen.getByTestId('run-interrupted').textContent!;
    expect(note).toBe('GateLab stopped while this run was training (its last progress was at 14:19:37). Resume continues from its last checkpoint, at step 140 (after 1 full epoch). Resume it with the Resume button');
    // the screen names 182 and 140 only (the note's heartbeat step, 180, disagreed with the curves' 182)
    const detail = [note, screen.getByTestId('run-reached-step').textContent].join(' ');
    expect(new Set(detail.match(/step \d+/g))).toEqual(new Set(['step 140', 'step 182']));
  });

  it('an interrupted run with no usable checkpoint says resume starts over, not "the checkpoint at step 0"', async () => {
    await openApp(lab({
      id: '4', template: 'tsmixer-gated', status: 'interrupted', step: 0, totalSteps: 80, reachedStep: 19,
      error: 'GateLab stopped while this run was training (its last progress was at 07:54:07). It had no checkpoint yet: resume restarts from step 0. Resume it: gatelab resume 4',
    }), '#/runs/4');
    expect((await screen.findByTestId('run-reached-step')).textContent).toBe('Training reached step 19 before it stopped; with no usable checkpoint, resume starts again from step 0.');
  });

  it("a failed run with curves shows its whole error under its name (its row shows two lines)", async () => {
    const error = 'the loss became NaN at step 19: lower optimizer.lr, add a warmup or set optimizer.clipNorm';
    await openApp(lab({ id: '5', template: 'tsmixer-gated', status: 'failed', step: 19, error }), '#/runs/5');
    expect((await screen.findByTestId('run-error-detail')).textContent).toBe('the loss became NaN at step 19: lower the Learning rate, add Warm-up steps or set Gradient clipping (Models → Training)');
  });

  it('a run whose dataset was deleted offers its analytics disabled, saying why, and a click asks the lab nothing', async () => {
    const problem = 'its dataset (id 1) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one';
    const { lab: l, calls } = handlerLab({
      'runs.list': () => [runSummary({ id: '5', template: 'tsmixer-gated', dataProblem: problem })],
      'runs.metrics': ({ id }) => ({ id, series: [] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'analytics.knockouts': ({ id }) => ({ id, table: null }),
      'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
      'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
    });
    await openApp(l, '#/runs/5');
    const all = await screen.findByTestId('knockout-all');
    expect(all.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('gate-report').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('analytics-unavailable').textContent).toBe(`Not available: ${problem}.`);
    await fireEvent.click(all);
    await fireEvent.click(screen.getByTestId('gate-report'));
    expect(calls.filter((c) => c.channel === 'analytics.knockoutAll' || c.channel === 'analytics.report')).toEqual([]);
  });
});

describe('Runs view: test per class', () => {
  const open = (testClasses: RunDetail['testClasses'], config: Record<string, unknown> = { model: { template: 'gmu' } }) => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '9', template: 'gmu', metrics: { 'test.accuracy': 0.9649, 'test.f1': 0.6104 } })],
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config, testClasses }),
      'runs.metrics': ({ id }) => ({ id, series: [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'analytics.knockouts': ({ id }) => ({ id, table: null }),
      'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
      'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
    });
    return openApp(lab, '#/runs/9');
  };

  it("a classification run shows its table, confusion grid and the never-predicted class (the audit's ticket run)", async () => {
    await open(AUDIT_TICKETS);
    const panel = await screen.findByTestId('test-classes');
    expect(panel.querySelector('h3')!.textContent).toBe('Test per class · weights of step 40 (the best on validation)');
    expect(screen.getByTestId('confusion-matrix').querySelectorAll('tbody tr')).toHaveLength(3);
    expect(screen.getByTestId('never-predicted').textContent).toContain('--set loss.classWeights=balanced');
  });

  it('a run trained with balanced class weights gets no remedy; a run without the table shows no panel', async () => {
    await open(AUDIT_TICKETS, { model: { template: 'gmu' }, loss: { classWeights: 'balanced' } });
    expect((await screen.findByTestId('never-predicted')).textContent).toContain('already weighs its classes');
    cleanup();
    await open(null);
    await screen.findByTestId('run-metrics');
    await new Promise((r) => setTimeout(r, 20)); // runs.get answered
    expect(screen.queryByTestId('test-classes')).toBeNull();
  });
});

describe('Runs view: test per channel', () => {
  const open = (testChannels: RunDetail['testChannels']) => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'dlinear', metrics: { 'test.mse': 0.4317, 'test.mae': 0.4509 } })],
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'dlinear' }), config: { model: { template: 'dlinear' } }, testChannels }),
      'runs.metrics': ({ id }) => ({ id, series: [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'analytics.knockouts': ({ id }) => ({ id, table: null }),
      'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
      'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
    });
    return openApp(lab, '#/runs/3');
  };

  it('a forecasting run lists its channels worst first under the headline metrics (DLinear on ETTh1)', async () => {
    await open(ETTH1_DLINEAR);
    const panel = await screen.findByTestId('test-channels');
    expect([...panel.querySelectorAll('tbody th')].map((h) => h.textContent)).toEqual(['MUFL', 'HUFL', 'LUFL', 'HULL', 'MULL', 'LULL', 'OT']);
    expect(screen.getByTestId('test-channels-units').textContent).toContain('scaled values');
    // after the metric tiles, before the curves
    expect(screen.getByTestId('run-metrics').compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByTestId('test-classes')).toBeNull();
  });

  it('a run without per-channel errors shows no panel', async () => {
    await open(null);
    await screen.findByTestId('run-metrics');
    await new Promise((r) => setTimeout(r, 20)); // runs.get answered
    expect(screen.queryByTestId('test-channels')).toBeNull();
  });
});

describe('Runs view: the data line while a run first trains', () => {
  it("appears once the trainer has read its data, without waiting for the run to complete (its status stays 'running')", async () => {
    // the lab claims the run ('running') before its trainer starts; the trainer's 'ready' stores the data line
    // and changes no status; its first progress report follows
    let ready = false;
    const line = 'forecasting: 17,965 train / 2,533 validation / 5,161 test samples; 7 channels: load_1, load_2, load_3, load_4, load_5, load_6, demand';
    const running = runSummary({ id: '1', template: 'tsmixer-gated', status: 'running', step: 0, totalSteps: null });
    const { lab, emit } = handlerLab({
      'runs.list': () => [running],
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'tsmixer-gated', status: 'running', step: 0, totalSteps: null }), config: { model: { template: 'tsmixer-gated' } }, data: ready ? { line, logScaled: [] } : null }),
      'runs.metrics': ({ id }) => ({ id, series: [] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    await openApp(lab, '#/runs/1');
    await screen.findByRole('heading', { level: 2, name: /run 1/ });
    expect(screen.queryByTestId('run-data-line')).toBeNull();
    ready = true;
    emit('runs.progress', { id: '1', status: 'running', step: 0, totalSteps: null, samplesPerSec: null, etaSec: null, error: null }); // 'ready': same status
    emit('runs.progress', { id: '1', status: 'running', step: 4, totalSteps: 1400, samplesPerSec: 254.1, etaSec: 20, error: null });
    expect((await screen.findByTestId('run-data-line')).textContent).toBe(line);
  });
});
