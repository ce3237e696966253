// A stored run's config (runs.get: { model: { template, …fields }, data: { datasetId }, optimizer, … }) as
// the Models form holds it: template, dataset, the template's fields and the Training settings. "New run
// from this" fills the form with it, so a user changes one gate field and starts again.
import { RunConfig } from '../../common/runs/config';
import { trainingWithClassWeights } from '../lib/class-weights';

/** The run settings the Models form offers under Training (the rest of RunConfig keeps its defaults). */
export const TrainingSettings = RunConfig.pick({ epochs: true, batchSize: true, maxSteps: true, optimizer: true, schedule: true, earlyStopping: true });
const TRAINING_KEYS = Object.keys(TrainingSettings.shape);

/**
 * Model keys the lab fills in per run, not the user: the dataset's label rule (applied again from the
 * dataset when the new run starts, so a rule changed since then is the one used).
 */
const FILLED_BY_LAB = new Set(['template', 'positiveAtLeast']);

export interface RunForm {
  template: string;
  /** null: a synthetic-data run (the demo), which the form cannot start. */
  datasetId: string | null;
  config: Record<string, unknown>;
  training: Record<string, unknown>;
  /** The stored split the run trained on (data.splitId), or null: its family's default. */
  splitId: string | null;
}

/** The form's values for a run's stored config; throws when the config names no template. */
export function runForm(config: Record<string, unknown>): RunForm {
  const model = (config.model ?? {}) as Record<string, unknown>;
  if (typeof model.template !== 'string') throw new Error('this run has no model template in its config: it cannot be opened in Models');
  const data = (config.data ?? {}) as { kind?: string; datasetId?: number | string; splitId?: number };
  const picked: Record<string, unknown> = {};
  for (const k of TRAINING_KEYS) if (config[k] !== undefined) picked[k] = config[k];
  // Parsed so that every group is whole (a run stored before a field existed gets its default). The class
  // weights (loss.classWeights) sit beside them in the form's Training settings, as the form holds them:
  // 'none' leaves `loss` out, as a run started without weights.
  const weights = (config.loss as { classWeights?: 'none' | 'balanced' | number[] } | undefined)?.classWeights;
  const training = trainingWithClassWeights(TrainingSettings.parse(picked) as Record<string, unknown>, weights);
  return {
    template: model.template,
    datasetId: data.kind === 'dataset' && data.datasetId != null ? String(data.datasetId) : null,
    config: Object.fromEntries(Object.entries(model).filter(([k]) => !FILLED_BY_LAB.has(k))),
    training,
    splitId: data.kind === 'dataset' && typeof data.splitId === 'number' ? String(data.splitId) : null,
  };
}

/** The Models route that opens run `id` in the form (#/models/run-ID); dataset ids are plain numbers. */
export const runRoute = (id: string) => `run-${id}`;
/** The run id of a Models route param, or null for a dataset id. */
export const runOfRoute = (param: string | null): string | null => param?.match(/^run-(\d+)$/)?.[1] ?? null;
