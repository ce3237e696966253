// A run stopped early says so (it read "completed · step 70 / 80" with no reason): the trainer's reason is
// kept with the run (migration 0006) and `gatelab show` and the runs channel say it, with the best step.
import { afterAll, describe, expect, it } from 'vitest';
import { openTestLab, waitNoTrainers } from './testing/lab-fixture';
import { showText } from './run-report';
import { openRunsPort } from './runs-port';

const homes: string[] = [];
afterAll(async () => {
  for (const h of homes) expect(await waitNoTrainers(h)).toEqual([]);
});

describe('why a run stopped', () => {
  it('keeps early stopping with the run: its step, patience and the best weights test used', async () => {
    const l = openTestLab();
    homes.push(l.home);
    try {
      // a minDelta no validation loss can beat: epoch 1 stays the best, patience 2 stops after epoch 3 of 6
      const config = { data: { kind: 'synthetic', samples: 1024 }, batchSize: 64, epochs: 6, earlyStopping: { patience: 2, minDelta: 1e9 } } as const;
      const id = l.manager.create(config);
      const run = await l.manager.waitFor(id);
      expect(run.status).toBe('completed');
      expect(run.stop).toEqual({ reason: 'early-stopping', step: 48, epoch: 3, bestStep: 16 });
      const text = showText(l.store, run);
      expect(text).toContain('  stopped: stopped early at step 48: validation loss did not improve by more than 1000000000 for 2 epochs (the early-stopping patience); test uses the best weights, from step 16');
      expect(text).toMatch(/\n {2}validation \(best, step 16\): accuracy [\d.]+ /);
      const port = openRunsPort({ store: l.store, paths: l.paths, poolSize: 1 });
      try {
        const summary = await port.get(String(id));
        expect(summary).toMatchObject({ bestStep: 16, reachedStep: null });
        expect(summary.stopNote).toMatch(/^stopped early at step 48: /);
        expect(summary.dataProblem).toBeNull(); // synthetic data: nothing to lose
        // a run whose dataset is gone (deleted: its id no longer resolves) says so before analytics are tried
        const orphan = l.store.runs.create({ config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 999 } } });
        expect((await port.get(String(orphan))).dataProblem).toMatch(/^its dataset \(id 999\) was deleted, so knockouts, the gate report and Try it have no test split/);
      } finally {
        await port.close();
      }
    } finally {
      await l.close();
    }
  }, 120_000);
  it('a run whose patience ran out on its last epoch trained them all: it says so, and names the best epoch', async () => {
    const l = openTestLab();
    homes.push(l.home);
    try {
      // as above, with 3 epochs: epoch 1 is the best, the patience of 2 runs out at epoch 3, the last one
      const id = l.manager.create({ data: { kind: 'synthetic', samples: 1024 }, batchSize: 64, epochs: 3, earlyStopping: { patience: 2, minDelta: 1e9 } });
      const run = await l.manager.waitFor(id);
      expect(run.stop).toEqual({ reason: 'early-stopping', step: 48, epoch: 3, bestStep: 16 });
      expect(showText(l.store, run)).toContain('  stopped: trained all 3 epochs (step 48); the best on validation was epoch 1, and validation loss did not improve by more than 1000000000 in the 2 epochs after it (the early-stopping patience ran out at the last epoch); test uses the best weights, from step 16');
    } finally {
      await l.close();
    }
  }, 120_000);
});
