// The Models form counts a long-format file's split in times before Start (renderer/lib/window-fit.ts), and
// the lab refuses a window that does not fit by the pivot's own count: the dataset's detail carries the
// import's long-format reading, so both count the same times, a late-starting series and a row without a
// time included (the rows less the repeated times would count that row as a time).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from './store-datasets';
import { DatasetDetail } from '../../../common/lab-api';
import { forecastingPivot } from '../../../common/data/forecasting-long';
import { readDatasetCache } from '../../../workers/data/cache';
import { pivotTimes } from '../../../renderer/lib/data-shape';
import { forecastRanges } from '../../../renderer/lib/window-fit';

const home = mkdtempSync(join(tmpdir(), 'gatelab-store-long-format-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const hour = (h: number) => new Date(Date.UTC(2025, 2, 1, h)).toISOString().slice(0, 16).replace('T', ' ');

describe("a long-format dataset's detail", () => {
  it('carries the import reading, and the form counts the times the pivot lines the series up on', async () => {
    // 4 meters over 80 hours, 'm4' installed at hour 30, and one reading without a time
    const rows = Array.from({ length: 80 }, (_, h) => ['m1', 'm2', 'm3', 'm4'].filter((m) => m !== 'm4' || h >= 30).map((m, k) => `${hour(h)},${m},${(k + h / 10).toFixed(2)}`)).flat();
    const file = join(home, 'meters.csv');
    writeFileSync(file, `when,meter,kwh\n${rows.join('\n')}\n,m2,3.5\n`);
    const { datasets, lab } = await openLabStore(labPaths(home));
    try {
      const { dataset } = await lab.registry.importDataset(file, {});
      // the detail as the app receives it (checked against LabApi's schema on the way)
      const detail = DatasetDetail.parse(datasets.get(String(dataset.id)));
      expect(detail.longFormat).toEqual([{ time: 'when', series: 'meter', times: 80 }]);
      const roles = detail.columnInfo.map((c) => ({ name: c.name, role: c.role }));
      const pivot = forecastingPivot(readDatasetCache(dataset.cachePath), roles, ['kwh'])!;
      expect(pivot.source.rows).toBe(80);
      expect(pivotTimes(detail)).toBe(80);
      // the default split: 70/10/20 of those 80 times
      expect(forecastRanges(detail, null)).toEqual({ train: [0, 56], val: [56, 64], test: [64, 80], unit: 'time' });
    } finally {
      lab.close();
    }
  });
});
