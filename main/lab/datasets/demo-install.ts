// Installs the demo datasets on first start: generate each CSV into a scratch folder, import it
// through the ordinary registry path (so demos are ordinary datasets), then record that it was done.
// A user who deletes a demo dataset does not get it back on the next start.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATASETS, type DemoDataset } from './demo-data';
import type { DatasetRegistry, Dataset } from './registry';

/** Bump when the generators change: labs that had the older demos get the new ones added. */
export const DEMO_VERSION = 1;
const SETTING = 'demo.installedVersion';

/** `onInstall`: called once before the demos are generated (seconds of work), never when there is nothing to install. */
export async function ensureDemoDatasets(registry: DatasetRegistry, demos: DemoDataset[] = DEMO_DATASETS, onInstall?: () => void): Promise<Dataset[]> {
  const { store, paths } = registry;
  if (store.readOnly || store.settings.get(SETTING, 0) >= DEMO_VERSION) return [];
  if (demos.length) onInstall?.();
  mkdirSync(join(paths.home, 'tmp'), { recursive: true });
  const scratch = mkdtempSync(join(paths.home, 'tmp', 'demo-'));
  const installed: Dataset[] = [];
  try {
    for (const demo of demos) {
      const file = join(scratch, demo.fileName);
      writeFileSync(file, demo.csv());
      const { dataset } = await registry.importDataset(file, {
        // a default, not a choice: a user's own dataset of that name keeps it, the demo becomes 'name (2)'
        defaultName: demo.name,
        family: demo.family,
        description: demo.description,
        isDemo: true,
        roles: demo.roles,
        format: 'csv',
      });
      installed.push(dataset);
      rmSync(file, { force: true });
    }
    store.settings.set(SETTING, DEMO_VERSION);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return installed;
}
