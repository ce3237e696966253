// A file whose time is a date column beside an hour number (UCI Bike Sharing's dteday + hr) imports with a
// composed time column as its time index and the date and hour ignored, so a forecasting run takes it as one
// hourly series instead of refusing its repeated dates; a type change keeps the composed column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { defaultBinding } from '../../../common/models/binding';
import { checkForecastingRows } from '../../../common/data/forecasting-rows';
import { labPaths } from '../home';
import { openDatasetCache } from '../import/index';
import { openLabDatasets, type LabDatasets } from './index';
import { retypeDataset } from './retype';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-date-hour-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** Three days of hourly rows in the Bike Sharing layout. */
function bikes(): string {
  const lines = ['dteday,season,hr,temp,cnt'];
  for (let i = 0; i < 72; i++) lines.push(`2011-01-0${1 + Math.floor(i / 24)},winter,${i % 24},${(0.2 + (i % 7) / 100).toFixed(2)},${10 + (i % 30)}`);
  return lines.join('\n') + '\n';
}

describe('a date and an hour column on import', () => {
  it('the composed time is the time index, the date and hour start ignored, and forecasting takes the rows as one series', async () => {
    const csv = join(home, 'hour.csv');
    writeFileSync(csv, bikes());
    const { dataset } = await lab.registry.importDataset(csv);
    expect(dataset.columns.map((c) => [c.name, c.role])).toEqual([['dteday', 'ignore'], ['season', 'feature'], ['hr', 'ignore'], ['temp', 'feature'], ['cnt', 'feature'], ['time', 'time']]);
    const columns = dataset.columns.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality }));
    const binding = defaultBinding('forecasting', columns).columns;
    expect(binding.family === 'forecasting' && binding.channels).toEqual(['temp', 'cnt']);
    // no refusal for repeated times (the date's repeats are no longer the time index's)
    const cache = openDatasetCache(dataset.cachePath);
    expect(checkForecastingRows(cache.meta, columns, () => cache.column('time').values)).toEqual([]);
  });

  it('a type change keeps the composed time column and the roles', async () => {
    const csv = join(home, 'hour.csv');
    writeFileSync(csv, bikes());
    const { dataset } = await lab.registry.importDataset(csv);
    await retypeDataset(lab.registry, dataset.id, { temp: 'float' });
    const after = lab.registry.get(dataset.id)!;
    expect(after.columns.map((c) => [c.name, c.role])).toEqual(dataset.columns.map((c) => [c.name, c.role]));
  });
});
