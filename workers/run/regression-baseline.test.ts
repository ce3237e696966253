// A regression run's baseline: the training rows' mean target, scored on the test rows in the target's
// units, against a hand computation from the split; sent with 'ready' only by regression runs.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, TEST, TRAIN, type DataColumn } from '../../common/data';
import { DataColumns } from '../../common/models/binding';
import { runDataFrom } from '../data/run-data';
import { withDataFacts } from './data-facts';
import { meanBaseline } from './regression-baseline';
import { lazyRows } from './run-data';
import { tableSource } from '../data/samples';
import { parseRunConfig } from '../../common/runs/config';
import { FromTrainer } from '../../common/trainer-protocol';
import { trainInTempFolder } from './fixtures/train-in-temp-folder';

const N = 200;
const numbers = (f: (r: number) => number): DataColumn => ({ values: Float32Array.from({ length: N }, (_, r) => f(r)) });
// a price around 1,000 with fractions (auto reads it as a number to regress); x explains part of it
const data = columnSource(N, {
  x: numbers((r) => Math.sin(r)),
  price: numbers((r) => 1000 + 40 * Math.sin(r) + (r % 7) * 1.25),
  label: numbers((r) => r % 2),
});
const typeOf = () => 'float';
const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, data);
const fusion = (label: string) => DataColumns.parse({ family: 'fusion', modalities: [{ name: 'm', columns: ['x'] }], label });

const rows = (values: number[]) => lazyRows(tableSource(values.length, { y: { spec: { dtype: 'float32', shape: [1] }, data: Float32Array.from(values) } }));

describe('the mean baseline of a regression run', () => {
  it('predicts the training mean on test: mse, mae, rmse and r2 by hand', () => {
    // training mean 4; test targets 3, 5, 8 (their own mean 16/3): errors −1, 1, 4
    const b = meanBaseline(rows([2, 4, 6]), rows([3, 5, 8]), 'y')!;
    expect(b.mean).toBe(4);
    expect(b.mse).toBeCloseTo((1 + 1 + 16) / 3, 12);
    expect(b.mae).toBeCloseTo(6 / 3, 12);
    expect(b.rmse).toBeCloseTo(Math.sqrt(6), 12);
    const m = 16 / 3, sst = (3 - m) ** 2 + (5 - m) ** 2 + (8 - m) ** 2;
    expect(b.r2).toBeCloseTo(1 - 18 / sst, 12); // below 0: the training mean is not the test rows' own
    // the same mean on both parts: r2 exactly 0 (the reference a model's r2 is read against)
    expect(meanBaseline(rows([1, 3]), rows([0, 4]), 'y')!.r2).toBe(0);
  });

  it('no r2 when every test target is the same; nothing when a part is empty; the missing target named', () => {
    expect(meanBaseline(rows([1, 3]), rows([5, 5]), 'y')).toEqual({ mean: 2, mse: 9, mae: 3, rmse: 3 });
    expect(meanBaseline(rows([]), rows([5]), 'y')).toBeUndefined();
    expect(meanBaseline(rows([1]), rows([]), 'y')).toBeUndefined();
    expect(() => meanBaseline(rows([1]), rows([2]), 'price')).toThrow("the training rows have no target 'price' to compute the mean baseline from");
  });

  it('a fusion run regressing a price gets it in the price’s units, from its own split; a classification run does not', () => {
    const c = fusion('price');
    const run = runDataFrom(data, typeOf, split, c);
    expect(run.data.task).toBe('regression');
    const facts = withDataFacts(run.data, c, run.shape);
    const price = data.column('price').values;
    const train: number[] = [], test: number[] = [];
    run.split.assignment.forEach((a, r) => { if (a === TRAIN) train.push(price[r]); else if (a === TEST) test.push(price[r]); });
    const mean = train.reduce((s, v) => s + v, 0) / train.length;
    const mse = test.reduce((s, v) => s + (v - mean) ** 2, 0) / test.length;
    const tm = test.reduce((s, v) => s + v, 0) / test.length;
    const sst = test.reduce((s, v) => s + (v - tm) ** 2, 0);
    const b = facts.regressionBaseline!;
    expect(b.mean).toBeCloseTo(mean, 9);
    expect(b.mean).toBeGreaterThan(990); // raw units, not the standardized label (mean 0)
    expect(b.mse).toBeCloseTo(mse, 6);
    expect(b.mae).toBeCloseTo(test.reduce((s, v) => s + Math.abs(v - mean), 0) / test.length, 9);
    expect(b.rmse).toBeCloseTo(Math.sqrt(mse), 9);
    expect(b.r2).toBeCloseTo(1 - (mse * test.length) / sst, 9);
    expect(facts.baseline).toBeUndefined(); // no majority class for a number
    const binary = fusion('label');
    const classified = runDataFrom(data, typeOf, split, binary);
    expect(withDataFacts(classified.data, binary, classified.shape).regressionBaseline).toBeUndefined();
  });

  it('the trainer sends it with ready, as the protocol reads it', async () => {
    const c = fusion('price');
    const run = runDataFrom(data, typeOf, split, c, {});
    const facts = withDataFacts(run.data, c, run.shape);
    const config = parseRunConfig({ model: { template: 'concat-fusion', ...run.shape }, data: { kind: 'dataset', datasetId: 1 }, epochs: 1, maxSteps: 1, batchSize: 16, seed: 1 });
    const { events } = await trainInTempFolder(config, facts);
    expect(facts.regressionBaseline?.rmse).toBeGreaterThan(0);
    const ready = FromTrainer.parse(JSON.parse(JSON.stringify(events.find((e) => e.type === 'ready'))));
    expect(ready.type === 'ready' && ready.regressionBaseline).toEqual(facts.regressionBaseline);
  }, 60_000);
});
