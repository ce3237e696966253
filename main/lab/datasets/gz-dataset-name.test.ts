// A gzipped file is named as its contents would be: 'eu.csv.gz' becomes the dataset 'eu', as 'eu.csv'
// does, not 'eu.csv.gz' (the names a user types in `gatelab train --dataset eu` should not depend on
// whether the file was compressed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { defaultName } from './registry';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-gz-name-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the name of a dataset from a gzipped file', () => {
  it("'eu.csv.gz' is imported as 'eu'; its rows are the file's", async () => {
    const file = join(home, 'eu.csv.gz');
    writeFileSync(file, gzipSync(`x;y\n${Array.from({ length: 20 }, (_, i) => `${i},5;${i % 2}`).join('\n')}\n`));
    const d = await lab.registry.importDataset(file);
    expect(d.dataset.name).toBe('eu');
    expect(d.dataset.rows).toBe(20);
  });

  it('strips .gz and a known inner extension, keeps an unknown one', () => {
    expect(['eu.csv.gz', '/data/ETTh1.CSV.GZ', 'reviews.jsonl.gz', 'u.data.gz', 'notes.gz', '.gz', 'eu.csv', 'u.data'].map(defaultName))
      .toEqual(['eu', 'ETTh1', 'reviews', 'u.data', 'notes', '.gz', 'eu', 'u.data']);
  });
});
