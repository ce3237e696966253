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
import { adviceNamingDataset } from '../../common/text/dataset-in-advice';

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
  try {
    const run = labDatasetRun(spec.dataset, { model: c.model as Record<string, unknown>, data: c.data, seed: c.seed }, { modelBuilt });
    // the inputs and label by name, sent with 'ready' so the lab never reads them out of the data line
    const bound = DataColumns.parse(run.binding.columns);
    const data = withDataFacts(inRatingUnitsOf(c, run.data), bound, run.model);
    try {
      checkDataShapedModel(run.model, data.inputs);
    } catch (e) {
      throw withModalitiesLeft(e, bound, run.model, data.describe);
    }
    return { data, config: { ...c, model: run.model as RunConfig['model'] }, dataset: { binding: run.binding, ...(run.assigned ? { assigned: run.assigned } : {}) } };
  } catch (e) {
    throw withDatasetId(e, c.data.datasetId);
  }
}

/**
 * The data and template messages write `gatelab datasets roles ID …` (they do not know the dataset); a run's
 * failure is read by someone who pastes the command, so the trainer, which knows the id, puts it in. The
 * error keeps its class and fields (a ConfigError stays one).
 */
export function withDatasetId(e: unknown, datasetId: number): unknown {
  if (e instanceof Error) e.message = adviceNamingDataset(e.message, datasetId);
  return e;
}

/**
 * A gated fusion whose roles give two modalities but whose data leaves one (a modality of only an id
 * column, or of columns empty in the training rows): the template's "fuses at least 2 modalities" alone
 * contradicts what the user set, so say which modality is left and why the others went (the data line's
 * "left out" note: the run fails before that line is shown). Only the modalities lines are kept: moe-fusion's
 * "router.experts: Too small" follows from them and fixing the modalities fixes it.
 */
export function withModalitiesLeft(e: unknown, bound: DataColumns, model: Record<string, unknown>, describe: string): unknown {
  if (!(e instanceof ConfigError) || bound.family !== 'fusion') return e;
  const lines = e.message.split('\n');
  const about = lines.filter((l) => /field 'modalities'/.test(l));
  if (!about.length) return e;
  const kept = Array.isArray(model.modalities) ? (model.modalities as { name: string }[]).map((m) => m.name) : [];
  const set = bound.modalities.map((m) => m.name);
  if (kept.length >= set.length) return e; // the roles themselves give one modality: the message says it all
  const leftOut = describe.split('; ').find((part) => part.startsWith('left out: '));
  const left = kept.length === 1 ? `one modality, '${kept[0]}'` : `${kept.length} modalities`;
  const why = ` (the roles give ${set.length} modalities, ${set.map((n) => `'${n}'`).join(', ')}, but the data leaves ${left}${leftOut ? `: ${leftOut}` : ''})`;
  return new ConfigError(about.map((l, i) => (i === about.length - 1 ? l + why : l)).join('\n'), e.fields.filter((f) => f.startsWith('modalities')));
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
