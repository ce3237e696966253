// Test helper (test-only): a completed run with a best checkpoint whose parameters fit its model (all 0.01),
// as a trainer leaves it after an epoch, without training. Export, knockout and Try it read it (the CLI's
// tests reach it through main/cli/testing/checkpointed-run.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore } from '../../store/index';
import type { LabPaths } from '../../home';
import { RunFiles } from '../run-files';
import { modelOf } from '../export-run';
import { compileTraining } from '../../../../engine/train/compile';
import { encodeCheckpoint } from '../../../../common/runs/checkpoint-format';
import { parseNewRunConfig } from '../../../../common/runs/new-run-config';

/** A completed run with a best checkpoint (parameters all 0.01) and no training, on `data` (default: synthetic). */
export function checkpointedRun(store: LabStore, paths: LabPaths, model: Record<string, unknown> & { template: string },
  data: Record<string, unknown> = { kind: 'synthetic', samples: 256 }, datasetId?: number): number {
  const config = parseNewRunConfig({ epochs: 1, model, data });
  const id = store.runs.create({ config, seed: 1, datasetId });
  const def = modelOf(config.model as Record<string, unknown> & { template: string });
  const { layout } = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  const files = new RunFiles(paths.checkpoints, paths.home);
  const path = join(files.dir(id), 'best.ckpt');
  const bytes = Buffer.concat(encodeCheckpoint({
    header: { runId: id, step: 8, epoch: 1, order: { epoch: 1, batch: 0 }, best: { metric: 0.5, epoch: 1, step: 8, badEpochs: 0 }, dtype: 'float32', size: layout.size, stateNames: [], model: def.name, kind: 'best', createdAt: '2026-11-30T10:00:00Z' },
    params: new Float32Array(layout.size).fill(0.01), state: {},
  }));
  writeFileSync(path, bytes);
  store.checkpoints.add({ runId: id, step: 8, epoch: 1, kind: 'best', path: files.toStored(path), bytes: bytes.length, metric: 0.5 });
  store.runs.setStatus(id, 'completed', { step: 8, epoch: 1 });
  return id;
}

/** The same on dataset `datasetId` (null: synthetic data): the runs table holds the dataset's id, as the run manager stores it. */
export const checkpointedRunOn = (store: LabStore, paths: LabPaths, datasetId: number | null, model: Record<string, unknown> & { template: string }): number =>
  datasetId == null ? checkpointedRun(store, paths, model) : checkpointedRun(store, paths, model, { kind: 'dataset', datasetId }, datasetId);
