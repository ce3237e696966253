// A run whose router temperature schedule is longer than the run says so in its data line (which `gatelab
// train` prints and the run keeps), also without max-steps: the trainer knows epochs × steps per epoch.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer } from '../../common/trainer-protocol';
import type { Rows, RunData } from './run-data';
import { trainInTempFolder } from './fixtures/train-in-temp-folder';

const A = 4, Bw = 3, ROWS = 48, BATCH = 8;

function rows(): Rows {
  const a = Float64Array.from({ length: ROWS * A }, (_, i) => Math.sin(1.1 * i + 0.3));
  const b = Float64Array.from({ length: ROWS * Bw }, (_, i) => Math.cos(0.7 * i));
  const label = Float64Array.from({ length: ROWS }, (_, r) => Number(a[r * A] + b[r * Bw] > 0));
  return { rows: ROWS, columns: { m_a: { data: a, shape: [A] }, m_b: { data: b, shape: [Bw] }, label: { data: label, shape: [1] } } };
}

async function readyLine(steps: number, epochs: number): Promise<string> {
  const config = parseRunConfig({
    model: { template: 'moe-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, expertHidden: [4],
      router: { experts: 2, schedule: { kind: 'dense-to-sparse', from: 2, to: 0.3, steps } } }, // the kind left to its default, as a run stores `--set`
    data: { kind: 'dataset', datasetId: 1 }, epochs, batchSize: BATCH, dtype: 'float64', optimizer: { kind: 'adam', lr: 0.01 }, earlyStopping: { patience: 0 },
  });
  const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(), validation: rows(), test: rows(), describe: 'fusion: 48 train rows' };
  const { events } = await trainInTempFolder(config, data);
  const ready = events.find((e): e is Extract<FromTrainer, { type: 'ready' }> => e.type === 'ready')!;
  expect(ready.totalSteps).toBe(epochs * (ROWS / BATCH));
  return ready.data;
}

describe('the data line of a run with a temperature schedule', () => {
  it('warns when the schedule is longer than epochs × steps per epoch (no max-steps)', async () => {
    const line = await readyLine(100, 2); // 2 epochs × 6 steps = 12 steps, schedule 100
    expect(line).toBe(`fusion: 48 train rows; router.schedule.steps is 100 but this run trains at most 12 steps (2 epochs × 6 steps): ` +
      `τ falls only from 2 to about ${Number((2 * 0.15 ** 0.12).toPrecision(3))}, not to 0.3; --set router.schedule.steps=12 anneals it within the run`);
  });

  it('is the data alone when the schedule ends within the run', async () => {
    expect(await readyLine(12, 2)).toBe('fusion: 48 train rows');
  });
});
