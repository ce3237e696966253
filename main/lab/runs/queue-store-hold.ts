// The queue's hold for a failing database. While the database refuses every metrics write (disk full,
// read-only file: MetricsWriter.gaveUp) a run started would be stopped at once (trainer-link.ts
// stopUnrecorded), so the run manager starts none. This says why to whoever listens (the Runs view, the CLI),
// repeats it while it lasts so a view opened meanwhile shows it too, and says once when it ends. The
// RunManager owns one and asks it before each scheduling decision and on its control poll.
import type { MetricsWriter } from './metrics-writer';
import type { QueueHold, QueueHoldListener } from './events';
import { queueHoldOf } from './store-failure';

export class QueueStoreHold {
  /** Set while the queue is held: why, and what to do. Cleared once a write succeeds (releaseIfWritable). */
  private hold: QueueHold | null = null;
  private readonly listeners = new Set<QueueHoldListener>();

  constructor(private readonly metrics: MetricsWriter, private readonly database: string) {}

  /** Hears the hold (repeated while it lasts) and its end (null, once). */
  listen(listener: QueueHoldListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Why queued runs wait now, or null when they do not. */
  get current(): QueueHold | null {
    return this.hold;
  }

  /**
   * Asked before starting queued runs: true while the database refuses writes (the queue must wait).
   * The hold is announced when it begins, not at every scheduling attempt.
   */
  holds(): boolean {
    if (!this.metrics.gaveUp) return false;
    if (!this.hold) this.announce(this.hold = queueHoldOf(this.metrics.failure, this.database));
    return true;
  }

  /**
   * From the control poll: once a write (MetricsWriter's retry) has succeeded, restarts the queue through
   * `schedule` and announces the end, unless the schedule found the database failing again (a new hold).
   * A schedule that throws (the store busy or gone) keeps the hold for the next poll.
   */
  releaseIfWritable(schedule: () => void): void {
    if (!this.hold || this.metrics.gaveUp) return;
    const hold = this.hold;
    this.hold = null;
    try {
      schedule();
      if (!this.hold) this.announce(null);
    } catch { this.hold = hold; /* the store is busy or gone: next time */ }
  }

  /** Says the hold again (the control poll, about every 2 s) so a view opened meanwhile shows it. */
  repeat(): void {
    if (this.hold) this.announce(this.hold);
  }

  private announce(hold: QueueHold | null): void {
    // a view that fails to hear it (a closing window) must not stop the queue or the control poll
    for (const l of this.listeners) { try { l(hold); } catch { /* the next announcement reaches the others */ } }
  }
}
