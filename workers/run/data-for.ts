// The data of a run: synthetic rows for the demo model, or a dataset from the lab's columnar cache
// (workers/data: split recomputed, pipeline fitted on the training rows, batches per family). A dataset
// also fills the data-shaped fields of the template config (channels, vocabularies, modality widths),
// so the config returned here is the one the model is built from.
import type { RunSpec } from '../../common/trainer-protocol';
import type { RunConfig } from '../../common/runs/config';
import { labDatasetRun } from '../data/run-data';
import { syntheticData, type RunData } from './run-data';

export async function dataFor(spec: RunSpec): Promise<{ data: RunData; config: RunConfig }> {
  const c = spec.config;
  const m = c.model as { template: string; inputs?: number };
  if (c.data.kind === 'synthetic') {
    if (m.template !== 'demo-gated') throw new Error(`synthetic data fits only the demo-gated model; template '${m.template}' needs a dataset (--dataset ID|FILE)`);
    return { data: syntheticData({ ...c, data: c.data }, m.inputs ?? 16), config: c };
  }
  if (!spec.dataset) throw new Error(`run ${spec.runId} trained on dataset ${c.data.datasetId}, which is no longer in the lab (it was deleted): import the file again and train a new run on it`);
  if (m.template === 'demo-gated') throw new Error('the demo-gated model trains on synthetic data only; choose a template for a dataset (e.g. dlinear, finalmlp, gmu)');
  const run = labDatasetRun(spec.dataset, { model: c.model as Record<string, unknown>, data: c.data, seed: c.seed });
  return { data: run.data, config: { ...c, model: run.model as RunConfig['model'] } };
}
