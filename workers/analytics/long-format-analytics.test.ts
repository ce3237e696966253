// Analytics of a long-format run whose trainer left a constant series out: its model has as many channels as
// the file has value columns (one), so the model's channel count cannot tell that it was pivoted. The lab
// hands the analytics what the trainer did (the dataset payload's `pivoted`), and every reader of the rows
// goes by it: the knockouts' data and the gate report's test rows and hours are the pivot's times (400), not
// the file's interleaved rows (800). Before, the report's rows were read unpivoted: each sample was matched
// to a file row of another time, and its hour of day was half of what it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labWithTrainedRun, type TrainedRunLab } from '../../main/lab/testing/trained-run';
import { runTarget } from '../../main/lab/analytics/run-target';
import { datasetResolver } from '../../main/lab/runs/dataset-runs';
import type { AnalyticsJob, FromAnalytics, KnockoutTable } from '../../common/analytics';
import { loadRun, runJob } from './job';

const HOURS = 400, LOOKBACK = 24, HORIZON = 8;
let trained: TrainedRunLab;
let job: AnalyticsJob;

beforeAll(async () => {
  const rows = ['date,store,sales'];
  for (let h = 0; h < HOURS; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    rows.push(`${date},a,${(10 + 2 * Math.sin((2 * Math.PI * h) / 24)).toFixed(3)}`, `${date},b,0`); // b: a store that was closed
  }
  trained = await labWithTrainedRun({
    prefix: 'gatelab-long-analytics-', fileName: 'closed.csv', contents: rows.join('\n') + '\n',
    config: (datasetId) => ({
      model: { template: 'moe-forecaster', lookback: LOOKBACK, horizon: HORIZON, expertHidden: [8], router: { experts: 2 } } as never,
      data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 32,
    }),
  });
  const { lab, manager, runId } = trained;
  const target = runTarget(lab.store, manager.files, runId, datasetResolver(lab.registry));
  job = { kind: 'knockout', spec: target.spec, checkpoint: target.checkpoint, resamples: 20 };
}, 180_000);

afterAll(() => trained?.close());

// the default chronological 70/10/20 split over the 400 times: test times 320..399; windows whose targets
// start at 320..392, each read at its last lookback time t − 1
const testTimes = Array.from({ length: HOURS - 320 - HORIZON + 1 }, (_, i) => 319 + i);

describe('analytics of a pivoted long-format run with a constant series left out', () => {
  it('the run was pivoted, though its model has one channel (the case the channel count gets wrong)', () => {
    const run = trained.lab.store.runs.get(trained.runId)!;
    expect(run.dataSummary?.line).toMatch(/1 channel: a; left out: b \(constant\).*long format: 2 series by 'store' pivoted into 2 channels/);
    expect(run.dataSummary?.pivoted).toBe(true);
    expect((job.spec.dataset as { pivoted?: boolean }).pivoted).toBe(true);
  });

  it('knockouts read the pivoted rows: one test window per time, scored on series a alone', async () => {
    const run = await loadRun(job);
    expect(run.data.channels).toEqual(['a']);
    expect(run.data.describe).toMatch(/long format: 2 series by 'store' pivoted/);
    expect(run.data.test.rows).toBe(testTimes.length);
    const sent: FromAnalytics[] = [];
    const table = await runJob({ ...job, only: { gate: 'router', mode: 'uniform' } }, (m) => sent.push(m), () => false) as KnockoutTable;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ gate: 'router', mode: 'uniform' });
    expect(Number.isFinite(table.rows[0].value)).toBe(true);
  }, 60_000);

  it('the gate report\'s test samples are the pivot\'s times, with their own hour of day', async () => {
    const ctx = (await loadRun(job)).context!();
    expect(Array.from(ctx.testRows)).toEqual(testTimes);
    expect(Array.from(ctx.hours!)).toEqual(testTimes.map((t) => t % 24));
  }, 60_000);
});
