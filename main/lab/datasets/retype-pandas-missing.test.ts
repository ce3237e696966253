// A category column's 'n/a' (LendingClub's emp_length) is missing in a new import, as in pandas; a dataset
// imported before that rule (recorded without pandasMissingCells) keeps it as a category when a type change
// parses the file again, so its runs, roles and splits still find the values they were made with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { importFile, openDatasetCache } from '../import/index';
import { parseRulesWith } from '../../../common/dataset-cache';
import { retypeDataset } from './retype';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-pandas-missing-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const LENGTHS = ['10+ years', 'n/a', '< 1 year', '3 years', '1 year'];
const CSV = ['loan_amnt,emp_length', ...Array.from({ length: 20 }, (_, i) => `${1000 + 50 * i},${LENGTHS[i % LENGTHS.length]}`)].join('\n') + '\n';

async function imported(): Promise<number> {
  const file = join(home, 'loans.csv');
  writeFileSync(file, CSV);
  return (await lab.registry.importDataset(file, {})).dataset.id;
}

const lengths = (id: number) => {
  const c = openDatasetCache(lab.registry.get(id)!.cachePath).column('emp_length');
  return Array.from(c.values, (v) => (v < 0 ? null : c.dictionary![v]));
};

describe("pandas' missing cells in a lab dataset", () => {
  it("a new import records the rule and reads 'n/a' as missing, with the note in its report", async () => {
    const id = await imported();
    const ds = lab.registry.get(id)!;
    expect((ds.importOptions as { parseRules?: Record<string, boolean> }).parseRules?.pandasMissingCells).toBe(true);
    expect(lengths(id).slice(0, 5)).toEqual(['10+ years', null, '< 1 year', '3 years', '1 year']);
    expect(openDatasetCache(ds.cachePath).meta.validation.issues.find((i) => i.column === 'emp_length' && i.message.includes('na_values'))?.message)
      .toMatch(/^column 'emp_length': 4 cells 'n\/a' read as missing, as pandas' read_csv does/);
  });

  it("a dataset imported before the rule keeps 'n/a' as a category when another column's type changes", async () => {
    const id = await imported();
    const ds = lab.registry.get(id)!;
    const options = { parseRules: parseRulesWith((r) => r !== 'pandasMissingCells'), retypedColumns: [] };
    const old = await importFile(join(home, ds.sourcePath), ds.cachePath, options as never);
    lab.store.datasets.replaceParse(id, { rows: old.rows, validation: old.validation, importOptions: options as never },
      old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
    expect(lengths(id).slice(0, 5)).toEqual(LENGTHS);
    const outcome = await retypeDataset(lab.registry, id, { loan_amnt: 'float' });
    expect(outcome.changed).toEqual([{ column: 'loan_amnt', from: 'int', to: 'float' }]);
    expect(lengths(id).slice(0, 5)).toEqual(LENGTHS);
    expect(lab.registry.get(id)!.columns.find((c) => c.name === 'emp_length')!.stats.missing).toBe(0);
  });
});
