// A long-format forecasting run, trained through `gatelab train` on a temp CSV (3 stores × 300 hours):
// - whether its trainer pivoted the file is stored as a field of its data summary (`pivoted`), and the lab's
//   resolver goes by that field; the data line's "long format: …" words decide only for runs stored before
//   the field existed, the model's channel count only for runs never started;
// - `gatelab split RUN` states its windows over the pivot's times, with the pandas pivot to select them;
// - a stored 'given' split (file rows) on the file is refused in words that say why no row split applies;
// - too few validation windows are warned about on stderr before training, never in the data line.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { main } from '../cli';
import { labPaths } from '../lab/home';
import { openLabDatasets, type LabDatasets } from '../lab/datasets/index';
import { createSplit } from '../lab/datasets/splits';
import { RunManager } from '../lab/runs/run-manager';
import { datasetResolver } from '../lab/runs/dataset-runs';
import { runSplitRows } from '../lab/runs/run-split-rows';
import { dataSummaryOf } from '../lab/runs/trainer-link';
import type { RunDataSummary } from '../lab/store/index';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string, trained: { code: number; out: string; err: string }, lab: LabDatasets;
const STORES = ['north', 'east', 'south'];

/** `gatelab ...` in this process, its stdout and stderr captured. */
async function gatelab(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => { out += `${a.join(' ')}\n`; });
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => { err += `${a.join(' ')}\n`; });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  try {
    return { code: await main([...args, '--home', home]), out, err };
  } finally {
    log.mockRestore(); error.mockRestore(); write.mockRestore();
  }
}

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-long-facts-'); // demos recorded, none made: this test needs none
  const rows = ['date,store,sales'];
  for (let h = 0; h < 300; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    STORES.forEach((s, i) => rows.push(`${date},${s},${(10 + 3 * i + Math.sin(h / 4 + i)).toFixed(3)}`));
  }
  writeFileSync(join(home, 'long.csv'), rows.join('\n') + '\n');
  // 300 times → 210 / 30 / 60 (chronological 70/10/20): 27 validation windows at horizon 4, fewer than 30
  trained = await gatelab('train', '--dataset', join(home, 'long.csv'), '--template', 'dlinear', '--set', 'lookback=24', '--set', 'horizon=4', '--set', 'batchSize=16', '--epochs', '1');
  lab = await openLabDatasets(labPaths(home), { demos: false });
}, 180_000);

afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const run = () => lab.store.runs.get(1)!;

describe('whether a long-format run was pivoted is a field, not a reading of its data line', () => {
  it('is stored from the trainer\'s ready message, and kept when a resumed trainer does not repeat it', () => {
    expect(trained.code, trained.err).toBe(0);
    expect(run().dataSummary).toMatchObject({ pivoted: true });
    expect(run().dataSummary!.line).toMatch(/long format: 3 series by 'store' pivoted into 3 channels/);
    const ready = { type: 'ready', data: 'forecasting: 1 train / 1 validation / 1 test samples' } as Parameters<typeof dataSummaryOf>[0];
    expect(dataSummaryOf(ready, run().dataSummary).pivoted).toBe(true);
    expect(dataSummaryOf({ ...ready, pivoted: false }, run().dataSummary).pivoted).toBe(false);
  });

  it('the resolver goes by the field; an older run without it by its data line; a run never started decides', () => {
    const resolve = datasetResolver(lab.registry);
    const stored = run().dataSummary!;
    // the line is display text: with its long-format words reworded, the field still says what the trainer did
    const reworded = stored.line.replace(/long format: [^;]*/, 'reshaped: one channel per store');
    const as = (dataSummary: RunDataSummary | null, step = run().step) => resolve({ ...run(), step, dataSummary }) as { pivoted?: boolean };
    expect(as({ ...stored, line: reworded }).pivoted).toBe(true);
    expect(as({ ...stored, line: reworded, pivoted: false }).pivoted).toBe(false);
    // stored before the field existed: the line's note decides, as before
    const { pivoted: _, ...old } = stored;
    expect(as(old).pivoted).toBe(true);
    expect(as({ ...old, line: reworded }).pivoted).toBe(false);
    // never started: no summary, the trainer decides (the channel-count fallback)
    expect(as(null, 0).pivoted).toBeUndefined();
  });

  it('every later reader follows it: the split is cut over times for the field, not for the line', () => {
    const stored = run().dataSummary!;
    const reworded = stored.line.replace(/long format: [^;]*/, 'reshaped: one channel per store');
    try {
      lab.store.runs.setStatus(1, 'completed', { dataSummary: { ...stored, line: reworded } });
      const rows = runSplitRows(lab.store, labPaths(home), 1);
      expect(rows.long?.times.length).toBe(300);
      expect(rows.assignment.length).toBe(900);
    } finally {
      lab.store.runs.setStatus(1, 'completed', { dataSummary: stored });
    }
  });
});

describe('gatelab split on a pivoted run', () => {
  it('states the windows over the pivot\'s times and how to select them with pandas from the long file', async () => {
    const r = await gatelab('split', '1', '--out', join(home, 'rows.csv'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/df\.iloc|by row order|targets in rows/);
    expect(r.out).toMatch(/split: the forecasting default: chronological 70\/10\/20 ordered by 'date', cut over the pivot's 300 times \(long format: 3 series by 'store'/);
    expect(r.out).toMatch(/over the 300 distinct 'date' times of the pivot \(every series at each\): a window at time t reads the 24 times before t and predicts times t\.\.t\+3/);
    // 210 training times: windows' targets at times 24–209, the lookback from time 0
    expect(r.out).toContain('train       183 windows: targets at 2024-01-02 00:00–2024-01-09 17:00 (times 24–209), 2024-01-01 00:00–2024-01-01 23:00 (times 0–23) lookback only; reads wide.iloc[0:210]');
    expect(r.out).toContain('test        57 windows: targets at 2024-01-11 00:00–2024-01-13 11:00 (times 240–299), looking back into 2024-01-10 00:00–2024-01-10 23:00 (times 216–239); reads wide.iloc[216:300]');
    const recipe = /pandas, pivot first \(as the run and its export do\): (.*); then wide\.iloc\[a:b\] are times a\.\.b-1, and the file rows at those times (df\[.*\])$/m.exec(r.out);
    expect(recipe, r.out).not.toBeNull();
    // the recipe, run by pandas on the file: the test windows' reads are the times printed, 3 file rows each
    const py = `import pandas as pd\ndf = pd.read_csv(${JSON.stringify(join(home, 'long.csv'))})\n${recipe![1].split('; ').join('\n')}\n` +
      `a, b = 216, 300\nrows = ${recipe![2].replace('df[', 'df.loc[')}\nprint(wide.index[a], '|', wide.index[b - 1], '|', len(rows), '|', list(wide.columns))`;
    const said = execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' }).trim();
    expect(said).toBe("2024-01-10 00:00 | 2024-01-13 11:00 | 252 | ['east', 'north', 'south']");
  }, 60_000);
});

describe('a split of file rows on a long-format file', () => {
  it('is refused before queueing, saying a row split cannot apply to the pivoted file and what works', async () => {
    const trainRows = ['date,store,sales'], testRows = ['date,store,sales'];
    for (let h = 0; h < 300; h++) {
      const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
      STORES.forEach((s, i) => (h < 240 ? trainRows : testRows).push(`${date},${s},${(10 + 3 * i + Math.sin(h / 4 + i)).toFixed(3)}`));
    }
    writeFileSync(join(home, 'train.csv'), trainRows.join('\n') + '\n');
    writeFileSync(join(home, 'test.csv'), testRows.join('\n') + '\n');
    const datasetId = run().datasetId!;
    const split = await createSplit(lab.registry, datasetId, 'official', { kind: 'given', files: { train: join(home, 'train.csv'), test: join(home, 'test.csv') } });
    const manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
    try {
      const before = lab.store.runs.list().length;
      expect(() => manager.create({ model: { template: 'dlinear', lookback: 24, horizon: 4 } as never, data: { kind: 'dataset', datasetId, splitId: split.id }, epochs: 1, batchSize: 16 }))
        .toThrow(`run config: data.splitId: split ${split.id} ('official') assigns the rows of the file (given split files), but dataset 'long' is long format (one row per 'date' and 'store'), ` +
          "and a forecasting run pivots it into one row per 'date' with every series at each time: a split of file rows cannot apply to the pivoted file, whose parts must be periods of time " +
          '(so that no window crosses from train into test). Leave data.splitId out for the default (chronological 70/10/20 over its times), ' +
          'or make a split by time (gatelab datasets split long --kind chronological, or --kind ett) and name it with --set data.splitId=SPLIT');
      expect(lab.store.runs.list().length).toBe(before);
    } finally {
      await manager.close();
    }
  });
});

describe('too few forecasting windows', () => {
  it('are warned about on stderr before training, and the data line keeps to what the trainer did', () => {
    const warning = trained.err.split('\n').find((l) => l.startsWith('warning: only'));
    expect(warning, trained.err).toBe('warning: only 27 validation windows (early stopping and the best checkpoint rest on them; 30 or more is a sound minimum): training and model selection on so few windows mean little. ' +
      'Try a shorter lookback and horizon, e.g. --set model.lookback=6 --set model.horizon=1 (the weekly ILI benchmark, 966 rows, is forecast with lookback 36 or 104 and horizons 24-60), or a longer file or larger validation and test parts');
    // printed once, after the run was queued and before its result
    expect(trained.err.split('\n').filter((l) => l.startsWith('warning: only'))).toHaveLength(1);
    expect(trained.out).toMatch(/run 1 queued in/);
    expect(run().dataSummary!.line).not.toMatch(/warning|validation windows/);
  });
});
