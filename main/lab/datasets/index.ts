// The lab's datasets, opened: the store (migrated, checked), the registry (leftovers of killed
// imports swept) and, on first start, the demo datasets. What the Lab facade and the CLI call.
import { openLabStore, type LabStore } from '../store/index';
import type { LabPaths } from '../home';
import { DatasetRegistry } from './registry';
import { ensureDemoDatasets } from './demo-install';

export interface LabDatasets {
  store: LabStore;
  registry: DatasetRegistry;
  /** Set when the database is open read-only after failing its check: show it to the user. */
  notice?: string;
  close(): void;
}

export async function openLabDatasets(paths: LabPaths, options: { demos?: boolean } = {}): Promise<LabDatasets> {
  const store = openLabStore(paths.database);
  const registry = new DatasetRegistry(store, paths);
  try {
    registry.sweep();
    if (options.demos ?? true) await ensureDemoDatasets(registry);
  } catch (e) {
    store.close();
    throw e;
  }
  return { store, registry, notice: store.notice, close: () => store.close() };
}

export { DatasetRegistry, RoleError, type Dataset, type ImportDatasetOptions, type ImportOutcome } from './registry';
export { createSplit, createPipeline, trainingData, columnsOf, type StoredSplit, type TrainingData } from './splits';
export { ensureDemoDatasets, DEMO_VERSION } from './demo-install';
export { DEMO_DATASETS, type DemoDataset } from './demo-data';
