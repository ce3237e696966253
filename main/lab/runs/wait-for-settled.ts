// Waiting for a run to settle (RunManager.waitFor): resolves with the run as the manager knows it (an outcome
// its store could not record laid over the stored row) once its status is one of `statuses`. A run whose
// trainer has not let go of it yet is not settled, whatever its status says (its slot is still taken and its
// last points may still arrive), except a paused run, which keeps its trainer while it waits.
import type { RunRecord } from '../store/index';
import { SETTLED, type RunListener } from './events';

/** What the wait reads from the run manager. */
export interface SettlingRuns {
  /** The run as stored, with any outcome the store could not record laid over it. */
  record(id: number): RunRecord | undefined;
  /** A live trainer of this process holds the run. */
  isLive(id: number): boolean;
  subscribe(listener: RunListener): () => void;
}

export function waitForSettled(runs: SettlingRuns, id: number, statuses = SETTLED): Promise<RunRecord> {
  return new Promise((resolve) => {
    const check = () => {
      const r = runs.record(id);
      if (r && statuses.includes(r.status) && !(r.status !== 'paused' && runs.isLive(id))) {
        off();
        resolve(r);
        return true;
      }
      return false;
    };
    const off = runs.subscribe((e) => { if (e.runId === id && (e.type === 'status' || e.type === 'finished' || e.type === 'released')) check(); });
    check();
  });
}
