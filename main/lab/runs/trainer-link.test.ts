// The data summary a run keeps from its trainer's 'ready' (RunDataSummary): besides the human line, the
// model's inputs and the label by name, so gate names and Try it's terms never depend on the line's words.
// Trained for real (the trainer's own dataFor and trainRun on an imported file) with column names that
// defeat the line parsers (a channel named "load; left out: pv (kW)", a label named "is positive"); a
// resumed trainer keeps what it said first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDataSummary } from '../../../common/lab-api/runs';
import { gateNamesFromConfig } from '../../../common/analytics/gate-names';
import type { FromTrainer } from '../../../common/trainer-protocol';
import { binaryTerms } from '../../../renderer/lib/label-terms';
import { forecastShape } from '../../../renderer/lib/try-rows';
import { parseRunConfig } from '../../../common/runs/config';
import { readDatasetCache } from '../../../workers/data/cache';
import { dataFor } from '../../../workers/run/data-for';
import { trainRun } from '../../../workers/run/train-run';
import { importFile } from '../import/index';
import { dataSummaryOf } from './trainer-link';

type Ready = Extract<FromTrainer, { type: 'ready' }>;
const ready = (extra: Partial<Ready>): Ready => ({
  type: 'ready', model: 'gmu', modelConfig: {}, data: 'fusion: 9 train / 2 validation / 2 test samples', parameters: 10, provider: 'cpu',
  stepsPerEpoch: 1, totalSteps: 1, step: 0, ...extra,
});

describe('dataSummaryOf', () => {
  const label = { column: 'is positive', classes: ['false', 'true'], negative: 'false', positive: 'true' };
  const inputs = { fields: ['city, country', 'age'] };

  it('stores the inputs and label the trainer sent, beside its line', () => {
    expect(dataSummaryOf(ready({ inputs, label, logScaled: [] }), null)).toEqual({ line: 'fusion: 9 train / 2 validation / 2 test samples', logScaled: [], inputs, label });
    expect(dataSummaryOf(ready({}), null)).toEqual({ line: 'fusion: 9 train / 2 validation / 2 test samples', logScaled: [] }); // synthetic data: neither
  });

  it('a resumed trainer that does not repeat them keeps those of the first start; one that does replaces them', () => {
    const first = dataSummaryOf(ready({ inputs, label, logScaled: ['price'] }), null);
    expect(dataSummaryOf(ready({ data: 'resumed line' }), first)).toEqual({ line: 'resumed line', logScaled: ['price'], inputs, label });
    expect(dataSummaryOf(ready({ inputs: { fields: ['a'] } }), first).inputs).toEqual({ fields: ['a'] });
  });

  it('keeps the split sizes the trainer sent, and a resumed trainer that does not repeat them keeps those of the first start', () => {
    const splitSizes = { train: 9, validation: 2, test: 2 };
    const first = dataSummaryOf(ready({ splitSizes }), null);
    expect(first.splitSizes).toEqual(splitSizes);
    expect(dataSummaryOf(ready({ data: 'resumed line' }), first).splitSizes).toEqual(splitSizes);
  });

  it("keeps a regression's mean baseline, and a resumed trainer's silence does not drop it", () => {
    const regressionBaseline = { mean: 102.798, mse: 23.61, mae: 3.951, rmse: 4.859, r2: -0.0021 };
    const first = dataSummaryOf(ready({ regressionBaseline }), null);
    expect(first).toEqual({ line: 'fusion: 9 train / 2 validation / 2 test samples', logScaled: [], regressionBaseline });
    expect(dataSummaryOf(ready({ data: 'resumed line' }), first).regressionBaseline).toEqual(regressionBaseline);
  });
});

let home: string;
type Summary = ReturnType<typeof RunDataSummary.parse>;
const control = { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true };

/**
 * One epoch of a real run as its trainer process does it (dataFor, then trainRun) on a file imported into
 * the lab's cache, with the roles given: the run's config as the lab keeps it (the model as built) and its
 * data summary as the Runs view and Try it receive it (through the API schema, which drops unknown fields).
 */
async function train(file: string, model: Record<string, unknown>, roles: Record<string, string> = {}): Promise<{ config: Record<string, unknown>; data: Summary }> {
  const cacheDir = join(home, `${file}-cache`);
  await importFile(join(home, file), cacheDir);
  const columns = readDatasetCache(cacheDir).meta.columns
    .map((c) => ({ name: c.name, type: c.type, role: roles[c.name] ?? (c.type === 'datetime' ? 'time' : 'feature'), modality: null }));
  const config = parseRunConfig({ model, data: { kind: 'dataset', datasetId: 1, columns }, epochs: 1, dtype: 'float32', seed: 1 });
  const spec = { runId: 1, config, checkpointDir: mkdtempSync(join(home, 'ckpt-')), dataset: { cacheDir, columns } };
  const built = await dataFor(spec);
  const events: FromTrainer[] = [];
  await trainRun({ ...spec, config: built.config }, built.data, (e) => events.push(e), control);
  const msg = events.find((e): e is Ready => e.type === 'ready');
  if (!msg || !events.some((e) => e.type === 'finished')) throw new Error(`the run did not finish: ${JSON.stringify(events.at(-1))}`);
  const stored = JSON.parse(JSON.stringify(dataSummaryOf(msg, null))); // the runs table's JSON column
  return { config: { ...config, model: msg.modelConfig }, data: RunDataSummary.parse(stored) };
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-datafacts-'));
  // two channels and a constant flag the trainer leaves out; the first channel's name reads like the note
  const loads = ['ts,"load; left out: pv (kW)",pv,flag'];
  for (let i = 0; i < 400; i++) loads.push(`2024-01-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${Math.sin(i / 5).toFixed(3)},${Math.cos(i / 7).toFixed(3)},1`);
  writeFileSync(join(home, 'loads.csv'), loads.join('\n') + '\n');
  // a 0/1 label whose name holds the words the label note ends with, and a field holding ", "
  const survey = ['age,"city, country",is positive'];
  const cities = ['Paris, France', 'Lyon, France', 'Bonn, Germany'];
  for (let i = 0; i < 300; i++) { const age = 18 + ((i * 37) % 63); survey.push(`${age},"${cities[i % 3]}",${age > 50 ? 1 : 0}`); }
  writeFileSync(join(home, 'survey.csv'), survey.join('\n') + '\n');
  // a price with cents (a number to regress, not classes) that its size explains in part
  const flats = ['size,"city, country",price'];
  for (let i = 0; i < 300; i++) { const size = 20 + ((i * 37) % 80); flats.push(`${size},"${cities[i % 3]}",${(100 + 2 * size + ((i * 13) % 17) * 1.37).toFixed(2)}`); }
  writeFileSync(join(home, 'flats.csv'), flats.join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('a run trained now names its inputs and label whatever its columns are called', () => {
  it('forecasting: the gates and Try it name the channels the model reads; the line alone could not', async () => {
    const run = await train('loads.csv', { template: 'dlinear', lookback: 24, horizon: 6 });
    expect(run.data.line).toMatch(/; 2 channels: load; left out: pv \(kW\), pv; left out: flag \(constant\)/);
    expect(run.data.inputs).toEqual({ channels: ['load; left out: pv (kW)', 'pv'] });
    expect(gateNamesFromConfig(run.config, run.data).variables).toEqual(['load; left out: pv (kW)', 'pv']);
    expect(forecastShape(run.config, run.data)?.names).toEqual(['load; left out: pv (kW)', 'pv']);
    // the same run as stored before the trainer sent its inputs: the line parser takes 'pv' for left out
    expect(forecastShape(run.config, { line: run.data.line })?.names).toEqual(['channel 0', 'channel 1']);
    expect(run.data.label).toBeUndefined();
    // the windows of each part as numbers, the same the line words (Try it starts inside the test split by them)
    const [, trainWindows, validation, test] = /: ([\d,]+) train \/ ([\d,]+) validation \/ ([\d,]+) test samples/.exec(run.data.line)!.map((w) => Number(w.replaceAll(',', '')));
    expect(run.data.splitSizes).toEqual({ train: trainWindows, validation, test });
    expect(test).toBeGreaterThan(10);
  });

  it('classification: Try it says "P(is positive = 1)" (the 1 the file wrote), and a CTR model names its fields with ", " in them', async () => {
    const fusion = await train('survey.csv', { template: 'concat-fusion' }, { 'is positive': 'target' });
    expect(fusion.data.label).toEqual({ column: 'is positive', classes: ['0', '1'], negative: '0', positive: '1' });
    expect(binaryTerms(fusion.config, fusion.data)).toEqual({ event: 'is positive = 1', classes: ['0', '1'] });
    expect(binaryTerms(fusion.config, fusion.data.line)).toBeNull(); // the line alone: the column's name ends the note early

    const ctr = await train('survey.csv', { template: 'finalmlp' }, { 'is positive': 'target' });
    expect(ctr.data.inputs).toEqual({ fields: ['city, country', 'age'] });
    expect(gateNamesFromConfig(ctr.config, ctr.data).fields).toEqual(['city, country', 'age']);
    expect(binaryTerms(ctr.config, ctr.data)).toEqual({ event: 'is positive = 1', classes: ['0', '1'] });
  });

  it("regression: the training mean's scores on test reach the app, in the target's units", async () => {
    const run = await train('flats.csv', { template: 'concat-fusion' }, { price: 'target' });
    const b = run.data.regressionBaseline!;
    expect(b, 'the API schema kept the mean baseline').toBeDefined();
    // prices run 140..330 (mean ≈ 250): the raw target, not its standardized value (mean 0)
    expect(b.mean).toBeGreaterThan(200);
    expect(b.mean).toBeLessThan(300);
    expect(b.rmse).toBeCloseTo(Math.sqrt(b.mse), 9);
    expect(b.mae).toBeGreaterThan(10);
    expect(b.r2).toBeLessThanOrEqual(0); // the training mean is at best the test rows' own
    expect(run.data.baseline).toBeUndefined(); // no majority class for a number
    expect(run.data.splitSizes).toEqual({ train: 240, validation: 30, test: 30 }); // 300 rows at 80/10/10
  });
});
