// Test helper (test-only): a temp lab home that starts with only the demo datasets a test uses.
// A new home generates and imports all three demos (~146k rows, seconds of CPU) on its first start; a
// test about the user's own files, about refusals or about one family does not need the others. The
// home is then what a user has after deleting the other demos: the lab records the demos as installed
// and does not make them again.
import { mkdtempSync, writeFileSync } from 'node:fs';
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

/**
 * A new home holding the first `rows` rows of one family's demo (its columns, roles and family), imported as
 * the user's own file is and named '<demo name>, first N rows'; no demo is installed. For a test whose work
 * grows with the rows (evaluations, bootstrap intervals, the gate report) and that needs the demo's
 * structure (the fusion demo's three modalities, say), not its 20,000 rows.
 */
export async function labHomeWithDemoRows(family: DatasetFamily, rows: number, prefix = 'gatelab-test-'): Promise<string> {
  const demo = DEMO_DATASETS.find((d) => d.family === family)!;
  const home = mkdtempSync(join(tmpdir(), prefix));
  const lab = await openLabDatasets(labPaths(home), { demos: false });
  try {
    await ensureDemoDatasets(lab.registry, []); // recorded as installed: the lab does not generate the demos on open
    const file = join(home, demo.fileName.replace(/\.csv$/, `-first-${rows}.csv`));
    writeFileSync(file, demo.csv().split('\n').slice(0, rows + 1).join('\n') + '\n');
    await lab.registry.importDataset(file, { name: `${demo.name}, first ${rows.toLocaleString('en-US')} rows`, family: demo.family, roles: demo.roles, format: 'csv' });
  } finally {
    lab.close();
  }
  return home;
}
