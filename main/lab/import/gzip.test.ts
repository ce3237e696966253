// A gzip file through the lab: imported in the worker like the CSV it holds, and keyed by the bytes the
// user gave (the .gz), so the same .gz twice is one dataset.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
const home = mkdtempSync(join(tmpdir(), 'gatelab-gzip-lab-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('a .csv.gz in the lab', () => {
  it('imports ETTh1.csv.gz like ETTh1.csv, under the hash of the .gz bytes', async () => {
    const gz = join(home, 'ETTh1.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(ETTH1)));
    const lab = await openLabDatasets(labPaths(join(home, 'lab')), { demos: false });
    try {
      const { dataset, created } = await lab.registry.importDataset(gz);
      expect(created).toBe(true);
      expect(dataset.sourceHash).toBe(createHash('sha256').update(readFileSync(gz)).digest('hex'));
      expect(dataset).toMatchObject({ rows: 17_420, format: 'csv', hasHeader: true });
      expect(dataset.columns.map((c) => c.name)).toEqual(['date', 'HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT']);
      expect(dataset.columns[0]).toMatchObject({ type: 'datetime', role: 'time' });
      expect((await lab.registry.importDataset(gz)).created).toBe(false);
    } finally {
      lab.close();
    }
  });
});
