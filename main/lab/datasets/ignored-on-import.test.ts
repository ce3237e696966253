// A row counter (`No` in the PM2.5 layout) and the parts of a composed time start ignored, so a forecast does
// not take them as channels; the import summary says so and how to add the counter back. Roles are stored at
// import: a dataset imported before keeps its roles.
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
