// Under the Runs and Datasets lists, one muted line per row the lab left out because its stored row is
// damaged: the lab's sentence (which row, what is damaged, the rest unaffected), only that list's kind,
// asked again when the list's rows change, and nothing when the lab has none or cannot answer. A damaged
// run's or dataset's line deletes it (asking first) through the lab's validated runs.delete / datasets.remove,
// and keyboard focus stays in the note (the next line, or the closing line) instead of dropping to the page.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { LabError, type DamagedRowNote } from '../../common/lab-api';
import { handlerLab } from '../stores/runs-test-lab';
import DamagedRowsNote from './DamagedRowsNote.svelte';

afterEach(() => cleanup());
/** The lab's sentences as shown, one per line (each line also holds its Delete button). */
const sentences = (testid: string) => [...screen.getByTestId(testid).querySelectorAll('li > .muted')].map((s) => s.textContent);

const RUN_3 = 'Run 3 could not be read (its stored config is damaged) and is left out of this list; the rest of the lab is unaffected.';
const RUN_7 = 'Run 7 could not be read (its stored data summary is damaged) and is left out of this list; the rest of the lab is unaffected.';
const DATASET_2 = "Dataset 2 could not be read (its stored stats of column 'price' are damaged) and is left out of this list; the rest of the lab is unaffected.";
const DATASET_5 = 'Dataset 5 could not be read (its stored validation is damaged) and is left out of this list; the rest of the lab is unaffected.';

describe('DamagedRowsNote', () => {
  it("shows the lab's sentence for each damaged row of its list's kind, and asks again when the list changes", async () => {
    let damaged: DamagedRowNote[] = [{ kind: 'run', id: '3', reason: RUN_3 }, { kind: 'dataset', id: '2', reason: DATASET_2 }];
    const { lab, calls } = handlerLab({ 'lab.damaged': () => damaged });
    const view = render(DamagedRowsNote, { props: { lab, kind: 'run', listed: '1,2' } });
    await waitFor(() => expect(sentences('damaged-runs')).toEqual([RUN_3]));
    expect(screen.queryByText(DATASET_2)).toBeNull();

    damaged = [...damaged, { kind: 'run', id: '7', reason: RUN_7 }];
    await view.rerender({ lab, kind: 'run', listed: '1,2,8' });
    await waitFor(() => expect(sentences('damaged-runs')).toEqual([RUN_3, RUN_7]));
    expect(calls.filter((c) => c.channel === 'lab.damaged')).toHaveLength(2);
  });

  it('shows the datasets under the Datasets list', async () => {
    const { lab } = handlerLab({ 'lab.damaged': () => [{ kind: 'run', id: '3', reason: RUN_3 }, { kind: 'dataset', id: '2', reason: DATASET_2 }] });
    render(DamagedRowsNote, { props: { lab, kind: 'dataset', listed: '' } });
    await waitFor(() => expect(sentences('damaged-datasets')).toEqual([DATASET_2]));
  });

  it('shows nothing when no row is damaged, or when the lab cannot say', async () => {
    const none = handlerLab({ 'lab.damaged': () => [] });
    render(DamagedRowsNote, { props: { lab: none.lab, kind: 'run', listed: '1' } });
    await waitFor(() => expect(none.calls.some((c) => c.channel === 'lab.damaged')).toBe(true));
    expect(screen.queryByTestId('damaged-runs')).toBeNull();
    cleanup();
    const failing = handlerLab({ 'lab.damaged': () => { throw new LabError('not-available', 'the database is busy'); } });
    render(DamagedRowsNote, { props: { lab: failing.lab, kind: 'run', listed: '1' } });
    await waitFor(() => expect(failing.calls.some((c) => c.channel === 'lab.damaged')).toBe(true));
    expect(screen.queryByTestId('damaged-runs')).toBeNull();
  });

  it("deletes a damaged run from its line, only once confirmed, through runs.delete; the line then goes", async () => {
    let damaged: DamagedRowNote[] = [{ kind: 'run', id: '3', reason: RUN_3 }, { kind: 'run', id: '7', reason: RUN_7 }];
    const { lab, calls } = handlerLab({
      'lab.damaged': () => damaged,
      'runs.delete': ({ id }) => { damaged = damaged.filter((n) => n.id !== id); return { ok: true as const }; },
    });
    render(DamagedRowsNote, { props: { lab, kind: 'run', listed: '1' } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete run 3' }));
    // the first click asks, saying what goes and what stays
    expect(calls.some((c) => c.channel === 'runs.delete')).toBe(false);
    expect(screen.getByTestId('delete-explains').textContent).toBe(
      'Deletes its database row with its metrics, gate statistics, checkpoints and gate analytics. Files exported from it stay where they were written.');
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting run 3' }));
    await waitFor(() => expect(sentences('damaged-runs')).toEqual([RUN_7]));
    expect(calls.filter((c) => c.channel === 'runs.delete').map((c) => c.payload)).toEqual([{ id: '3' }]);
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Deleted run 3'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete run 7' }))); // the next line, not the page
    // Keep (or Escape) deletes nothing
    await fireEvent.click(screen.getByRole('button', { name: 'Delete run 7' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(calls.filter((c) => c.channel === 'runs.delete')).toHaveLength(1);
    expect(sentences('damaged-runs')).toEqual([RUN_7]);
  });

  it("a refused delete says the lab's reason under its line, and the line stays", async () => {
    const { lab } = handlerLab({
      'lab.damaged': () => [{ kind: 'run', id: '3', reason: RUN_3 }],
      'runs.delete': () => { throw new LabError('invalid-payload', 'run 3 is running: cancel it first (gatelab cancel 3)'); },
    });
    render(DamagedRowsNote, { props: { lab, kind: 'run', listed: '1' } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete run 3' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting run 3' }));
    // the CLI's hint said as the app's button
    expect((await screen.findByTestId('damaged-delete-error')).textContent).toBe('Could not delete run 3: run 3 is running: cancel it first (the Cancel button in Runs)');
    expect(sentences('damaged-runs')).toEqual([RUN_3]);
    expect(screen.getByRole('button', { name: 'Delete run 3' })).toBeTruthy();
  });

  it('deletes a damaged dataset through datasets.remove, saying what goes and what stays; focus moves to the next line, then to the closing line', async () => {
    let damaged: DamagedRowNote[] = [{ kind: 'dataset', id: '2', reason: DATASET_2 }, { kind: 'dataset', id: '5', reason: DATASET_5 }];
    const { lab, calls } = handlerLab({
      'lab.damaged': () => damaged,
      'datasets.remove': ({ id }) => { damaged = damaged.filter((n) => n.id !== id); return { ok: true as const }; },
    });
    render(DamagedRowsNote, { props: { lab, kind: 'dataset', listed: '' } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete dataset 2' }));
    expect(screen.getByTestId('delete-explains').textContent).toBe(
      "Deletes its database row, its splits and the lab's copy of its data (your own file stays where it is). Runs trained on it keep their results and exports, but can no longer be resumed. Refused while a run may still need it.");
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting dataset 2' }));
    await waitFor(() => expect(sentences('damaged-datasets')).toEqual([DATASET_5]));
    expect(calls.filter((c) => c.channel === 'datasets.remove').map((c) => c.payload)).toEqual([{ id: '2' }]);
    expect(calls.some((c) => c.channel === 'runs.delete')).toBe(false);
    // the confirmed button left with its line: focus is on the line that took its place, not dropped to the page
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete dataset 5' })));
    // the last line: focus on the note's closing line, which says what was deleted
    await fireEvent.click(screen.getByRole('button', { name: 'Delete dataset 5' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting dataset 5' }));
    const closing = await screen.findByTestId('damaged-datasets-deleted');
    expect(closing.textContent).toBe('Deleted dataset 5. No other dataset is left out of this list.');
    expect(screen.queryByTestId('damaged-datasets')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(closing));
  });

  it("a refused dataset delete says the lab's reason, the line stays, and focus is back on its Delete button", async () => {
    const { lab } = handlerLab({
      'lab.damaged': () => [{ kind: 'dataset', id: '2', reason: DATASET_2 }],
      'datasets.remove': () => { throw new LabError('invalid-payload', "dataset 2 'sales' is in use by run 4 (queued): cancel it (gatelab cancel 4) or wait until it ends, then delete the dataset"); },
    });
    render(DamagedRowsNote, { props: { lab, kind: 'dataset', listed: '' } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete dataset 2' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting dataset 2' }));
    expect((await screen.findByTestId('damaged-delete-error')).textContent).toMatch(/^Could not delete dataset 2: dataset 2 'sales' is in use by run 4 \(queued\): cancel it/);
    expect(sentences('damaged-datasets')).toEqual([DATASET_2]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete dataset 2' })));
  });
});
