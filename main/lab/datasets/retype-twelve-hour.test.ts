// A dataset imported before AM/PM times were read, with a column typed datetime at import and the drop
// policy: its '1:05 PM' cells were bad values then, and those rows were dropped. Changing another column's
// type parses it again and must leave those rows out (its runs and splits count the rows it has); changing
// that column's own type is a new decision and reads them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { importFile, openDatasetCache } from '../import/index';
import { parseRulesWith } from '../../../common/dataset-cache';
import { retypeDataset } from './retype';

/** Ten hourly rows; rows 3 and 7 written on the 12-hour clock. */
const TIMES = Array.from({ length: 10 }, (_, i) => (i === 3 || i === 7 ? `2024-01-01 ${i === 3 ? '3:00 AM' : '7:00 AM'}` : `2024-01-01 ${String(i).padStart(2, '0')}:00`));
const CSV = `Timestamp,Code,Load\n${TIMES.map((t, i) => `${t},${i % 3},${i * 1.5}`).join('\n')}\n`;
/** The importer before AM/PM times: every rule but that one. */
const BEFORE = parseRulesWith((rule) => rule !== 'twelveHourTimes');

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-12h-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** The dataset as that importer left it with --types Timestamp=datetime --on-invalid drop: 8 rows, its record naming the rules. */
async function importedBeforeAmPm(): Promise<number> {
  const file = join(home, 'meter.csv');
  writeFileSync(file, CSV);
  const options = { columnTypes: { Timestamp: 'datetime' as const }, onInvalid: 'drop' as const };
  const { dataset } = await lab.registry.importDataset(file, options);
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, { ...options, parseRules: BEFORE } as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: { ...options, parseRules: BEFORE } },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  return dataset.id;
}

const loads = (cachePath: string) => Array.from(openDatasetCache(cachePath).column('Load').values);

describe('re-parsing a dataset imported before AM/PM times were read', () => {
  it('another column\'s type change keeps the rows its datetime column dropped then', async () => {
    const id = await importedBeforeAmPm();
    expect(lab.registry.get(id)!.rows).toBe(8);
    const before = loads(lab.registry.get(id)!.cachePath);
    expect(before).not.toContain(4.5); // line 5, '3:00 AM', dropped at import

    const out = await retypeDataset(lab.registry, id, { Code: 'categorical' });
    expect(out.dataset.rows).toBe(8);
    expect(out.dataset.columns.find((c) => c.name === 'Code')!.type).toBe('categorical');
    expect(loads(out.dataset.cachePath)).toEqual(before);
  });

  it('retyping that column itself is a new decision: its AM/PM times read', async () => {
    const id = await importedBeforeAmPm();
    // back to what is inferred, then datetime again in this request: the 12-hour times read now
    await retypeDataset(lab.registry, id, { Timestamp: 'text' }, { onInvalid: 'drop' });
    const out = await retypeDataset(lab.registry, id, { Timestamp: 'datetime' });
    expect(out.dataset.rows).toBe(10);
    expect(Array.from(openDatasetCache(out.dataset.cachePath).column('Timestamp').values)[3]).toBe(Date.UTC(2024, 0, 1, 3) / 1000);
  });
});
