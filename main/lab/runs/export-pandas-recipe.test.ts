// The pandas lines an export's preprocessing metadata gives for a long-format run (longFormat.rules) are the
// ones `gatelab split` prints (common/data/forecasting-long.ts pandasPivot), and they work: run by pandas
// (/usr/bin/python3) on the long file, with two value columns and two gaps, they give the channels in the
// metadata's order holding the file's values, each gap filled with its series' value before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { exportRun } from './export-run';
import type { PreprocessingDoc } from './preprocessing-doc';
import { pandasPivot } from '../../../common/data/forecasting-long';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

const HOURS = 120;
let trained: TrainedRunLab;
/** [date, store, sales, price] as written, rows of an hour in no store order; 'b' has no row at hours 30 and 31. */
const rows: string[][] = [];

beforeAll(async () => {
  for (let h = 0; h < HOURS; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    for (const [s, store] of [[1, 'b'], [0, 'a']] as const) {
      if (store === 'b' && (h === 30 || h === 31)) continue;
      rows.push([date, store, (10 + 3 * s + 2 * Math.sin((2 * Math.PI * h) / 24 + s)).toFixed(3), (5 + s + Math.cos(h / 5 + s)).toFixed(2)]);
    }
  }
  trained = await labWithTrainedRun({
    prefix: 'gatelab-pandas-recipe-', fileName: 'two-values.csv', contents: ['date,store,sales,price', ...rows.map((r) => r.join(','))].join('\n') + '\n',
    config: (datasetId) => ({ model: { template: 'linear', lookback: 12, horizon: 4 } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16 }),
  });
}, 120_000);

afterAll(() => trained?.close());

describe("an export's pandas pivot recipe", () => {
  it("is gatelab split's, and run by pandas on the file gives the metadata's channels with the file's values, gaps filled", () => {
    const { home, lab, manager, runId } = trained;
    const out = join(home, 'two-values.onnx');
    exportRun(lab.store, manager.files, runId, out);
    const m = onnxProto.onnx.ModelProto.decode(readFileSync(out));
    const meta = Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key!, p.value!]));
    const long = (JSON.parse(meta['gatelab.preprocessing']) as PreprocessingDoc).inputs[0].longFormat!;
    expect(long.channels).toEqual(['a/sales', 'a/price', 'b/sales', 'b/price']);
    const recipe = /pandas: (.*); then (wide\.ffill\(\)\.bfill\(\))$/.exec(long.rules);
    expect(recipe, long.rules).not.toBeNull();
    // one function writes the pivot for both: the export's lines start with gatelab split's
    expect(recipe![1].startsWith(`${pandasPivot({ time: 'date', series: 'store' }, ['sales', 'price'])}; `)).toBe(true);
    const py = ['import json', 'import pandas as pd', `df = pd.read_csv(${JSON.stringify(join(home, 'two-values.csv'))})`, `channels = ${JSON.stringify(long.channels)}`,
      ...recipe![1].split('; '), `wide = ${recipe![2]}`,
      "print(json.dumps({'columns': list(wide.columns), 'times': [str(t) for t in wide.index], 'values': wide.values.tolist()}))"].join('\n');
    const got = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' })) as { columns: string[]; times: string[]; values: number[][] };
    expect(got.columns).toEqual(long.channels);
    const times = [...new Set(rows.map((r) => r[0]))].sort();
    expect(got.times).toEqual(times);
    // the wide rows by hand: each channel the cell of its series' row at that time; b's hours 30 and 31 its hour 29
    const cell = (time: string, store: string, v: number) => { const r = rows.find((x) => x[0] === time && x[1] === store); return r ? Number(r[v]) : null; };
    const expected = times.map((t) => ['a', 'b'].flatMap((s) => [2, 3].map((v) => cell(t, s, v) ?? cell(times[29], s, v)!)));
    expect(got.values).toEqual(expected);
    expect(got.values[30][2]).toBe(Number(rows.find((r) => r[0] === times[29] && r[1] === 'b')![2]));
  }, 60_000);
});
