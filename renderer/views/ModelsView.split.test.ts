// The Models form's Split select against a real Lab (child process, temp home): it offers the family's
// default and the chosen dataset's stored splits (forecasting: splits by time only, the others disabled
// with why), the chosen split becomes the started run's data.splitId, and "New run from this" keeps it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels, runEnded } from '../fixtures/models-lab';
import type { Stores } from '../stores';

const labStores = modelsLab();
let stores: Stores;
beforeAll(() => { stores = labStores(); });
afterEach(() => cleanup());

const splitSelect = () => screen.getByTestId('model-split') as HTMLSelectElement;
/** Waits for run `id` to end; it must complete (a split the trainer cannot read fails the run). */
const completes = async (id: string) => {
  const run = await runEnded(stores, id);
  expect(run.status, run.error ?? '').toBe('completed');
};

describe('Models → Split', () => {
  it('lists the dataset’s splits by time for forecasting, starts a run on the chosen one, and New run from this keeps it', async () => {
    const id = demoOf(stores, 'forecasting');
    const ett = (await stores.lab.invoke('splits.create', { datasetId: id, spec: { kind: 'ett' } })).split;
    const random = (await stores.lab.invoke('splits.create', { datasetId: id, spec: { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 } })).split;
    await openModels(stores, id, 'forecasting', 'nlinear');
    await waitFor(() => expect(splitSelect().options).toHaveLength(3));
    const [def, first, second] = [...splitSelect().options];
    expect(def.textContent).toBe('Family default (by time: 70% train, 10% validation, 20% test)');
    expect(def.selected).toBe(true);
    expect(first.textContent).toBe('ett · 8,640 / 2,880 / 2,880');
    expect(first.disabled).toBe(false);
    expect(second.value).toBe(random.id);
    expect(second.disabled).toBe(true);
    expect(second.textContent).toContain('forecasting needs a split by time');

    await fireEvent.change(splitSelect(), { target: { value: ett.id } });
    expect(stores.models.splitId).toBe(ett.id);
    stores.models.setTraining({ ...stores.models.training, epochs: 1, maxSteps: 2 });
    stores.models.seeds = 1;
    await waitFor(() => expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(false));
    const [run] = (await stores.models.start())!;
    const config = (await stores.lab.invoke('runs.get', { id: run })).config as { data: { splitId?: number } };
    expect(config.data.splitId).toBe(Number(ett.id));
    await completes(run);

    // Another split choice in the form, then "New run from this": the run's split comes back.
    stores.models.splitId = null;
    await stores.models.openRun(run);
    expect(stores.models.splitId).toBe(ett.id);
    expect(stores.models.fromRun?.note ?? null).toBeNull();
    // Without a split, a run trains on the family default: no data.splitId.
    stores.models.splitId = null;
    const [plain] = (await stores.models.start())!;
    expect(((await stores.lab.invoke('runs.get', { id: plain })).config as { data: { splitId?: number } }).data.splitId).toBeUndefined();
    await completes(plain);
  });

  it('another dataset starts from its family’s default; a stratified split of the fusion demo is offered there', async () => {
    const id = demoOf(stores, 'fusion');
    const s = (await stores.lab.invoke('splits.create', { datasetId: id, spec: { kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'label', seed: 1 } })).split;
    await openModels(stores, id, 'fusion', 'gmu');
    await waitFor(() => expect(splitSelect().options).toHaveLength(2));
    expect(splitSelect().options[0].textContent).toBe("Family default (stratified by the target 'label' 80/10/10, seed 42)"); // the demo's class target, by name
    expect(stores.models.splitId).toBeNull();
    expect(splitSelect().options[1].disabled).toBe(false);
    await fireEvent.change(splitSelect(), { target: { value: s.id } });
    expect(stores.models.splitId).toBe(s.id);
    // switching to a forecasting dataset drops it: a split belongs to its dataset
    await fireEvent.change(screen.getByTestId('model-dataset'), { target: { value: demoOf(stores, 'forecasting') } });
    await waitFor(() => expect(stores.models.dataset?.id).toBe(demoOf(stores, 'forecasting')));
    expect(stores.models.splitId).toBeNull();
  });
});
