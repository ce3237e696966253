// A run with an empty validation or test part fails at step 0 in words a user can act on, instead of training
// to its end and sending a NaN loss (JSON null) that the lab rejected as "invalid message from the trainer".
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import type { Rows, RunData } from './run-data';
import { finiteMetrics, RunFailure } from './train-run';
import { trainInTempFolder } from './fixtures/train-in-temp-folder';

function rows(n: number): Rows {
  const a = Float64Array.from({ length: n * 4 }, (_, i) => Math.sin(1.1 * i + 0.3));
  const b = Float64Array.from({ length: n * 3 }, (_, i) => Math.cos(0.7 * i));
  const label = Float64Array.from({ length: n }, (_, r) => Number(a[r * 4] + b[r * 3] > 0));
  return { rows: n, columns: { m_a: { data: a, shape: [4] }, m_b: { data: b, shape: [3] }, label: { data: label, shape: [1] } } };
}

describe('an empty held-out part', () => {
  it('fails the run before training, naming the part and the sizes; nothing is sent as null', async () => {
    const config = parseRunConfig({
      model: { template: 'concat-fusion', modalities: [{ name: 'a', dim: 4 }, { name: 'b', dim: 3 }], classes: 1 },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 2, batchSize: 16, dtype: 'float32',
    });
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(400), validation: rows(100), test: rows(0), describe: 'rows' };
    const events: FromTrainer[] = [];
    const run = trainInTempFolder(config, data, { events });
    await expect(run).rejects.toThrow('the test part has no samples (400 train / 100 validation / 0 test), so the run could not be validated or tested: use a split that gives every part rows');
    await run.catch((e) => expect((e as RunFailure).step).toBe(0));
    expect(events.filter((e) => e.type === 'eval')).toEqual([]);
  });

  it('a NaN loss is a failure in words; other metrics that are not finite are left out', () => {
    expect(finiteMetrics('test', { loss: 0.5, acc: 0.9, auc: NaN }, 10)).toEqual({ loss: 0.5, acc: 0.9 });
    expect(() => finiteMetrics('validation', { loss: NaN }, 12)).toThrow(/^the validation loss is NaN at step 12: the model's outputs overflowed on the validation rows/);
  });
});
