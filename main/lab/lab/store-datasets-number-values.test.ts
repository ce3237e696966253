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

/** `text` imported as `file` into a fresh lab, and the dataset detail the app receives (through its schema). */
async function importedDetail(file: string, text: string): Promise<DatasetDetail> {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-number-values-'));
  homes.push(home);
  writeFileSync(join(home, file), text);
  const setup = await openLabDatasets(labPaths(home), { demos: false });
  const id = (await setup.registry.importDataset(join(home, file))).dataset.id;
  setup.close();
  const { datasets } = await openLabStore(labPaths(home));
  try {
    return DatasetDetail.parse(await datasets.get(String(id)));
  } finally { datasets.close(); }
}

describe('a number column in the dataset detail', () => {
  it('carries its distinct count and fractions; other columns carry none', async () => {
    const detail = await importedDetail('logs.csv', 'status,method,latency\n' + Array.from({ length: 60 }, (_, i) => `${[200, 404, 500][i % 3]},${['GET', 'POST'][i % 2]},${(i * 0.37).toFixed(2)}`).join('\n') + '\n');
    const of = (name: string) => detail.columnInfo.find((c) => c.name === name)!;
    expect(of('status').numberValues).toEqual({ distinct: 3, fractions: false });
    expect(of('latency').numberValues).toEqual({ distinct: 60, fractions: true });
    expect(of('method').numberValues).toBeUndefined();
  });

  it("a datetime column carries its distinct times (the schema table's Distinct, no longer '—')", async () => {
    // 30 rows over 10 distinct hours: each hour written three times (three shops)
    const detail = await importedDetail('visits.csv', 'time,shop,visits\n' + Array.from({ length: 30 }, (_, i) => `2024-03-01 ${String(Math.floor(i / 3)).padStart(2, '0')}:00,${'abc'[i % 3]},${i}`).join('\n') + '\n');
    const time = detail.columnInfo.find((c) => c.name === 'time')!;
    expect(time.type).toBe('datetime');
    expect(time.numberValues?.distinct).toBe(10);
  });
});
