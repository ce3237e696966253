// The lab's datasets, opened: the store (migrated, checked), the registry (leftovers of killed
// imports swept) and, on first start, the demo datasets. What the Lab facade and the CLI call.
// A new or empty database in a home that holds an earlier one's folders sweeps nothing that start: what
// those folders are is judged by a database that knows none of them. The user is warned, naming them.
// The sweep is tidying: when it fails (a damaged row it reads, a folder it cannot remove) the lab still
// opens, with one warning saying what failed; what it had not checked yet stays as it is.
import { openLabStore, type LabStore } from '../store/index';
import type { LabPaths } from '../home';
import { DatasetRegistry } from './registry';
import { ensureDemoDatasets } from './demo-install';
import { earlierDataInHome, warnAboutEarlierData } from '../runs/stale-home';

export interface LabDatasets {
  store: LabStore;
  registry: DatasetRegistry;
  /** Set when the database is open read-only after failing its check: show it to the user. */
  notice?: string;
  close(): void;
}

/** `onDemoInstall`: called when a new lab is about to install its demos (the CLI says so: cli-datasets.ts). */
export async function openLabDatasets(paths: LabPaths, options: { demos?: boolean; onDemoInstall?: () => void } = {}): Promise<LabDatasets> {
  const store = openLabStore(paths.database);
  const registry = new DatasetRegistry(store, paths);
  try {
    // judged before the demos go in: they are not the user's data (a read-only store sweeps nothing anyway)
    if (!store.readOnly && !earlierDataInHome(store, paths)) sweepOrWarn(registry, paths);
    if (options.demos ?? true) await ensureDemoDatasets(registry, undefined, options.onDemoInstall);
    warnAboutEarlierData(store, paths);
  } catch (e) {
    store.close();
    throw e;
  }
  return { store, registry, notice: store.notice, close: () => store.close() };
}

const sweepWarnedHomes = new Set<string>();

/** The start-up sweep; a failure is said once per home and process (every face opens the datasets, some more than once). */
function sweepOrWarn(registry: DatasetRegistry, paths: LabPaths): void {
  try {
    registry.sweep();
  } catch (e) {
    if (sweepWarnedHomes.has(paths.home)) return;
    sweepWarnedHomes.add(paths.home);
    console.warn(`GateLab could not finish tidying the lab home ${paths.home} at start-up (leftovers of interrupted imports and retypes, copies kept for deleted runs): ${e instanceof Error ? e.message : String(e)}. `
      + 'Nothing was deleted because of this (what it had not checked yet is left as it is); the lab opens as usual and tries again at its next start.');
  }
}

export { DatasetRegistry, RoleError, type Dataset, type ImportDatasetOptions, type ImportOutcome } from './registry';
export { createSplit, createPipeline, trainingData, columnsOf, type StoredSplit, type TrainingData } from './splits';
export { ensureDemoDatasets, DEMO_VERSION } from './demo-install';
export { DEMO_DATASETS, type DemoDataset } from './demo-data';
