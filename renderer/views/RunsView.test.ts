// The Runs view offers gate analytics (knockouts, gate report) only for a model with gates: a DLinear
// run says it has none instead of a "Knock out all gates" button that can only fail; a gated TSMixer
// run keeps the analytics panel. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { createStores } from '../stores';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());
// jsdom has no layout: charts' bind:clientWidth needs a ResizeObserver to exist, not to fire.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

function show(runId: string) {
  const { lab } = handlerLab({
    'runs.list': () => [runSummary({ id: '4', template: 'dlinear', metrics: { 'test.mse': 0.4 } }), runSummary({ id: '5', template: 'tsmixer-gated' })],
    'runs.metrics': ({ id }) => ({ id, series: [{ name: 'train.loss', steps: [1, 2], values: [1, 0.5] }] }),
    'runs.gates': ({ id }) => ({ id, gates: [] }),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'analytics.knockouts': ({ id }) => ({ id, table: null }),
    'analytics.jobs': ({ id }) => ({ id, jobs: [] }),
    'analytics.reportData': ({ id }) => ({ id, report: null, paths: null }),
  });
  const stores = createStores(lab);
  stores.system.connection = 'open';
  window.location.hash = `#/runs/${runId}`;
  render(App, { props: { stores } });
  return stores.runs.refresh();
}

describe('Runs view gate analytics', () => {
  it('says a DLinear run has no gates and offers no knockout', async () => {
    await show('4');
    const note = await screen.findByTestId('no-gates');
    expect(note.textContent).toContain('no gates');
    expect(note.textContent).toContain('dlinear');
    expect(screen.queryByTestId('knockout-all')).toBeNull();
    expect(screen.queryByTestId('run-analytics')).toBeNull();
  });

  it('offers knockouts for a gated TSMixer run', async () => {
    await show('5');
    expect(await screen.findByTestId('knockout-all')).toBeTruthy();
    expect(screen.queryByTestId('no-gates')).toBeNull();
  });
});

describe('Runs table delete', () => {
  it('deletes an ended run only on a second click, then the row leaves the list; a running run offers no delete', async () => {
    let list = [runSummary({ id: '4', template: 'dlinear' }), runSummary({ id: '6', template: 'dlinear', status: 'running' })];
    const { lab, calls } = handlerLab({
      'runs.list': () => list,
      'runs.delete': ({ id }) => { list = list.filter((r) => r.id !== id); return { ok: true as const }; },
      'runs.metrics': ({ id }) => ({ id, series: [] }),
      'runs.gates': ({ id }) => ({ id, gates: [] }),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    const stores = createStores(lab);
    stores.system.connection = 'open';
    window.location.hash = '#/runs';
    render(App, { props: { stores } });
    await stores.runs.refresh();
    expect(await screen.findByRole('button', { name: 'Delete run 4' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete run 6' })).toBeNull(); // running: cancel first
    await fireEvent.click(screen.getByRole('button', { name: 'Delete run 4' }));
    expect(calls.some((c) => c.channel === 'runs.delete')).toBe(false); // one click asks
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm deleting run 4' }));
    await waitFor(() => expect(screen.queryByText('run 4')).toBeNull());
    expect(calls.filter((c) => c.channel === 'runs.delete').map((c) => c.payload)).toEqual([{ id: '4' }]);
    expect(screen.getByText('run 6')).toBeTruthy();
  });
});
