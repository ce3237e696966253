// The Runs view offers gate analytics (knockouts, gate report) only for a model with gates: a DLinear
// run says it has none instead of a "Knock out all gates" button that can only fail; a gated TSMixer
// run keeps the analytics panel. The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
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
