// Test helper (test-only): a completed run of a model with a best checkpoint whose parameters fit that
// model (all 0.01), as a trainer leaves it after an epoch, without training: export and knockout verbs
// read it. The stored config is the model as built (what trainer-link.ts stores when a trainer starts).
import type { LabStore } from '../../lab/store/index';
import type { LabPaths } from '../../lab/home';
import { checkpointedRun } from '../../lab/runs/testing/checkpointed-run';

/** Adds the run (on synthetic data unless `data` says otherwise) and returns its id. */
export const addCheckpointedRun = (store: LabStore, paths: LabPaths, model: Record<string, unknown> & { template: string }, data?: Record<string, unknown>): number =>
  checkpointedRun(store, paths, model, data);
