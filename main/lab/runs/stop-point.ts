// The step an interrupted run keeps: its resume point (the checkpoint `gatelab resume` continues from), not
// the live step it had reached. Stored as the run's step, the row, `gatelab show`, the Runs view and
// `gatelab resume` then name one step; the views put the step the curves reached beside it
// (run-report.ts reachedStep, from the stored metrics).
import type { LabStore } from '../store/index';
import type { RunFiles } from './run-files';
import type { CrashFacts } from './crash-note';
import { findResumePoint, checkFile, RESUMABLE_KINDS } from './run-checkpoints';
import { isStoreError } from './store-failure';

export interface StopPoint {
  /** For the message (crash-note.ts resumeWhere): the checkpoint, null for none, or why none can be used. */
  resume: CrashFacts['resume'];
  /** The run's step and whole epochs as stored: the resume point's, 0 when resume restarts. */
  step: number;
  epoch: number;
}

export function stopPoint(store: LabStore, files: RunFiles, runId: number): StopPoint {
  let resume: CrashFacts['resume'];
  try {
    resume = findResumePoint(store, files, runId);
  } catch (e) {
    // The store refused to register a checkpoint file it missed (disk full, read-only): the newest one it
    // knows is still where resume continues from today (the next resume registers the file and says so).
    resume = isStoreError(e) ? newestKnown(store, files, runId) : { problem: (e as Error).message };
  }
  const at = resume && !('problem' in resume) ? resume : null;
  return { resume, step: at?.step ?? 0, epoch: at?.epoch ?? 0 };
}

/** The newest undamaged resumable checkpoint the table lists (read-only: nothing registered). */
function newestKnown(store: LabStore, files: RunFiles, runId: number): CrashFacts['resume'] {
  const rows = store.checkpoints.forRun(runId).filter((c) => RESUMABLE_KINDS.includes(c.kind)).reverse();
  return rows.find((c) => 'header' in checkFile(files.fromStored(c.path), c.path)) ?? null;
}
