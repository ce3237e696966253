// What becomes of a claimed run whose dataset cannot be read for its trainer (RunManager.launch: resolving its
// data threw). A damaged dataset row (LabUnavailable: the database was changed outside GateLab) is the lab's
// fault and can be restored from a backup: the run goes back to interrupted with its points and files, as a
// run whose checkpoints are damaged does (run-claim.ts), and resumes once the row is back. Anything else (its
// dataset or split deleted) cannot come back: failed. Pure: the run manager applies the outcome.
import type { RunRecord } from '../store/index';
import { LabUnavailable } from './refusal';

/** The status the run goes to and the error it keeps, saying why and what to do. */
export interface UnlaunchableOutcome {
  status: 'interrupted' | 'failed';
  error: string;
}

export function unlaunchableRun(run: Pick<RunRecord, 'id' | 'datasetId'>, e: unknown): UnlaunchableOutcome {
  const why = (e as Error)?.message ?? String(e);
  if (!(e instanceof LabUnavailable)) return { status: 'failed', error: `run ${run.id} cannot start: ${why}` };
  return {
    status: 'interrupted',
    error: `run ${run.id} cannot start: its dataset ${run.datasetId} cannot be read (${why}). The run went back to interrupted; nothing was deleted. `
      + `Once dataset ${run.datasetId}'s row is restored (the lab database from a backup), resume it: gatelab resume ${run.id}; `
      + `or start a new run with the same settings on another dataset (in the app: Runs → New run from this)`,
  };
}
