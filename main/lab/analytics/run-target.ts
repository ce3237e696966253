// What an analytics job needs from the lab about a run: the spec its trainer got (config, dataset
// description) and the checkpoint to analyse (best on validation, else the newest usable one).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnalyticsJob, GateProbe } from '../../../common/analytics';
import { gatesOf } from '../../../engine/analytics/analytics-graph';
import { modelOf } from '../runs/export-run';
import { parseRunConfig } from '../../../common/runs/config';
import type { LabStore } from '../store/index';
import type { RunFiles } from '../runs/run-files';
import { noRun } from '../runs/refusal';

export interface RunTarget {
  spec: AnalyticsJob['spec'];
  checkpoint: string;
  /** "best step 1200" */
  describe: string;
}

export function runTarget(store: LabStore, files: RunFiles, runId: number, resolveDataset?: (run: NonNullable<ReturnType<LabStore['runs']['get']>>) => Record<string, unknown>): RunTarget {
  const run = store.runs.get(runId);
  // the lab home is the database's folder (home.ts): "no run N in HOME", as every verb says it
  if (!run) throw noRun(runId, dirname(store.path));
  const usable = store.checkpoints.forRun(runId).filter((c) => c.kind !== 'last-good' && existsSync(files.fromStored(c.path)));
  const ckpt = usable.filter((c) => c.kind === 'best').at(-1) ?? usable.at(-1);
  if (!ckpt) throw new Error(`run ${runId} (${run.status}) has no checkpoint yet: knockouts and gate reports analyse a trained model, train it for at least one epoch`);
  const config = parseRunConfig(run.config);
  const dataset = run.datasetId != null ? resolveDataset?.(run) : undefined;
  if (run.datasetId != null && !dataset) throw new Error(`run ${runId} trained on dataset ${run.datasetId}, which the lab could not resolve`);
  return {
    spec: { runId, config, checkpointDir: files.dir(runId), ...(dataset ? { dataset } : {}) },
    checkpoint: files.fromStored(ckpt.path),
    describe: `${ckpt.kind} checkpoint at step ${ckpt.step}`,
  };
}

/**
 * The gates a run's knockouts can name, from its stored config: the model as its trainer built it
 * (trainer-link.ts stores it; export rebuilds the same model), so a request can be checked before an
 * analytics process starts. Undefined when the model cannot be rebuilt here: the job then says why.
 */
export function runGates(config: unknown): GateProbe[] | undefined {
  try {
    return gatesOf(modelOf(parseRunConfig(config).model as Record<string, unknown> & { template: string }));
  } catch {
    return undefined;
  }
}
