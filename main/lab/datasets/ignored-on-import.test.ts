// A row counter (`No` in the PM2.5 layout, or under any name a column holding the row numbers in row order,
// as Bike Sharing's `instant`) and the parts of a composed time start ignored, so a forecast does not take them
// as channels; the import summary says so and how to add the counter back. A year, a time index, an id used as
// a key, a shuffled 1..n or a short file's 1..5 stay data. Roles are stored at import: a dataset imported
// before keeps its roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ImportResult } from '../../../common/dataset-cache';
import { defaultBinding } from '../../../common/models/binding';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { retypeDataset } from './retype';
import { ignoredOnImport, isRowCounter, rowCounterNote } from './ignored-on-import';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-ignored-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** Hourly rows in the UCI Beijing PM2.5 layout, `No` counting them from 1. */
function pm25(hours: number): string {
  const lines = ['No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir'];
  for (let i = 0; i < hours; i++) {
    const t = new Date(Date.UTC(2010, 0, 1) + i * 3600_000);
    lines.push(`${i + 1},${t.getUTCFullYear()},${t.getUTCMonth() + 1},${t.getUTCDate()},${t.getUTCHours()},${100 + (i % 40)},${-20 + (i % 9)},${-5 + (i % 11)},${1020 + (i % 5)},${['NW', 'cv', 'SE'][i % 3]},${(i % 13) * 1.79},${i % 4},${i % 3}`);
  }
  return lines.join('\n') + '\n';
}

const intColumn = (name: string, min: number, max: number, rows: number, std = Math.sqrt((rows * rows - 1) / 12)) =>
  ({ name, type: 'int', dtype: 'float32', dim: 1, stats: { count: rows, missing: 0, min, max, mean: (min + max) / 2, std, cardinality: null, topValues: null, histogram: null } }) as ImportResult['columns'][number];

describe('columns that start ignored', () => {
  it('the PM2.5 row counter `No` starts ignored with a note saying how to add it back, and is no forecasting channel', async () => {
    const csv = join(home, 'PRSA.csv');
    writeFileSync(csv, pm25(60));
    const { dataset } = await lab.registry.importDataset(csv);
    const role = (name: string) => dataset.columns.find((c) => c.name === name)!.role;
    expect(role('No')).toBe('ignore');
    expect(role('pm2.5')).toBe('feature');
    // stored with "ID" for the dataset's id, which the app and the CLI fill in (current-issues.ts)
    const note = (dataset.validation as ImportResult['validation']).issues.find((i) => i.kind === 'note' && i.column === 'No');
    expect(note?.message).toMatch(/column 'No' counts the rows \(1 to 60\): it starts with the role ignore.*gatelab datasets roles ID No=feature/);
    const columns = dataset.columns.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }));
    const binding = defaultBinding('forecasting', columns).columns;
    // the composed time is the time index; its parts are no channels (run.ts composes it under the rule timeParts)
    expect(dataset.columns.find((c) => c.name === 'time')).toMatchObject({ type: 'datetime', role: 'time' });
    for (const part of ['year', 'month', 'day', 'hour']) expect(role(part)).toBe('ignore');
    expect(binding.family === 'forecasting' && binding.channels).toEqual(['pm2.5', 'DEWP', 'TEMP', 'PRES', 'Iws', 'Is', 'Ir']);
    expect(binding.family === 'forecasting' && binding.channels).not.toContain('No');
  });

  it('a type change of the PM2.5 dataset keeps its composed time column and roles', async () => {
    const csv = join(home, 'PRSA.csv');
    writeFileSync(csv, pm25(60));
    const { dataset } = await lab.registry.importDataset(csv);
    await retypeDataset(lab.registry, dataset.id, { DEWP: 'float' });
    const after = lab.registry.get(dataset.id)!;
    expect(after.columns.map((c) => [c.name, c.role])).toEqual(dataset.columns.map((c) => [c.name, c.role]));
    expect(after.columns.find((c) => c.name === 'DEWP')?.type).toBe('float');
  });

  it('the parts a time column was composed of start ignored (the importer notes them), given roles win', () => {
    const rows = 30;
    const result = {
      rows, validation: { issues: [] },
      columns: [intColumn('year', 2010, 2010, rows, 0), intColumn('month', 1, 1, rows, 0), intColumn('day', 1, 2, rows, 0.5), intColumn('hour', 0, 23, rows, 7),
        intColumn('pm', 5, 90, rows, 20), { ...intColumn('time', 0, 1, rows), type: 'datetime', timeParts: ['year', 'month', 'day', 'hour'] }],
    } as unknown as ImportResult;
    expect([...ignoredOnImport(result)]).toEqual([['year', null], ['month', null], ['day', null], ['hour', null]]);
  });

  it('a counter is named like one, whole and complete; a named count or a shuffled id of another name is data', () => {
    expect(isRowCounter(intColumn('No', 1, 50, 50), 50)).toBe(true);
    expect(isRowCounter(intColumn('Unnamed: 0', 0, 49, 50), 50)).toBe(true);
    expect(isRowCounter(intColumn('row', 0, 49, 50), 50)).toBe(true);
    expect(isRowCounter(intColumn('visits', 0, 49, 50), 50)).toBe(false);
    expect(isRowCounter(intColumn('No', 1, 51, 50), 50)).toBe(false); // a gap: not every row counted
    expect(isRowCounter(intColumn('No', 5, 54, 50), 50)).toBe(false); // from 5
  });

  it("the note's command quotes a counter name as the shell needs, a quote in it included", () => {
    expect(rowCounterNote('Unnamed: 0', 0, 5)).toContain("gatelab datasets roles ID 'Unnamed: 0=feature')");
    expect(rowCounterNote("row's no", 1, 5)).toContain("gatelab datasets roles ID 'row'\\''s no=feature')");
  });
});

/** Daily rows in the UCI Bike Sharing day.csv layout: `instant` counts them from 1. */
function bikeDays(days: number): string {
  const lines = ['instant,dteday,season,yr,mnth,holiday,weekday,temp,cnt'];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(2011, 0, 1) + i * 86_400_000);
    lines.push(`${i + 1},${d.toISOString().slice(0, 10)},1,0,${d.getUTCMonth() + 1},0,${d.getUTCDay()},${(0.2 + (i % 9) / 50).toFixed(3)},${900 + ((i * 37) % 400)}`);
  }
  return lines.join('\n') + '\n';
}

async function importText(name: string, text: string, options: Parameters<LabDatasets['registry']['importDataset']>[1] = {}) {
  const file = join(home, name);
  writeFileSync(file, text);
  const { dataset } = await lab.registry.importDataset(file, options);
  const role = (column: string) => dataset.columns.find((c) => c.name === column)!.role;
  const notes = (dataset.validation as ImportResult['validation']).issues.filter((i) => i.kind === 'note' && /counts the rows/.test(i.message));
  return { dataset, role, notes };
}

describe('a column that numbers the rows, whatever its name', () => {
  it("Bike Sharing's `instant` starts ignored with the note saying why and how to use it, and is no forecasting channel", async () => {
    const { dataset, role, notes } = await importText('day.csv', bikeDays(40));
    expect(role('instant')).toBe('ignore');
    expect(notes.map((n) => [n.column, n.message])).toEqual([['instant', expect.stringMatching(
      /^column 'instant' counts the rows \(1 to 40\): it starts with the role ignore, so no model reads it .*To use it, set its role to feature \(in the app: Datasets → Schema → its Role; on the command line: gatelab datasets roles ID instant=feature\)$/)]]);
    const binding = defaultBinding('forecasting', dataset.columns.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }))).columns;
    expect(binding.family === 'forecasting' && binding.channels).toEqual(['season', 'yr', 'mnth', 'holiday', 'weekday', 'temp', 'cnt']);
  });

  it('a 0..n-1 counter of another name starts ignored too; a shuffled 1..n, a count that does not start at 0 or 1, and a short 1..5 are data', async () => {
    const rows = 30;
    const shuffled = Array.from({ length: rows }, (_, i) => ((i * 7) % rows) + 1); // 1..30 each once, out of order
    const lines = ['position,visits,from_five,load', ...Array.from({ length: rows }, (_, i) => `${i},${shuffled[i]},${i + 5},${(i % 4) + 0.5}`)];
    const { role, notes } = await importText('mixed.csv', lines.join('\n') + '\n');
    expect([role('position'), role('visits'), role('from_five'), role('load')]).toEqual(['ignore', 'feature', 'feature', 'feature']);
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining("column 'position' counts the rows (0 to 29)")]);
    const short = await importText('sizes.csv', 'size,price\n1,10.5\n2,11.5\n3,14\n4,13\n5,19.5\n');
    expect(short.role('size')).toBe('feature');
  });

  it('a year, a time index and an id used as a key stay data though they count the rows', async () => {
    const rows = 25;
    const lines = ['year,t,week,dayOfYear,load', ...Array.from({ length: rows }, (_, i) => `${2001 + i},${i},${i + 1},${i + 1},${(i % 5) + 0.25}`)];
    const { role, notes } = await importText('yearly.csv', lines.join('\n') + '\n');
    expect(['year', 't', 'week', 'dayOfYear'].map(role)).toEqual(['feature', 'feature', 'feature', 'feature']);
    expect(notes).toEqual([]);
    // a users table (one row per user, ids 1..n in order) typed int by the user: the recommendation key stays
    const users = ['user_id,age,zip', ...Array.from({ length: rows }, (_, i) => `${i + 1},${20 + (i % 40)},${10000 + i * 13}`)];
    const keyed = await importText('users.csv', users.join('\n') + '\n', { columnTypes: { user_id: 'int' } });
    expect(keyed.dataset.columns.find((c) => c.name === 'user_id')).toMatchObject({ type: 'int', role: 'feature' });
    expect(keyed.notes).toEqual([]);
  });

  it('roles given at import win, and a dataset whose counter is stored as a feature keeps it through a type change and a second import', async () => {
    const given = await importText('given.csv', bikeDays(20), { roles: { instant: 'feature' } });
    expect(given.role('instant')).toBe('feature');
    expect(given.notes).toEqual([]);
    // as a dataset imported before the rule is stored: the counter a feature
    const { dataset } = await importText('day.csv', bikeDays(40));
    lab.registry.setColumns(dataset.id, [{ column: 'instant', role: 'feature' }]);
    await retypeDataset(lab.registry, dataset.id, { temp: 'float' });
    expect(lab.registry.get(dataset.id)!.columns.find((c) => c.name === 'instant')?.role).toBe('feature');
    const again = await lab.registry.importDataset(join(home, 'day.csv'));
    expect(again.created).toBe(false);
    expect(again.dataset.columns.find((c) => c.name === 'instant')?.role).toBe('feature');
  });
});
