// An ended run's speed on the Runs view: its average training speed (the live rate is gone once it
// stops) in the run table and beside the run's name, labelled as an average, through the real dispatch
// (the runs.list result schema must keep the field).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/svelte';
import { runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';

afterEach(() => cleanup());

describe('Runs view average speed', () => {
  it("shows a completed run's average samples/s in its row and its heading, with what it counts", async () => {
    const { lab } = fakeRunLab({ id: '12', template: 'dlinear' }, {
      'runs.list': () => [runSummary({ id: '12', template: 'dlinear', status: 'completed', meanSamplesPerSec: 1600.4 })],
      'runs.metrics': ({ id }) => ({ id, series: [] }),
    });
    await openApp(lab, '#/runs/12');
    const heading = await screen.findByTestId('run-speed', {}, { timeout: 10_000 });
    expect(heading.textContent).toBe('1,600 samples/s avg');
    expect(heading.title).toMatch(/^Average training speed: samples per second over the run's training steps/);
    await waitFor(() => expect(document.querySelector('tr[data-run="12"] [data-testid="run-sps-avg"]')!.textContent).toBe('1,600 avg'));
  });
});
