// The Models view after a new user's walk-through (A11), against a real Lab (child process, temp home):
// a gate offers only what it can build and refuses a loss it cannot apply, under the field; the launch bar
// counts invalid fields and takes the user to the first; a stale size is marked; Training says what differs
// from the defaults with a Reset; the diagram follows a router's experts and k; "New run from this" keeps
// the seed count of the run's start.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, runEnded } from '../fixtures/models-lab';
import App from '../App.svelte';
import type { Stores } from '../stores';
import { TrainingSettings } from '../stores/models.svelte';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => {
  cleanup();
  stores.models.setTraining(TrainingSettings.parse({}) as Record<string, unknown>);
});

const open = (family: string, template: string) => openModels(stores, demoOf(stores, family), family, template, { measure: true });

const gatePanel = () => document.querySelector('.panels section') as HTMLElement;
const inGate = (label: string) => within(gatePanel()).getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
const start = () => screen.getByTestId('start-runs') as HTMLButtonElement;
const alertUnder = (el: HTMLElement) => within(el.closest('.field') as HTMLElement).getByRole('alert').textContent;
const options = (s: HTMLSelectElement) => [...s.options].map((o) => o.textContent);

describe('a gate offers only what it can build', () => {
  it('TSMixer’s channel gate: channel or element granularity, never head; a stored head gate is refused under the field', async () => {
    await open('forecasting', 'tsmixer-gated');
    await fireEvent.click(await screen.findByTestId('gate-gate'));
    expect(options(inGate('Gate granularity') as HTMLSelectElement)).toEqual(['channel', 'element']);
    expect(options(inGate('Gate kind') as HTMLSelectElement)).toEqual(['Sigmoid gate', 'Hard gate']);
    // a config from before (a run that failed at step 0 with "needs heads"): named under the field, Start off
    stores.models.setConfig({ ...stores.models.config, gate: { ...(stores.models.config.gate as object), granularity: 'head' } });
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Gate granularity'));
    expect(alertUnder(inGate('Gate granularity'))).toMatch(/granularity must be one of channel, element/);
    expect(start().disabled).toBe(true);
  });

  it('refuses the CV² load loss on a dense softmax router, naming the field', async () => {
    await open('forecasting', 'moe-forecaster');
    await fireEvent.click(await screen.findByTestId('gate-router'));
    expect(options(inGate('Router kind') as HTMLSelectElement)).toEqual(['Dense softmax router', 'Top-k router', 'Sinkhorn router']);
    await fireEvent.change(inGate('Router load'), { target: { value: '0.1' } });
    await waitFor(() => expect(stores.models.errors['router.load']).toMatch(/needs noisy top-k gating/));
    expect(alertUnder(inGate('Router load'))).toMatch(/the dense softmax router has none/);
    expect(start().disabled).toBe(true);
    // the top-k router with noise applies it
    await fireEvent.change(inGate('Router kind'), { target: { value: 'topk-router' } });
    await fireEvent.change(inGate('Router load'), { target: { value: '0.1' } });
    await waitFor(() => expect(stores.models.config.router).toMatchObject({ kind: 'topk-router', noisy: true, load: 0.1 }));
    expect(stores.models.valid).toBe(true);
  });
});

describe('the template cards count the gates a run will have', () => {
  it('tsmixer-gated: one gate per block, as the run panels name them, following Mixer blocks and the ablation switch', async () => {
    await open('forecasting', 'tsmixer-gated');
    const badge = () => screen.getByTestId('gate-count-tsmixer-gated');
    const blocks = Number(stores.models.config.blocks);
    expect(badge().textContent).toBe(`${blocks} gates (1 per block)`);
    expect(badge().title).toBe(Array.from({ length: blocks }, (_, i) => `block ${i + 1} gate`).join(', '));
    stores.models.setConfig({ ...stores.models.config, blocks: 3 });
    await waitFor(() => expect(badge().textContent).toBe('3 gates (1 per block)'));
    await fireEvent.click(screen.getByTestId('ablate-gate'));
    await waitFor(() => expect(badge().textContent).toBe('gates off'));
    // another template's card counts its defaults: FinalMLP's two stream gates, a baseline says so
    await fireEvent.click(screen.getByRole('tab', { name: 'Recommendation / CTR' }));
    expect((await screen.findByTestId('gate-count-finalmlp')).textContent).toBe('2 gates');
    expect(screen.getByTestId('gate-count-dnn').textContent).toBe('baseline');
  });
});

describe('counts the template fixes are shown, not edited', () => {
  it('MoE fusion: one expert per modality of the demo data', async () => {
    await open('fusion', 'moe-fusion');
    await fireEvent.click(await screen.findByTestId('gate-router'));
    const modalities = (stores.models.config.modalities as unknown[]).length;
    expect(within(gatePanel()).getByTestId('fixed-router.experts').querySelector('output')?.textContent).toBe(`${modalities}, one per modality`);
    expect(within(gatePanel()).queryByLabelText('Router experts')).toBeNull(); // no box that could only give an error
    expect((stores.models.config.router as { experts: number }).experts).toBe(modalities);
  });

  it('MMoE: two tasks, the click and the rating', async () => {
    await open('recsys', 'mmoe');
    await fireEvent.click(await screen.findByTestId('gate-gate'));
    expect(within(gatePanel()).getByTestId('fixed-gate.tasks').querySelector('output')?.textContent).toBe('2: the click and the rating behind it');
    expect(inGate('Gate experts')).toBeTruthy(); // MMoE's experts stay the user's choice
  });
});

describe('the launch bar and the size', () => {
  it('counts the invalid fields, names them all, and takes the user to the first (another gate’s form, focused)', async () => {
    await open('recsys', 'finalmlp');
    await waitFor(() => expect(stores.models.size).not.toBeNull());
    expect(screen.queryByTestId('size-stale')).toBeNull();
    expect(stores.models.selectedGate).toBe('gate1');
    stores.models.setConfig({ ...stores.models.config, gate2: { ...(stores.models.config.gate2 as object), scale: 9 }, heads: 7 });
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 2 fields: Attention heads, Stream 2 feature gate scale'));
    // the last valid size stays, greyed and said to be stale
    expect(screen.getByTestId('size-stale').textContent).toBe('(size of the last valid settings)');
    stores.models.setConfig({ ...stores.models.config, heads: 2 });
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Stream 2 feature gate scale'));
    // the gate whose form is closed is marked on the diagram
    expect(screen.getByTestId('gate-gate2').textContent).toContain('a field to fix');
    expect(screen.getByTestId('gate-gate1').textContent).not.toContain('a field to fix');
    await fireEvent.click(screen.getByTestId('config-error'));
    await waitFor(() => expect(stores.models.selectedGate).toBe('gate2'));
    // the field is labelled as the bar and its message name it (it was "Scale" in the form)
    await waitFor(() => expect(document.activeElement).toBe(inGate('Stream 2 feature gate scale')));
    // the message is under the field, once
    expect(alertUnder(inGate('Stream 2 feature gate scale'))).toMatch(/^Stream 2 feature gate scale must be at most 4/);
    expect(screen.getAllByText(/must be at most 4/)).toHaveLength(1);
  });

  it('warns, without refusing, of a gate init bias that saturates the sigmoid', async () => {
    await open('forecasting', 'tsmixer-gated');
    stores.models.setConfig({ ...stores.models.config, gate: { ...(stores.models.config.gate as object), initBias: 1e6 } });
    const note = await screen.findByTestId('advice-gate.initBias');
    expect(note.textContent).toMatch(/^Init bias 1e6 starts the gate saturated open/);
    expect(screen.queryByTestId('config-error')).toBeNull();
    expect(start().disabled).toBe(false);
    stores.models.setConfig({ ...stores.models.config, gate: { ...(stores.models.config.gate as object), initBias: 2 } });
    await waitFor(() => expect(screen.queryByTestId('advice-gate.initBias')).toBeNull());
  });

  it('opens the Training fold-out to a bad training field', async () => {
    await open('forecasting', 'dlinear');
    stores.models.setTraining({ ...stores.models.training, batchSize: 0 });
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Batch size'));
    const box = screen.getByTestId('training-settings') as HTMLDetailsElement;
    expect(box.open).toBe(false);
    await fireEvent.click(screen.getByTestId('config-error'));
    await waitFor(() => expect(box.open).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(within(box).getByLabelText('Batch size')));
  });

  it('shows — for FLOPs when a model has no matrix products (logistic regression)', async () => {
    await open('recsys', 'lr');
    await waitFor(() => expect(stores.models.size?.flopsPerStep).toBe(0));
    expect(screen.getByTestId('model-size').textContent).toMatch(/parameters · — FLOPs per step/);
    expect(screen.getByTestId('model-size').textContent).not.toMatch(/\b0 FLOPs/);
  });
});

describe('Training settings carried over from another template', () => {
  it('says what differs from the defaults, and Reset brings them back', async () => {
    await open('forecasting', 'dlinear');
    expect(screen.queryByTestId('training-changed')).toBeNull();
    stores.models.setTraining({ ...stores.models.training, optimizer: { ...(stores.models.training.optimizer as object), lr: 1e12 } });
    await fireEvent.click(screen.getByTestId('template-tsmixer-gated'));
    await waitFor(() => expect(screen.getByTestId('training-changed').textContent).toBe('changed from defaults: lr 1e12 · Reset'));
    const box = screen.getByTestId('training-settings') as HTMLDetailsElement;
    await fireEvent.click(screen.getByTestId('training-reset'));
    await waitFor(() => expect(screen.queryByTestId('training-changed')).toBeNull());
    expect(stores.models.training).toEqual(TrainingSettings.parse({}));
    expect(box.open).toBe(false); // the button resets; it does not unfold the section
  });
});

describe('the block diagram follows a router', () => {
  it('shows the experts and k as they are edited', async () => {
    await open('forecasting', 'moe-forecaster');
    const block = await screen.findByTestId('gate-router');
    expect(block.textContent).toContain('4 experts, dense');
    await fireEvent.click(block);
    await fireEvent.change(inGate('Router kind'), { target: { value: 'topk-router' } });
    await waitFor(() => expect(screen.getByTestId('gate-router').textContent).toContain('8 experts, top-2'));
    await fireEvent.change(inGate('Router experts'), { target: { value: '6' } });
    await fireEvent.change(inGate('Router experts per token (k)'), { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('gate-router').textContent).toContain('6 experts, top-3'));
  });
});

describe('New run from this', () => {
  it('keeps the seed count of the run’s start, and 1 for a run started alone', async () => {
    const dataset = stores.datasets.list.find((d) => d.family === 'forecasting')!.id;
    const config = { maxSteps: 1, lookback: 24, horizon: 4 };
    const pair = await stores.lab.invoke('runs.start', { template: 'dlinear', datasetId: dataset, config, seeds: 2, name: 'two seeds' });
    const alone = await stores.lab.invoke('runs.start', { template: 'dlinear', datasetId: dataset, config, seeds: 1, name: 'one seed' });
    render(App, { props: { stores } });
    stores.models.seeds = 5;
    await stores.models.openRun(pair.runIds[1]);
    expect(stores.models.seeds).toBe(2);
    await stores.models.openRun(alone.runIds[0]);
    expect(stores.models.seeds).toBe(1);
    await waitFor(() => expect(start().textContent).toBe('Start 1 run'));
    // the runs end before the lab stops (a trainer exiting into a stopped lab is not this test's business);
    // cancelled: how they would finish plays no part here, and training them out takes seconds
    for (const id of [...pair.runIds, ...alone.runIds]) await stores.lab.invoke('runs.cancel', { id }).catch(() => {});
    for (const id of [...pair.runIds, ...alone.runIds]) await runEnded(stores, id);
  }, 90_000);
});
