// A type change parses the dataset again and must give back everything it did not ask to change. Two ways
// the reading could drift: the header guess of a newer importer (row 1 of '12,5' numbers in a headerless
// ';' file is data now, names for a dataset imported before), and an earlier type change that read a column
// under every rule (its AM/PM times) falling back to the dataset's old rules at the next change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { importFile, openDatasetCache, type ImportOptions } from '../import/index';
import { parseRulesWith, type ParseRules } from '../../../common/dataset-cache';
import { retypeDataset } from './retype';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-retype-recorded-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** The dataset as an importer with `rules` left it: its cache and its record naming those rules. */
async function importedUnder(name: string, csv: string, rules: ParseRules, options: ImportOptions = {}): Promise<number> {
  const file = join(home, name);
  writeFileSync(file, csv);
  const { dataset } = await lab.registry.importDataset(file, options);
  const old = await importFile(join(home, dataset.sourcePath), dataset.cachePath, { ...options, parseRules: rules } as never);
  lab.store.datasets.replaceParse(dataset.id, { rows: old.rows, validation: old.validation, importOptions: { ...options, parseRules: rules } },
    old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, typeOverride: null, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
  return dataset.id;
}

/**
 * A dataset whose columns the new importer names differently (another header guess): recorded as the old
 * importer made it, its original and cache under the lab's datasets folder.
 */
async function insertedUnder(name: string, csv: string, rules: ParseRules): Promise<number> {
  const dir = join(labPaths(home).datasets, `old-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'source.csv'), csv);
  const old = await importFile(join(dir, 'source.csv'), join(dir, 'cache'), { parseRules: rules } as never);
  const rel = (p: string) => relative(home, p).split('\\').join('/');
  return lab.store.datasets.insert({
    name, sourceHash: `old-${name}`, sourceName: name, sourcePath: rel(join(dir, 'source.csv')), sourceBytes: Buffer.byteLength(csv), cacheDir: rel(join(dir, 'cache')),
    format: old.format, encoding: old.encoding ?? null, delimiter: old.delimiter ?? null, hasHeader: old.hasHeader ?? null, rows: old.rows,
    importOptions: { parseRules: rules }, validation: old.validation, family: null, description: null, isDemo: false,
  }, old.columns.map((c) => ({ name: c.name, inferredType: c.type as never, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } })));
}

const values = (cachePath: string, column: string) => {
  const c = openDatasetCache(cachePath).column(column);
  return Array.from(c.values, (v) => (c.dictionary ? (v < 0 ? null : c.dictionary[v]) : v));
};

describe('a headerless decimal-comma file imported before the header guess read number marks', () => {
  // '12,0;1000,0' ... with some readings whole ('1001'), so ';' is sniffed
  const CSV = `${Array.from({ length: 20 }, (_, i) => `${12 + i},${i % 10};${1000 + i}${i % 3 === 1 ? '' : `,${(i * 3) % 10}`}`).join('\n')}\n`;
  const BEFORE = parseRulesWith((rule) => rule !== 'headerNumberMarks');

  it('keeps the header it was imported with through a type change; a new import records the rule and reads row 1 as data', async () => {
    const id = await insertedUnder('old.csv', CSV, BEFORE);
    const old = lab.registry.get(id)!;
    expect(old.rows).toBe(19);
    expect(old.columns.map((c) => c.name)).toEqual(['12,0', '1000,0']);

    const out = await retypeDataset(lab.registry, id, { '1000,0': 'text' });
    expect(out.dataset.rows).toBe(19);
    expect(out.dataset.columns.map((c) => [c.name, c.type])).toEqual([['12,0', 'float'], ['1000,0', 'text']]);
    expect(values(out.dataset.cachePath, '12,0')[0]).toBe(Math.fround(13.1));

    // the same bytes imported now (the old record is not keyed by their hash): every rule, recorded
    writeFileSync(join(home, 'new.csv'), CSV);
    const { dataset } = await lab.registry.importDataset(join(home, 'new.csv'));
    expect(dataset.rows).toBe(20);
    expect(dataset.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect((dataset.importOptions.parseRules as ParseRules).headerNumberMarks).toBe(true);
  });
});

describe('successive type changes of a dataset imported before AM/PM times were read', () => {
  /** Ten hourly rows; rows 3 and 7 written on the 12-hour clock. */
  const TIMES = Array.from({ length: 10 }, (_, i) => (i === 3 || i === 7 ? `2024-01-01 ${i === 3 ? '3:00 AM' : '7:00 AM'}` : `2024-01-01 ${String(i).padStart(2, '0')}:00`));
  const CSV = `Timestamp,Code,Load\n${TIMES.map((t, i) => `${t},${i % 3},${i * 1.5}`).join('\n')}\n`;
  const BEFORE = parseRulesWith((rule) => rule !== 'twelveHourTimes');
  const hourly = Array.from({ length: 10 }, (_, i) => Date.UTC(2024, 0, 1, i) / 1000);

  it('a column retyped to datetime earlier keeps reading its AM/PM times when another column is retyped later', async () => {
    const id = await importedUnder('meter.csv', CSV, BEFORE);
    expect(lab.registry.get(id)!.columns.find((c) => c.name === 'Timestamp')!.type).not.toBe('datetime');

    const first = await retypeDataset(lab.registry, id, { Timestamp: 'datetime' });
    expect(first.dataset.rows).toBe(10);
    expect(values(first.dataset.cachePath, 'Timestamp')).toEqual(hourly);
    expect(first.dataset.importOptions.retypedColumns).toEqual(['Timestamp']);

    // another column, later: the Timestamp column's times come back as they are, all ten rows
    const second = await retypeDataset(lab.registry, id, { Code: 'categorical' });
    expect(second.dataset.rows).toBe(10);
    expect(second.dataset.columns.map((c) => c.type)).toEqual(['datetime', 'categorical', 'float']);
    expect(values(second.dataset.cachePath, 'Timestamp')).toEqual(hourly);
    expect(second.dataset.importOptions.retypedColumns).toEqual(['Timestamp', 'Code']);
    // the dataset still records the rules it was imported under
    expect(second.dataset.importOptions.parseRules).toEqual(BEFORE);

    // a column sent back to what the importer infers leaves the list: its type is no longer a decision
    const third = await retypeDataset(lab.registry, id, { Code: null });
    expect(third.dataset.importOptions.retypedColumns).toEqual(['Timestamp']);
    expect(values(third.dataset.cachePath, 'Timestamp')).toEqual(hourly);
  });
});
