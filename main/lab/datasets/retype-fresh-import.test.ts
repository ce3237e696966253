// A fresh import records how it was read in full (its reading rules and `retypedColumns: []`), so a type
// change or a cache repair parses the file once: no probe parse to find out how the dataset was read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../import/index', async (original) => {
  const m = await original<typeof import('../import/index')>();
  return { ...m, importFile: (...args: Parameters<typeof m.importFile>) => { parses.count++; return m.importFile(...args); } };
});

const { labPaths } = await import('../home');
const { openLabDatasets } = await import('./index');
const { retypeDataset } = await import('./retype');

let home: string;
let lab: Awaited<ReturnType<typeof openLabDatasets>>;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-fresh-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const CSV = 'when,code,load\n2024-01-01 1:05 PM,7,1.5\n2024-01-02 2:10 PM,8,2.5\n2024-01-03 3:15 PM,9,3.5\n';

describe('a freshly imported dataset', () => {
  for (const types of [{}, { code: 'float' }] as Record<string, 'float'>[]) {
    it(`records retypedColumns: [] and changes a type with one parse${Object.keys(types).length ? ' (a type given at import)' : ''}`, async () => {
      const file = join(home, 'loads.csv');
      writeFileSync(file, CSV);
      const { dataset } = await lab.registry.importDataset(file, { columnTypes: types });
      expect(dataset.importOptions.retypedColumns).toEqual([]);
      parses.count = 0;
      await retypeDataset(lab.registry, dataset.id, { load: 'int' }, { onInvalid: 'impute' });
      expect(parses.count).toBe(1);
    });
  }

  it('rebuilds a damaged cache with one parse, the record unchanged', async () => {
    const file = join(home, 'loads.csv');
    writeFileSync(file, CSV);
    const { dataset } = await lab.registry.importDataset(file, { columnTypes: { code: 'float' } });
    rmSync(join(dataset.cachePath, 'c0001.bin'));
    parses.count = 0;
    const again = await lab.registry.importDataset(file);
    expect(again.repaired).toMatch(/was damaged/);
    expect(parses.count).toBe(1);
    expect(lab.registry.get(dataset.id)!.importOptions).toEqual(dataset.importOptions);
  });
});
