// The model builder against a real Lab (child process): templates and gate kinds come from the lab,
// a gate's form is generated from its schema, a bad value is named under its field and blocks
// starting runs, and ablation flips the gate off on the diagram. Every gate of every template has inputs
// (router unions get a kind picker), data-shaped fields come from the dataset read-only, FLOPs follow the
// batch size, and the launch bar checks seeds and names runs.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, runEnded, TABS } from '../fixtures/models-lab';
import App from '../App.svelte';
import type { Stores } from '../stores';
import { validateConfig } from '../stores/models.svelte';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

describe('validateConfig (the same zod schemas as the lab)', () => {
  it('names the failing field path', () => {
    expect(validateConfig('tsmixer-gated', { gate: { kind: 'sigmoid', scale: 10 } })).toHaveProperty(['gate.scale']);
    expect(validateConfig('dlinear', { kernel: 24 })).toEqual({ kernel: 'Moving-average kernel must be odd (got 24)' });
    expect(validateConfig('dlinear', {})).toEqual({});
  });
});

describe('Models view', () => {
  it('builds the gate form from its schema, flags a bad value, and ablates the gate', async () => {
    window.location.hash = '#/models';
    render(App, { props: { stores } });
    await screen.findByTestId('template-tsmixer-gated');
    await fireEvent.click(screen.getByTestId('template-tsmixer-gated'));
    const gate = await screen.findByTestId('gate-gate');
    expect(gate.textContent).toContain('sigmoid');
    await fireEvent.click(gate);
    // The form: one field per schema property, with the paper's default and its description.
    const scale = (await screen.findAllByLabelText('Gate scale'))[0] as HTMLInputElement;
    expect(scale.value).toBe('1');
    expect(screen.getAllByText(/FinalMLP uses 2/).length).toBeGreaterThan(0);
    const start = screen.getByTestId('start-runs') as HTMLButtonElement;
    await fireEvent.change(scale, { target: { value: '10' } });
    await waitFor(() => expect(stores.models.errors['gate.scale']).toMatch(/<=4|4/));
    expect(start.disabled).toBe(true);
    expect(within(scale.closest('.field') as HTMLElement).getByRole('alert').textContent).toMatch(/4/);
    await fireEvent.change(scale, { target: { value: '2' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('ablate-gate'));
    await waitFor(() => expect(screen.getByTestId('gate-gate').className).toContain('off'));
    expect((stores.models.config.gate as { enabled: boolean; scale: number })).toMatchObject({ enabled: false, scale: 2 });
  });
});

/** The Models view on the demo dataset of `family`, with `template` chosen and its size measured. */
const open = (family: string, template: string) => openModels(stores, demoOf(stores, family), family, template, { measure: true });

const gatePanel = () => document.querySelector('.panels section') as HTMLElement;
const hyperPanel = () => document.querySelectorAll('.panels section')[1] as HTMLElement;

describe('Models view: every control configures what it shows', () => {
  it('draws inputs for every gate of every template', async () => {
    await open('forecasting', 'dlinear');
    for (const t of stores.models.templates) {
      if (t.family !== stores.models.family) await fireEvent.click(screen.getByRole('tab', { name: TABS[t.family] }));
      await fireEvent.click(await screen.findByTestId(`template-${t.id}`));
      for (const g of t.gates) {
        await fireEvent.click(await screen.findByTestId(`gate-${g}`));
        await waitFor(() => expect(within(gatePanel()).getByRole('heading').getAttribute('data-gate-field')).toBe(g));
        expect(gatePanel().querySelectorAll('input, select').length, `${t.id}.${g}`).toBeGreaterThan(1);
      }
      const shown = [hyperPanel().textContent, ...[...hyperPanel().querySelectorAll('input')].map((i) => i.value)].join('\n');
      expect(shown, t.id).not.toContain('[object Object]');
      // The fields the trainer takes from the dataset are shown, not offered as inputs.
      for (const f of stores.models.dataFields) expect(screen.getByTestId(`fixed-${f}`).textContent, `${t.id}.${f}`).toContain('from the dataset');
    }
  });

  it('switches the MoE forecaster’s router kind, with that kind’s defaults and fields', async () => {
    await open('forecasting', 'moe-forecaster');
    await fireEvent.click(await screen.findByTestId('gate-router'));
    const kind = within(gatePanel()).getByLabelText('Router kind') as HTMLSelectElement;
    expect(kind.value).toBe('softmax-router');
    expect((within(gatePanel()).getByLabelText('Router temperature') as HTMLInputElement).value).toBe('1');
    await fireEvent.change(kind, { target: { value: 'topk-router' } });
    await waitFor(() => expect(stores.models.config.router).toMatchObject({ kind: 'topk-router', experts: 8, k: 2, noisy: true }));
    expect(screen.getByTestId('gate-router').textContent).toContain('topk-router');
    const k = within(gatePanel()).getByLabelText('Router experts per token (k)') as HTMLInputElement;
    await fireEvent.change(k, { target: { value: '100' } });
    await waitFor(() => expect(stores.models.errors['router.k']).toBeTruthy());
    expect(within(k.closest('.field') as HTMLElement).getByRole('alert').textContent).toMatch(/64/);
    await fireEvent.change(k, { target: { value: '3' } });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    expect(validateConfig('moe-forecaster', stores.models.config)).toEqual({});
  });

  it('shows the dataset’s modalities read-only and sizes the model with them', async () => {
    await open('fusion', 'moe-fusion');
    const mods = await screen.findByTestId('fixed-modalities');
    expect(mods.textContent).toMatch(/from the dataset: context \(\d+\), sensor \(8\), camera \(8\)/);
    expect(within(hyperPanel()).queryAllByRole('textbox').every((i) => !(i as HTMLInputElement).value.includes('object'))).toBe(true);
    expect(stores.models.config.modalities).toEqual(stores.models.dataShape!.values.modalities);
    // One expert per modality follows the dataset's three modalities, so the config stays valid.
    expect((stores.models.config.router as { experts: number }).experts).toBe(3);
    await waitFor(() => expect(stores.models.valid).toBe(true));
    expect(screen.getByTestId('block-diagram').textContent).toContain('sensor (8)');
    // The size is that of the dataset's modalities: with the template's default ones it differs.
    const sized = stores.models.size!;
    const defaults = await stores.lab.invoke('models.size', { template: 'moe-fusion', config: { ...stores.models.template!.defaults } });
    expect(sized.params).toBeGreaterThan(0);
    expect(sized.params).not.toBe(defaults.params);
  });

  it('says which roles to set when the dataset cannot feed the family', async () => {
    await open('forecasting', 'dlinear');
    await fireEvent.click(screen.getByRole('tab', { name: TABS.recsys }));
    // in the app's words (audit A22 #7: it named a CLI command with an unfilled ID), with a link to the
    // dataset's roles and the datasets made for the family
    const note = await screen.findByTestId('data-shape-problem');
    const name = stores.models.dataset!.name;
    expect(note.textContent).toMatch(new RegExp(`cannot feed a recommendation model yet: it needs categorical fields: mark its categorical columns in Datasets → ${name.replace(/[()]/g, '\\$&')} → Schema`));
    expect(note.textContent).not.toMatch(/gatelab|\bID\b/);
    expect(within(note).getByRole('link', { name: `Set ${name} column roles` }).getAttribute('href')).toBe(`#/datasets/${stores.models.datasetId}`);
    const feeders = within(note).getAllByTestId('feeder-dataset');
    expect(feeders.map((a) => a.textContent)).toContain(stores.datasets.list.find((d) => d.family === 'recsys')!.name);
    // The template keeps its own field sizes meanwhile, shown as coming from the dataset at run time.
    expect(screen.getByTestId('fixed-fields').textContent).toContain('set when the run starts');
    expect(stores.models.config.fields).toEqual(stores.models.template!.defaults.fields);
    // Start stays off and says what to do; the diagram and size do not present the template's default
    // (MovieLens) shape as this dataset's.
    await waitFor(() => expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true));
    expect(stores.models.valid).toBe(true);
    expect(screen.getByTestId('start-blocked').textContent).toMatch(/cannot feed a recommendation model: pick another dataset above, or\s+set its column roles in Datasets/);
    expect(within(screen.getByTestId('start-blocked')).getByRole('link').getAttribute('href')).toBe(`#/datasets/${stores.models.datasetId}`);
    const diagram = screen.getByTestId('block-diagram').textContent!;
    // its columns are there: the input block says what the model lacks, not that there are none
    expect(diagram).toMatch(/\d+ columns; the model needs categorical fields/);
    expect(diagram).not.toContain('no usable columns');
    expect(diagram).not.toMatch(/categorical \+/);
    expect(screen.getByTestId('model-size').textContent).toMatch(/known once the dataset can feed this model/);
    expect(await stores.models.start()).toBeNull();
    // Back to a family the dataset can feed: Start comes back.
    await fireEvent.click(screen.getByRole('tab', { name: TABS.forecasting }));
    await waitFor(() => expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('start-blocked')).toBeNull();
  });

  it('labels fields in words and turns patching on and off from its fields', async () => {
    await open('forecasting', 'tsmixer-gated');
    const ff = within(hyperPanel()).getByLabelText('Feed-forward width') as HTMLInputElement;
    await fireEvent.change(ff, { target: { value: '-1' } });
    // the message is under the field only; the launch bar counts and names the field
    await waitFor(() => expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Feed-forward width'));
    expect(within(ff.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Feed-forward width must be greater than 0');
    expect(screen.getAllByText('Feed-forward width must be greater than 0')).toHaveLength(1);
    await fireEvent.change(ff, { target: { value: '64' } });
    // Typing only a patch length turns patching on with its defaults and asks for the stride in words.
    const length = within(hyperPanel()).getByLabelText('Patch length') as HTMLInputElement;
    await fireEvent.change(length, { target: { value: '16' } });
    await waitFor(() => expect(stores.models.config.patch).toEqual({ length: 16, dModel: 8 }));
    expect(screen.getByTestId('config-error').textContent).toBe('Fix 1 field: Patch stride');
    expect(within(within(hyperPanel()).getByLabelText('Patch stride').closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Patch stride is needed when patching is on');
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(length, { target: { value: '' } });
    await waitFor(() => expect(stores.models.config.patch).toBeUndefined());
    await waitFor(() => expect(stores.models.valid).toBe(true));
  });

  it('marks what is shown as stale while the lab is unreachable or refuses this page', async () => {
    await open('forecasting', 'dlinear');
    stores.system.connectionDetail = 'GateLab was restarted: open the new URL it printed (this page\'s access token is no longer valid)';
    stores.system.connection = 'closed';
    try {
      await waitFor(() => expect(screen.getByTestId('connection-lost').textContent).toMatch(/open the new URL it printed.*state is unknown/s));
      // jsdom knows no `inert`: Svelte sets the property, which a browser reflects to the attribute.
      expect(screen.getByTestId('view').className).toContain('stale');
      expect((screen.getByTestId('view') as HTMLElement & { inert: boolean }).inert).toBe(true);
    } finally {
      stores.system.connection = 'open';
    }
    await waitFor(() => expect((screen.getByTestId('view') as HTMLElement & { inert: boolean }).inert).toBe(false));
  });

  it('re-measures FLOPs per step when the batch size changes', async () => {
    await open('forecasting', 'dlinear');
    const at = (batchSize: number) => stores.lab.invoke('models.size', { template: 'dlinear', config: { ...stores.models.config, batchSize } });
    const [at128, at256] = [await at(128), await at(256)];
    expect(at256.flopsPerStep).toBeCloseTo(2 * at128.flopsPerStep, -3);
    expect(stores.models.training.batchSize).toBe(128);
    await waitFor(() => expect(stores.models.size).toEqual(at128));
    const batch = within(screen.getByTestId('training-settings')).getByLabelText('Batch size') as HTMLInputElement;
    await fireEvent.change(batch, { target: { value: '256' } });
    await waitFor(() => expect(stores.models.size).toEqual(at256));
    expect(screen.getByTestId('model-size').textContent).toContain('batch 256');
  });

  it('checks the seeds box and names the runs it starts', async () => {
    await open('forecasting', 'dlinear');
    const seeds = screen.getByTestId('seeds') as HTMLInputElement;
    const start = screen.getByTestId('start-runs') as HTMLButtonElement;
    await fireEvent.input(seeds, { target: { value: '' } });
    await waitFor(() => expect(start.disabled).toBe(true));
    expect(screen.getByTestId('seeds-error').textContent).toMatch(/how many seeds/);
    await fireEvent.input(seeds, { target: { value: '65' } });
    await waitFor(() => expect(screen.getByTestId('seeds-error').textContent).toBe('At most 64 seeds per start'));
    expect(start.disabled).toBe(true);
    await fireEvent.input(seeds, { target: { value: '1' } });
    await waitFor(() => expect(start.disabled).toBe(false));
    expect(screen.queryByTestId('seeds-error')).toBeNull();
    // An empty name sends the placeholder: template on dataset.
    const name = screen.getByTestId('run-name') as HTMLInputElement;
    expect(name.placeholder).toBe(`dlinear on ${stores.models.dataset!.name}`);
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 2 });
    const ids = await stores.models.start();
    expect(ids).toHaveLength(1);
    const run = await stores.lab.invoke('runs.get', { id: ids![0] });
    expect(run.name).toBe(`dlinear on ${stores.models.dataset!.name}`);
    await fireEvent.input(name, { target: { value: 'short window' } });
    const [second] = (await stores.models.start())!;
    expect((await stores.lab.invoke('runs.get', { id: second })).name).toBe('short window');
    // Cancel both and let their trainers exit while the lab is still there to hear it.
    for (const id of [...ids!, second]) {
      await stores.lab.invoke('runs.cancel', { id }).catch(() => {});
      await runEnded(stores, id);
    }
  });
});
