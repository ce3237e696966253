// A type change is stored only when the new parse gives the column that type. An importer that does not
// apply a type (as the .npy importer once ignored them all) must not leave the schema saying 'float (set)'
// over a cache that still holds the old column: refused, naming the column, and nothing is recorded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { retypeDataset } from './retype';

/** When set, the importer drops the types it is given, as a format reader that ignores them would. */
const ignoreTypes = vi.hoisted(() => ({ on: false }));
vi.mock('../import/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../import/index')>();
  return {
    ...real,
    importFile: (source: string, out: string, options: Record<string, unknown> = {}, hooks?: unknown) =>
      real.importFile(source, out, ignoreTypes.on ? { ...options, columnTypes: undefined } : options, hooks as never),
  };
});

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-honoured-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  ignoreTypes.on = false;
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

describe('retypeDataset checks the parse honoured the type', () => {
  it('refuses a type the parse did not apply, naming the column, and stores nothing', async () => {
    const file = join(home, 'counts.csv');
    writeFileSync(file, 'count,y\n3,1.5\n4,2.5\n5,3.5\n');
    const { dataset } = await lab.registry.importDataset(file, {});
    expect(dataset.columns[0]).toMatchObject({ name: 'count', type: 'int', typeOverride: null });
    ignoreTypes.on = true;
    await expect(retypeDataset(lab.registry, dataset.id, { count: 'float' })).rejects.toThrow(
      "column 'count' cannot be float: parsing counts.csv again with that type reads it as int (it is int). Nothing was changed. Choose another type, or import the file again with the type it should have");
    const after = lab.registry.get(dataset.id)!;
    expect(after.columns).toEqual(dataset.columns);
    expect(after.importOptions).toEqual(dataset.importOptions);
    expect(readdirSync(dirname(after.cachePath)).filter((n) => n.startsWith('cache.'))).toEqual([]);

    ignoreTypes.on = false; // the same change through an importer that applies it
    const done = await retypeDataset(lab.registry, dataset.id, { count: 'float' });
    expect(done.dataset.columns[0]).toMatchObject({ type: 'float', typeOverride: 'float' });
  });
});
