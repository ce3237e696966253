// A new user's walk-through of the Models view against a real Lab (child process, temp home): editing an
// optimizer field keeps the optimizer, MMoE says what it needs on the click demo and trains on MovieLens'
// ratings, a typed run name names only the runs started with it, and a failed run's settings come back
// into the form from Runs ("New run from this") to be fixed and started again.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, runEnded } from '../fixtures/models-lab';
import App from '../App.svelte';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

const demo = (family: string) => demoOf(stores, family);

/** The Models view on dataset `id` with `template` (of `family`) chosen. */
const open = (id: string, family: string, template: string) => openModels(stores, id, family, template);

const training = () => screen.getByTestId('training-settings');
const field = (label: string) => within(training()).getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
const ended = async (id: string) => (await runEnded(stores, id)).status;

describe('Models → Training: optimizer fields', () => {
  it('keeps the optimizer when the learning rate, kind or weight decay changes, and names a bad value', async () => {
    await open(demo('forecasting'), 'forecasting', 'dlinear');
    await fireEvent.change(field('Optimizer learning rate'), { target: { value: '1e6' } });
    await waitFor(() => expect(stores.models.training.optimizer).toMatchObject({ kind: 'adamw', lr: 1e6, weightDecay: 0.01 }));
    // The other inputs still show their values and the folded summary says what will be used.
    expect(field('Optimizer weight decay').value).toBe('0.01');
    expect(within(training()).getByText(/lr 1000000/)).toBeTruthy();
    await fireEvent.change(field('Optimizer kind'), { target: { value: 'sgd' } });
    await waitFor(() => expect(stores.models.training.optimizer).toMatchObject({ kind: 'sgd', lr: 1e6 }));
    await fireEvent.change(field('Optimizer weight decay'), { target: { value: '0' } });
    await waitFor(() => expect(stores.models.training.optimizer).toMatchObject({ kind: 'sgd', lr: 1e6, weightDecay: 0 }));
    expect(stores.models.valid).toBe(true);
    await fireEvent.change(field('Optimizer learning rate'), { target: { value: '-1' } });
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Optimizer learning rate'));
    expect(within(field('Optimizer learning rate').closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Optimizer learning rate must be greater than 0');
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    // An emptied box stays empty (its default is not put back behind the user's back), the optimizer stays,
    // and the field is marked, named, with what to type; Start says why it is off, as for an empty Seeds box.
    await fireEvent.change(field('Optimizer learning rate'), { target: { value: '' } });
    await waitFor(() => expect(stores.models.training.optimizer).toMatchObject({ kind: 'sgd', lr: null, weightDecay: 0 }));
    expect(field('Optimizer learning rate').value).toBe('');
    expect(field('Optimizer learning rate').getAttribute('aria-invalid')).toBe('true');
    expect(within(field('Optimizer learning rate').closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Optimizer learning rate is empty: type a number (the default is 0.003)');
    await fireEvent.change(field('Epochs'), { target: { value: '' } });
    await waitFor(() => expect(stores.models.training.epochs).toBeNull());
    expect(field('Epochs').value).toBe('');
    expect(screen.getByTestId('config-error').textContent).toBe('Fix 2 fields: Epochs, Optimizer learning rate');
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    // typing values again: valid, Start on
    await fireEvent.change(field('Epochs'), { target: { value: '10' } });
    await fireEvent.change(field('Optimizer learning rate'), { target: { value: '0.003' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    expect(within(training()).getByText(/epochs 10 ·/)).toBeTruthy();
    // Max steps has no default (unset: no cap): emptied, it is simply unset, and nothing is wrong
    await fireEvent.change(field('Max steps'), { target: { value: '50' } });
    await waitFor(() => expect(stores.models.training.maxSteps).toBe(50));
    await fireEvent.change(field('Max steps'), { target: { value: '' } });
    await waitFor(() => expect(stores.models.training.maxSteps).toBeUndefined());
    expect(stores.models.valid).toBe(true);
  });

  it('keeps an emptied Lookback or Experts per token (k) empty and names it, with Start off, as an empty Seeds box does', async () => {
    await open(demo('forecasting'), 'forecasting', 'moe-forecaster');
    const hyper = () => document.querySelectorAll('.panels section')[1] as HTMLElement;
    const gate = () => document.querySelector('.panels section') as HTMLElement;
    const lookback = within(hyper()).getByLabelText('Lookback') as HTMLInputElement;
    await fireEvent.change(lookback, { target: { value: '' } });
    await waitFor(() => expect(stores.models.config.lookback).toBeNull());
    expect(lookback.value).toBe('');
    expect(within(lookback.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Lookback is empty: type a number (the default is 336)');
    expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Lookback');
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(within(gate()).getByLabelText('Router kind'), { target: { value: 'topk-router' } });
    const k = (await within(gate()).findByLabelText('Router experts per token (k)')) as HTMLInputElement;
    await fireEvent.change(k, { target: { value: '' } });
    await waitFor(() => expect((stores.models.config.router as { k: unknown }).k).toBeNull());
    expect(k.value).toBe('');
    expect(within(k.closest('.field') as HTMLElement).getByRole('alert').textContent).toMatch(/^Router experts per token \(k\) is empty: type a number \(the default is \d+\)$/);
    expect(screen.getByTestId('config-error').textContent).toBe('Fix 2 fields: Router experts per token (k), Lookback');
    await fireEvent.change(lookback, { target: { value: '96' } });
    await fireEvent.change(k, { target: { value: '1' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('MMoE (click + rating)', () => {
  it('says on the click demo that it needs a rating, and keeps Start off', async () => {
    await open(demo('recsys'), 'recsys', 'mmoe');
    const blocked = await screen.findByTestId('start-blocked');
    expect(blocked.textContent).toMatch(/mmoe predicts the click and the rating behind it.*target 'clicked' is a click.*pick another template/);
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    // The dataset itself feeds the family: its shape is shown, and finalmlp may start.
    expect(screen.getByTestId('block-diagram').textContent).not.toContain('no usable columns');
    await fireEvent.click(screen.getByTestId('template-finalmlp'));
    await waitFor(() => expect(screen.queryByTestId('start-blocked')).toBeNull());
  });

  it('trains on MovieLens ratings (rating ≥ 4 as the click) and scores the rating tower', async () => {
    const before = new Set((await stores.lab.invoke('datasets.list', {})).map((d) => d.id));
    const { importId } = await stores.lab.invoke('datasets.import', { path: '/work/shared/data/recsys/ml-100k/u.data' });
    expect(importId).toBeTruthy();
    let id = '';
    await waitFor(async () => {
      const list = await stores.lab.invoke('datasets.list', {});
      id = list.find((d) => !before.has(d.id))?.id ?? '';
      expect(id).not.toBe('');
    }, { timeout: 60_000, interval: 250 });
    await stores.lab.invoke('datasets.setRoles', {
      id, roles: { column_1: 'categorical', column_2: 'categorical', column_3: 'target', column_4: 'ignore' }, label: { positiveAtLeast: 4 },
    });
    await stores.datasets.refresh();
    await open(id, 'recsys', 'mmoe');
    await waitFor(() => expect(stores.models.dataShape?.templateProblem).toBeNull());
    expect(screen.queryByTestId('start-blocked')).toBeNull();
    stores.models.seeds = 1;
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 3 });
    const [run] = (await stores.models.start())!;
    expect(await ended(run)).toBe('completed');
    const metrics = (await stores.lab.invoke('runs.list', {})).find((r) => r.id === run)!.metrics;
    expect(metrics['test.auc']).toBeGreaterThan(0);
    expect(metrics['test.rating_rmse']).toBeGreaterThan(0);
  });
});

describe('the run name', () => {
  it('names the runs started with it, then goes back to the automatic name; a template change clears it', async () => {
    await open(demo('forecasting'), 'forecasting', 'dlinear');
    const name = () => screen.getByTestId('run-name') as HTMLInputElement;
    await fireEvent.input(name(), { target: { value: 'short window' } });
    expect(stores.models.name).toBe('short window');
    await fireEvent.click(screen.getByTestId('template-nlinear'));
    await waitFor(() => expect(name().value).toBe(''));
    expect(name().placeholder).toMatch(/^nlinear on Demo/);
    await fireEvent.input(name(), { target: { value: 'nlinear quick' } });
    stores.models.seeds = 1;
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 2 });
    const [run] = (await stores.models.start())!;
    expect((await stores.lab.invoke('runs.get', { id: run })).name).toBe('nlinear quick');
    await waitFor(() => expect(name().value).toBe(''));
    const [next] = (await stores.models.start())!;
    expect((await stores.lab.invoke('runs.get', { id: next })).name).toBe(`nlinear on ${stores.models.dataset!.name}`);
    // Only their names matter here: cancelled, they end without training (Start and the next test train theirs).
    for (const id of [run, next]) await stores.lab.invoke('runs.cancel', { id }).catch(() => {});
    for (const id of [run, next]) await ended(id);
  });
});

describe('Start', () => {
  it('opens Runs on the first new run and announces what started', async () => {
    await open(demo('forecasting'), 'forecasting', 'nlinear');
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 2 });
    stores.models.seeds = 1;
    await waitFor(() => expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('start-runs'));
    await waitFor(() => expect(stores.router.view).toBe('runs'));
    const id = stores.router.param!;
    expect((await stores.lab.invoke('runs.get', { id })).config).toMatchObject({ model: { template: 'nlinear' } });
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(`Started run ${id}`));
    await ended(id);
  });
});

describe('New run from this (Runs → Models)', () => {
  it('opens a failed run’s template, dataset and settings in the form, to fix one field and start again', async () => {
    // A learning rate of 1e30 overflows the weights at the first update: the run fails at step 2.
    await open(demo('forecasting'), 'forecasting', 'nlinear');
    stores.models.setConfig({ ...stores.models.config, lookback: 48, revin: true });
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 2, optimizer: { ...(stores.models.training.optimizer as object), lr: 1e30 } });
    stores.models.seeds = 1;
    const [failed] = (await stores.models.start())!;
    expect(await ended(failed)).toBe('failed');
    cleanup();
    // Elsewhere first: the form holds another template's defaults.
    stores.models.setFamily('recsys');
    stores.router.go('runs', failed);
    render(App, { props: { stores } });
    await stores.runs.refresh();
    await fireEvent.click(await screen.findByTestId('new-run-from'));
    await waitFor(() => expect(stores.router.view).toBe('models'));
    await waitFor(() => expect(stores.models.templateId).toBe('nlinear'));
    expect(stores.models.family).toBe('forecasting');
    expect(stores.models.datasetId).toBe(demo('forecasting'));
    expect(stores.models.config).toMatchObject({ lookback: 48, revin: true });
    expect(stores.models.training).toMatchObject({ epochs: 1, maxSteps: 2, optimizer: { lr: 1e30 } });
    expect(screen.getByTestId('from-run').textContent).toContain('Settings from run');
    // The route now names the dataset (a reload keeps the form's dataset, not the run).
    await waitFor(() => expect(window.location.hash).toBe(`#/models/${demo('forecasting')}`));
    expect((within(document.querySelectorAll('.panels section')[1] as HTMLElement).getByLabelText('Lookback') as HTMLInputElement).value).toBe('48');
    // Fix the one field and start again: the new run trains.
    stores.models.setTraining({ ...stores.models.training, optimizer: { ...(stores.models.training.optimizer as object), lr: 0.01 } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    const [again] = (await stores.models.start())!;
    expect(await ended(again)).toBe('completed');
    expect((await stores.lab.invoke('runs.get', { id: again })).config).toMatchObject({ model: { template: 'nlinear', lookback: 48, revin: true }, optimizer: { lr: 0.01 } });
  });
});

const gatePanel = () => document.querySelector('.panels section') as HTMLElement;
const hyperPanel = () => document.querySelectorAll('.panels section')[1] as HTMLElement;

describe('form wording', () => {
  it('keeps typed text in a number list and asks for numbers; names the router and schedule pickers', async () => {
    await open(demo('forecasting'), 'forecasting', 'moe-forecaster');
    const widths = within(hyperPanel()).getByLabelText('Expert hidden widths') as HTMLInputElement;
    await fireEvent.change(widths, { target: { value: 'abc' } });
    await waitFor(() => expect(within(widths.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe("Expert hidden widths must be numbers separated by commas (got 'abc')"));
    expect(widths.value).toBe('abc');
    await fireEvent.change(widths, { target: { value: '64, 32' } });
    await waitFor(() => expect(stores.models.config.expertHidden).toEqual([64, 32]));
    await fireEvent.click(screen.getByTestId('gate-router'));
    expect((within(gatePanel()).getByLabelText('Router kind') as HTMLSelectElement).value).toBe('softmax-router');
    expect(within(gatePanel()).getByLabelText('Router temperature schedule')).toBeTruthy();
    expect(within(gatePanel()).queryByLabelText('Kind')).toBeNull();
    expect(within(training()).getByLabelText('Optimizer kind')).toBeTruthy();
    expect(within(training()).getByLabelText('Learning-rate schedule')).toBeTruthy();
  });

  it('turns GMU’s bimodal switch off with a note when the dataset has 3 modalities', async () => {
    await open(demo('fusion'), 'fusion', 'gmu');
    await waitFor(() => expect((stores.models.config.modalities as unknown[]).length).toBe(3));
    await fireEvent.click(screen.getByTestId('gate-gate'));
    const bimodal = within(gatePanel()).getByLabelText('Gate bimodal') as HTMLInputElement;
    expect(bimodal.disabled).toBe(true);
    expect(bimodal.checked).toBe(false);
    expect(screen.getByTestId('off-gate.bimodal').textContent).toMatch(/Needs exactly 2 modalities; Demo: sensor \+ camera \(fusion\) has 3/);
    expect(within(gatePanel()).getByLabelText('Gate hidden width')).toBeTruthy(); // one width, not a list
  });

  it('describes the recommendation fields without the template’s MovieLens defaults', async () => {
    await open(demo('recsys'), 'recsys', 'finalmlp');
    const fields = await screen.findByTestId('fixed-fields');
    expect(fields.textContent).toContain('from the dataset: user_segment');
    expect(fields.textContent).not.toMatch(/MovieLens/);
    expect(screen.getByTestId('fixed-numeric').textContent).not.toMatch(/MovieLens/);
  });
});

// Last: it deletes the forecasting demo the tests above trained on.
describe('Datasets → Delete, for a dataset runs were trained on', () => {
  it('says how many runs use it and what they lose before the second click, and their panels say it after', async () => {
    const id = demo('forecasting');
    const runs = (await stores.lab.invoke('runs.list', {})).filter((r) => r.datasetId === id);
    const done = runs.find((r) => r.status === 'completed')!;
    expect(runs.length).toBeGreaterThan(1);
    stores.router.go('datasets', id);
    render(App, { props: { stores } });
    const name = stores.datasets.list.find((d) => d.id === id)!.name;
    await fireEvent.click(await screen.findByRole('button', { name: `Delete ${name}` }));
    await waitFor(() => expect(screen.getByTestId('delete-warning').textContent).toBe(
      `${runs.length} runs use it: their results, curves and exports stay; knockouts, gate reports, Try it and resume need the data and will stop working. It is a demo dataset: GateLab does not re-create a deleted demo.`));
    await fireEvent.click(screen.getByRole('button', { name: `Confirm deleting ${name}` }));
    await waitFor(() => expect(stores.datasets.list.some((d) => d.id === id)).toBe(false));
    // A panel that needs the data (Try it) now fails with the lab's message, shown in the app's words.
    const err = await stores.lab.invoke('runs.try', { id: done.id, rows: [0] }).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/no longer in the lab \(it was deleted\)/);
    cleanup();
    const { default: ErrorBox } = await import('../components/ErrorBox.svelte');
    render(ErrorBox, { props: { error: err as never, context: 'Try it' } });
    expect(screen.getByRole('alert').textContent).toMatch(/results, curves and export stay.*a deleted demo dataset is not re-created/);
  });
});

// After the forecasting demo's deletion above: fusion runs whose dataset is gone open in Models while the
// form holds a click log (another family's dataset, whose one modality would fail GMU's fields).
describe('Runs → New run from this, when the run’s dataset was deleted', () => {
  /** A small two-modality CSV imported with its modality roles, and a finished 2-step GMU run on it. */
  async function gmuRunOnOwnFile(): Promise<{ run: string; dataset: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-fusion-'));
    const rows = Array.from({ length: 60 }, (_, i) => [(i + 1) % 7, (i * 3) % 5, i % 2, (i * 5) % 11, i % 2].join(','));
    writeFileSync(join(dir, 'two-modalities.csv'), ['s1,s2,c1,c2,label', ...rows].join('\n') + '\n');
    const before = new Set((await stores.lab.invoke('datasets.list', {})).map((d) => d.id));
    await stores.lab.invoke('datasets.import', { path: join(dir, 'two-modalities.csv') });
    let dataset = '';
    await waitFor(async () => {
      dataset = (await stores.lab.invoke('datasets.list', {})).find((d) => !before.has(d.id))?.id ?? '';
      expect(dataset).not.toBe('');
    }, { timeout: 30_000, interval: 200 });
    await stores.lab.invoke('datasets.setRoles', {
      id: dataset, roles: { s1: 'feature', s2: 'feature', c1: 'feature', c2: 'feature', label: 'target' },
      modalities: { s1: 'sensor', s2: 'sensor', c1: 'camera', c2: 'camera' },
    });
    const started = await stores.lab.invoke('runs.start', { template: 'gmu', datasetId: dataset, config: { maxSteps: 2, gate: { kind: 'gmu', hidden: 24 } }, seeds: 1, name: 'gmu to reopen' });
    const status = await ended(started.runIds[0]);
    expect(status, (await stores.lab.invoke('runs.get', { id: started.runIds[0] })).error ?? '').toBe('completed');
    return { run: started.runIds[0], dataset };
  }
  /** Models opened on run `id` ("New run from this") while the form held the click-log demo. */
  async function reopen(id: string): Promise<void> {
    await open(demo('recsys'), 'recsys', 'dnn');
    cleanup();
    window.location.hash = `#/models/run-${id}`;
    render(App, { props: { stores } });
    await waitFor(() => expect(stores.models.fromRun?.id).toBe(id));
    expect(stores.models.templateId).toBe('gmu');
    expect(stores.models.config.gate).toMatchObject({ hidden: 24 }); // the run's gate settings
  }

  // One run for both tests (they only reopen it): trained on its own file, whose dataset is then deleted.
  let run = '';
  let dataset = '';
  beforeAll(async () => {
    ({ run, dataset } = await gmuRunOnOwnFile());
    await stores.lab.invoke('datasets.remove', { id: dataset });
    await stores.datasets.refresh();
  }, 120_000);

  it('uses a dataset made for fusion instead of the click log, and says so', async () => {
    await reopen(run);
    const fusion = stores.datasets.list.find((d) => d.family === 'fusion')!;
    await waitFor(() => expect(stores.models.datasetId).toBe(fusion.id));
    expect(stores.models.fromRun?.note).toBe(`its dataset (id ${dataset}) was deleted: the form uses ${fusion.name}; pick another above if you want`);
    await waitFor(() => expect(document.body.textContent).toContain(`the form uses ${fusion.name}`));
    expect(document.body.textContent).not.toMatch(/needs at least|fuses at least/);
  });

  it('with no fusion dataset left, asks for one and says what the click log lacks in words', async () => {
    await stores.lab.invoke('datasets.remove', { id: demo('fusion') });
    await stores.datasets.refresh();
    await reopen(run);
    expect(stores.models.fromRun?.note).toBe(`its dataset (id ${dataset}) was deleted: pick one above`);
    await waitFor(() => expect(document.body.textContent).toMatch(/Modalities: gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion/));
    expect(document.body.textContent).not.toContain('needs at least 2 values');
  });
});
