// The run manager's control poll, every 250 ms. Requests other lab processes leave in a run's folder
// (`gatelab pause 3` while `gatelab serve` trains run 3: RunFiles.requestControl) reach the run's live trainer
// here; a queue held while the database refused metrics writes starts once a write (MetricsWriter's retry)
// succeeds (queue-store-hold.ts); and every 2 s the hold is repeated and the runs another lab process was
// training, or queued for itself, when it died are settled (queue-holds.ts), so a live serve notices them.
import type { RunFiles } from './run-files';
import type { TrainerLink } from './trainer-link';
import type { QueueStoreHold } from './queue-store-hold';
import * as queueHolds from './queue-holds';

const POLL_MS = 250;
/** Every 8th poll (2 s): the checks that read every running and queued run, and the hold's repeat. */
const SLOW_EVERY = 8;
/** A running run of another process whose owner is dead and that has been silent this long is interrupted. */
const DEAD_OWNER_QUIET_MS = 3000;

/** What the poll reads and drives in the run manager. */
export interface ControlPollTarget {
  files: RunFiles;
  /** This process's live trainers, by run id. */
  links: ReadonlyMap<number, Pick<TrainerLink, 'pause' | 'resume' | 'cancel'>>;
  storeHold: QueueStoreHold;
  /** What queue-holds.ts reads and changes through the manager. */
  holdContext(): queueHolds.QueueHoldContext;
  /** Starts queued runs while slots are free (RunManager.schedule). */
  schedule(): void;
}

/** Starts the poll on a timer that keeps no process alive; returns what stops it. */
export function startControlPoll(target: ControlPollTarget): () => void {
  let ticks = 0;
  const timer = setInterval(() => pollControl(target, ++ticks % SLOW_EVERY === 0), POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function pollControl(t: ControlPollTarget, slow: boolean): void {
  t.storeHold.releaseIfWritable(() => t.schedule());
  if (slow) {
    t.storeHold.repeat();
    try {
      const ctx = t.holdContext();
      queueHolds.interruptOrphanedRuns(ctx, DEAD_OWNER_QUIET_MS);
      queueHolds.holdOrphanedQueue(ctx);
    } catch { /* the store is busy or gone: next time */ }
  }
  for (const [id, link] of t.links) {
    const action = t.files.takeControl(id);
    if (action === 'pause') link.pause();
    else if (action === 'resume') link.resume();
    else if (action === 'cancel') link.cancel();
  }
}
