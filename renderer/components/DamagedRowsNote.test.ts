// Under the Runs and Datasets lists, one muted line per row the lab left out because its stored row is
// damaged: the lab's sentence (which row, what is damaged, the rest unaffected), only that list's kind,
// asked again when the list's rows change, and nothing when the lab has none or cannot answer.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { LabError, type DamagedRowNote } from '../../common/lab-api';
import { handlerLab } from '../stores/runs-test-lab';
import DamagedRowsNote from './DamagedRowsNote.svelte';

afterEach(() => cleanup());

const RUN_3 = 'Run 3 could not be read (its stored config is damaged) and is left out of this list; the rest of the lab is unaffected.';
const RUN_7 = 'Run 7 could not be read (its stored data summary is damaged) and is left out of this list; the rest of the lab is unaffected.';
const DATASET_2 = "Dataset 2 could not be read (its stored stats of column 'price' are damaged) and is left out of this list; the rest of the lab is unaffected.";

describe('DamagedRowsNote', () => {
  it("shows the lab's sentence for each damaged row of its list's kind, and asks again when the list changes", async () => {
    let damaged: DamagedRowNote[] = [{ kind: 'run', id: '3', reason: RUN_3 }, { kind: 'dataset', id: '2', reason: DATASET_2 }];
    const { lab, calls } = handlerLab({ 'lab.damaged': () => damaged });
    const view = render(DamagedRowsNote, { props: { lab, kind: 'run', listed: '1,2' } });
    await waitFor(() => expect(screen.getByTestId('damaged-runs').textContent?.trim()).toBe(RUN_3));
    expect(screen.queryByText(DATASET_2)).toBeNull();

    damaged = [...damaged, { kind: 'run', id: '7', reason: RUN_7 }];
    await view.rerender({ lab, kind: 'run', listed: '1,2,8' });
    await waitFor(() => expect([...screen.getByTestId('damaged-runs').querySelectorAll('li')].map((li) => li.textContent)).toEqual([RUN_3, RUN_7]));
    expect(calls.filter((c) => c.channel === 'lab.damaged')).toHaveLength(2);
  });

  it('shows the datasets under the Datasets list', async () => {
    const { lab } = handlerLab({ 'lab.damaged': () => [{ kind: 'run', id: '3', reason: RUN_3 }, { kind: 'dataset', id: '2', reason: DATASET_2 }] });
    render(DamagedRowsNote, { props: { lab, kind: 'dataset', listed: '' } });
    await waitFor(() => expect(screen.getByTestId('damaged-datasets').textContent?.trim()).toBe(DATASET_2));
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
});
