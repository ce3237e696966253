// A dataset imported before the importer combined date + time columns and skipped a trailing Total row is
// parsed again (a type change, a damaged cache rebuilt) without those rules: its other columns, its rows and
// its split stay as they were. A new import records the rules and keeps applying them. "Before" is made
// here as that importer made it: the same file parsed with the rules off (the importer's own test checks
// that this is the old reading), recorded with import options that name no rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, createSplit, type LabDatasets } from './index';
import { importFile, openDatasetCache } from '../import/index';
import { retypeDataset } from './retype';

// Two days of hourly rows: a date column, a time-of-day column, a 0/1 flag, a load, and a Total row under them.
const ROWS = Array.from({ length: 48 }, (_, i) => [`2024-01-0${1 + Math.floor(i / 24)}`, `${String(i % 24).padStart(2, '0')}:00`, i % 2, i * 1.5]);
const TOTAL = ROWS.reduce((s, r) => s + (r[3] as number), 0);
const CSV = `date,time,flag,load\n${ROWS.map((r) => r.join(',')).join('\n')}\nTotal,,,${TOTAL}\n`;
const RULES_OFF = { excelDates: false, combineDateTime: false, skipSummaryRow: false, floatIds: false, booleanNames: false };

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-parse-rules-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const values = (cachePath: string, column: string) => {
  const c = openDatasetCache(cachePath).column(column);
  return Array.from(c.values, (v) => (c.dictionary ? (v < 0 ? null : c.dictionary[v]) : v));
};

/** The dataset as an importer before the rules left it: its cache and record, import options without `parseRules`. */
async function importedBeforeTheRules(csv = CSV, name = 'meter.csv'): Promise<number> {
  const file = join(home, name);
  writeFileSync(file, csv);
  const { dataset } = await lab.registry.importDataset(file);
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, { parseRules: RULES_OFF } as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: {} },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  if (csv === CSV) lab.registry.setColumns(dataset.id, [{ column: 'date', role: 'feature' }]); // a text column: no time role
  return dataset.id;
}

describe('re-parsing a dataset imported before the date+time and Total-row rules', () => {
  it('a type change of one column leaves the date and time columns, the Total row and the split as they were', async () => {
    const id = await importedBeforeTheRules();
    const before = lab.registry.get(id)!;
    // what that importer made of it: 'Total' among the dates (so text), 49 rows, dates not combined
    expect(before.rows).toBe(49);
    expect(before.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:categorical', 'time:categorical', 'flag:boolean', 'load:float']);
    const dates = values(before.cachePath, 'date'), times = values(before.cachePath, 'time'), loads = values(before.cachePath, 'load');
    expect(dates.at(-1)).toBe('Total');
    const split = await createSplit(lab.registry, id, 'mine', { kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 2 });

    const out = await retypeDataset(lab.registry, id, { flag: 'int' });
    expect(out.changed).toEqual([{ column: 'flag', from: 'boolean', to: 'int' }]);
    const after = lab.registry.get(id)!;
    expect(after.rows).toBe(49);
    expect(after.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:categorical', 'time:categorical', 'flag:int', 'load:float']);
    expect(values(after.cachePath, 'date')).toEqual(dates);
    expect(values(after.cachePath, 'time')).toEqual(times);
    expect(values(after.cachePath, 'load')).toEqual(loads);
    expect(values(after.cachePath, 'flag').slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(lab.store.splits.list(id).map((s) => s.id)).toEqual([split.id]);
    // the rules it was parsed under are now recorded: off, so the next re-parse reads it the same way
    expect(after.importOptions).toMatchObject({ parseRules: RULES_OFF });
    expect(out.message).not.toContain('now has');
  });

  it('a damaged cache of such a dataset is rebuilt as it was, not refused with "delete it"', async () => {
    const id = await importedBeforeTheRules();
    const d = lab.registry.get(id)!;
    const loads = values(d.cachePath, 'load');
    const loadFile = openDatasetCache(d.cachePath).column('load').info.file;
    truncateSync(join(d.cachePath, loadFile), 10);
    const again = await lab.registry.importDataset(join(home, 'meter.csv'));
    expect(again.created).toBe(false);
    expect(again.repaired).toMatch(new RegExp(`the cache of dataset ${id} 'meter' was damaged \\(${loadFile.replace('.', '\\.')} \\(column 'load'\\): 10 bytes`));
    expect(again.dataset.rows).toBe(49);
    expect(values(d.cachePath, 'load')).toEqual(loads);
    expect(values(d.cachePath, 'date').at(-1)).toBe('Total');
  });

  it('a new import records the rules and applies them, and so does a type change of it', async () => {
    const file = join(home, 'meter.csv');
    writeFileSync(file, CSV);
    const { dataset } = await lab.registry.importDataset(file);
    expect(dataset.importOptions).toMatchObject({ parseRules: { excelDates: true, combineDateTime: true, skipSummaryRow: true } });
    expect(dataset.rows).toBe(48); // the Total row skipped
    expect(dataset.columns.find((c) => c.name === 'date')).toMatchObject({ type: 'datetime', role: 'time' });
    const hourly = Array.from({ length: 48 }, (_, i) => Date.UTC(2024, 0, 1, i) / 1000);
    expect(values(dataset.cachePath, 'date')).toEqual(hourly); // each date plus its time of day

    const out = await retypeDataset(lab.registry, dataset.id, { flag: 'int' });
    expect(out.dataset.rows).toBe(48);
    expect(values(out.dataset.cachePath, 'date')).toEqual(hourly);
    expect(out.dataset.importOptions).toMatchObject({ parseRules: { excelDates: true, combineDateTime: true, skipSummaryRow: true } });
  });
});

describe('re-parsing a dataset imported before ids written 10717.0 were read as categories', () => {
  const CLICKS = `user_id,price,clicked\n${Array.from({ length: 30 }, (_, i) => `${10700 + (i % 6)}.0,${(i * 0.75).toFixed(2)},${i % 2}`).join('\n')}\n`;

  it('a type change of another column keeps the ids as the numbers they were; a new import reads them as ids', async () => {
    const id = await importedBeforeTheRules(CLICKS, 'clicks.csv');
    expect(lab.registry.get(id)!.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['user_id:float', 'price:float', 'clicked:boolean']);
    const out = await retypeDataset(lab.registry, id, { clicked: 'int' });
    expect(out.dataset.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['user_id:float', 'price:float', 'clicked:int']);
    expect(values(out.dataset.cachePath, 'user_id').slice(0, 2)).toEqual([10700, 10701]);
    expect(out.dataset.importOptions).toMatchObject({ parseRules: { floatIds: false, booleanNames: false } });

    const file = join(home, 'clicks-new.csv');
    writeFileSync(file, `${CLICKS}10706.0,1.5,1\n`);
    const fresh = (await lab.registry.importDataset(file)).dataset;
    expect(fresh.importOptions).toMatchObject({ parseRules: { floatIds: true, booleanNames: true } });
    expect(fresh.columns.find((c) => c.name === 'user_id')!.type).toBe('categorical');
    expect(values(fresh.cachePath, 'user_id').slice(0, 2)).toEqual(['10700', '10701']);
  });
});

