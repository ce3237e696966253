import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, ensureDemoDatasets, DEMO_DATASETS, type Dataset, type LabDatasets } from './index';
import { openDatasetCache, type DatasetCache } from '../import/index';

let home: string;
let lab: LabDatasets;
let demos: Dataset[];
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-demo-'));
  lab = await openLabDatasets(labPaths(home)); // first start: installs the demos
  demos = lab.registry.list();
});
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const cacheOf = (family: string): DatasetCache => openDatasetCache(demos.find((d) => d.family === family)!.cachePath);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function correlation(x: ArrayLike<number>, y: ArrayLike<number>, rows: number[]): number {
  const mx = mean(rows.map((r) => x[r])), my = mean(rows.map((r) => y[r]));
  let sxy = 0, sxx = 0, syy = 0;
  for (const r of rows) { sxy += (x[r] - mx) * (y[r] - my); sxx += (x[r] - mx) ** 2; syy += (y[r] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

describe('demo datasets', () => {
  it('are installed on first start as ordinary datasets with roles, family and a description', () => {
    expect(demos.map((d) => [d.family, d.rows, d.columns.length, d.isDemo])).toEqual([
      ['forecasting', 26_280, 8, true],
      ['recsys', 100_000, 9, true],
      ['fusion', 20_000, 19, true],
    ]);
    for (const d of demos) {
      expect(d.description).toBeTruthy();
      expect(d.sourceBytes).toBeGreaterThan(1_000_000);
      expect(d.sourceBytes).toBeLessThan(8_000_000);
      expect(d.columns.filter((c) => c.role === 'target')).toHaveLength(1);
    }
    expect(demos[0].columns[0]).toMatchObject({ name: 'timestamp', type: 'datetime', role: 'time' });
    expect(demos[2].columns.filter((c) => c.modality === 'camera')).toHaveLength(8);
  });

  it('forecasting: daily seasonality whose peak hour moves at the regime switch, and the ETT split applies', () => {
    const c = cacheOf('forecasting');
    const time = c.column('timestamp').values;
    const load = c.column('load_1').values;
    const peakHour = (from: number, to: number) => {
      const byHour = Array.from({ length: 24 }, () => [] as number[]);
      for (let r = from; r < to; r++) byHour[new Date(time[r] * 1000).getUTCHours()].push(load[r]);
      const means = byHour.map(mean);
      return means.indexOf(Math.max(...means));
    };
    const switchAt = Math.floor(c.rows * 0.6);
    expect(peakHour(0, switchAt)).toBe(11);
    expect(peakHour(switchAt, c.rows)).toBe(19);
  });

  it('CTR: segment x category matters far more when the gate (mobile, evening) is open', () => {
    const c = cacheOf('recsys');
    const col = (n: string) => c.column(n);
    const device = col('device'), hour = col('hour').values, seg = col('user_segment'), cat = col('ad_category'), y = col('clicked').values;
    const spread = (open: boolean) => {
      const stats = new Map<string, [number, number]>();
      for (let r = 0; r < c.rows; r++) {
        const isOpen = device.dictionary![device.values[r]] === 'mobile' && hour[r] >= 18;
        if (isOpen !== open) continue;
        const k = `${seg.values[r]}/${cat.values[r]}`;
        const s = stats.get(k) ?? [0, 0];
        s[0] += y[r]; s[1]++;
        stats.set(k, s);
      }
      const rates = [...stats.values()].filter(([, n]) => n >= 20).map(([k, n]) => k / n);
      const m = mean(rates);
      return Math.sqrt(mean(rates.map((r) => (r - m) ** 2)));
    };
    expect(spread(true)).toBeGreaterThan(1.7 * spread(false));
  });

  it('fusion: the camera predicts the label in clear conditions and is noise in fog or at night', () => {
    const c = cacheOf('fusion');
    const cond = c.column('condition');
    const rows = (name: string) => Array.from({ length: c.rows }, (_, r) => r).filter((r) => cond.dictionary![cond.values[r]] === name);
    const label = c.column('label').values;
    const camera = c.column('camera_1').values;
    expect(Math.abs(correlation(camera, label, rows('clear')))).toBeGreaterThan(0.25);
    expect(Math.abs(correlation(camera, label, rows('fog')))).toBeLessThan(0.05);
    expect(Math.abs(correlation(camera, label, rows('night')))).toBeLessThan(0.05);
  });

  it('are generated identically from their seeds, so a second start adds nothing, and a deleted demo stays deleted', async () => {
    expect(DEMO_DATASETS[2].csv()).toBe(DEMO_DATASETS[2].csv());
    expect(await ensureDemoDatasets(lab.registry)).toEqual([]);
    lab.store.settings.set('demo.installedVersion', 0); // as if the lab predates the demos
    expect((await ensureDemoDatasets(lab.registry)).map((d) => d.id)).toEqual(demos.map((d) => d.id)); // same content: same datasets
    lab.registry.delete(demos[1].id);
    expect(await ensureDemoDatasets(lab.registry)).toEqual([]);
    expect(lab.registry.list()).toHaveLength(2);
  });
});
