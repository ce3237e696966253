// A forecasting run whose rows cannot make windows (out of time order, a long-format file that cannot be
// pivoted, too short for one window) is refused when it is created, by every face (the run manager, the CLI's dataset setup), with the
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
import { checkRunData } from './data-guard';
import { withDatasetDefaults } from './dataset-defaults';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { classWeightsFor } from '../../../workers/run/class-weights';

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
  it('rows out of time order, a long-format file with a repeated (time, series) pair and a series too short for one window: the trainer\'s message, no run left', async () => {
    const rows = hourly(600);
    [rows[100], rows[300]] = [rows[300], rows[100]];
    const unsorted = await dataset('unsorted', rows);
    const longRows = hourly(300).flatMap((l) => ['a', 'b', 'c'].map((s) => `${l.split(',')[0]},${s},${l.split(',')[1]}`));
    const repeated = await dataset('long-repeated', [...longRows.slice(0, 40), longRows[37], ...longRows.slice(40)], 'time,store,sales');
    const short = await dataset('short', hourly(60));
    // 3 stores × 60 hours (180 rows) pivot into 60 times: the parts are counted in times, not the file's rows
    const shortLong = await dataset('short-long', longRows.slice(0, 180), 'time,store,sales');
    const cases: Array<[number, Record<string, unknown>, RegExp]> = [
      [unsorted, {}, /^the rows of 'time' are not in time order \(first at line 103: .*Sort the file by 'time' and import it again$/],
      [repeated, {}, /^long format by 'store': 1 row repeats a \(time, series\) pair, the first 'time' = 2024-01-01 12:00 with 'store' = b \(rows 38 and 41\)/],
      [short, { lookback: 48 }, /^the training part \(rows 1-42, 42 rows\) is shorter than lookback 48 \+ horizon 4.*What fits this split: lookback ≤ 38 with horizon 4/],
      [shortLong, { lookback: 48 }, /^the training part \(times 1-42, 42 times\) is shorter than lookback 48 \+ horizon 4.*What fits this split: lookback ≤ 38 with horizon 4/],
      [shortLong, { lookback: 4, horizon: 12 }, /^the validation part \(times 43-48, 6 times\) is shorter than horizon 12: its windows' targets must lie inside it \(their lookback may reach into the times before\)/],
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

  it('a long-format file is queued and trains pivoted; series that barely overlap and more channels than memory allows are refused before queueing', async () => {
    const at = (h: number) => new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const row = (h: number, s: string) => `${at(h)},${s},${(10 + Math.sin(h / 5 + s.length)).toFixed(3)}`;
    // 3 stores × 300 hours, 'south' missing two hours
    const long = await dataset('long', Array.from({ length: 300 }, (_, h) => ['north', 'south', 'east'].filter((s) => !(s === 'south' && (h === 120 || h === 121))).map((s) => row(h, s))).flat(), 'time,store,sales');
    expect(trainerSays(long)).toBeNull();
    const runId = manager.create(config(long));
    const run = await manager.waitFor(runId);
    expect(run.status, run.error ?? '').toBe('completed');
    expect(lab.store.runs.get(runId)!.dataSummary!.line).toMatch(/3 channels: east, north, south; long format: 3 series by 'store' pivoted into 3 channels \(2 gaps filled with the series' value before\)/);
    // 'b' starts as 'a' ends: with the series-id role set (the times do not repeat evenly), refused by the pivot's rule
    const span = (s: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i, s));
    const apart = await dataset('long-apart', [...span('a', 0, 299), ...span('b', 200, 499), ...span('c', 0, 499)], 'time,store,sales');
    lab.registry.setColumns(apart, [{ column: 'store', role: 'series-id' }]);
    const said = trainerSays(apart);
    expect(said).toMatch(/^long format by 'store': the 3 series share only 100 of 500 times \(20%\): 'b' starts at 2024-01-09 08:00, 'a' ends at 2024-01-13 11:00/);
    expect(() => manager.create(config(apart))).toThrow(said!);
    // 400 series mixed by one dlinear: the value column alone fits, its 400 channels do not (never pivoted to find out)
    const many = await dataset('long-many', Array.from({ length: 4 }, (_, h) => Array.from({ length: 400 }, (_, s) => row(h, `s${s}`))).flat(), 'time,store,sales');
    lab.registry.setColumns(many, [{ column: 'store', role: 'series-id' }]);
    expect(() => manager.create(config(many, { mode: 'channel-mixing', lookback: 96, horizon: 96 }))).toThrow(/^run config: dlinear \(channel-mixing, lookback 96, horizon 96, 400 channels\) has [\d,]+ parameters/);
    expect(lab.store.runs.list().map((r) => r.id)).toEqual([runId]);
  }, 90_000);

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

// Class weights (`loss.classWeights`) the run cannot use used to fail in its trainer at step 0, leaving a
// failed run (and --target changed). The guard counts the classes as the trainer does (the target's coding).
describe('class weights the run cannot use are refused before it is queued', () => {
  /** 300 rows: two numbers, a 1-5 rating (5 classes) and a 0/1 flag (2 classes). */
  const reviews = () => dataset('reviews', Array.from({ length: 300 }, (_, i) => `${18 + (i * 7) % 60},${((i * 13) % 100) / 10},${1 + (i % 5)},${i % 3 === 0 ? 1 : 0}`), 'age,score,Rating,recommended');
  const fusion = (datasetId: number, classWeights: unknown) =>
    ({ model: { template: 'concat-fusion' }, data: { kind: 'dataset', datasetId }, epochs: 1, loss: { classWeights } }) as never;

  /** What the run's trainer makes of the weights: its class weights' error, or null when it takes them. */
  function trainerSaysOfWeights(datasetId: number, template: string, weights: number[] | 'balanced'): string | null {
    const c = { model: { template, lookback: 24, horizon: 4 }, data: { kind: 'dataset', datasetId, splitSeed: 42, splitByTime: true }, seed: 0 };
    const run = { id: 0, datasetId, config: c, step: 0, status: 'queued', dataSummary: null } as unknown as RunRecord;
    try {
      classWeightsFor({ classWeights: weights }, labDatasetRun(datasetResolver(lab.registry)(run), c).data, template);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  it('a list that is not one weight per class: names the target, its classes in class-id order and the fix; the trainer counts the same', async () => {
    const id = await reviews();
    lab.registry.setColumns(id, [{ column: 'Rating', role: 'target' }]);
    expect(() => manager.create(fusion(id, [1, 2, 3])))
      .toThrow("loss.classWeights has 3 weights ([1, 2, 3]) but the target 'Rating' has 5 classes ('1', '2', '3', '4', '5'): give one weight per class in that order, or 'balanced'");
    expect(() => manager.createExperiment({ config: fusion(id, [1, 2, 3]), seeds: 2 })).toThrow(/has 3 weights .* 5 classes/);
    expect(trainerSaysOfWeights(id, 'concat-fusion', [1, 2, 3])).toMatch(/has 3 weights but the target has 5 classes/);
    // five weights are what the trainer takes: the guard lets them through
    expect(trainerSaysOfWeights(id, 'concat-fusion', [1, 2, 3, 4, 5])).toBeNull();
    expect(() => checkRunData(withDatasetDefaults(parseNewRunConfig(fusion(id, [1, 2, 3, 4, 5])), lab.store), lab.store, (s) => join(home, s))).not.toThrow();
    // a binary target (a 0/1 column the importer read as a boolean, named as the file wrote it): two weights, negative first
    lab.registry.setColumns(id, [{ column: 'recommended', role: 'target' }]);
    expect(() => manager.create(fusion(id, [1, 2, 3])))
      .toThrow("loss.classWeights has 3 weights ([1, 2, 3]) but the target 'recommended' has 2 classes ('0', '1'): give one weight per class in that order, or 'balanced'");
    expect(trainerSaysOfWeights(id, 'concat-fusion', [1, 2])).toBeNull();
    // the demo model's synthetic data is binary too
    expect(() => manager.create({ loss: { classWeights: [1, 2, 3] } }))
      .toThrow("loss.classWeights has 3 weights ([1, 2, 3]) but the demo's synthetic data has 2 classes ('negative', 'positive'): give one weight per class in that order, or 'balanced'");
    expect(lab.store.runs.list().filter((r) => r.datasetId === id || r.datasetId === null)).toEqual([]);
  });

  it('any class weights on a forecasting run: says it forecasts numbers and to remove the option; the trainer refuses them too', async () => {
    const id = await dataset('weighted-forecast', hourly(300));
    const refusal = /^loss\.classWeights=balanced applies to classification runs \(a binary or multi-class target\), and this run forecasts 'load', 'temp' with template dlinear, which predicts numbers: remove loss\.classWeights from the run$/;
    const weighted = (classWeights: unknown) =>
      ({ model: { template: 'dlinear', lookback: 24, horizon: 4 }, data: { kind: 'dataset', datasetId: id }, epochs: 1, loss: { classWeights } }) as never;
    expect(() => manager.create(weighted('balanced'))).toThrow(refusal);
    expect(() => manager.create(weighted([1, 2]))).toThrow(/^loss\.classWeights=\[1, 2\] applies to classification runs/);
    expect(trainerSaysOfWeights(id, 'dlinear', 'balanced')).toMatch(/^loss\.classWeights applies to classification runs/);
    expect(lab.store.runs.list().filter((r) => r.datasetId === id)).toEqual([]);
  });

  it('the CLI refuses them while setting up, and sets --target back', async () => {
    const id = await reviews();
    const roles = () => lab.registry.get(id)!.columns.map((c) => `${c.name}=${c.role}`);
    const before = roles();
    const logged: string[] = [];
    await expect(datasetRunSetup(home, String(id), { model: { template: 'concat-fusion' }, loss: { classWeights: [1, 2] } }, (l) => logged.push(l), { target: 'Rating' }))
      .rejects.toThrow("loss.classWeights has 2 weights ([1, 2]) but the target 'Rating' has 5 classes");
    expect(roles()).toEqual(before);
    expect(logged.at(-1)).toMatch(/target of dataset \d+ left as it was: the run was refused/);
  });
});

// Modality dropout or noise on a one-modality dataset trained a run that zeroed (or mislabelled) whole
// samples; it is refused when created, as the trainer refuses it, and leaves no run behind.
describe('modality dropout and noise on one modality are refused before the run is queued', () => {
  const headlines = (name: string, withCount: boolean) => dataset(name, Array.from({ length: 120 }, (_, i) =>
    `${['senate vote', 'match goal', 'beach hotel'][i % 3]} story ${i}${withCount ? `,${300 + i}` : ''},${['POLITICS', 'SPORTS', 'TRAVEL'][i % 3]}`), withCount ? 'headline,word_count,category' : 'headline,category');
  const fusion = (datasetId: number, model: Record<string, unknown>) =>
    ({ model: { template: 'concat-fusion', ...model }, data: { kind: 'dataset', datasetId }, epochs: 1 }) as never;

  it('names the field, the one modality and the fix; with a second modality the same options are taken', async () => {
    const id = await headlines('headlines', false);
    lab.registry.setColumns(id, [{ column: 'category', role: 'target' }]);
    expect(() => manager.create(fusion(id, { modalityDropout: 0.2 })))
      .toThrow(/^template 'concat-fusion': field 'modalityDropout': modality dropout zeroes a modality .* with one modality \(text\) it would train 20% of the samples on no input at all: set it to 0, or give another column group a modality/);
    expect(() => manager.createExperiment({ config: fusion(id, { modalityNoise: 0.3 }), seeds: 2 })).toThrow(/field 'modalityNoise': .* with one modality \(text\)/);
    expect(lab.store.runs.list().filter((r) => r.datasetId === id)).toEqual([]);
    const two = await headlines('headlines-with-counts', true);
    lab.registry.setColumns(two, [{ column: 'category', role: 'target' }]);
    expect(() => checkRunData(withDatasetDefaults(parseNewRunConfig(fusion(two, { modalityDropout: 0.2, modalityNoise: 0.3 })), lab.store), lab.store, (s) => join(home, s))).not.toThrow();
  });
});

describe('gatelab train checks the data once', () => {
  it("the dataset setup's reads are handed to the run manager, which does not read the data again", async () => {
    const id = await dataset('once', hourly(300));
    const opens = vi.mocked(lazyDatasetCache);
    opens.mockClear();
    // as `gatelab train --dataset ID` does: the setup checks the data, then the manager queues the run
    const setup = await datasetRunSetup(home, String(id), { model: { template: 'dlinear', lookback: 24, horizon: 4 }, epochs: 1, maxSteps: 2 }, () => {});
    try {
      const runId = manager.create(setup.config, { dataChecks: setup.dataChecks });
      expect(opens).toHaveBeenCalledTimes(1);
      expect((await manager.waitFor(runId)).status).toBe('completed');
    } finally {
      setup.store.close();
    }
    // the same for a class-weights list: the target's classes, coded by the setup, are not read again
    const ratings = await dataset('once-ratings', Array.from({ length: 200 }, (_, i) => `${i % 50},${(i % 7) / 2},${1 + (i % 4)}`), 'age,score,Rating');
    opens.mockClear();
    const weighted = await datasetRunSetup(home, String(ratings), { model: { template: 'concat-fusion' }, loss: { classWeights: [1, 2, 3] } }, () => {}, { target: 'Rating' })
      .catch((e: Error) => e);
    expect(String(weighted)).toMatch(/has 3 weights \(\[1, 2, 3\]\) but the target 'Rating' has 4 classes/);
    expect(opens).not.toHaveBeenCalled(); // the setup's target check (the whole cache) coded it once
  }, 60_000);
});
