// The data of a run: synthetic rows for the demo model, or a dataset from the lab's columnar cache.
import type { RunSpec } from '../../common/trainer-protocol';
import { syntheticData, type RunData } from './run-data';

export async function dataFor(spec: RunSpec): Promise<RunData> {
  const c = spec.config;
  if (c.data.kind === 'synthetic') {
    const m = c.model as { template: string; inputs?: number };
    if (m.template !== 'demo-gated') throw new Error(`synthetic data fits only the demo-gated model; template '${m.template}' needs a dataset (--dataset)`);
    return syntheticData({ ...c, data: c.data }, m.inputs ?? 16);
  }
  throw new Error(`dataset runs are not wired in this build yet (dataset ${c.data.datasetId}); use the demo model with synthetic data`);
}
