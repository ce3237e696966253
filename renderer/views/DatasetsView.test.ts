// The Datasets view against a real Lab (temp home, real SQLite store, real importer): the demo
// datasets are listed, a dataset's schema is shown, a role change reaches the store, and a file
// uploaded by the imports store becomes a dataset with the right shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { File as NodeFile } from 'node:buffer'; // jsdom's Blob has no arrayBuffer(); browsers' and Node's do
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import App from '../App.svelte';
import type { Stores } from '../stores';

let lab: LabProcess;
let stores: Stores;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await Promise.all([stores.system.load(), stores.datasets.refresh()]);
});
afterAll(() => lab.stop());

describe('Datasets view', () => {
  it('lists the demo datasets and shows the selected one’s schema', async () => {
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    const list = await screen.findByTestId('dataset-list');
    expect(within(list).getAllByTestId('dataset-item')).toHaveLength(3);
    const first = stores.datasets.list[0];
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe(first.name));
    const rows = within(screen.getByTestId('schema-table')).getAllByRole('row');
    expect(rows).toHaveLength(first.columns + 1); // + header
  });

  it('changes a column role in the store', async () => {
    const d = stores.datasets.selected!;
    const column = d.columnInfo.find((c) => c.role === 'feature')!.name;
    const select = screen.getByRole('combobox', { name: `Role of ${column}` });
    await fireEvent.change(select, { target: { value: 'target' } });
    await waitFor(async () => {
      const fresh = await lab.dispatch('datasets.get', { id: d.id });
      expect(fresh.ok && (fresh.result as typeof d).columnInfo.find((c) => c.name === column)!.role).toBe('target');
    });
  });

  it('marks a numeric target with a binary label and a modality; both reach the lab', async () => {
    const d = stores.datasets.selected!;
    const column = d.columnInfo.find((c) => c.type === 'float' || c.type === 'int')!.name;
    const picker = screen.getByTestId('target-picker');
    await fireEvent.change(within(picker).getByTestId('target-column'), { target: { value: column } });
    await fireEvent.click(await within(picker).findByTestId('target-binary'));
    await fireEvent.input(within(picker).getByTestId('target-threshold'), { target: { value: '0.5' } });
    await fireEvent.click(within(picker).getByTestId('target-save'));
    await waitFor(async () => {
      const fresh = await lab.dispatch('datasets.get', { id: d.id });
      const r = fresh.ok ? (fresh.result as typeof d) : null;
      expect(r?.columnInfo.find((c) => c.name === column)!.role).toBe('target');
      expect(r?.label).toEqual({ positiveAtLeast: 0.5 });
    });
    const other = d.columnInfo.find((c) => c.name !== column)!.name;
    const modality = screen.getByRole('textbox', { name: `Modality of ${other}` });
    await fireEvent.change(modality, { target: { value: 'sensor' } });
    await waitFor(async () => {
      const fresh = await lab.dispatch('datasets.get', { id: d.id });
      expect(fresh.ok && (fresh.result as typeof d).columnInfo.find((c) => c.name === other)!.modality).toBe('sensor');
    });
  });

  it('keeps one target: choosing target in the schema table demotes the previous one and clears its label', async () => {
    const d = stores.datasets.selected!;
    const old = d.columnInfo.find((c) => c.role === 'target')!.name; // set by the test above, with a label
    const next = d.columnInfo.find((c) => c.role === 'feature' && c.name !== old)!.name;
    await fireEvent.change(screen.getByRole('combobox', { name: `Role of ${next}` }), { target: { value: 'target' } });
    await waitFor(async () => {
      const fresh = await lab.dispatch('datasets.get', { id: d.id });
      const r = fresh.ok ? (fresh.result as typeof d) : null;
      expect(r?.columnInfo.filter((c) => c.role === 'target').map((c) => c.name)).toEqual([next]);
      expect(r?.columnInfo.find((c) => c.name === old)!.role).toBe('feature');
      expect(r?.label?.positiveAtLeast ?? null).toBeNull();
    });
    // The table and the Target box agree.
    await waitFor(() => expect((screen.getByRole('combobox', { name: `Role of ${old}` }) as HTMLSelectElement).value).toBe('feature'));
    expect((within(screen.getByTestId('target-picker')).getByTestId('target-column') as HTMLSelectElement).value).toBe(next);
  });

  it('clears the target from the Target box (— none —)', async () => {
    const d = stores.datasets.selected!;
    const picker = screen.getByTestId('target-picker');
    await fireEvent.change(within(picker).getByTestId('target-column'), { target: { value: '' } });
    const save = within(picker).getByTestId('target-save') as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    expect(save.textContent).toBe('Clear target');
    await fireEvent.click(save);
    await waitFor(async () => {
      const fresh = await lab.dispatch('datasets.get', { id: d.id });
      expect(fresh.ok && (fresh.result as typeof d).columnInfo.filter((c) => c.role === 'target')).toEqual([]);
    });
    await waitFor(() => expect((within(screen.getByTestId('target-picker')).getByTestId('target-save') as HTMLButtonElement).disabled).toBe(true));
  });

  it('offers the MovieLens file types in the import dialog', () => {
    const accept = (document.querySelector('input[type=file]') as HTMLInputElement).accept.split(',');
    for (const ext of ['.csv', '.tsv', '.txt', '.data', '.dat', '.item', '.user', '.gz', '.parquet']) expect(accept).toContain(ext);
  });

  it('an import that finishes while the user is on another view does not pull them back to Datasets', async () => {
    stores.router.go('settings');
    await screen.findByRole('heading', { name: 'Settings' });
    const bytes = readFileSync('/work/shared/data/recsys/ml-100k/u.user');
    await stores.imports.upload(new NodeFile([bytes], 'u.user'));
    const item = stores.imports.items.at(-1)!;
    await waitFor(() => expect(['done', 'failed']).toContain(item.phase), { timeout: 30_000 });
    expect(item.error).toBeNull();
    await new Promise((r) => setTimeout(r, 50)); // any navigation would be synchronous with the event
    expect(stores.router.view).toBe('settings');
    expect(window.location.hash).toBe('#/settings');
    stores.router.go('datasets');
    // Back on Datasets by choice: the new one (943 users × 5 columns) is listed first.
    await waitFor(() => expect(screen.getAllByTestId('dataset-item')[0].getAttribute('href')).toBe(`#/datasets/${item.datasetId}`));
    expect(screen.getAllByTestId('dataset-item')[0].textContent).toContain('943 × 5');
  });

  it('uploads a file in chunks and imports it (ETTh1: 17,420 rows, 8 columns)', async () => {
    const bytes = readFileSync('/work/shared/data/forecasting/ETTh1.csv');
    await stores.imports.upload(new NodeFile([bytes], 'ETTh1.csv', { type: 'text/csv' }));
    const item = stores.imports.items.at(-1)!;
    await waitFor(() => expect(['done', 'failed']).toContain(item.phase), { timeout: 50_000 });
    expect(item.error).toBeNull();
    const detail = await lab.dispatch('datasets.get', { id: item.datasetId });
    expect(detail.ok).toBe(true);
    const ds = detail.ok ? (detail.result as { rows: number; columnInfo: { name: string; type: string }[] }) : null;
    expect(ds!.rows).toBe(17_420);
    expect(ds!.columnInfo.map((c) => c.type)).toEqual(['datetime', ...Array(7).fill('float')]);
    // Imported while on Datasets: the view opens the new dataset.
    await waitFor(() => expect(stores.router.param).toBe(item.datasetId));
  });

  it('deletes the shown dataset on a second click; it leaves the list and the lab', async () => {
    const id = stores.router.param!;
    // the list may still be reloading after the import of the test before
    await waitFor(() => expect(stores.datasets.list.some((d) => d.id === id)).toBe(true), { timeout: 10_000 });
    const name = stores.datasets.list.find((d) => d.id === id)!.name;
    const count = stores.datasets.list.length;
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe(name));
    // the question takes the focus; Escape keeps the dataset and gives the focus back to Delete
    await fireEvent.click(screen.getByRole('button', { name: `Delete ${name}` }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(`Confirm deleting ${name}`));
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(`Delete ${name}`));
    expect(screen.queryByTestId('delete-warning')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: `Delete ${name}` }));
    expect(stores.datasets.list).toHaveLength(count); // one click only asks
    // …and says what deleting costs: no run was trained on this import.
    await waitFor(() => expect(screen.getByTestId('delete-warning').textContent).toBe('No run uses it.'));
    await fireEvent.click(screen.getByRole('button', { name: `Confirm deleting ${name}` }));
    await waitFor(() => expect(stores.datasets.list).toHaveLength(count - 1));
    expect(stores.datasets.list.some((d) => d.id === id)).toBe(false);
    const gone = await lab.dispatch('datasets.get', { id });
    expect(gone.ok).toBe(false);
    // The view moves on to the newest remaining dataset instead of asking for the deleted id.
    await waitFor(() => expect(stores.router.param).toBeNull());
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe(stores.datasets.list[0].name));
    expect(stores.datasets.selectedError).toBeNull();
    expect(document.body.textContent).not.toContain(`no dataset with id '${id}'`);
  });
});
