// Metrics and gate statistics from every live run, buffered and written to SQLite every ~100 ms in ONE
// transaction (one fsync-free WAL commit per tick, whatever the number of runs and points), so the
// lab's event loop stays free and the store keeps up with 10k steps/s per run.
import type { LabStore } from '../store/index';
import type { GateStatPoint, MetricPoint } from '../../../common/trainer-protocol';

export class MetricsWriter {
  private metrics = new Map<number, MetricPoint[]>();
  private gates = new Map<number, GateStatPoint[]>();
  private timer: NodeJS.Timeout | null = null;
  /** Points written so far (benchmarks). */
  written = 0;

  constructor(private readonly store: LabStore, private readonly intervalMs = 100) {}

  add(runId: number, points: MetricPoint[]): void {
    const list = this.metrics.get(runId);
    if (list) for (const p of points) list.push(p);
    else this.metrics.set(runId, points.slice());
    this.arm();
  }

  addGateStats(runId: number, points: GateStatPoint[]): void {
    const list = this.gates.get(runId);
    if (list) for (const p of points) list.push(p);
    else this.gates.set(runId, points.slice());
    this.arm();
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes everything buffered now (also called at run end and shutdown). */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.metrics.size === 0 && this.gates.size === 0) return;
    const metrics = this.metrics, gates = this.gates;
    this.metrics = new Map();
    this.gates = new Map();
    this.store.db.transaction(() => {
      for (const [runId, points] of metrics) { this.store.metrics.append(runId, points); this.written += points.length; }
      for (const [runId, points] of gates) { this.store.metrics.appendGateStats(runId, points); this.written += points.length; }
    })();
  }

  close(): void {
    this.flush();
  }
}
