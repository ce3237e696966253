// Test helper (test-only): a temp lab home with one file of the test's own imported and one run trained on
// it by the run manager (real trainer process), for a test file whose tests only read that run (its split,
// export, Try it, pipeline). Training is the expensive part, so a file opens this once in `beforeAll` and
// closes it in `afterAll`; the tests share the run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths, type LabPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import type { DatasetRegistry } from '../datasets/registry';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';

type ImportOptions = NonNullable<Parameters<DatasetRegistry['importDataset']>[1]>;
type ColumnChanges = Parameters<DatasetRegistry['setColumns']>[1];
type RunConfig = Parameters<RunManager['create']>[0];

export interface TrainedRunSpec {
  /** The temp folder's name prefix, e.g. 'gatelab-long-export-' (a left-over folder says which test made it). */
  prefix: string;
  /** The file written into the home and imported, e.g. 'long.csv'. */
  fileName: string;
  contents: string;
  /** Import options (roles, say); none: the lab's inference, as for a user's first import. */
  importOptions?: ImportOptions;
  /** Column changes after the import, as the Datasets view makes them (a target chosen, say). */
  columns?: ColumnChanges;
  /** The run's config, given the imported dataset's id. */
  config: (datasetId: number) => RunConfig;
}

export interface TrainedRunLab {
  home: string;
  paths: LabPaths;
  lab: LabDatasets;
  manager: RunManager;
  datasetId: number;
  runId: number;
  /** Stops the manager (no trainer left behind), closes the store and removes the home. */
  close(): Promise<void>;
}

/**
 * The home, its dataset and its completed run. A run that did not complete throws with its status and error
 * (the home is removed): every test of the file reads this run, so none of them can say more than that.
 */
export async function labWithTrainedRun(spec: TrainedRunSpec): Promise<TrainedRunLab> {
  const home = mkdtempSync(join(tmpdir(), spec.prefix));
  const paths = labPaths(home);
  const lab = await openLabDatasets(paths, { demos: false });
  const manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  const close = async () => {
    await manager.close();
    lab.close();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const file = join(home, spec.fileName);
    writeFileSync(file, spec.contents);
    const { dataset } = await lab.registry.importDataset(file, spec.importOptions ?? {});
    if (spec.columns) lab.registry.setColumns(dataset.id, spec.columns);
    const runId = manager.create(spec.config(dataset.id));
    const run = await manager.waitFor(runId);
    if (run.status !== 'completed') throw new Error(`the run on ${spec.fileName} ended ${run.status}, not completed: ${run.error ?? '(no error recorded)'}`);
    return { home, paths, lab, manager, datasetId: dataset.id, runId, close };
  } catch (e) {
    await close();
    throw e;
  }
}
