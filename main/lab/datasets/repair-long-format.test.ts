// The paths that write a dataset's cache again keep its long-format reading (the import report's
// longFormat) in meta.json and in the lab's record alike: a type change parses the file again, and a
// damaged cache rebuilt from the same file teaches a record from before the reading existed what the
// rebuilt cache says, so the app and the lab's runs count the same times.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { retypeDataset } from './retype';
import type { DatasetCacheMeta, ValidationReport } from '../../../common/dataset-cache';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-repair-long-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const READING = [{ time: 'day', series: 'shop', times: 30 }];
/** 3 shops daily over 30 days: `day,shop,units,sales`. */
function shopsFile(): string {
  const file = join(home, 'shops.csv');
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
  const rows = Array.from({ length: 30 }, (_, d) => ['s1', 's2', 's3'].map((s, k) => `${day(d)},${s},${d + k},${(d * 1.5 + k).toFixed(1)}`)).flat();
  writeFileSync(file, `day,shop,units,sales\n${rows.join('\n')}\n`);
  return file;
}
const recorded = (id: number) => (lab.registry.get(id)!.validation as ValidationReport).longFormat;
const inMeta = (cachePath: string) => (JSON.parse(readFileSync(join(cachePath, 'meta.json'), 'utf8')) as DatasetCacheMeta).validation.longFormat;

describe('the long-format reading after the cache is written again', () => {
  it('a type change parses the file again and records the reading anew', async () => {
    const { dataset } = await lab.registry.importDataset(shopsFile());
    expect(recorded(dataset.id)).toEqual(READING);
    await retypeDataset(lab.registry, dataset.id, { units: 'float' });
    expect(lab.registry.get(dataset.id)!.columns.find((c) => c.name === 'units')!.type).toBe('float');
    expect(recorded(dataset.id)).toEqual(READING);
    expect(inMeta(dataset.cachePath)).toEqual(READING);
  });

  it('a record from before the reading learns it when its damaged cache is rebuilt', async () => {
    const file = shopsFile();
    const { dataset } = await lab.registry.importDataset(file);
    // as a dataset imported before the importer recorded the reading
    lab.store.db.prepare("UPDATE datasets SET validation = json_remove(validation, '$.longFormat') WHERE id = ?").run(dataset.id);
    expect(recorded(dataset.id)).toBeUndefined();
    truncateSync(join(dataset.cachePath, 'c0002.bin'), 3);
    const again = await lab.registry.importDataset(file);
    expect(again.repaired).toMatch(/was damaged .*rebuilt it from shops\.csv/);
    expect(recorded(dataset.id)).toEqual(READING);
    expect(inMeta(dataset.cachePath)).toEqual(READING);
    // the rest of the stored report is as it was
    expect((lab.registry.get(dataset.id)!.validation as ValidationReport).issues.map((i) => i.kind)).toContain('duplicate_time');
  });
});
