// "New run from this" names the child by what the user changed (audit A20): a run and its child were both
// "tsmixer-gated on transformer_loads · seed 1" in every list. Against a real lab (child process, temp home).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, waitFor } from '@testing-library/svelte';
import { modelsLab } from '../fixtures/models-lab';

const labStores = modelsLab();
afterEach(() => cleanup());

describe('a child run’s automatic name', () => {
  it('is its parent’s name and the changed fields; a typed name or a new template wins', async () => {
    const stores = labStores();
    const dataset = stores.datasets.list.find((d) => d.family === 'forecasting')!.id;
    const parent = await stores.lab.invoke('runs.start', { template: 'dlinear', datasetId: dataset, config: { maxSteps: 1, lookback: 24, horizon: 4 }, seeds: 1, name: 'dlinear on loads' });
    const id = parent.runIds[0];
    await stores.models.openRun(id);
    expect(stores.models.defaultName).toBe('dlinear on loads'); // nothing changed yet
    stores.models.setConfig({ ...stores.models.config, horizon: 8 });
    stores.models.setTraining({ ...stores.models.training, epochs: 3 });
    expect(stores.models.defaultName).toBe('dlinear on loads · horizon=8 · epochs=3');
    stores.models.name = 'my name';
    const started = await stores.models.start();
    const child = await stores.lab.invoke('runs.get', { id: started![0] });
    expect(child.name).toBe('my name');
    // opened again without a typed name: the started child is named by its change
    await stores.models.openRun(id);
    stores.models.setConfig({ ...stores.models.config, horizon: 8 });
    const again = await stores.models.start();
    expect((await stores.lab.invoke('runs.get', { id: again![0] })).name).toBe('dlinear on loads · horizon=8');
    // another template is not a child of that run: the template's automatic name
    stores.models.choose('nlinear');
    expect(stores.models.defaultName).toMatch(/^nlinear on /);
    for (const r of [id, started![0], again![0]]) {
      await waitFor(async () => expect(['completed', 'failed', 'cancelled']).toContain((await stores.lab.invoke('runs.get', { id: r })).status), { timeout: 60_000, interval: 250 });
    }
  }, 120_000);
});
