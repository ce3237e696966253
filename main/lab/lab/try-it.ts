// "Try it" on the lab side: export the run's ONNX model, then predict the chosen test rows in a short-lived
// child process (workers/predict.ts, started by the lab's worker launcher: fork, or a utilityProcess in the
// desktop app) so ONNX Runtime never blocks the lab's event loop. Meanwhile the lab places each picked row
// in the user's data (try-sources.ts: dataset row, file line, time), so a prediction can be checked
// against the raw file. Under a label rule (`rating ≥ 4`) each row also has its rating, read there.
import { fileURLToPath } from 'node:url';
import { LabError, type TryResult, type TryResultWithTargetValues } from '../../../common/lab-api';
import type { LabStore, RunRecord } from '../store/index';
import type { LabPaths } from '../home';
import { forkWorkers, type WorkerLauncher } from '../analytics/worker-launcher';
import type { RunsPort } from './runs-port';
import { checkedAgainst, trySources } from './try-sources';
import { ruleColumnOf, ruleValuesAt, withRuleValues } from '../analytics/rule-target-values';
import { damagedCheckpointsWaysOn, NoTrainedWeights } from '../runs/export-run';

export const PREDICT_ENTRY = fileURLToPath(new URL('../../../workers/predict.ts', import.meta.url));
const TIMEOUT_MS = 120_000;

export class TryIt {
  constructor(
    private readonly store: LabStore | null,
    private readonly runs: RunsPort,
    private readonly resolveDataset: ((run: RunRecord) => Record<string, unknown>) | undefined,
    private readonly launch: WorkerLauncher = forkWorkers,
    /** The lab's folders: without them (a lab with no home) rows are not placed in the file. */
    private readonly paths?: LabPaths,
  ) {}

  async predict(id: string, rows: number[]): Promise<TryResultWithTargetValues> {
    const run = this.store && /^\d+$/.test(id) ? this.store.runs.get(Number(id)) : undefined;
    if (!run || !this.runs.available) throw new LabError('not-found', `no run '${id}' to try`);
    let path: string;
    try {
      ({ path } = await this.runs.export(id, 'onnx'));
    } catch (e) {
      throw e instanceof NoTrainedWeights ? withoutWeights(e) : e;
    }
    const dataset = run.datasetId != null && this.resolveDataset ? this.resolveDataset(run) : undefined;
    const spec = { runId: run.id, config: run.config, checkpointDir: '.', ...(dataset ? { dataset } : {}) };
    // the rows are placed while the child process predicts (the split is the lab's to re-derive)
    const predicting = predictInWorker({ onnxPath: path, spec, rows }, this.launch);
    const placing = this.store && this.paths && this.resolveDataset
      ? trySources({ store: this.store, paths: this.paths, resolveDataset: this.resolveDataset }, run, rows)
      : null;
    const result = await predicting;
    const placed = placing && checkedAgainst(await placing, result.testRows);
    if (!placed) return { ...result, onnxPath: path };
    const sourced = {
      ...result, onnxPath: path, source: placed.sources,
      rows: result.rows.map((r, i) => (placed.rows ? { ...r, source: placed.rows[i] } : r)),
    };
    // under a label rule the target is the row's side ('≥ 4'): its rating is read where the row was placed
    const column = ruleColumnOf(run, result.task);
    return column === null ? sourced : withRuleValues(sourced, ruleValuesAt({ store: this.store!, paths: this.paths!, resolveDataset: this.resolveDataset! }, run, column, placed));
  }
}

/**
 * Try it exports the run first; a run without readable weights is not a failure of the lab but a run with
 * nothing to try yet (or any more). The export's words ("cannot be exported") would puzzle a user who
 * pressed Try it, so they are said for Try it; what to do about damaged checkpoints is the export's own
 * sentence (export-run.ts damagedCheckpointsWaysOn), in the app's words only: Try it is the app's.
 */
function withoutWeights(e: NoTrainedWeights): LabError {
  const needs = `Try it needs run ${e.runId}'s trained weights`;
  if (!e.damaged.length) return new LabError('not-available', `${needs}, and it (${e.status}) has no checkpoint yet: it writes one after its first epoch`);
  return new LabError('not-available', `${needs}, but every checkpoint it has is damaged (${e.damaged.join('; ')}). ${damagedCheckpointsWaysOn(e.runId, 'press Try it again', 'app')}`);
}

/** One request to workers/predict.ts in a process of its own; its one reply, or why there was none. */
export function predictInWorker(request: object, launch: WorkerLauncher = forkWorkers): Promise<Omit<TryResult, 'onnxPath'>> {
  return new Promise((resolve, reject) => {
    const child = launch({ entry: PREDICT_ENTRY, name: 'GateLab Try it' });
    let settled = false;
    const timer = setTimeout(() => { child.kill(); finish(new LabError('internal', `the prediction did not finish within ${TIMEOUT_MS / 1000} s`)); }, TIMEOUT_MS);
    const finish = (e: Error | null, r?: Omit<TryResult, 'onnxPath'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(r!);
    };
    child.onMessage((raw) => {
      const m = raw as { ok: boolean; result?: Omit<TryResult, 'onnxPath'>; message?: string };
      if (m.ok) finish(null, m.result);
      else finish(new LabError('invalid-payload', m.message ?? 'the prediction failed'));
    });
    child.onExit(({ code, signal, stderrTail }) => {
      const said = stderrTail.trim().split('\n').slice(-5).join('\n');
      finish(new LabError('internal', `the prediction process exited (${signal ?? `code ${code}`}) before answering${said ? `: ${said}` : ''}`));
    });
    child.send(request);
  });
}
