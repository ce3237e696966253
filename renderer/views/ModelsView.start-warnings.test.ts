// After Start, what the lab's checks said about the data without refusing it (runs.start's `warnings`: too
// few forecasting windows) stays in the launch bar, in the app's words ("set Lookback to 6", not the CLI's
// --set), with a link to the started run, instead of the view leaving for Runs; a Start with no warning goes
// to Runs as before. The lab is real (child process); its runs.start answer gets the warning text the lab's
// data check writes for a short file (common/data/forecasting-rows.ts fewWindowsWarning), validated by the
// API's schema as any answer is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/svelte';
// @ts-expect-error: a plain .mjs test fixture (a real Lab in a child process)
import { startLabProcess } from '../fixtures/lab-process.mjs';
import { createStores, type Stores } from '../stores';
import { inProcessLab, type Dispatcher } from '../lib/in-process-lab';
import { demoOf, LAB_ANSWER_MS, openModels } from '../fixtures/models-lab';
import { StartedRuns } from '../../common/lab-api/runs';

const FEW = 'warning: only 27 validation windows (early stopping and the best checkpoint rest on them; 30 or more is a sound minimum): training and model selection on so few windows mean little. ' +
  'Try a shorter lookback and horizon, e.g. --set model.lookback=6 --set model.horizon=1 (the weekly ILI benchmark, 966 rows, is forecast with lookback 36 or 104 and horizons 24-60), or a longer file or larger validation and test parts';

let lab: Dispatcher & { stop(): Promise<void> };
let stores: Stores;
/** The warnings the next runs.start answer carries. */
let warnings: string[] = [];

beforeAll(async () => {
  configure({ asyncUtilTimeout: LAB_ANSWER_MS });
  lab = await startLabProcess();
  const withWarnings: Dispatcher = {
    async dispatch(channel, payload) {
      const reply = await lab.dispatch(channel, payload);
      if (channel !== 'runs.start' || !reply.ok || !warnings.length) return reply;
      return { ...reply, result: StartedRuns.parse({ ...(reply.result as object), warnings }) };
    },
    onEvent: (l) => lab.onEvent(l),
  };
  stores = createStores(inProcessLab(withWarnings));
  stores.system.connection = 'open';
  await Promise.all([stores.system.load(), stores.datasets.refresh(), stores.models.load()]);
});
// the cancelled runs' trainers have ended (their last event sent) before the lab stops
afterAll(async () => {
  await waitFor(async () => {
    const runs = await stores.lab.invoke('runs.list', {});
    expect(runs.filter((r) => r.status === 'running' || r.status === 'queued')).toEqual([]);
  }, { timeout: 30_000, interval: 200 });
  await lab?.stop();
});
afterEach(async () => {
  cleanup();
  // the started runs are not what is tested: cancelled, they do not train on the shared machine
  for (const r of await stores.lab.invoke('runs.list', {})) await stores.lab.invoke('runs.cancel', { id: r.id }).catch(() => {});
});

describe('the launch bar after Start', () => {
  it("shows the lab's warnings in the app's words, with a link to the run, and stays in Models", async () => {
    warnings = [FEW];
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.setTraining({ ...stores.models.training, maxSteps: 2 });
    stores.models.seeds = 1;
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('start-runs'));
    const box = await screen.findByTestId('start-warnings');
    const id = stores.models.startWarnings!.runIds[0];
    expect(box.textContent).toContain(`Started run ${id} — open it in Runs.`);
    const item = box.querySelector('li')!.textContent!;
    expect(item).toMatch(/^⚠ only 27 validation windows \(early stopping/);
    expect(item).toContain('e.g. set Lookback to 6 and Horizon to 1 (the weekly ILI benchmark');
    expect(item).not.toContain('--set');
    expect(screen.getByTestId('start-warnings-open').getAttribute('href')).toBe(`#/runs/${id}`);
    expect(window.location.hash).toBe('#/models');
    // two seeds, two runs: the link opens the first
    cleanup();
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.seeds = 2;
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('start-runs'));
    await waitFor(() => expect(stores.models.startWarnings?.runIds).toHaveLength(2));
    const [first, second] = stores.models.startWarnings!.runIds;
    expect(screen.getByTestId('start-warnings').textContent).toContain(`Started 2 runs: ${first}, ${second} — open run ${first} in Runs.`);
  });

  it('goes to Runs on the new run when the lab has no warning, and a later Start clears the earlier warning', async () => {
    warnings = [];
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.setTraining({ ...stores.models.training, maxSteps: 2 });
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('start-runs'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/runs\/\d+$/));
    expect(stores.models.startWarnings).toBeNull();
  });

  it('hides the warnings once the form is on another template or dataset: they are about the started runs', async () => {
    warnings = [FEW];
    stores.router.go('models'); // the test before left the shared router on Runs
    await openModels(stores, demoOf(stores, 'forecasting'), 'forecasting', 'dlinear');
    stores.models.setTraining({ ...stores.models.training, maxSteps: 2 });
    stores.models.seeds = 1;
    await waitFor(() => expect(stores.models.valid).toBe(true));
    await fireEvent.click(screen.getByTestId('start-runs'));
    await screen.findByTestId('start-warnings');
    // "only 27 validation windows" said under nlinear, or under another dataset, read as said of that choice
    stores.models.choose('nlinear');
    await waitFor(() => expect(screen.queryByTestId('start-warnings')).toBeNull());
    stores.models.choose('dlinear');
    expect(await screen.findByTestId('start-warnings')).toBeTruthy();
    stores.models.datasetId = demoOf(stores, 'recsys');
    await waitFor(() => expect(screen.queryByTestId('start-warnings')).toBeNull());
  });
});
