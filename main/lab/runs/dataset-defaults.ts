// What a new dataset run takes from the lab when its config does not say: the split seed (fixed, so every
// seed of a group trains and tests on the same rows), the dataset's binary-label rule (the `label =
// value ≥ t` set on its target in the app) and a snapshot of its columns and roles (the binding the run
// is trained with, kept when the roles change later), and the units of its rating metrics (MMoE's
// rating_rmse in the rating's own units: metrics.ratingUnits 'rating'; runs from before, unmarked, keep
// scaled units, common/runs/rating-units.ts). Applied once, when the run is created, by every face (app,
// serve, `gatelab train`, `gatelab sweep`), and stored in the run's config: a later change of the rule
// does not change a run that is resumed.
import type { RunConfig } from '../../../common/runs/config';
import { LabelRules } from '../lab/label-rules';
import type { LabStore } from '../store/index';

/** The seed of random and stratified default splits of new dataset runs (as the accuracy benchmark's protocols). */
export const SPLIT_SEED = 42;

export function withDatasetDefaults(config: RunConfig, store: LabStore): RunConfig {
  const data = config.data;
  if (data.kind !== 'dataset') return config;
  if (data.splitId !== undefined) {
    const s = store.splits.get(data.splitId);
    if (!s) throw new Error(`run config: data.splitId: split ${data.splitId} does not exist (gatelab datasets show ${data.datasetId} lists the dataset's splits)`);
    if (s.datasetId !== data.datasetId) throw new Error(`run config: data.splitId: split ${data.splitId} is a split of dataset ${s.datasetId}, not of dataset ${data.datasetId}`);
  }
  const model = new LabelRules(store.settings).applyTo(String(data.datasetId), config.model as Record<string, unknown>);
  const columns = data.columns ?? snapshotColumns(store, data.datasetId);
  const metrics = { ...config.metrics, ratingUnits: config.metrics?.ratingUnits ?? 'rating' as const };
  return { ...config, model: model as RunConfig['model'], data: { ...data, splitSeed: data.splitSeed ?? SPLIT_SEED, splitByTime: data.splitByTime ?? true, columns }, metrics };
}

/** The dataset's columns as the trainer reads them, frozen into the run's config. */
function snapshotColumns(store: LabStore, datasetId: number) {
  if (!store.datasets.get(datasetId)) throw new Error(`run config: data.datasetId: dataset ${datasetId} does not exist (gatelab datasets lists them)`);
  return store.datasets.columns(datasetId).map((c) => ({ name: c.name, type: c.typeOverride ?? c.type, role: c.role, modality: c.modality }));
}
