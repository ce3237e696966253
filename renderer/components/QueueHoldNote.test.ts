// While the lab's database refuses writes, queued runs wait: the Runs view says why in one line above the
// list (the lab's note: cause and what to do), and the line goes once the lab says writes succeed again.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { RunsStore } from '../stores/runs.svelte';
import { handlerLab } from '../stores/runs-test-lab';
import QueueHoldNote from './QueueHoldNote.svelte';

afterEach(() => cleanup());

const NOTE = 'Queued runs wait: the lab could not write to its database /home/me/.gatelab/gatelab.sqlite (database or disk is full). Free disk space on the drive that holds it; they start by themselves once the database takes writes again';

describe('QueueHoldNote', () => {
  it('shows the lab\'s hold as one sentence while it lasts, and nothing once it ends', async () => {
    const { lab, emit } = handlerLab({});
    const runs = new RunsStore(lab);
    render(QueueHoldNote, { props: { runs } });
    expect(screen.queryByTestId('queue-hold')).toBeNull();

    emit('runs.queueHold', { note: NOTE, since: '2026-11-30T20:00:00.000Z' });
    await tick();
    expect(screen.getByRole('status').textContent).toBe(`${NOTE}.`);
    emit('runs.queueHold', { note: NOTE, since: '2026-11-30T20:00:00.000Z' }); // repeated while it lasts: still one line
    await tick();
    expect(screen.getAllByTestId('queue-hold')).toHaveLength(1);

    emit('runs.queueHold', { note: null, since: null });
    await tick();
    expect(screen.queryByTestId('queue-hold')).toBeNull();
  });
});
