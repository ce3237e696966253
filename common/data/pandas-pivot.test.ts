// The pandas pivot lines the lab prints (pandasPivot: the export's preprocessing recipe, `gatelab split`) must
// name the series as the lab's channels are named. A numeric series column with an empty cell is read by
// pandas as float: astype(str) made '1.0' where the lab's channel is '1' (a KeyError selecting the channels).
// Run by /usr/bin/python3 with pandas on the file, compared with the lab's own pivot of the same rows.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetCacheMeta } from '../dataset-cache';
import { columnSource } from './columns';
import { forecastingPivot, pandasPivot } from './forecasting-long';

const T0 = Date.UTC(2024, 0, 1) / 1000;
const iso = (h: number) => new Date((T0 + h * 3600) * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** [hour, store code (NaN: empty cell), sales]: stores 1, 2 and 10 over 6 hours, one row with no store. */
const rows: Array<[number, number, number]> = [];
for (let h = 0; h < 6; h++) for (const s of [10, 2, 1]) rows.push([h, s, s * 100 + h]);
rows.push([3, NaN, 999]);

/** The lab's pivot of those rows: store read as a number (no dictionary), role series-id. */
function labChannels(): string[] {
  const meta = {
    rows: rows.length,
    columns: [
      { name: 'date', type: 'datetime', dtype: 'float64', dim: 1, file: 'c0000.bin', stats: { count: rows.length, missing: 0, min: null, max: null, mean: null, std: null, cardinality: null, topValues: null, histogram: null } },
      { name: 'store', type: 'int', dtype: 'float64', dim: 1, file: 'c0001.bin', stats: { count: rows.length - 1, missing: 1, min: 1, max: 10, mean: null, std: null, cardinality: null, topValues: null, histogram: null } },
      { name: 'sales', type: 'float', dtype: 'float64', dim: 1, file: 'c0002.bin', stats: { count: rows.length, missing: 0, min: null, max: null, mean: null, std: null, cardinality: null, topValues: null, histogram: null } },
    ],
    validation: { policy: 'reject', rowsRead: rows.length, rowsKept: rows.length, rowsDropped: 0, valuesImputed: 0, issues: [] },
  } as unknown as DatasetCacheMeta;
  const source = Object.assign(columnSource(rows.length, {
    date: { values: Float64Array.from(rows, (r) => T0 + r[0] * 3600) },
    store: { values: Float64Array.from(rows, (r) => r[1]) },
    sales: { values: Float64Array.from(rows, (r) => r[2]) },
  }), { meta });
  const pivot = forecastingPivot(source, [{ name: 'date', role: 'time' }, { name: 'store', role: 'series-id' }, { name: 'sales', role: 'feature' }], ['sales']);
  return pivot!.channels;
}

describe('the pandas pivot recipe on a numeric series column', () => {
  it("names the series as the lab's channels ('1', not '1.0') when pandas reads the column as float", () => {
    const channels = labChannels();
    expect(channels).toEqual(['1', '2', '10']);
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-pandas-pivot-'));
    try {
      const file = join(dir, 'long.csv');
      writeFileSync(file, ['date,store,sales', ...rows.map(([h, s, v]) => `${iso(h)},${Number.isNaN(s) ? '' : s},${v}`)].join('\n') + '\n');
      const py = ['import json', 'import pandas as pd', `df = pd.read_csv(${JSON.stringify(file)})`,
        "assert df['store'].dtype == 'float64', df['store'].dtype", // the case: an int column with an empty cell
        ...pandasPivot({ time: 'date', series: 'store' }, ['sales']).split('; '),
        `sel = wide[${JSON.stringify(channels)}]`, // what the lab's channel names select: a KeyError before
        "print(json.dumps({'columns': [c for c in wide.columns if c == c], 'values': sel.values.tolist()}))"].join('\n');
      const got = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { columns: string[]; values: number[][] };
      // pandas orders the text names as text ('10' before '2'): the recipes select the channels by name
      expect([...got.columns].sort()).toEqual([...channels].sort());
      expect(got.values).toEqual([0, 1, 2, 3, 4, 5].map((h) => [100 + h, 200 + h, 1000 + h]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
