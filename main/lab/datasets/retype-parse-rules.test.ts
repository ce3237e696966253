// A dataset imported before the lab recorded its reading rules is parsed again (a type change, a damaged
// cache rebuilt) with the rules that read it as it is stored: the importer of the previous session (Excel
// dates, date+time, Total row on) or, failing that, the one before any rule. Its other columns, its rows and
// its split stay as they were. A new import records the rules and keeps applying them. "Before" is made
// here as that importer made it: the same file parsed with its rules (the importer's own test checks that
// rules off is the old reading), recorded with import options that name no rules.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
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
/** The importer between b6660d7 and the record of rules: the three older rules on, the two newest off. */
const PREVIOUS_SESSION = { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: false, booleanNames: false };

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

/** The dataset as an importer with `rules` left it: its cache and record, import options without `parseRules`. */
async function makeImportedBeforeTheRecord(into: string, csv: string, name: string, rules: typeof RULES_OFF): Promise<number> {
  const made = await openLabDatasets(labPaths(into), { demos: false });
  try {
    const file = join(into, name);
    writeFileSync(file, csv);
    const { dataset } = await made.registry.importDataset(file);
    const old = await importFile(join(into, dataset.sourcePath), dataset.cachePath, { parseRules: rules } as never);
    made.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: {} },
      old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
    if (csv === CSV && rules === RULES_OFF) made.registry.setColumns(dataset.id, [{ column: 'date', role: 'feature' }]); // a text column: no time role
    return dataset.id;
  } finally {
    made.close();
  }
}

// Each kind of "before" home is made once (two imports in worker threads) and copied, files and all, into
// the homes of the tests that start from it: every test still changes a home of its own.
const madeHomes = new Map<string, { dir: string; id: number }>();
afterAll(() => { for (const { dir } of madeHomes.values()) rmSync(dir, { recursive: true, force: true }); });

/** This test's home as the importer with `rules` left it (lab reopened on it); the dataset's id. */
async function importedBeforeTheRecord(csv = CSV, name = 'meter.csv', rules = RULES_OFF): Promise<number> {
  const key = JSON.stringify([csv, name, rules]);
  let made = madeHomes.get(key);
  if (!made) {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-parse-rules-before-'));
    made = { dir, id: await makeImportedBeforeTheRecord(dir, csv, name, rules) };
    madeHomes.set(key, made);
  }
  lab.close();
  rmSync(home, { recursive: true, force: true });
  cpSync(made.dir, home, { recursive: true });
  lab = await openLabDatasets(labPaths(home), { demos: false });
  return made.id;
}
const importedBeforeTheRules = (csv = CSV, name = 'meter.csv') => importedBeforeTheRecord(csv, name, RULES_OFF);

describe('re-parsing a dataset imported in the previous session (date+time, Total row on) that records no rules', () => {
  const hourly = Array.from({ length: 48 }, (_, i) => Date.UTC(2024, 0, 1, i) / 1000);

  it('a type change of an unrelated column keeps date a datetime, the Total row out and the row count', async () => {
    const id = await importedBeforeTheRecord(CSV, 'meter.csv', PREVIOUS_SESSION);
    const before = lab.registry.get(id)!;
    expect(before.importOptions).not.toHaveProperty('parseRules');
    expect(before.rows).toBe(48);
    expect(before.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:datetime', 'time:categorical', 'flag:boolean', 'load:float']);
    const loads = values(before.cachePath, 'load');
    expect(Math.max(...(loads as number[]))).toBe(70.5);

    const out = await retypeDataset(lab.registry, id, { flag: 'int' });
    expect(out.changed).toEqual([{ column: 'flag', from: 'boolean', to: 'int' }]);
    expect(out.message).not.toContain('now has');
    const after = lab.registry.get(id)!;
    expect(after.rows).toBe(48);
    expect(after.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['date:datetime', 'time:categorical', 'flag:int', 'load:float']);
    expect(values(after.cachePath, 'date')).toEqual(hourly);
    expect(values(after.cachePath, 'load')).toEqual(loads); // no Total row among the loads
    // found by evidence, and recorded: the next re-parse takes it at its word
    expect(after.importOptions).toMatchObject({ parseRules: PREVIOUS_SESSION });
  });

  it('a damaged cache of such a dataset is rebuilt with those rules, and they are recorded', async () => {
    const id = await importedBeforeTheRecord(CSV, 'meter.csv', PREVIOUS_SESSION);
    const d = lab.registry.get(id)!;
    const loadFile = openDatasetCache(d.cachePath).column('load').info.file;
    truncateSync(join(d.cachePath, loadFile), 10);
    const again = await lab.registry.importDataset(join(home, 'meter.csv'));
    expect(again.repaired).toMatch(/was damaged .*: rebuilt it from meter\.csv/);
    expect(again.dataset.rows).toBe(48);
    expect(values(d.cachePath, 'date')).toEqual(hourly);
    expect(Math.max(...(values(d.cachePath, 'load') as number[]))).toBe(70.5);
    expect(again.dataset.importOptions).toMatchObject({ parseRules: PREVIOUS_SESSION });
  });

  it('no rule set reads the file as stored: refused with what each gave, nothing changed', async () => {
    const id = await importedBeforeTheRecord(CSV, 'meter.csv', PREVIOUS_SESSION);
    // a record no importer made: 47 rows
    const d = lab.registry.get(id)!;
    lab.store.datasets.replaceParse(id, { rows: 47, validation: d.validation, importOptions: {} }, d.columns.map((c) => ({ name: c.name, inferredType: c.inferredType, typeOverride: null, stats: c.stats })));
    const cacheBefore = values(d.cachePath, 'flag');
    await expect(retypeDataset(lab.registry, id, { flag: 'int' })).rejects.toThrow(
      /dataset \d+ 'meter' was imported before the lab recorded its reading rules, and no set of rules reads meter\.csv as the dataset is stored, date:datetime, time:categorical, flag:boolean, load:float \(47 rows\): with rules Excel dates, date\+time, Total row: .*\(48 rows\); with rules none: .*\(49 rows\)\. Nothing was changed/,
    );
    expect(lab.registry.get(id)!).toMatchObject({ rows: 47, importOptions: {} });
    expect(values(d.cachePath, 'flag')).toEqual(cacheBefore);
  });
});

describe('a re-parse that changes what the user did not ask to change', () => {
  it('is refused, naming the column and both types, when a recorded rule set reads the file differently', async () => {
    // the record says rules off, but the cache was made with them on (a rule drifting in the importer looks like this)
    const id = await importedBeforeTheRecord(CSV, 'meter.csv', PREVIOUS_SESSION);
    const d = lab.registry.get(id)!;
    const columns = d.columns.map((c) => ({ name: c.name, inferredType: c.inferredType, typeOverride: null, stats: c.stats }));
    lab.store.datasets.replaceParse(id, { rows: 49, validation: d.validation, importOptions: { parseRules: RULES_OFF } }, columns);
    await expect(retypeDataset(lab.registry, id, { flag: 'int' })).rejects.toThrow(
      "parsing meter.csv again would make column 'date' categorical (it is datetime), though only 'flag' was asked to change; nothing was changed",
    );
    expect(lab.registry.get(id)!.columns.map((c) => c.type)).toEqual(['datetime', 'categorical', 'boolean', 'float']);
  });

  it('is refused when the row count changes and no policy or type change explains it', async () => {
    const id = await importedBeforeTheRecord(CSV, 'meter.csv', PREVIOUS_SESSION);
    const d = lab.registry.get(id)!;
    const columns = d.columns.map((c) => ({ name: c.name, inferredType: c.inferredType, typeOverride: null, stats: c.stats }));
    // rules that count the Total row as a row (so 49, and date no longer a datetime): the row count is checked first
    lab.store.datasets.replaceParse(id, { rows: 48, validation: d.validation, importOptions: { parseRules: { ...PREVIOUS_SESSION, skipSummaryRow: false } } }, columns);
    await expect(retypeDataset(lab.registry, id, { flag: 'int' })).rejects.toThrow(/parsing meter\.csv again gave 49 rows, not the dataset's 48, and the requested change does not account for the difference \(the file is read differently from its import\); nothing was changed$/);
    expect(lab.registry.get(id)!.rows).toBe(48);
  });
});

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

