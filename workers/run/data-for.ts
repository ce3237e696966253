// The data of a run: synthetic rows for the demo model, or a dataset from the lab's columnar cache
// (workers/data: split recomputed, pipeline fitted on the training rows, batches per family). A dataset
// also fills the data-shaped fields of the template config (channels, vocabularies, modality widths),
// so the config returned here is the one the model is built from.
// A run created before MMoE's rating metrics moved to the rating's own units (no metrics.ratingUnits
// marker) is scored as it always was, in scaled units: a resumed run's rating curves must not jump.
// The filled-in config is checked here, where the columns behind its fields are known: a template error
// names the column ("field 'fields.4' (column 'device_ip')"), not only the template's field.
// Whether the config's model is one a trainer already built decides which column rules may re-derive it
// (common/models/model-columns.ts): a resume (a checkpoint to load), the analytics and Try it yes; a new run,
// or a run restarted from step 0 (its trainer stopped before its first checkpoint), no: it takes today's
// rule, and its 'ready' message stores the model built then in place of the earlier one.
import type { ModelInputs, RunSpec } from '../../common/trainer-protocol';
import type { RunConfig } from '../../common/runs/config';
import { labDatasetRun, type DatasetRunInput } from '../data/run-data';
import type { SplitResult } from '../../common/data';
import { syntheticData, type RunData } from './run-data';
import { ratingUnitsOf } from '../../common/runs/rating-units';
import { DataColumns } from '../../common/models/binding';
import { withDataFacts } from './data-facts';
import { parseModelConfig } from '../../common/models/index';
import { ConfigError } from '../../common/gates/index';

/** A run's data and the config its model is built from; a dataset run also the binding and rows behind them. */
export interface RunDataFor {
  data: RunData;
  config: RunConfig;
  /**
   * Dataset runs: the binding resolved from the config (split spec, columns' parts, cache folder) and the
   * rows the run used when its split spec alone does not give them (a stored split, or rows without a
   * target left out: labDatasetRun's `assigned`). The gate report lines test samples up with dataset rows
   * by these, so nothing reads the split a second time.
   */
  dataset?: { binding: DatasetRunInput; assigned?: SplitResult };
}

export async function dataFor(spec: RunSpec, { modelBuilt = spec.resumeFrom !== undefined }: { modelBuilt?: boolean } = {}): Promise<RunDataFor> {
  const c = spec.config;
  const m = c.model as { template: string; inputs?: number };
  if (c.data.kind === 'synthetic') {
    if (m.template !== 'demo-gated') throw new Error(`synthetic data fits only the demo-gated model; template '${m.template}' needs a dataset (--dataset ID|FILE)`);
    return { data: syntheticData({ ...c, data: c.data }, m.inputs ?? 16), config: c };
  }
  if (!spec.dataset) throw new Error(`run ${spec.runId} trained on dataset ${c.data.datasetId}, which is no longer in the lab (it was deleted): import the file again and train a new run on it`);
  if (m.template === 'demo-gated') throw new Error('the demo-gated model trains on synthetic data only; choose a template for a dataset (e.g. dlinear, finalmlp, gmu)');
  const run = labDatasetRun(spec.dataset, { model: c.model as Record<string, unknown>, data: c.data, seed: c.seed }, { modelBuilt });
  // the inputs and label by name, sent with 'ready' so the lab never reads them out of the data line
  const data = withDataFacts(inRatingUnitsOf(c, run.data), DataColumns.parse(run.binding.columns), run.model);
  checkDataShapedModel(run.model, data.inputs);
  return { data, config: { ...c, model: run.model as RunConfig['model'] }, dataset: { binding: run.binding, ...(run.assigned ? { assigned: run.assigned } : {}) } };
}

/**
 * Throws the template's ConfigError for a config the data filled in (a field's vocabulary over the limit,
 * a modality too wide), with the column or modality behind each data-shaped field named: the user chose
 * columns, never 'fields.4'. The config itself is not changed (defaults are filled when the model is built).
 */
export function checkDataShapedModel(model: Record<string, unknown>, inputs: ModelInputs | undefined): void {
  try {
    parseModelConfig(model);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    throw new ConfigError(namingColumns(e.message, model, inputs), e.fields);
  }
}

/**
 * "field 'fields.4'" → "field 'fields.4' (column 'device_ip')", "field 'modalities.1.dim'" → "… (modality
 * 'text')". A field without a name stays as it is (numbers beat wrong names). Forecasting's channels are a
 * count in the config, so its errors have no index to name.
 */
export function namingColumns(message: string, model: Record<string, unknown>, inputs: ModelInputs | undefined): string {
  const fields = Array.isArray(model.fields) ? model.fields.length : 0;
  const modalities = Array.isArray(model.modalities) ? model.modalities as { name?: unknown }[] : [];
  return message
    .replace(/field 'fields\.(\d+)'/g, (field, i: string) => {
      const column = Number(i) < fields ? inputs?.fields?.[Number(i)] : undefined;
      return column === undefined ? field : `${field} (column '${column}')`;
    })
    .replace(/field 'modalities\.(\d+)(?:\.[^']*)?'/g, (field, i: string) => {
      const name = modalities[Number(i)]?.name;
      return typeof name === 'string' ? `${field} (modality '${name}')` : field;
    });
}

/** The run's data scored in the rating units the run was created with (common/runs/rating-units.ts). */
export function inRatingUnitsOf(config: RunConfig, data: RunData): RunData {
  if (ratingUnitsOf(config) === 'rating' || !data.secondary) return data;
  // without the target's scaler, evaluate.ts scores the tower's output against the scaled rating as is
  return { ...data, secondary: data.secondary.map(({ unscale: _scaledUnits, ...s }) => s) };
}
