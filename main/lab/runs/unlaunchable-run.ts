// What becomes of a claimed run whose dataset cannot be read for its trainer (RunManager.launch: resolving its
// data threw). Only a run whose data is gone for good fails: its dataset or its split was deleted, or the split
// it names belongs to another dataset (datasetResolver in dataset-runs.ts throws DatasetGone for exactly these).
// Anything else may come back: a damaged dataset row (LabUnavailable: restore the lab database from a backup),
// a busy database, a missing cache folder or an unmounted drive, a retyped dataset that can be typed back. Such
// a run goes back to interrupted with its points and files, as a run whose checkpoints are damaged does
// (run-claim.ts), because RunManager.resume takes only paused or interrupted runs: failing it would lose its
// resume over a passing fault. Pure: the run manager applies the outcome.
import type { RunRecord } from '../store/index';
import { LabUnavailable } from './refusal';
import { DatasetGone } from './dataset-gone';

/** The status the run goes to and the error it keeps, saying why and what to do. */
export interface UnlaunchableOutcome {
  status: 'interrupted' | 'failed';
  error: string;
}

type UnlaunchableRun = Pick<RunRecord, 'id' | 'datasetId'>;

export function unlaunchableRun(run: UnlaunchableRun, e: unknown): UnlaunchableOutcome {
  const why = (e as Error)?.message ?? String(e);
  const head = `run ${run.id} cannot start`;
  if (e instanceof DatasetGone) return { status: 'failed', error: `${head}: ${why}` };
  const afterwards = `The run went back to interrupted; nothing was deleted. `;
  if (e instanceof LabUnavailable) {
    return {
      status: 'interrupted',
      error: `${head}: its dataset ${run.datasetId} cannot be read (${why}). ${afterwards}`
        + `Once dataset ${run.datasetId}'s row is restored (the lab database from a backup), resume it: gatelab resume ${run.id}; `
        + `or start a new run with the same settings on another dataset (in the app: Runs → New run from this)`,
    };
  }
  return {
    status: 'interrupted',
    error: `${head}: reading its dataset ${run.datasetId} failed (${why}). ${afterwards}`
      + `Once that is fixed, resume it: gatelab resume ${run.id}`,
  };
}
