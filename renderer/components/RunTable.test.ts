// The run table: a click anywhere on a row (or Enter on it) selects the run, its buttons only act;
// long names keep the full name as a title; an interrupted run's CLI hint reads as the UI action.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { liveList } from './testing/live-list.svelte';
import RunTable from './RunTable.svelte';
import { runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

describe('RunTable', () => {
  it('selects a run by clicking its row or pressing Enter on it; Resume acts without selecting', async () => {
    const selected: string[] = [], actions: string[] = [];
    const long = 'tsmixer-gated on Demo: grid load (forecasting) with a very long experiment name seed=1';
    render(RunTable, { props: { runs: [
      runSummary({ id: '5', template: 'tsmixer-gated', name: long, status: 'interrupted', error: 'GateLab stopped while this run was training (last update x); Resume it: gatelab resume 5' }),
      runSummary({ id: '6', template: 'dlinear' }),
    ], onselect: (id: string) => selected.push(id), oncontrol: (id: string, a: string) => actions.push(`${a} ${id}`) } });
    const row5 = document.querySelector('tr[data-run="5"]') as HTMLElement, row6 = document.querySelector('tr[data-run="6"]') as HTMLElement;
    await fireEvent.click(row6.querySelector('[data-testid="run-status"]')!);
    await fireEvent.keyDown(row5, { key: 'Enter' });
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(selected).toEqual(['6', '5']);
    expect(actions).toEqual(['resume 5']);
    expect(row5.tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: long }).title).toBe(long);
    const error = row5.querySelector('[data-testid="run-error"]')!.textContent!;
    expect(error).toContain('Resume it with the Resume button');
    expect(error).not.toContain('gatelab');
  });
});

describe('RunTable keyboard focus', () => {
  it('hands focus from Pause to Resume when the live list changes the run\'s status in place', async () => {
    const live = liveList([runSummary({ id: '5', template: 'gmu', status: 'running' })]);
    render(RunTable, { props: { get runs() { return live.list; }, onselect: () => {}, oncontrol: async () => {} } });
    const pause = screen.getByRole('button', { name: 'Pause' });
    pause.focus();
    await fireEvent.click(pause);
    live.list[0].status = 'paused'; // as the runs store does when the lab reports the pause
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Resume'));
  });

  it('hands focus from Pause to Resume when the run pauses, and from a deleted row to the next one', async () => {
    const actions: string[] = [];
    const props = (runs: ReturnType<typeof runSummary>[]) => ({ runs, onselect: () => {}, oncontrol: async (id: string, a: string) => { actions.push(`${a} ${id}`); } });
    const { rerender } = render(RunTable, { props: props([runSummary({ id: '5', template: 'gmu', status: 'running' }), runSummary({ id: '6', template: 'gmu', status: 'completed' })]) });
    const pause = screen.getByRole('button', { name: 'Pause' });
    pause.focus();
    await fireEvent.click(pause);
    expect(document.activeElement).toBe(pause); // still running: focus stays where it was
    await rerender(props([runSummary({ id: '5', template: 'gmu', status: 'paused' }), runSummary({ id: '6', template: 'gmu', status: 'completed' })]));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement?.textContent).toBe('Resume');

    // Delete: the confirm takes focus; Escape keeps the run and gives focus back to Delete
    const del = document.querySelector<HTMLElement>('tr[data-run="6"] button[data-action="delete"]')!;
    del.focus();
    await fireEvent.click(del);
    const confirm = screen.getByRole('button', { name: /Confirm deleting/ });
    expect(document.activeElement).toBe(confirm);
    await fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: /Confirm deleting/ })).toBeNull();
    expect(document.activeElement).toBe(document.querySelector('tr[data-run="6"] button[data-action="delete"]'));

    // confirmed: the row leaves, focus lands on the row that took its place (here the one before it)
    await fireEvent.click(document.querySelector<HTMLElement>('tr[data-run="6"] button[data-action="delete"]')!);
    await fireEvent.click(screen.getByRole('button', { name: /Confirm deleting/ }));
    await rerender(props([runSummary({ id: '5', template: 'gmu', status: 'paused' })]));
    await new Promise((r) => setTimeout(r, 0));
    expect(actions).toEqual(['pause 5', 'delete 6']);
    expect((document.activeElement as HTMLElement).dataset.run).toBe('5');
  });
});
