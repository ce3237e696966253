// Test helper (test-only): a temp lab home that starts with only the demo datasets a test uses.
// A new home generates and imports all three demos (~146k rows, seconds of CPU) on its first start; a
// test about the user's own files, about refusals or about one family does not need the others. The
// home is then what a user has after deleting the other demos: the lab records the demos as installed
// and does not make them again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { ensureDemoDatasets } from '../datasets/demo-install';
import { DEMO_DATASETS } from '../datasets/demo-data';
import type { DatasetFamily } from '../../../common/data/roles';

/** A new home holding the demos of `families` (none by default), installed as a first start installs them. */
export async function labHomeWithDemos(families: DatasetFamily[] = [], prefix = 'gatelab-test-'): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    await ensureDemoDatasets(lab.registry, DEMO_DATASETS.filter((d) => families.includes(d.family)));
  } finally {
    lab.close();
  }
  return home;
}
