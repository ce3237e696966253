// A record written before the lab kept `retypedColumns` (the columns read under every rule) says nothing of
// how its typed columns were read. The type change that wrote it read them under every rule (Excel serial
// days, AM/PM times); an importer older still read a datetime column of serial numbers as epoch seconds. A
// re-parse (a type change of another column, a cache repair) must give back what the cache holds, and one that
// would move a column's values is refused, naming the column and what moved: never stored as if asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { importFile, openDatasetCache, type ImportOptions } from '../import/index';
import { parseRulesWith, type ParseRules } from '../../../common/dataset-cache';
import { retypeDataset } from './retype';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-legacy-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const RULES_OFF = parseRulesWith(() => false);
const NO_AMPM = parseRulesWith((r) => r !== 'twelveHourTimes' && r !== 'headerNumberMarks');

/** 'when' in Excel serial days (42552.25 is 2016-07-01 06:00), 40 rows. */
const EXCEL_CSV = ['when,x,y', ...Array.from({ length: 40 }, (_, i) => `${(42552.25 + i).toFixed(2)},${i},${i % 3}`)].join('\n');
/** 'when' in AM/PM times, 40 rows. */
const AMPM_CSV = ['when,x,y', ...Array.from({ length: 40 }, (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')} ${1 + (i % 12)}:30 ${i % 2 ? 'PM' : 'AM'},${i},${i % 3}`)].join('\n');

/** The dataset as an importer with `rules` left it (its cache and a record naming those rules and `options`). */
async function importedUnder(csv: string, rules: ParseRules, options: ImportOptions = {}): Promise<number> {
  const file = join(home, 'd.csv');
  writeFileSync(file, csv);
  const { dataset } = await lab.registry.importDataset(file, options);
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, { ...options, parseRules: rules } as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: { ...options, parseRules: rules } },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  return dataset.id;
}

/** The record as a type change before `retypedColumns` existed left it: the same, without the key (or with `list`). */
function recordRetyped(id: number, list?: string[]): void {
  const { retypedColumns: _dropped, ...rest } = lab.registry.get(id)!.importOptions as Record<string, unknown>;
  lab.store.db.prepare('UPDATE datasets SET import_options = ? WHERE id = ?').run(JSON.stringify(list ? { ...rest, retypedColumns: list } : rest), id);
}

const isoDates = (id: number) => Array.from(openDatasetCache(lab.registry.get(id)!.cachePath).column('when').values.slice(0, 2), (v) => new Date(v * 1000).toISOString());

describe('a numeric column retyped datetime (Excel serial days) before the record kept retypedColumns', () => {
  it('keeps its dates when another column changes type, and the record learns the list', async () => {
    const id = await importedUnder(EXCEL_CSV, RULES_OFF);
    await retypeDataset(lab.registry, id, { when: 'datetime' });
    expect(isoDates(id)).toEqual(['2016-07-01T06:00:00.000Z', '2016-07-02T06:00:00.000Z']);
    recordRetyped(id);
    const out = await retypeDataset(lab.registry, id, { y: 'categorical' });
    expect(out.changed).toEqual([{ column: 'y', from: 'int', to: 'categorical' }]);
    expect(isoDates(id)).toEqual(['2016-07-01T06:00:00.000Z', '2016-07-02T06:00:00.000Z']);
    expect(out.dataset.importOptions.retypedColumns).toEqual(['when', 'y']);
  });

  it('an older importer that read the typed column as epoch seconds keeps those values too', async () => {
    // typed datetime at import by an importer without the Excel-date rule: 42552.25 read as seconds
    const id = await importedUnder(EXCEL_CSV, RULES_OFF, { columnTypes: { when: 'datetime' } });
    expect(isoDates(id)).toEqual(['1970-01-01T11:49:12.250Z', '1970-01-01T11:49:13.250Z']);
    const out = await retypeDataset(lab.registry, id, { y: 'categorical' });
    expect(out.dataset.columns.map((c) => c.type)).toEqual(['datetime', 'int', 'categorical']);
    expect(isoDates(id)).toEqual(['1970-01-01T11:49:12.250Z', '1970-01-01T11:49:13.250Z']);
    expect(out.dataset.importOptions.retypedColumns).toEqual(['y']);
  });

  it('a re-read that would move the dates is refused naming the column and what moved; nothing changes', async () => {
    const id = await importedUnder(EXCEL_CSV, RULES_OFF);
    await retypeDataset(lab.registry, id, { when: 'datetime' });
    recordRetyped(id, []); // a record that is wrong about it: 'when' would be read as epoch seconds
    const before = lab.registry.get(id)!;
    await expect(retypeDataset(lab.registry, id, { y: 'categorical' })).rejects.toThrow(
      "re-reading d.csv would change column 'when' (min 2016-07-01 06:00:00 → 1970-01-01 11:49:12, max 2016-08-09 06:00:00 → 1970-01-01 11:49:51, mean 2016-07-20 18:00:00 → 1970-01-01 11:49:31), though only 'y' was asked to change: nothing was changed",
    );
    expect(lab.registry.get(id)!.columns).toEqual(before.columns);
    expect(lab.registry.get(id)!.importOptions).toEqual(before.importOptions);
    expect(isoDates(id)).toEqual(['2016-07-01T06:00:00.000Z', '2016-07-02T06:00:00.000Z']);
  });

  it('fewer rows under the drop policy may narrow a range, never move it', async () => {
    // 'x' as int drops the last row ('abc'), the latest date with it: the dates of the rows kept are the ones stored
    const csv = ['when,x,y', ...Array.from({ length: 40 }, (_, i) => `${(42552.25 + i).toFixed(2)},${i === 39 ? 'abc' : i},${i % 3}`)].join('\n');
    const id = await importedUnder(csv, RULES_OFF, { onInvalid: 'drop' });
    await retypeDataset(lab.registry, id, { when: 'datetime' });
    const x = lab.registry.get(id)!.columns[1];
    expect(x.type).toBe('categorical');
    const out = await retypeDataset(lab.registry, id, { x: 'int' });
    expect(out.dataset.rows).toBe(39);
    expect(isoDates(id)).toEqual(['2016-07-01T06:00:00.000Z', '2016-07-02T06:00:00.000Z']);
  });

  it('a damaged cache is rebuilt with the dates it held; one no reading gives back is kept, not replaced', async () => {
    const id = await importedUnder(EXCEL_CSV, RULES_OFF);
    await retypeDataset(lab.registry, id, { when: 'datetime' });
    recordRetyped(id);
    const d = lab.registry.get(id)!;
    const damage = () => truncateSync(join(d.cachePath, readdirSync(d.cachePath).find((n) => n.endsWith('.bin'))!), 3);
    damage();
    const repaired = await lab.registry.importDataset(join(home, 'd.csv'));
    expect(repaired.repaired).toMatch(/was damaged .*: rebuilt it from d\.csv/);
    expect(isoDates(id)).toEqual(['2016-07-01T06:00:00.000Z', '2016-07-02T06:00:00.000Z']);
    expect(lab.registry.get(id)!.importOptions.retypedColumns).toEqual(['when']);

    recordRetyped(id, []); // wrong about it: the only reading it allows moves the dates
    damage();
    const files = readdirSync(d.cachePath).sort();
    await expect(lab.registry.importDataset(join(home, 'd.csv'))).rejects.toThrow(
      /its cache was damaged .*: with rules none: column 'when' \(min 2016-07-01 06:00:00 → 1970-01-01 11:49:12, .*\) moved\. Nothing was changed: the damaged cache is kept as it is/,
    );
    expect(readdirSync(d.cachePath).sort()).toEqual(files);
    expect(lab.registry.get(id)!.columns[0].type).toBe('datetime');
  });
});

describe('a column retyped to read AM/PM times before the record kept retypedColumns', () => {
  it('keeps its rows when another column changes type', async () => {
    const id = await importedUnder(AMPM_CSV, NO_AMPM, { onInvalid: 'drop' });
    expect(lab.registry.get(id)!.columns[0].type).toBe('categorical');
    await retypeDataset(lab.registry, id, { when: 'datetime' });
    recordRetyped(id);
    const out = await retypeDataset(lab.registry, id, { y: 'categorical' });
    expect(out.dataset.rows).toBe(40);
    expect(out.dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['when:datetime', 'x:int', 'y:categorical']);
    expect(out.dataset.importOptions.retypedColumns).toEqual(['when', 'y']);
  });
});
