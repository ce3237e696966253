// What if (analytics.knockoutRows) refused as Try it's runs.try refuses: a request the lab refuses (rows
// outside the test split, a gate the run does not have) comes back as 'invalid-payload' with the lab's
// words, which the app shows as an error of the request; it came back as 'not-available' ("Not available
// yet."), as if the lab could not do it at all. A run the lab cannot analyse yet stays 'not-available'.
// The run is a stand-in (checkpointed-run.ts: parameters all 0.01) on the demo model's synthetic data; rows
// outside the test split, refused by the job itself, are in main/lab/analytics/knockout-rows.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths, type LabPaths } from '../home';
import { openLabStore, type LabStore } from '../store/index';
import { checkpointedRun } from '../runs/testing/checkpointed-run';
import { LabAnalytics } from './analytics';

let home: string, paths: LabPaths, store: LabStore, analytics: LabAnalytics, run: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-analytics-refusals-'));
  paths = labPaths(home);
  store = openLabStore(paths.database);
  run = String(checkpointedRun(store, paths, { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 }));
  analytics = new LabAnalytics(store, paths);
});
afterAll(() => {
  analytics?.close();
  store?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('What if: a refused request is refused, not "not available"', () => {
  it('a knockout the run has none of: the lab\'s words, as invalid-payload', async () => {
    // the demo model's gates are none the analytics can force (the CLI refuses it the same way)
    await expect(analytics.knockoutRows(run, { gate: 'router', mode: 'uniform', rows: [0] }))
      .rejects.toMatchObject({ code: 'invalid-payload', message: expect.stringMatching(new RegExp(`^run ${run} has no gate to knock out`)) });
  });

  it('a run without a checkpoint stays not-available: nothing the request could change', async () => {
    const fresh = String(store.runs.create({ config: store.runs.get(Number(run))!.config, seed: 2 }));
    await expect(analytics.knockoutRows(fresh, { gate: 'router', mode: 'uniform', rows: [0] })).rejects.toMatchObject({ code: 'not-available', message: expect.stringMatching(/has no checkpoint yet/) });
  });
});
