// The schema table's type picker and the title's rename, against a real Lab (temp home, real importer and
// store) in a child process: the picks reach LabApi with the right payloads, a set type says "(set)", a type
// the values do not fit is refused with the count and offers the import's policies, and a rename shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { createStores, type Stores } from '../stores';
import { inProcessLab } from '../lib/in-process-lab';
import type { DatasetDetail, LabApi } from '../../common/lab-api';
import SchemaTable from './SchemaTable.svelte';
import App from '../App.svelte';

let lab: LabProcess;
let stores: Stores;
let dir: string;
let id: string;
const calls: Array<[string, unknown]> = [];

beforeAll(async () => {
  ({ lab } = await openLabStores());
  const base = inProcessLab(lab);
  const recording: LabApi = { invoke: (c, p) => (calls.push([c, p]), base.invoke(c, p)), on: (e, l) => base.on(e, l) };
  stores = createStores(recording);
  stores.system.connection = 'open';
  dir = mkdtempSync(join(tmpdir(), 'gatelab-schema-'));
  const file = join(dir, 'clicks.csv');
  writeFileSync(file, 'when,flag,note,y\n2024-01-01,0,soon,1.5\n2024-01-02,1,2024-01-05,2.5\n2024-01-03,1,later,3.5\n2024-01-04,0,2024-02-01,4.5\n');
  await lab.dispatch('datasets.import', { path: file });
  await waitFor(async () => {
    const list = await lab.dispatch('datasets.list', {});
    id = (list.ok ? (list.result as { id: string; name: string }[]) : []).find((d) => d.name === 'clicks')?.id ?? '';
    expect(id).not.toBe('');
  }, { timeout: 20_000 });
  await stores.datasets.refresh();
}, 60_000);
afterAll(async () => {
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

const row = (column: string) => screen.getByTestId('schema-table').querySelector<HTMLElement>(`tr[data-column="${column}"]`)!;
const setTypeCalls = () => calls.filter(([c]) => c === 'datasets.setTypes').map(([, p]) => p);

describe('SchemaTable type picker', () => {
  it('sends the picked type, shows "(set)" and the confirmation, and goes back to inferred', async () => {
    window.location.hash = `#/datasets/${id}`;
    render(App, { props: { stores } });
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('clicks'), { timeout: 10_000 });
    expect(within(row('flag')).getByTestId('column-type').textContent).toBe('boolean');
    expect(within(row('flag')).queryByTestId('type-set')).toBeNull();
    // vector is offered only where values are lists of numbers
    const options = [...within(row('flag')).getByRole('combobox', { name: 'Type of flag' }).querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['int', 'float', 'categorical', 'boolean', 'datetime', 'text']);

    await fireEvent.change(screen.getByRole('combobox', { name: 'Type of flag' }), { target: { value: 'categorical' } });
    expect(setTypeCalls()).toEqual([{ id, types: { flag: 'categorical' } }]);
    expect(screen.getByRole('combobox', { name: 'Type of note' })).toHaveProperty('disabled', true); // while it re-parses
    const message = await screen.findByTestId('type-message', {}, { timeout: 20_000 });
    expect(message.textContent).toContain("'flag' is now categorical (was boolean)");
    expect(message.textContent).toContain('Paused runs resume on the new types');
    expect(within(row('flag')).getByTestId('column-type').textContent).toBe('categorical');
    expect(within(row('flag')).getByTestId('type-set').textContent).toBe('(set)');
    const detail = await lab.dispatch('datasets.get', { id });
    expect(detail.ok && (detail.result as { columnInfo: { name: string; type: string }[] }).columnInfo.find((c) => c.name === 'flag')!.type).toBe('categorical');

    const select = within(row('flag')).getByRole('combobox', { name: 'Type of flag' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toContain('back to inferred (boolean)');
    await fireEvent.change(select, { target: { value: '' } });
    expect(setTypeCalls().at(-1)).toEqual({ id, types: { flag: null } });
    await waitFor(() => expect(screen.getByTestId('type-message').textContent).toContain("'flag' is now boolean (was categorical)"), { timeout: 20_000 });
    expect(within(row('flag')).queryByTestId('type-set')).toBeNull();
    expect(within(row('flag')).getByTestId('column-type').textContent).toBe('boolean');
  }, 60_000);

  it('a type the values do not fit is refused with the count; Impute applies it with that policy', async () => {
    await fireEvent.change(screen.getByRole('combobox', { name: 'Type of note' }), { target: { value: 'datetime' } });
    const refusal = await screen.findByTestId('type-refusal', {}, { timeout: 20_000 });
    expect(refusal.textContent).toContain("2 of 4 values do not read as datetime, e.g. line 2: 'soon'");
    expect(within(row('note')).getByTestId('column-type').textContent).toBe('categorical');
    await fireEvent.click(within(refusal).getByRole('button', { name: 'Impute' }));
    expect(setTypeCalls().at(-1)).toEqual({ id, types: { note: 'datetime' }, onInvalid: 'impute' });
    await waitFor(() => expect(screen.getByTestId('type-message').textContent).toContain("2 values did not read: policy 'impute' filled them"), { timeout: 20_000 });
    expect(within(row('note')).getByTestId('column-type').textContent).toBe('datetime');
    expect(screen.queryByTestId('type-refusal')).toBeNull();
  }, 60_000);

  it('renames the dataset from its title; the list shows the new name', async () => {
    await fireEvent.click(screen.getByRole('button', { name: 'Rename clicks' }));
    const input = screen.getByTestId('dataset-rename') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '  Clicks, January  ' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(calls.filter(([c]) => c === 'datasets.rename').map(([, p]) => p)).toEqual([{ id, name: '  Clicks, January  ' }]);
    await waitFor(() => expect(screen.getByTestId('dataset-name').textContent).toBe('Clicks, January'), { timeout: 10_000 });
    await waitFor(() => expect(within(screen.getByTestId('dataset-list')).getByText('Clicks, January')).toBeTruthy());
    expect(calls.filter(([c]) => c === 'datasets.rename')).toHaveLength(1); // the input's blur did not rename again
  }, 30_000);
});

describe('SchemaTable distribution column', () => {
  it('draws no flat chart for a free-text column: a short note says why; other columns keep theirs', async () => {
    cleanup();
    // 60 reviews, each a different sentence (the importer calls the column text), and a 3-level rating
    const rows = Array.from({ length: 60 }, (_, i) => `${i},"review number ${i} says the item was ${i % 2 ? 'fine' : 'broken'}",${['low', 'mid', 'high'][i % 3]}`);
    const file = join(dir, 'reviews.csv');
    writeFileSync(file, `id,review,rating\n${rows.join('\n')}\n`);
    await lab.dispatch('datasets.import', { path: file });
    let detail: DatasetDetail | undefined;
    await waitFor(async () => {
      const list = await lab.dispatch('datasets.list', {});
      const rid = (list.ok ? (list.result as { id: string; name: string }[]) : []).find((d) => d.name === 'reviews')?.id;
      expect(rid).toBeTruthy();
      const got = await lab.dispatch('datasets.get', { id: rid });
      detail = got.ok ? (got.result as DatasetDetail) : undefined;
      expect(detail).toBeTruthy();
    }, { timeout: 20_000 });
    const review = detail!.columnInfo.find((c) => c.name === 'review')!;
    expect(review.type).toBe('text');
    expect(review.histogram?.counts.every((n) => n === 1)).toBe(true); // what the lab sends: a flat bar per value

    render(SchemaTable, { props: { columns: detail!.columnInfo } });
    expect(row('review').querySelector('svg')).toBeNull();
    const note = within(row('review')).getByTestId('text-note');
    expect(note.textContent).toBe('text, no chart');
    expect(note.title).toContain('Preview');
    expect(row('rating').querySelector('svg[role="img"]')).not.toBeNull();
    expect(within(row('rating')).queryByTestId('text-note')).toBeNull();
    cleanup();
  });
});
