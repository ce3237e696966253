// The Runs view on a run's results and status: the run table's delete, curves that arrive while a run
// trains and once it completes, why a run stopped or failed and where an interrupted one resumes, a run
// whose dataset is gone, test per class and per channel, and the data line as soon as the trainer reads
// its data. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab, type FakeRun } from '../fixtures/fake-run-lab';
import type { RunDetail } from '../../common/lab-api';
import { AUDIT_TICKETS } from '../fixtures/test-classes';
import { ETTH1_DLINEAR } from '../fixtures/test-channels';

afterEach(() => cleanup());

describe('Runs table delete', () => {
  it('deletes an ended run only on a second click, then the row leaves the list; a running run offers no delete', async () => {
    let list = [runSummary({ id: '4', template: 'dlinear' }), runSummary({ id: '6', template: 'dlinear', status: 'running' })];
    const { lab, calls } = fakeRunLab({ id: '4', template: 'dlinear' }, {
      'runs.list': () => list,
      'runs.delete': ({ id }) => { list = list.filter((r) => r.id !== id); return { ok: true as const }; },
      'runs.metrics': ({ id }) => ({ id, series: [] }),
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
    const { lab, emit } = fakeRunLab({ id: '8', template: 'dlinear' }, {
      'runs.list': () => [runSummary({ id: '8', template: 'dlinear', status })],
      'runs.metrics': ({ id }) => ({ id, series: status === 'completed' ? [...stored, { name: 'val.mse', steps: [2], values: [0.6] }, { name: 'test.mse', steps: [2], values: [0.55] }] : stored }),
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

describe('Runs view curve colours', () => {
  it('gives each curve its colour by name, so points pushed live (val.mse before val.mae) keep the colours a reload gives', async () => {
    const { lab, emit } = fakeRunLab({ id: '9', template: 'dlinear' }, {
      'runs.list': () => [runSummary({ id: '9', template: 'dlinear', status: 'running' })],
      'runs.metrics': ({ id }) => ({ id, series: [{ name: 'loss', steps: [1, 2], values: [1, 0.5] }] }),
    });
    await openApp(lab, '#/runs/9');
    await waitFor(() => expect(screen.getByText('loss')).toBeTruthy());
    emit('runs.metrics', { id: '9', points: [{ name: 'val.mse', step: 2, value: 0.6 }, { name: 'val.mae', step: 2, value: 0.5 }] });
    const chart = (await screen.findAllByTestId('eval-chart'))[0];
    await waitFor(() => expect(chart.textContent).toContain('val.mse'));
    const legend = [...chart.querySelectorAll('.legend span')].map((s) => s.textContent!.trim()).filter((t) => /^val\./.test(t));
    expect(legend).toEqual(['val.mae', 'val.mse']); // the order (and the colours) a reload, which reads them by name, gives
  });
});

describe('Runs view on a failed run', () => {
  it("a failed run's empty chart says where it failed instead of promising points", async () => {
    const { lab } = fakeRunLab({ id: '3', template: 'tsmixer-gated', status: 'failed', step: 0, error: 'lookback 100000 is longer than the training split' }, {
      'runs.metrics': ({ id }) => ({ id, series: [] }),
    });
    await openApp(lab, '#/runs/3');
    const empty = await screen.findByTestId('chart-empty');
    expect(empty.textContent).toBe('No points: the run failed at step 0 before reporting any: lookback 100000 is longer than the training split');
  });
});

describe('Runs view: why a run stopped, where an interrupted one resumes, and a run whose dataset is gone (audit A20)', () => {
  const lab = (run: FakeRun) => fakeRunLab(run, {
    'runs.metrics': ({ id }) => ({ id, series: [{ name: 'loss', steps: [1, 19], values: [1, 0.5] }] }),
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
    // the seed is set off by a space: Svelte drops the whitespace that opens an {#if} block ("loads· seed 1")
    expect(screen.getByRole('heading', { level: 2, name: /tsmixer-gated on loads/ }).textContent).toBe('#12 tsmixer-gated on loads · seed 1');
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
    expect((await screen.findByTestId('run-error-detail')).textContent).toBe('the loss became NaN at step 19: in Models → Training, lower Optimizer learning rate, add Schedule warm-up steps or set Optimizer gradient clipping (global norm)');
  });

  it('a run whose dataset was deleted offers its analytics disabled, saying why, and a click asks the lab nothing', async () => {
    const problem = 'its dataset (id 1) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one';
    const { lab: l, calls } = fakeRunLab({ id: '5', template: 'tsmixer-gated', dataProblem: problem }, {
      'runs.metrics': ({ id }) => ({ id, series: [] }),
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

// A run's test per class and per channel come with its detail (runs.get), as its data line does: the line
// showing is the sign the detail has been read, and a panel that is still absent then is absent for good.
describe('Runs view: test per class', () => {
  const open = (testClasses: RunDetail['testClasses'], config: Record<string, unknown> = { model: { template: 'gmu' } }) => {
    const { lab } = fakeRunLab({
      id: '9', template: 'gmu', metrics: { 'test.accuracy': 0.9649, 'test.f1': 0.6104 }, config, testClasses,
      data: { line: 'fusion: 3,192 train / 399 validation / 399 test samples', logScaled: [] },
    });
    return openApp(lab, '#/runs/9');
  };

  it("a classification run shows its table, confusion grid and the never-predicted class (the audit's ticket run)", async () => {
    await open(AUDIT_TICKETS);
    const panel = await screen.findByTestId('test-classes');
    expect(panel.querySelector('h3')!.textContent).toBe('Test per class · weights of step 40 (the best on validation)');
    expect(screen.getByTestId('confusion-matrix').querySelectorAll('tbody tr')).toHaveLength(3);
    expect(screen.getByTestId('never-predicted').textContent).toContain('--set loss.classWeights=balanced');
    // macro-F1 read bare was taken for the positive class's F1: its tile says which average it is
    expect(screen.getByTestId('run-metrics').querySelector('[data-metric="test.f1"] dt')!.textContent).toBe('test.f1 (macro)');
  });

  it('a run trained with balanced class weights gets no remedy; a run without the table shows no panel', async () => {
    await open(AUDIT_TICKETS, { model: { template: 'gmu' }, loss: { classWeights: 'balanced' } });
    expect((await screen.findByTestId('never-predicted')).textContent).toContain('already weighs its classes');
    cleanup();
    await open(null);
    await screen.findByTestId('run-metrics');
    await screen.findByTestId('run-data-line'); // the detail is read: its panels, if any, are drawn
    expect(screen.queryByTestId('test-classes')).toBeNull();
  });
});

describe('Runs view: test per channel', () => {
  const open = (testChannels: RunDetail['testChannels']) => {
    const { lab } = fakeRunLab({
      id: '3', template: 'dlinear', metrics: { 'test.mse': 0.4317, 'test.mae': 0.4509 }, testChannels,
      data: { line: 'forecasting: 8,209 train / 2,785 validation / 2,785 test samples; 7 channels: HUFL, HULL, MUFL, MULL, LUFL, LULL, OT', logScaled: [] },
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
    await screen.findByTestId('run-data-line'); // the detail is read: its panels, if any, are drawn
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
    const { lab, emit } = fakeRunLab(running, {
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'tsmixer-gated', status: 'running', step: 0, totalSteps: null }), config: { model: { template: 'tsmixer-gated' } }, data: ready ? { line, logScaled: [] } : null }),
      'runs.metrics': ({ id }) => ({ id, series: [] }),
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
