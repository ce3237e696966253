// Where a queued run starts, and the claim that marks it running. Split from run-manager.ts: the claim is
// one transaction over the runs and metrics tables, and its rules (the start point, the points it drops)
// are the part of a (re)start that must hold whichever lab process takes the run.
import type { LabStore } from '../store/index';
import type { RunFiles } from './run-files';
import { findResumePoint, type ResumePoint } from './run-checkpoints';

/** Where a claimed run starts: its resume point (null: step 0), or why it cannot resume. */
export type StartPoint = { resume: ResumePoint | null } | { problem: string };

/** Where a queued run will start: its resume point (null: step 0), or why it cannot resume. */
export function startPoint(store: LabStore, files: RunFiles, id: number): StartPoint {
  try {
    return { resume: findResumePoint(store, files, id) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/**
 * queued -> running, only if no other process took it first. In the same transaction the run's step
 * becomes its start point S and its metric and gate-statistic points past S are deleted: the trainer
 * replays the steps after S, and points a dead trainer wrote there (a crash after the last checkpoint)
 * must not stay in its curves, best values and Compare when the resumed run ends before that step.
 * A run that cannot resume (every checkpoint damaged) keeps everything: it fails saying so (launch).
 * Returns false when another process claimed it first; else the restart step (null: no restart point).
 */
export function claimQueuedRun(store: LabStore, id: number, from: StartPoint): { restart: { step: number; epoch: number } | null } | false {
  const restart = 'resume' in from ? { step: from.resume?.step ?? 0, epoch: from.resume?.epoch ?? 0 } : null;
  const claimed = store.db.transaction(() => {
    const info = store.db.prepare(`UPDATE runs SET status = 'running', error = NULL, error_step = NULL,
      step = COALESCE(?, step), epoch = COALESCE(?, epoch),
      started_at = COALESCE(started_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE id = ? AND status = 'queued'`).run(restart?.step ?? null, restart?.epoch ?? null, id);
    if (info.changes === 0) return false;
    if (restart) store.metrics.dropAfter(id, restart.step);
    return true;
  })();
  return claimed ? { restart } : false;
}
