// A dataset imported before the importer read thousands grouped by spaces, accounting negatives and time
// words of other languages records rules without them (ParseRules). Changing an unrelated column's type
// parses its file again under those recorded rules: the change is made, and every other column keeps the
// type and values it was imported with (not refused as if the file now read differently).
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
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-later-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const BEFORE = parseRulesWith((r) => r !== 'otherThousands' && r !== 'accountingNegatives' && r !== 'foreignTimeNames');
/** Space-grouped amounts, an epoch column named in German, amounts with accounting negatives, and a count. */
const CSV = ['montant;Datum;solde;n', ...Array.from({ length: 30 }, (_, i) =>
  `${10 + i} ${String(100 + i * 7).padStart(3, '0')},${String(i % 100).padStart(2, '0')};${1500000000 + i * 3600};${i % 3 ? `${i},50` : `(${i})`};${i}`)].join('\n');

/** The dataset as the importer before these rules left it: its cache, and a record naming the rules it had. */
async function importedUnder(rules: ParseRules): Promise<number> {
  const file = join(home, 'm.csv');
  writeFileSync(file, CSV);
  const { dataset } = await lab.registry.importDataset(file, {});
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, { parseRules: rules } as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: { parseRules: rules } },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  return dataset.id;
}

const types = (id: number) => Object.fromEntries(lab.registry.get(id)!.columns.map((c) => [c.name, c.typeOverride ?? c.inferredType]));

describe('a dataset recorded without the space/apostrophe, parentheses and foreign time-name rules', () => {
  it('a new import reads them (the rules are recorded on)', async () => {
    const file = join(home, 'new.csv');
    writeFileSync(file, CSV);
    const { dataset } = await lab.registry.importDataset(file, {});
    const rules = dataset.importOptions.parseRules as ParseRules;
    expect([rules.otherThousands, rules.accountingNegatives, rules.foreignTimeNames]).toEqual([true, true, true]);
    expect(types(dataset.id)).toMatchObject({ montant: 'float', Datum: 'datetime', solde: 'float' });
  });

  it('changes an unrelated column type and keeps its other columns as imported', async () => {
    const id = await importedUnder(BEFORE);
    const before = types(id);
    expect(before).toMatchObject({ montant: 'categorical', Datum: 'int', solde: 'categorical' });
    const cache = lab.registry.get(id)!.cachePath;
    const datum = Array.from(openDatasetCache(cache).column('Datum').values);
    await retypeDataset(lab.registry, id, { n: 'float' });
    expect(types(id)).toEqual({ ...before, n: 'float' });
    expect(Array.from(openDatasetCache(lab.registry.get(id)!.cachePath).column('Datum').values)).toEqual(datum);
    // the record still says the rules it was read under
    expect((lab.registry.get(id)!.importOptions.parseRules as ParseRules).otherThousands).toBe(false);
  });

  it('a column the user now types float reads the new rules: its space-grouped amounts are numbers', async () => {
    const id = await importedUnder(BEFORE);
    await retypeDataset(lab.registry, id, { montant: 'float' });
    const values = Array.from(openDatasetCache(lab.registry.get(id)!.cachePath).column('montant').values.slice(0, 2));
    expect(values).toEqual([10100, 11107.01].map(Math.fround));
  });
});
