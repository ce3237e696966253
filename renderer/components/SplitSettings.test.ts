// The Splits tab of the Datasets view against a real Lab (child process, temp home): a stratified split
// made in the form appears in the list with the counts the lab computed, a sum that is not 1 is named
// under the ratios before anything is sent, and the forecasting demo says its family's default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import App from '../App.svelte';
import type { Stores } from '../stores';
import type { SplitInfo } from '../../common/lab-api';

let lab: LabProcess;
let stores: Stores;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await Promise.all([stores.system.load(), stores.datasets.refresh()]);
});
afterAll(async () => {
  cleanup();
  await lab?.stop();
});

async function openSplits(family: string): Promise<string> {
  const id = stores.datasets.list.find((d) => d.family === family)!.id;
  window.location.hash = `#/datasets/${id}`;
  render(App, { props: { stores } });
  await waitFor(() => expect(stores.datasets.selected?.id).toBe(id));
  await fireEvent.click(await screen.findByRole('tab', { name: 'Splits' }));
  await screen.findByTestId('split-form');
  return id;
}

describe('Splits tab', () => {
  it('creates a stratified split from the form; it is listed with the lab’s counts', async () => {
    const id = await openSplits('fusion');
    expect(screen.getByTestId('split-default').textContent).toContain("the fusion default, stratified by the target 'label' 80/10/10, seed 42.");
    await waitFor(() => expect(screen.getByTestId('split-none')).toBeTruthy());
    const kind = screen.getByTestId('split-kind') as HTMLSelectElement;
    await fireEvent.change(kind, { target: { value: 'stratified' } });
    expect(screen.getByTestId('split-kind-description').textContent).toMatch(/keeps the class balance/);
    // only columns a class can be read from: the target first, no float sensor
    const column = screen.getByTestId('split-column') as HTMLSelectElement;
    const options = [...column.options].map((o) => o.value);
    expect(options[0]).toBe('label');
    expect(options).toContain('condition');
    expect(options).not.toContain('sensor_1');

    // a sum that is not 1 is named under the ratios; nothing is sent
    await fireEvent.input(screen.getByTestId('split-train'), { target: { value: '0.7' } });
    await fireEvent.click(screen.getByTestId('split-create'));
    expect((await screen.findByTestId('split-ratios-error')).textContent).toBe('train + val + test must add up to 1');
    expect((await lab.dispatch('splits.list', { datasetId: id }) as { result: SplitInfo[] }).result).toEqual([]);

    await fireEvent.input(screen.getByTestId('split-test'), { target: { value: '0.2' } });
    await fireEvent.change(column, { target: { value: 'condition' } });
    await fireEvent.input(screen.getByTestId('split-seed'), { target: { value: '7' } });
    await fireEvent.click(screen.getByTestId('split-create'));
    const result = await screen.findByTestId('split-result', {}, { timeout: 10_000 });
    const stored = (await lab.dispatch('splits.list', { datasetId: id }) as { result: SplitInfo[] }).result;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'stratified', kind: 'stratified', seed: 7, spec: { column: 'condition', ratios: { train: 0.7, val: 0.1, test: 0.2 } } });
    const c = stored[0].counts;
    expect(c.train + c.val + c.test).toBe(20_000);
    expect(result.textContent).toContain(`${c.train.toLocaleString('en-US')} train / ${c.val.toLocaleString('en-US')} val / ${c.test.toLocaleString('en-US')} test`);
    const row = await screen.findByTestId('split-row');
    expect(row.textContent).toContain('Stratified');
    expect(row.textContent).toContain(c.train.toLocaleString('en-US'));
    expect(row.textContent).toContain(`${((100 * c.train) / 20_000).toFixed(1)}%`);
    expect(within(row).getByTestId('split-id').textContent).toBe(stored[0].id);
    // the same, folded under the name for a narrow column (the Datasets view at a 1024-wide window)
    expect(within(row).getByTestId('split-meta').textContent).toMatch(new RegExp(`^seed 7 · id ${stored[0].id} · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`));
    expect(screen.getByTestId('split-given').textContent).toContain(`gatelab datasets split ${id} --kind given`);
    cleanup();
  });

  it('deletes a split after “Delete?”; Escape keeps it; a split a run names stays, the lab’s reason shown', async () => {
    const id = await openSplits('recsys');
    const create = async (name: string) => (await lab.dispatch('splits.create', { datasetId: id, name, spec: { kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 } }) as { result: { split: SplitInfo } }).result.split;
    const free = await create('free');
    const used = await create('used');
    // a run that trains on 'used' (its config names the split id), written into the lab's database as a run row
    const sql = `require('better-sqlite3')(process.argv[1]).prepare('INSERT INTO runs (name, config) VALUES (?, ?)').run('holder', JSON.stringify({ data: { kind: 'dataset', datasetId: ${Number(id)}, splitId: ${Number(used.id)} } }))`;
    const insert = spawnSync(process.execPath, ['-e', sql, join(lab.home, 'gatelab.sqlite')], { encoding: 'utf8' });
    expect(insert.stderr).toBe('');
    // the list shows splits made elsewhere once the tab reloads: open another tab and come back
    await fireEvent.click(screen.getByRole('tab', { name: 'Schema' }));
    await fireEvent.click(await screen.findByRole('tab', { name: 'Splits' }));
    await waitFor(() => expect(screen.getAllByTestId('split-row')).toHaveLength(2));
    const rowOf = (sid: string) => screen.getAllByTestId('split-row').find((r) => r.getAttribute('data-split') === sid)!;

    await fireEvent.click(within(rowOf(free.id)).getByRole('button', { name: 'Delete split free' }));
    const ask = within(rowOf(free.id)).getByRole('button', { name: 'Confirm deleting split free' });
    expect(document.activeElement).toBe(ask);
    await fireEvent.keyDown(ask, { key: 'Escape' });
    await waitFor(() => expect(within(rowOf(free.id)).getByRole('button', { name: 'Delete split free' })).toBeTruthy());
    expect(screen.getAllByTestId('split-row')).toHaveLength(2);

    await fireEvent.click(within(rowOf(free.id)).getByRole('button', { name: 'Delete split free' }));
    await fireEvent.click(within(rowOf(free.id)).getByRole('button', { name: 'Confirm deleting split free' }));
    expect((await screen.findByTestId('split-deleted')).textContent).toBe(`Deleted split “free” (id ${free.id}).`);
    await waitFor(() => expect(screen.getAllByTestId('split-row').map((r) => r.getAttribute('data-split'))).toEqual([used.id]));
    expect((await lab.dispatch('splits.list', { datasetId: id }) as { result: SplitInfo[] }).result.map((x) => x.name)).toEqual(['used']);

    await fireEvent.click(within(rowOf(used.id)).getByRole('button', { name: 'Delete split used' }));
    await fireEvent.click(within(rowOf(used.id)).getByRole('button', { name: 'Confirm deleting split used' }));
    const alert = await screen.findByText(/split 'used' \(id \d+\) is used by run \d+; deleting it would cut that run off from its rows/);
    expect(alert).toBeTruthy();
    expect(screen.queryByTestId('split-deleted')).toBeNull();
    expect(screen.getAllByTestId('split-row')).toHaveLength(1);
    cleanup();
  });

  it('names the forecasting default and creates the ETT split with its unused rows', async () => {
    await openSplits('forecasting');
    expect(screen.getByTestId('split-default').textContent).toContain('the forecasting default, by time: 70% train, 10% validation, 20% test (for ETT’s 12 / 4 / 4 months, make an ETT split below and pick it)');
    expect((screen.getByTestId('split-kind') as HTMLSelectElement).value).toBe('ett');
    expect(screen.queryByTestId('split-train')).toBeNull(); // ETT has no ratios
    await fireEvent.click(screen.getByTestId('split-create'));
    const result = await screen.findByTestId('split-result', {}, { timeout: 10_000 });
    expect(result.textContent).toMatch(/8,640 train \/ 2,880 val \/ 2,880 test, [\d,]+ unused/);
    cleanup();
  });
});
