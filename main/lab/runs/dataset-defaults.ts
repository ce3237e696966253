// What a new dataset run takes from the lab when its config does not say: the split seed (fixed, so every
// seed of a group trains and tests on the same rows), the dataset's binary-label rule (the `label =
// value ≥ t` set on its target in the app) and a snapshot of its columns and roles (the binding the run
// is trained with, kept when the roles change later), and, for recommendation runs, the units of its rating metrics (MMoE's
// rating_rmse in the rating's own units: metrics.ratingUnits 'rating'; runs from before, unmarked, keep
// scaled units, common/runs/rating-units.ts). Applied once, when the run is created, by every face (app,
// serve, `gatelab train`, `gatelab sweep`), and stored in the run's config: a later change of the rule
// does not change a run that is resumed (nor does a later default: the positive-class marker data.positiveByCount). Also what a template's schema ties to the data: MoE fusion's
// router has one expert per modality (common/models/fusion.ts), so `router.experts` is the number of
// modalities the dataset's roles make less those the trainer leaves out (an id-like column's, usable-columns.ts),
// as the app's Models form sets it; a number the user gave that
// differs is refused here, naming the field, instead of failing the run at step 0. And a fusion run's
// encoding (model.textBuckets, model.maxCategories): the values it is built with are stored, so a later
// change of the defaults (common/models/base.ts) cannot change which inputs a stored run re-derives for a
// resume, an export or analytics. And, on every new run (synthetic ones too), the router temperature rule
// of the version that created it (RunConfig.temperatureAtStepNumber), so a resume keeps its τ sequence.
import type { RunConfig } from '../../../common/runs/config';
import { LabelRules } from '../lab/label-rules';
import type { LabStore } from '../store/index';
import { runBinding } from '../../../common/models/run-binding';
import { MAX_CATEGORIES, TEXT_BUCKETS } from '../../../common/models/base';
import { CURRENT_WORD_RULE } from '../../../common/data/text-hashing';
import { TEMPLATES } from '../../../common/models/index';
import { fusionModalitiesByCounts, type ColumnCounts } from '../../../common/models/usable-columns';
import { storedStats } from '../../../common/data/stored-stats';

/** The seed of random and stratified default splits of new dataset runs (as the accuracy benchmark's protocols). */
export const SPLIT_SEED = 42;

/**
 * data.positiveByCount of a new run that does not set it: two values no word decides are read by their counts
 * (the rarer positive). `gatelab train`'s setup checks the target with it too (dataset-runs.ts), so its reading
 * is the one the run manager's check finds remembered.
 */
export const NEW_RUN_POSITIVE_BY_COUNT = true;

export function withDatasetDefaults(given: RunConfig, store: LabStore): RunConfig {
  // every new run, the demo's synthetic ones too: training step N at τ(N) (RunConfig.temperatureAtStepNumber)
  const config = { ...given, temperatureAtStepNumber: given.temperatureAtStepNumber ?? true };
  const data = config.data;
  if (data.kind !== 'dataset') return config;
  if (data.splitId !== undefined) {
    const s = store.splits.get(data.splitId);
    if (!s) throw new Error(`run config: data.splitId: split ${data.splitId} does not exist (gatelab datasets show ${data.datasetId} lists the dataset's splits)`);
    if (s.datasetId !== data.datasetId) throw new Error(`run config: data.splitId: split ${data.splitId} is a split of dataset ${s.datasetId}, not of dataset ${data.datasetId}`);
  }
  const model = new LabelRules(store.settings).applyTo(String(data.datasetId), config.model as Record<string, unknown>);
  const columns = data.columns ?? snapshotColumns(store, data.datasetId);
  const filled = { ...config, model: withFusionEncoding(model) as RunConfig['model'], data: { ...data, splitSeed: data.splitSeed ?? SPLIT_SEED, splitByTime: data.splitByTime ?? true, stratifyByTotals: data.stratifyByTotals ?? true, positiveByCount: data.positiveByCount ?? NEW_RUN_POSITIVE_BY_COUNT, columns }, ...withRatingUnits(config) };
  return { ...filled, model: withExpertPerModality(filled, store) as RunConfig['model'] };
}

/**
 * The rating-units marker (common/runs/rating-units.ts) on recommendation runs only: only MMoE's rating tower
 * reports rating_* metrics, and a forecasting or fusion run's stored config (`gatelab show`, the export's
 * gatelab.config) would otherwise carry a setting that means nothing to it. Units the user set are kept.
 */
function withRatingUnits(config: RunConfig): Pick<RunConfig, 'metrics'> {
  if (config.metrics?.ratingUnits !== undefined) return { metrics: config.metrics };
  if (TEMPLATES.find((t) => t.id === config.model.template)?.family !== 'recsys') return config.metrics ? { metrics: config.metrics } : {};
  return { metrics: { ...config.metrics, ratingUnits: 'rating' } };
}

/** A fusion model's text buckets and one-hot cap: the user's where given, else today's defaults, written down. */
function withFusionEncoding(model: Record<string, unknown>): Record<string, unknown> {
  if (TEMPLATES.find((t) => t.id === model.template)?.family !== 'fusion') return model;
  // textWords: the word rule of text columns (common/data/text-hashing.ts), so a later rule never changes this run's inputs
  return { ...model, textBuckets: model.textBuckets ?? TEXT_BUCKETS, maxCategories: model.maxCategories ?? MAX_CATEGORIES, textWords: model.textWords ?? CURRENT_WORD_RULE };
}

/**
 * MoE fusion's `router.experts` from the modalities of the run's columns (module comment). The config's
 * model is as the user gave it (templates' defaults are the trainer's), so an `experts` there is theirs.
 */
function withExpertPerModality(config: RunConfig, store: LabStore): Record<string, unknown> {
  const model = config.model as Record<string, unknown>;
  const data = config.data;
  if (model.template !== 'moe-fusion' || data.kind !== 'dataset' || !data.columns) return model;
  let modalities: string[];
  try {
    const { binding } = runBinding(data.columns, { model, data, seed: config.seed });
    if (binding.columns.family !== 'fusion') return model;
    // the modalities the trainer keeps: an id-like column (site_id) it leaves out takes no expert
    modalities = fusionModalitiesByCounts(binding.columns, columnCounts(store, data.datasetId, data.columns)).modalities.map((m) => m.name);
  } catch {
    return model; // the columns do not bind (no target...): the checks after this say why
  }
  if (!modalities.length) return model; // every column left out: the trainer's "no modality left to fuse" names them
  const router = (model.router ?? { kind: 'softmax-router' }) as Record<string, unknown>;
  if (router.experts === undefined) return { ...model, router: { ...router, experts: modalities.length } };
  if (router.experts !== modalities.length) {
    const name = store.datasets.get(data.datasetId)?.name ?? `dataset ${data.datasetId}`;
    throw new Error(`run config: model.router.experts: moe-fusion has one expert per modality, and ${name} has ${modalities.length} ` +
      `(${modalities.join(', ')}), not ${JSON.stringify(router.experts)}: set router.experts=${modalities.length}, or leave it out (the lab sets it from the modalities)`);
  }
  return model;
}

/** Each column's import counts (exact, over the whole column) with its type as the run reads it, as usable-columns.ts judges ids by. */
function columnCounts(store: LabStore, datasetId: number, columns: ReadonlyArray<{ name: string; type: string }>): (column: string) => ColumnCounts | undefined {
  return countsOfColumns(store.datasets.columns(datasetId), columns);
}

/**
 * Each stored column's counts from its import statistics (fusionModalitiesByCounts reads them), typed as
 * `columns` (the run's snapshot) say, else as stored.
 */
export function countsOfColumns(stored: ReadonlyArray<{ name: string; type: string; stats: unknown }>, columns: ReadonlyArray<{ name: string; type: string }> = stored): (column: string) => ColumnCounts | undefined {
  const typeOf = new Map(columns.map((c) => [c.name, c.type]));
  const counts = new Map(stored.map((c) => {
    const { count: present, cardinality } = storedStats(c.stats);
    return [c.name, present === undefined ? undefined : { type: typeOf.get(c.name) ?? c.type, present, distinct: cardinality ?? null }] as const;
  }));
  return (column) => counts.get(column);
}

/** The dataset's columns as the trainer reads them, frozen into the run's config. */
function snapshotColumns(store: LabStore, datasetId: number) {
  if (!store.datasets.get(datasetId)) throw new Error(`run config: data.datasetId: dataset ${datasetId} does not exist (gatelab datasets lists them)`);
  return store.datasets.columns(datasetId).map((c) => ({ name: c.name, type: c.typeOverride ?? c.type, role: c.role, modality: c.modality }));
}
