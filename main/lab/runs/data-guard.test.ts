// A forecasting run whose rows cannot make windows (out of time order, long format, too short for one
// window) is refused when it is created, by every face (the run manager, the CLI's dataset setup), with the
// words its trainer would stop with, and no failed run is left in the list. A local-time file across the
// autumn clock change is not refused: it trains, and its data line names the change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver, datasetRunSetup } from './dataset-runs';
import { labDatasetRun } from '../../../workers/data/run-data';
import type { RunRecord } from '../store/index';
import { lazyDatasetCache } from './run-pipeline';

// counts the data check's opens of a dataset cache (a sweep's points share one)
vi.mock('./run-pipeline', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./run-pipeline')>();
  return { ...actual, lazyDatasetCache: vi.fn(actual.lazyDatasetCache) };
});

let home: string, lab: LabDatasets, manager: RunManager;

const hourly = (count: number, from = Date.UTC(2024, 0, 1)) =>
  Array.from({ length: count }, (_, i) => `${new Date(from + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)},${(i % 24) / 2}`);

async function dataset(name: string, lines: string[], header = 'time,load,temp'): Promise<number> {
  writeFileSync(join(home, `${name}.csv`), [header, ...lines].join('\n'));
  return (await lab.registry.importDataset(join(home, `${name}.csv`))).dataset.id;
}

const config = (datasetId: number, model: Record<string, unknown> = {}) =>
  ({ model: { template: 'dlinear', lookback: 24, horizon: 4, ...model }, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16 }) as never;

/** What the run's trainer says about the same config (in-process, as the trainer reads it), or null when it accepts it. */
function trainerSays(datasetId: number, model: Record<string, unknown> = {}): string | null {
  const c = { model: { template: 'dlinear', lookback: 24, horizon: 4, ...model }, data: { kind: 'dataset', datasetId, splitSeed: 42, splitByTime: true }, seed: 0 };
  const run = { id: 0, datasetId, config: c, step: 0, status: 'queued', dataSummary: null } as unknown as RunRecord;
  try {
    labDatasetRun(datasetResolver(lab.registry)(run), c);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-data-guard-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('forecasting data refused before the run is queued', () => {
  it('rows out of time order, a long-format file and a series too short for one window: the trainer\'s message, no run left', async () => {
    const rows = hourly(600);
    [rows[100], rows[300]] = [rows[300], rows[100]];
    const unsorted = await dataset('unsorted', rows);
    const long = await dataset('long', hourly(300).flatMap((l) => ['a', 'b', 'c'].map((s) => `${l.split(',')[0]},${s},${l.split(',')[1]}`)), 'time,store,sales');
    const short = await dataset('short', hourly(60));
    const cases: Array<[number, Record<string, unknown>, RegExp]> = [
      [unsorted, {}, /^the rows of 'time' are not in time order \(first at line 103: .*Sort the file by 'time' and import it again$/],
      [long, {}, /^each time in 'time' appears 3 times .* the file looks like long format/],
      [short, { lookback: 48 }, /^the training part \(rows 0\.\.42, 42 rows\) is shorter than lookback 48 \+ horizon 4.*What fits this split: lookback ≤ 38 with horizon 4/],
    ];
    for (const [id, model, message] of cases) {
      const said = trainerSays(id, model);
      expect(said).toMatch(message);
      expect(() => manager.create(config(id, model))).toThrow(said!);
      // the app's Start (seeds × sweep): refused as a whole
      expect(() => manager.createExperiment({ config: config(id, model), seeds: 2 })).toThrow(said!);
    }
    expect(lab.store.runs.list()).toEqual([]);
    // the lookback the message offers fits
    expect(trainerSays(short, { lookback: 38 })).toBeNull();
  });

  it('a sweep reads the data once for all its points, and still refuses the group on the point that does not fit', async () => {
    const rows = hourly(300);
    [rows[10], rows[20]] = [rows[20], rows[10]];
    const unsorted = await dataset('sweep-unsorted', rows);
    const short = await dataset('sweep-short', hourly(120));
    const opens = vi.mocked(lazyDatasetCache);
    opens.mockClear();
    // 3 lookbacks × 2 seeds: the last lookback is too long for the training part
    const sweep = { kind: 'grid' as const, params: { 'model.lookback': [12, 24, 90] } };
    expect(() => manager.createExperiment({ config: config(short), seeds: 2, sweep })).toThrow(/is shorter than lookback 90 \+ horizon 4/);
    expect(opens).toHaveBeenCalledTimes(1);
    // a refusal found in the rows themselves is remembered too: every point gets the trainer's words
    opens.mockClear();
    expect(() => manager.createExperiment({ config: config(unsorted), seeds: 3 })).toThrow(trainerSays(unsorted)!);
    expect(opens).toHaveBeenCalledTimes(1);
    expect(lab.store.runs.list()).toEqual([]);
    // each createExperiment reads afresh (a re-imported dataset is not judged by its old rows)
    opens.mockClear();
    expect(() => manager.createExperiment({ config: config(short, { lookback: 90 }) })).toThrow(/is shorter than lookback 90/);
    expect(opens).toHaveBeenCalledTimes(1);
  });

  it('the CLI refuses it while setting up, and sets --target back', async () => {
    const rows = hourly(300);
    [rows[10], rows[20]] = [rows[20], rows[10]];
    const id = await dataset('cli-unsorted', rows);
    const roles = () => lab.registry.get(id)!.columns.map((c) => `${c.name}=${c.role}`);
    const before = roles();
    const logged: string[] = [];
    await expect(datasetRunSetup(home, String(id), { model: { template: 'dlinear', lookback: 24, horizon: 4 } }, (l) => logged.push(l), { target: 'load' }))
      .rejects.toThrow(/not in time order \(first at line 13:/);
    expect(roles()).toEqual(before);
    expect(logged.at(-1)).toMatch(/target of dataset \d+ left as it was: the run was refused/);
  });

  it('local time across the autumn clock change (15-minute rows, 02:00-02:45 twice) is queued and trains; its data line names the change', async () => {
    const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const lines = Array.from({ length: 4 * 24 * 4 }, (_, i) => `${clock.format(new Date(Date.UTC(2023, 9, 27) + i * 900_000))},${(3 + Math.sin(i / 9)).toFixed(3)},${i % 7}`);
    const id = await dataset('meter', lines);
    const runId = manager.create(config(id));
    const run = await manager.waitFor(runId);
    expect(run.status, run.error ?? '').toBe('completed');
    expect(lab.store.runs.get(runId)!.dataSummary!.line).toMatch(/'time' is in local time: clock change back at 2023-10-29 02:00 kept in file order/);
  }, 60_000);
});
