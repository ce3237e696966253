// The Models view opened on an address that names a deleted dataset (#/models/ID: Back after deleting it
// in Datasets, a bookmark): the dataset is not chosen again, with a form the lab would refuse Start on; the
// view says it is gone, selects nothing, and the user picks another. Against a real lab (child process).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { demoOf, modelsLab, openModels } from '../fixtures/models-lab';

const labStores = modelsLab();
afterEach(() => cleanup());

describe('an address naming a deleted dataset', () => {
  it('says the dataset is gone, selects none and keeps Start off, until another is picked', async () => {
    const stores = labStores();
    const id = demoOf(stores, 'recsys');
    const other = demoOf(stores, 'fusion');
    await openModels(stores, id, 'recsys', 'finalmlp');
    cleanup();
    await stores.lab.invoke('datasets.remove', { id });
    await stores.datasets.refresh();
    // back on the address that named it
    window.location.hash = `#/models/${id}`;
    render(App, { props: { stores } });
    const note = await screen.findByTestId('dataset-gone');
    expect(note.textContent).toMatch(new RegExp(`^Dataset (“[^”]+” \\(id ${id}\\)|${id}) no longer exists \\(it was deleted\\): pick a dataset above\\.$`));
    expect(stores.models.datasetId).toBeNull();
    expect(stores.models.dataset).toBeNull();
    const select = screen.getByTestId('model-dataset') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe('Pick a dataset');
    expect((screen.getByTestId('start-runs') as HTMLButtonElement).disabled).toBe(true);
    // it stays gone (the lab's answer is not undone by a later look at the address)
    await new Promise((r) => setTimeout(r, 300));
    expect(stores.models.datasetId).toBeNull();
    // picking another takes the note away
    await fireEvent.change(select, { target: { value: other } });
    await waitFor(() => expect(stores.models.dataset?.id).toBe(other));
    expect(screen.queryByTestId('dataset-gone')).toBeNull();
  }, 60_000);
});
