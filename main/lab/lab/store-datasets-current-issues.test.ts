// The app's Validation tab reads the dataset's issues as they stand under its roles (datasets/current-issues.ts):
// a long-format file's repeated-times warning, and the tab's badge with it, goes once the user gives the
// column that tells the series apart the role series-id in the Schema tab.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from './store-datasets';

const home = mkdtempSync(join(tmpdir(), 'gatelab-store-current-issues-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the Validation tab after a role change', () => {
  it('shows the repeated times as information once a column is series-id, and as a warning again when set back', async () => {
    const file = join(home, 'sales.csv');
    writeFileSync(file, ['week,store,sales', ...['2021-01-04', '2021-01-11', '2021-01-18', '2021-01-25'].flatMap((w, i) => [`${w},a,${10 + i}`, `${w},b,${20 + i}`])].join('\n') + '\n');
    const { datasets, lab } = await openLabStore(labPaths(home));
    try {
      const { dataset } = await lab.registry.importDataset(file, {});
      const id = String(dataset.id);
      type Issue = { severity: string; kind: string; message: string };
      // the detail's issue list, read through the fields this test needs
      const issuesOf = (d: unknown) => (d as { issues: Issue[] }).issues;
      const warnings = (d: unknown) => issuesOf(d).filter((i) => i.severity !== 'info').map((i) => i.kind);
      expect(warnings(datasets.get(id))).toEqual(['duplicate_time']);
      expect(warnings(datasets.setRoles(id, { store: 'series-id' }))).toEqual([]);
      expect(issuesOf(datasets.get(id)).find((i) => i.kind === 'duplicate_time')!.message).toContain("Expected in long format: column 'store' has the role series-id");
      expect(warnings(datasets.setRoles(id, { store: 'feature' }))).toEqual(['duplicate_time']);
    } finally {
      lab.close();
    }
  });
});
