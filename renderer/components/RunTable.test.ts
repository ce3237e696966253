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
    // the run's id leads its name (a run and its "New run from this" child may share a name); the title adds the seed
    expect(screen.getByRole('button', { name: `#5 · ${long}` }).title).toMatch(/^#5 · s\d+ · tsmixer-gated on Demo: grid load/);
    const error = row5.querySelector('[data-testid="run-error"]')!.textContent!;
    expect(error).toContain('Resume it with the Resume button');
    expect(error).not.toContain('gatelab');
  });

  it('shows a running run\'s samples/s, and says why a finished run has none in the list (its chart has them)', () => {
    render(RunTable, { props: { runs: [
      runSummary({ id: '1', template: 'dlinear', status: 'running', step: 40, totalSteps: 400, samplesPerSec: 1234 }),
      runSummary({ id: '2', template: 'dlinear', status: 'completed', step: 400, totalSteps: 400, samplesPerSec: null }),
    ], onselect: () => {}, oncontrol: () => {} } });
    expect(document.querySelector('tr[data-run="1"] [data-testid="run-sps-none"]')).toBeNull();
    expect(document.querySelector('tr[data-run="1"]')!.textContent).toContain('1,234');
    const none = document.querySelector('tr[data-run="2"] [data-testid="run-sps-none"]') as HTMLElement;
    expect(none.textContent).toBe('—');
    expect(none.title).toBe('measured live while the run trains; select the run for its "samples per sec" chart over its training');
  });

  it("shows an ended run's average samples/s, labelled as one with what it counts, and says why a run has none", () => {
    render(RunTable, { props: { runs: [
      runSummary({ id: '3', template: 'dlinear', status: 'completed', step: 400, totalSteps: 400, samplesPerSec: null, meanSamplesPerSec: 1600.4 }),
      runSummary({ id: '4', template: 'dlinear', status: 'failed', step: 0, samplesPerSec: null, meanSamplesPerSec: null }),
      runSummary({ id: '5', template: 'dlinear', status: 'running', step: 40, samplesPerSec: 1234, meanSamplesPerSec: 1100 }),
    ], onselect: () => {}, oncontrol: () => {} } });
    const avg = document.querySelector('tr[data-run="3"] [data-testid="run-sps-avg"]') as HTMLElement;
    expect(avg.textContent).toBe('1,600 avg');
    expect(avg.title).toMatch(/^Average training speed: samples per second over the run's training steps \(validation and start-up not counted\)/);
    // a narrow window's progress line says it too
    expect(document.querySelector('tr[data-run="3"] [data-testid="run-device-compact"]')!.textContent).toBe(' · 1,600/s avg · cpu');
    expect((document.querySelector('tr[data-run="4"] [data-testid="run-sps-none"]') as HTMLElement).title).toBe('no training steps were timed: the run stopped before its first speed report');
    // a training run shows its live rate, not the average
    expect(document.querySelector('tr[data-run="5"] [data-testid="run-sps-avg"]')).toBeNull();
    expect(document.querySelector('tr[data-run="5"]')!.textContent).toContain('1,234');
  });

  it('writes a live fractional rate as the average is written (7,590, not 7590), slow ones with three digits', () => {
    render(RunTable, { props: { runs: [
      runSummary({ id: '6', template: 'dlinear', status: 'running', step: 40, samplesPerSec: 7590.3 }),
      runSummary({ id: '7', template: 'dlinear', status: 'running', step: 40, samplesPerSec: 12345.6 }),
      runSummary({ id: '8', template: 'dlinear', status: 'running', step: 40, samplesPerSec: 13.44 }),
    ], onselect: () => {}, oncontrol: () => {} } });
    const rate = (id: string) => document.querySelector(`tr[data-run="${id}"] td.num.wide-only`)!.textContent;
    expect([rate('6'), rate('7'), rate('8')]).toEqual(['7,590', '12,346', '13.4']);
    expect(document.querySelector('tr[data-run="6"] [data-testid="run-device-compact"]')!.textContent).toBe(' · 7,590/s · cpu');
  });

  it("keeps an interrupted run's long note to two lines in its row, the whole note as its title, in the colour of its status", () => {
    const note = 'GateLab stopped while this run was training (its last progress was at 14:19:37). Resume continues from its last checkpoint, at step 140 (after 1 full epoch). Resume it: gatelab resume 6';
    render(RunTable, { props: { runs: [
      runSummary({ id: '6', template: 'tsmixer-gated', status: 'interrupted', step: 140, totalSteps: 1400, error: note }),
      runSummary({ id: '7', template: 'dlinear', status: 'failed', error: 'lookback 100000 is longer than the training split' }),
    ], onselect: () => {}, oncontrol: () => {} } });
    const [interrupted, failed] = ['6', '7'].map((id) => document.querySelector(`tr[data-run="${id}"] [data-testid="run-error"]`) as HTMLElement);
    expect(interrupted.title).toBe(note.replace('Resume it: gatelab resume 6', 'Resume it with the Resume button'));
    expect(interrupted.classList.contains('note')).toBe(true); // the two-line clamp (jsdom lays nothing out: the story's screenshot shows it)
    expect(interrupted.classList.contains('interrupted')).toBe(true);
    expect(failed.classList.contains('interrupted')).toBe(false);
    expect(failed.title).toBe('lookback 100000 is longer than the training split');
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

describe('RunTable start-up and cancel (audit A11)', () => {
  it('says "starting…" before the first progress, and "cancelling…" with its buttons off the moment Cancel is clicked', async () => {
    const live = liveList([runSummary({ id: '7', template: 'tsmixer-gated', status: 'running', step: 0, totalSteps: null, samplesPerSec: null })]);
    const actions: string[] = [];
    render(RunTable, { props: { get runs() { return live.list; }, onselect: () => {}, oncontrol: (id: string, a: string) => { actions.push(`${a} ${id}`); return new Promise<void>(() => {}); } } });
    expect(screen.getByTestId('run-starting').textContent).toBe('starting… compiling, first steps');
    expect(screen.queryByTestId('run-steps')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    // the lab's reply (and the trainer's stop) may take seconds: the row says so at once
    expect(actions).toEqual(['cancel 7']);
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('cancelling…'));
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Pause' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('run-starting')).toBeNull();
    // once the trainer stopped, the run's own status shows again
    live.list = [runSummary({ id: '7', template: 'tsmixer-gated', status: 'cancelled', step: 0, totalSteps: null })];
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('cancelled'));
  });

  it('shows "step N / N" for a completed run the tab never saw live', () => {
    render(RunTable, { props: { runs: [runSummary({ id: '3', template: 'dnn', status: 'completed', step: 40, totalSteps: null })], onselect: () => {}, oncontrol: () => {} } });
    expect(screen.getByTestId('run-steps').textContent).toBe('step 40 / 40');
  });

  it('marks an ablated run (every gate off) with a "gates off" pill, and only that run', () => {
    render(RunTable, { props: { runs: [runSummary({ id: '11', name: 'gmu ablated', template: 'gmu', status: 'completed' }), runSummary({ id: '8', name: 'gmu', template: 'gmu', status: 'completed' })], gatesOff: ['11'], onselect: () => {}, oncontrol: () => {} } });
    const pills = screen.getAllByTestId('gates-off-pill');
    expect(pills).toHaveLength(1);
    expect(pills[0].closest('tr')!.dataset.run).toBe('11');
    expect(pills[0].getAttribute('title')).toMatch(/an ablation/);
  });

  it('marks every ablated row from its summary (RunSummary.gatesOff), none selected, no config fetched', () => {
    render(RunTable, { props: { runs: [
      runSummary({ id: '21', name: 'gmu ablated s0', template: 'gmu', status: 'completed', gatesOff: true }),
      runSummary({ id: '22', name: 'gmu', template: 'gmu', status: 'completed', gatesOff: false }),
      runSummary({ id: '23', name: 'gmu ablated s1', template: 'gmu', status: 'running', gatesOff: true }),
    ], onselect: () => {}, oncontrol: () => {} } });
    expect(screen.getAllByTestId('gates-off-pill').map((p) => p.closest('tr')!.dataset.run)).toEqual(['21', '23']);
  });

  it('notes on its row a run that resumed past a damaged checkpoint, with the lab’s words', () => {
    const note = "checkpoint 'checkpoints/run-7/epoch-00000003-step-00000096.ckpt' is damaged: its checksum is wrong; resuming from the previous valid checkpoint checkpoints/run-7/epoch-00000002-step-00000064.ckpt (step 64)";
    render(RunTable, { props: { runs: [runSummary({ id: '7', template: 'dnn', status: 'completed', resumeNote: note }), runSummary({ id: '6', template: 'dnn', status: 'completed', resumeNote: null })], onselect: () => {}, oncontrol: () => {} } });
    const notes = screen.getAllByTestId('run-resume-note');
    expect(notes).toHaveLength(1);
    expect(notes[0].closest('tr')!.dataset.run).toBe('7');
    expect(notes[0].textContent).toBe(`⚠ resumed past a damaged checkpoint: ${note}`);
  });
});

describe('RunTable filter and sort', () => {
  const runs = [
    runSummary({ id: '4', name: 'moe s1', template: 'moe-dnn', status: 'failed', createdAt: '2026-11-29T12:00:00Z' }),
    runSummary({ id: '3', name: 'finalmlp s0', template: 'finalmlp', createdAt: '2026-11-29T11:00:00Z', metrics: { 'test.auc': 0.78 } }),
    runSummary({ id: '2', name: 'dnn s0', template: 'dnn', createdAt: '2026-11-29T10:00:00Z', metrics: { 'test.auc': 0.71 } }),
  ];
  const order = () => [...document.querySelectorAll('tbody tr')].map((r) => (r as HTMLElement).dataset.run);
  it('filters rows by a name / template / status substring and sorts by created, name, status or a test metric', async () => {
    render(RunTable, { props: { runs, onselect: () => {}, oncontrol: () => {} } });
    expect(order()).toEqual(['4', '3', '2']); // the lab's order: newest first
    await fireEvent.input(screen.getByTestId('run-filter'), { target: { value: 'DNN' } });
    expect(order()).toEqual(['4', '2']); // moe-dnn by template, dnn s0 by name
    expect(screen.getByTestId('run-count').textContent).toBe('2 of 3 runs');
    await fireEvent.input(screen.getByTestId('run-filter'), { target: { value: '' } });
    const sort = screen.getByTestId('run-sort') as HTMLSelectElement;
    await fireEvent.change(sort, { target: { value: 'oldest' } });
    expect(order()).toEqual(['2', '3', '4']);
    await fireEvent.change(sort, { target: { value: 'name' } });
    expect(order()).toEqual(['2', '3', '4']);
    await fireEvent.change(sort, { target: { value: 'test.auc' } });
    expect(order()).toEqual(['3', '2', '4']); // best AUC first, the run without one last
    await fireEvent.change(sort, { target: { value: 'status' } });
    expect(order()).toEqual(['4', '3', '2']); // failed before completed
  });

  it('shows the sorted-by metric as a column, best first, "—" for a run without it, and drops it for other orders', async () => {
    const sweep = [
      runSummary({ id: '42', name: 'dlinear sweep lr=0.01 lookback=192 seed=4', template: 'dlinear', createdAt: '2026-11-30T20:30:46Z', metrics: { 'test.mse': 0.09634, 'test.mae': 0.24 } }),
      runSummary({ id: '41', name: 'dlinear sweep lr=0.01 lookback=192 seed=3', template: 'dlinear', createdAt: '2026-11-30T20:30:45Z', metrics: { 'test.mse': 0.09411, 'test.mae': 0.25 } }),
      runSummary({ id: '20', name: 'dlinear sweep lr=0.001 lookback=96 seed=2', template: 'dlinear', createdAt: '2026-11-30T20:30:01Z', metrics: { 'test.mse': 0.2038 } }),
      runSummary({ id: '7', name: 'gmu', template: 'gmu', status: 'failed', createdAt: '2026-11-30T20:00:00Z' }),
    ];
    render(RunTable, { props: { runs: sweep, onselect: () => {}, oncontrol: () => {} } });
    expect(screen.queryByTestId('run-metric-head')).toBeNull();
    await fireEvent.change(screen.getByTestId('run-sort'), { target: { value: 'test.mse' } });
    expect(screen.getByTestId('run-metric-head').textContent).toBe('test.mse');
    expect(screen.getByTestId('run-metric-head').title).toBe('test.mse: lower is better');
    const cells = () => [...document.querySelectorAll('tbody tr')].map((r) => [(r as HTMLElement).dataset.run, r.querySelector('[data-testid="run-metric"]')!.textContent]);
    expect(cells()).toEqual([['41', '0.09411'], ['42', '0.09634'], ['20', '0.2038'], ['7', '—']]);
    // the column sits beside the name, before the template
    expect([...document.querySelectorAll('thead th')].slice(0, 3).map((h) => h.textContent)).toEqual(['Run', 'test.mse', 'Template']);
    await fireEvent.change(screen.getByTestId('run-sort'), { target: { value: 'test.mae' } });
    expect(cells().map(([id, v]) => `${id} ${v}`)).toEqual(['42 0.24', '41 0.25', '20 —', '7 —']);
    await fireEvent.change(screen.getByTestId('run-sort'), { target: { value: 'name' } });
    expect(screen.queryByTestId('run-metric-head')).toBeNull();
    expect(screen.queryAllByTestId('run-metric')).toHaveLength(0);
  });
});
