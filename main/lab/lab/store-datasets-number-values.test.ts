// The Models form and New split read a number target with the trainer's rule from the importer's count of its
// values (stats.numbers): the dataset detail the app receives must carry it as `numberValues` (the protocol
// validates every field, so a count dropped on the way would leave the app guessing from the histogram).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { DatasetDetail } from '../../../common/lab-api';
import { openLabDatasets } from '../datasets/index';
import { openLabStore } from './store-datasets';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

describe('a number column in the dataset detail', () => {
  it('carries its distinct count and fractions; other columns carry none', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-number-values-'));
    homes.push(home);
    const file = join(home, 'logs.csv');
    writeFileSync(file, 'status,method,latency\n' + Array.from({ length: 60 }, (_, i) => `${[200, 404, 500][i % 3]},${['GET', 'POST'][i % 2]},${(i * 0.37).toFixed(2)}`).join('\n') + '\n');
    const setup = await openLabDatasets(labPaths(home), { demos: false });
    const id = (await setup.registry.importDataset(file)).dataset.id;
    setup.close();
    const { datasets } = await openLabStore(labPaths(home));
    try {
      const detail = DatasetDetail.parse(await datasets.get(String(id)));
      const of = (name: string) => detail.columnInfo.find((c) => c.name === name)!;
      expect(of('status').numberValues).toEqual({ distinct: 3, fractions: false });
      expect(of('latency').numberValues).toEqual({ distinct: 60, fractions: true });
      expect(of('method').numberValues).toBeUndefined();
    } finally { datasets.close(); }
  });
});
