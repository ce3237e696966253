// The leakage check reads a column's codes or numbers, never a dictionary (a text column's dictionary on a
// million rows is most of the cost of opening it): shown by a cache whose dictionaries are gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { cachedValues } from './leak-cache';

let home: string;
let lab: LabDatasets;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-leak-cache-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

describe('cachedValues', () => {
  it('reads codes and numbers without the dictionaries, and knows each column\'s type', async () => {
    const file = join(home, 'pets.csv');
    writeFileSync(file, 'kind,weight\ncat,4.5\ndog,\ncat,3.25\n');
    const { dataset } = await lab.registry.importDataset(file);
    for (const f of readdirSync(dataset.cachePath)) if (f.endsWith('.dict.json')) rmSync(join(dataset.cachePath, f));
    const cache = cachedValues(dataset.cachePath);
    expect(cache.rows).toBe(3);
    expect(cache.info('kind')?.type).toBe('categorical');
    expect([...cache.values('kind')]).toEqual([0, 1, 0]);
    expect([...cache.values('weight')]).toEqual([4.5, NaN, 3.25]);
    expect(cache.info('nope')).toBeUndefined();
  });
});
