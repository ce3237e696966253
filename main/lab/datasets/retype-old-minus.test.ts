// A dataset imported before the Unicode minus was read, with a column the user typed float at import and a
// record older than the list of columns read under every rule (retypedColumns). Its '−1.50' cells were bad
// values then (imputed). Changing another column's type must read that column as it was imported: the list
// matters for this rule too (retyped-list-rules.ts), so the change finds it rather than assuming one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { importFile, openDatasetCache } from '../import/index';
import { parseRulesWith, type ParseRules } from '../../../common/dataset-cache';
import { retypeDataset } from './retype';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-minus-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const BEFORE = parseRulesWith((r) => r !== 'unicodeMinus');
/** Balances, every fifth negative with the Unicode minus (a Nordic export), and a count. */
const CSV = ['balance,n', ...Array.from({ length: 30 }, (_, i) => `${i % 5 === 0 ? '\u2212' : ''}${i + 1}.50,${i}`)].join('\n');

/** The dataset as the importer before the rule left it, balance typed float at import: a record without retypedColumns. */
async function importedUnder(rules: ParseRules): Promise<number> {
  const file = join(home, 'b.csv');
  writeFileSync(file, CSV);
  const { dataset } = await lab.registry.importDataset(file, {});
  const options = { parseRules: rules, columnTypes: { balance: 'float' }, onInvalid: 'impute' } as const;
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, options as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: options as never },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  return dataset.id;
}

const balances = (id: number) => Array.from(openDatasetCache(lab.registry.get(id)!.cachePath).column('balance').values);

describe('a dataset recorded without the Unicode minus and without the retyped list', () => {
  it('changes another column and keeps the typed column as imported (its − cells imputed, not read)', async () => {
    const id = await importedUnder(BEFORE);
    const before = balances(id);
    expect(before[0]).not.toBe(Math.fround(-1.5)); // imputed at its import
    expect(before[1]).toBe(Math.fround(2.5));
    const outcome = await retypeDataset(lab.registry, id, { n: 'float' });
    expect(outcome.changed).toEqual([{ column: 'n', from: 'int', to: 'float' }]);
    expect(balances(id)).toEqual(before);
    // the list found is recorded: the typed column was read under the recorded rules
    expect(lab.registry.get(id)!.importOptions.retypedColumns).toEqual(['n']);
  });
});
