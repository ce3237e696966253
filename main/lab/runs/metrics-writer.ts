// Metrics and gate statistics from every live run, buffered and written to SQLite every ~100 ms in ONE
// transaction (one fsync-free WAL commit per tick, whatever the number of runs and points), so the
// lab's event loop stays free and the store keeps up with 10k steps/s per run.
//
// The tick is also a time bound for other readers (`gatelab show` in a terminal, a second app window): a
// point is committed at most `intervalMs` after it arrives, because the first point of a batch arms the
// timer and later points never push it back (a debounce would starve a run that logs without pause).
import type { LabStore } from '../store/index';
import type { GateStatPoint, MetricPoint } from '../../../common/trainer-protocol';

/** After a failed write (database locked by another process, disk full): the next attempt. */
const RETRY_MS = 1000;
/**
 * Every write failing for this long (the first attempt and its retries a second apart, each after SQLite's
 * busy timeout) is a failure for good: the live runs are stopped (trainer-link.ts) instead of training on
 * with nothing recorded. A retry absorbs a blip; a full disk or a read-only file fails every time.
 */
export const GIVE_UP_MS = 2000;

export class MetricsWriter {
  private metrics = new Map<number, MetricPoint[]>();
  private gates = new Map<number, GateStatPoint[]>();
  private timer: NodeJS.Timeout | null = null;
  /** Points written so far (benchmarks). */
  written = 0;
  /** Why the last write failed, until one succeeds (its points are kept and written again). */
  failure: Error | null = null;
  /** When the writes started failing (Date.now), null while they succeed. */
  private failingSince: number | null = null;

  constructor(private readonly store: LabStore, private readonly intervalMs = 100) {}

  add(runId: number, points: MetricPoint[]): void {
    const list = this.metrics.get(runId);
    if (list) for (const p of points) list.push(p);
    else this.metrics.set(runId, points.slice());
    this.arm(this.intervalMs);
  }

  addGateStats(runId: number, points: GateStatPoint[]): void {
    const list = this.gates.get(runId);
    if (list) for (const p of points) list.push(p);
    else this.gates.set(runId, points.slice());
    this.arm(this.intervalMs);
  }

  /**
   * Forgets the run's buffered points past `step` (a restart from its checkpoint at `step`): points a dead
   * trainer sent that a failed write kept for the retry must not land after the restart deleted its
   * stored ones (RunManager's claim).
   */
  discardAfter(runId: number, step: number): void {
    const metrics = this.metrics.get(runId);
    if (metrics) this.metrics.set(runId, metrics.filter((p) => p.step <= step));
    const gates = this.gates.get(runId);
    if (gates) this.gates.set(runId, gates.filter((p) => p.step <= step));
  }

  private arm(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A timer has no caller to tell: a throw here would end the lab process (and, before, lost the batch).
      // The points stay buffered and flush() tries again; an explicit flush (run end, shutdown) still throws.
      try { this.flush(); } catch { /* kept in this.failure; retried */ }
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Writes everything buffered now (also called at run end and shutdown). When the store refuses the write,
   * the points go back in front of any that arrived since (order kept: a resumed run's newer value of a
   * step still wins), a retry is armed, and the error is thrown to the caller.
   */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.metrics.size === 0 && this.gates.size === 0) return;
    const metrics = this.metrics, gates = this.gates;
    this.metrics = new Map();
    this.gates = new Map();
    try {
      this.store.db.transaction(() => {
        for (const [runId, points] of metrics) this.store.metrics.append(runId, points);
        for (const [runId, points] of gates) this.store.metrics.appendGateStats(runId, points);
      })();
    } catch (e) {
      this.metrics = putBack(metrics, this.metrics);
      this.gates = putBack(gates, this.gates);
      this.failure = e as Error;
      this.failingSince ??= Date.now();
      this.arm(RETRY_MS);
      throw e;
    }
    this.failure = null;
    this.failingSince = null;
    for (const points of metrics.values()) this.written += points.length;
    for (const points of gates.values()) this.written += points.length;
  }

  /**
   * The store has refused every write for GIVE_UP_MS: the runs sending points must stop, since nothing they
   * log is recorded. The points stay buffered and retried meanwhile (written if the store recovers).
   */
  get gaveUp(): boolean {
    return this.failingSince !== null && Date.now() - this.failingSince >= GIVE_UP_MS;
  }

  close(): void {
    this.flush();
  }
}

/** The unwritten batch, followed per run by the points that arrived after it. */
function putBack<P>(unwritten: Map<number, P[]>, since: Map<number, P[]>): Map<number, P[]> {
  for (const [runId, points] of since) {
    const list = unwritten.get(runId);
    if (list) for (const p of points) list.push(p);
    else unwritten.set(runId, points);
  }
  return unwritten;
}
