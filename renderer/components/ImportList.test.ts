// A failed import names its bad row and offers to import the same file again, dropping bad rows or padding
// short ones: against a real Lab (temp home, real importer) in a child process, through the imports store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { File as NodeFile } from 'node:buffer'; // jsdom's Blob has no arrayBuffer(); browsers' and Node's do
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import App from '../App.svelte';
import type { Stores } from '../stores';
import type { ImportItem } from '../stores/imports.svelte';
import { inProcessLab } from '../lib/in-process-lab';

let lab: LabProcess;
let stores: Stores;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
});
afterAll(() => lab.stop());

describe('ImportList', () => {
  it('a file with a short row fails with the line, and "Pad short rows" imports it with every row', async () => {
    const csv = 'a,b,c\n1,2,3\n4,5\n7,8,9\n';
    window.location.hash = '#/datasets'; // the Datasets view lists the imports
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile([csv], 'ragged.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('failed'), { timeout: 20_000 });
    expect(stores.imports.items[0].error).toMatch(/line 3: expected 3 fields .* found 2/);
    expect(screen.getByRole('button', { name: 'Drop bad rows' })).toBeTruthy();
    // the advice names the buttons beside it, not the CLI's option (audit A11)
    const said = screen.getByTestId('import-error').textContent ?? '';
    expect(said).toContain('use Drop bad rows below (or Pad short rows');
    expect(said).not.toContain('onInvalid');
    await fireEvent.click(screen.getByRole('button', { name: 'Pad short rows' }));
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('done'), { timeout: 20_000 });
    expect(stores.imports.items).toHaveLength(1); // the failed entry was replaced
    const detail = await inProcessLab(lab).invoke('datasets.get', { id: stores.imports.items[0].datasetId! });
    expect(detail.rows).toBe(3);
    expect(screen.queryByRole('button', { name: 'Drop bad rows' })).toBeNull();
  }, 60_000);

  it('an unclosed quote, even with bad rows dropped, says which line to fix in the file', async () => {
    const csv = 'a,b,c\n1,2,3\n4,"five,6\n7,8,9\n';
    cleanup();
    stores.imports.items.splice(0);
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile([csv], 'quote.csv') as unknown as File, 'drop');
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('failed'), { timeout: 20_000 });
    const said = (await screen.findByTestId('import-error')).textContent ?? '';
    expect(said).toMatch(/line 3: the quote \("\) opening field 2 is never closed.*Close the quote where the value ends/);
    expect(said).toContain('Dropping or padding rows cannot help');
    expect(screen.queryByRole('button', { name: 'Drop bad rows' })).toBeNull();
  }, 60_000);

  it('a short row before an unclosed quote: the quote is named as what to fix, and no "Drop bad rows" that would fail on it', async () => {
    // the importer used to fail at line 3 offering 'drop', which then failed at the quote on line 5
    const csv = 'a,b,c\n1,2,3\n4,5\n7,8,9\n10,"eleven,12\n13,14,15\n';
    cleanup();
    stores.imports.items.splice(0);
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile([csv], 'short-then-quote.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('failed'), { timeout: 20_000 });
    expect(stores.imports.items[0].error).toMatch(/line 5: the quote \("\) opening field 2 is never closed.*Fix the quote first: the row at line 3 is bad too \(2 fields; the header has 3\)/);
    const said = (await screen.findByTestId('import-error')).textContent ?? '';
    expect(said).toContain('Dropping or padding rows cannot help');
    expect(screen.queryByRole('button', { name: 'Drop bad rows' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pad short rows' })).toBeNull();
  }, 60_000);
  it('importing the same file again says which dataset it already is, not just "Imported" (audit A20)', async () => {
    const csv = 'when,load\n2024-01-01,1.5\n2024-01-02,2.5\n2024-01-03,3.5\n';
    cleanup();
    stores.imports.items.splice(0);
    await stores.datasets.refresh();
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile([csv], 'loads.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('done'), { timeout: 20_000 });
    const first = stores.imports.items[0].datasetId!;
    expect(screen.getByText('Imported')).toBeTruthy();
    expect(screen.queryByTestId('import-already')).toBeNull();
    await waitFor(() => expect(stores.datasets.list.some((d) => d.id === first)).toBe(true));

    await stores.imports.upload(new NodeFile([csv], 'loads-copy.csv') as unknown as File); // same bytes, another name
    await waitFor(() => expect(stores.imports.items[1]?.phase).toBe('done'), { timeout: 20_000 });
    expect(stores.imports.items[1].datasetId).toBe(first); // the lab's answer: the dataset it already had
    const said = (await screen.findByTestId('import-already')).textContent ?? '';
    expect(said).toBe('Already imported as “loads” — the lab keeps one dataset per file');
    expect(screen.getAllByText('Imported')).toHaveLength(1); // only the first import is new
  }, 60_000);

  it('trusts the lab\'s word: created false names the existing dataset even when the list never saw it appear', async () => {
    // another window imported the same file while this one's import was in flight: the dataset was new to
    // this list, yet this import made nothing. The final event says so (ImportProgress.created).
    const csv = 'when,load\n2024-02-01,7.5\n2024-02-02,8.5\n2024-02-03,9.5\n';
    cleanup();
    stores.imports.items.splice(0);
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile([csv], 'meters.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('done'), { timeout: 20_000 });
    const id = stores.imports.items[0].datasetId!;
    await waitFor(() => expect(stores.datasets.list.some((d) => d.id === id)).toBe(true));
    stores.imports.items.splice(0);
    const done = { file: 'meters (other window).csv', phase: 'done' as const, bytes: 0, totalBytes: 0, rows: 0, datasetId: id, error: null, uploadId: null, importId: 'elsewhere' };
    stores.imports.items.push({ key: 901, ...done, created: false } as ImportItem, { key: 902, ...done, created: true } as ImportItem);
    const said = await screen.findAllByTestId('import-already');
    expect(said.map((e) => e.textContent)).toEqual(['Already imported as “meters” — the lab keeps one dataset per file']);
    expect(screen.getAllByText('Imported')).toHaveLength(1); // the one the lab says it created
  }, 60_000);

  it('a changed file uploaded again under the same file name is imported as "name (2)", not refused, and the list says why', async () => {
    cleanup();
    stores.imports.items.splice(0);
    window.location.hash = '#/datasets';
    render(App, { props: { stores } });
    await stores.imports.upload(new NodeFile(['review,stars\ngood,5\nbad,1\n'], 'reviews.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[0]?.phase).toBe('done'), { timeout: 20_000 });
    const first = stores.imports.items[0].datasetId!;
    await stores.imports.upload(new NodeFile(['review,stars\ngood,5\nbad,1\nfine,3\n'], 'reviews.csv') as unknown as File);
    await waitFor(() => expect(stores.imports.items[1]?.phase).toBe('done'), { timeout: 20_000 });
    expect(stores.imports.items[1].error).toBeNull();
    const second = stores.imports.items[1].datasetId!;
    expect(second).not.toBe(first);
    const names = (await inProcessLab(lab).invoke('datasets.list', {})).map((d) => [d.id, d.name]);
    expect(names).toContainEqual([first, 'reviews']);
    expect(names).toContainEqual([second, 'reviews (2)']);
    // the lab's final event carries the note (in the CLI's words); the list shows it under the finished
    // import in the app's: the Open button beside it, then Rename, not a command or --name
    const note = `dataset ${first} is already named 'reviews', so this one is named 'reviews (2)' (to choose its name: gatelab datasets rename ID NAME, or import with --name)`;
    expect(stores.imports.items[1].nameNote).toBe(note);
    expect((await screen.findByTestId('import-name-note')).textContent)
      .toBe(`Dataset ${first} is already named 'reviews', so this one is named 'reviews (2)'. To choose its name, click Open, then Rename beside its name in Datasets.`);
  }, 60_000);
});
