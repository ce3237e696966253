// What the data checks say but do not refuse (too few forecasting windows to train or select a model on)
// comes back with the queued group, once however many points share the data, so the app can show it beside
// Start; a dataset with enough windows queues with no warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunFiles } from './run-files';
import { RunIntake } from './run-intake';

let home: string, lab: LabDatasets, intake: RunIntake;
const queued: number[] = [];

const hourly = (count: number) =>
  Array.from({ length: count }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)}`);

async function dataset(name: string, rows: number): Promise<number> {
  writeFileSync(join(home, `${name}.csv`), ['time,load', ...hourly(rows)].join('\n'));
  return (await lab.registry.importDataset(join(home, `${name}.csv`))).dataset.id;
}
const config = (datasetId: number) =>
  ({ model: { template: 'dlinear', lookback: 24, horizon: 4 }, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16 }) as never;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-run-intake-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  intake = new RunIntake(lab.store, new RunFiles(paths.checkpoints, paths.home), (id) => queued.push(id));
});

afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('RunIntake.createExperiment: the data checks\' warnings', () => {
  it('returns the few-windows warning once for a group of 3 seeds, and queues the runs', async () => {
    // 300 hourly rows: 30 in validation, 27 windows of horizon 4 (their lookback reaches back into training; 30 or more is the sound minimum)
    const short = await dataset('short', 300);
    const started = intake.createExperiment({ config: config(short), seeds: 3 });
    expect(started.runIds).toHaveLength(3);
    expect(queued).toEqual(started.runIds);
    expect(started.warnings).toHaveLength(1);
    expect(started.warnings[0]).toMatch(/^warning: only 27 validation windows \(early stopping and the best checkpoint rest on them; 30 or more is a sound minimum\)/);
    expect(lab.store.runs.list().map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
  });

  it('returns no warning when the split has windows enough', async () => {
    const long = await dataset('long', 6000);
    expect(intake.createExperiment({ config: config(long), seeds: 1 }).warnings).toEqual([]);
  });
});
