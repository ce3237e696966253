// run_metrics and run_gate_stats: many small points, written in batches (one transaction per batch,
// one prepared statement reused), read back as typed arrays so a 10^6-point curve is one index scan.
import type Database from 'better-sqlite3';
import { float32Of, gateStatShape, thinnedGateStats, type GateStatShape, type GateThinning, type StoredGatePoint } from './gate-thinning';

export interface MetricPoint {
  step: number;
  name: string;
  value: number;
}

export interface GateStatPoint {
  step: number;
  gate: string;
  stat: string;
  value?: number | null;
  /** Per-expert / per-channel values. */
  vector?: Float32Array | number[] | null;
}

export interface Series {
  steps: Float64Array;
  values: Float64Array;
}

export interface MetricSummary {
  name: string;
  count: number;
  first: number | null;
  last: number | null;
  min: number | null;
  max: number | null;
  lastStep: number;
}

// SQLite stores NaN as NULL; keep the point (a NaN loss is information) and map it back on read.
const finiteOrNull = (v: number | null | undefined): number | null => (v == null || Number.isNaN(v) ? null : v);

export class MetricsTable {
  private insertMetric?: Database.Statement;
  private insertGate?: Database.Statement;

  constructor(private readonly db: Database.Database) {}

  /** Appends one batch of points in one transaction. */
  append(runId: number, points: MetricPoint[]): void {
    if (points.length === 0) return;
    // OR REPLACE: a resumed run re-logs the steps after its checkpoint; the newer value wins.
    const insert = (this.insertMetric ??= this.db.prepare('INSERT OR REPLACE INTO run_metrics (run_id, name, step, value) VALUES (?, ?, ?, ?)'));
    this.db.transaction(() => {
      for (const p of points) insert.run(runId, p.name, p.step, finiteOrNull(p.value));
    })();
  }

  appendGateStats(runId: number, points: GateStatPoint[]): void {
    if (points.length === 0) return;
    const insert = (this.insertGate ??= this.db.prepare(
      'INSERT OR REPLACE INTO run_gate_stats (run_id, gate, stat, step, value, vector) VALUES (?, ?, ?, ?, ?, ?)',
    ));
    this.db.transaction(() => {
      for (const p of points) {
        const v = p.vector == null ? null : Float32Array.from(p.vector);
        insert.run(runId, p.gate, p.stat, p.step, finiteOrNull(p.value), v && Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      }
    })();
  }

  /**
   * Deletes the run's metric and gate-statistic points past `step` (val.* / test.* points included: they
   * are metrics at a step). A run restarting from its checkpoint at `step` replays the steps after it:
   * points a dead trainer wrote there belong to a timeline that no longer exists, and would otherwise stay
   * for good when the resumed run ends earlier (its curves, best values and Compare read them).
   * Returns how many points were deleted.
   */
  dropAfter(runId: number, step: number): number {
    return this.db.transaction(() =>
      this.db.prepare('DELETE FROM run_metrics WHERE run_id = ? AND step > ?').run(runId, step).changes
      + this.db.prepare('DELETE FROM run_gate_stats WHERE run_id = ? AND step > ?').run(runId, step).changes)();
  }

  names(runId: number): string[] {
    return (this.db.prepare('SELECT DISTINCT name FROM run_metrics WHERE run_id = ? ORDER BY name').all(runId) as Array<{ name: string }>).map((r) => r.name);
  }

  /** One metric's full curve (never decimated: display code decimates, storage does not). */
  series(runId: number, name: string, fromStep = 0): Series {
    const count = (this.db.prepare('SELECT count(*) AS n FROM run_metrics WHERE run_id = ? AND name = ? AND step >= ?').get(runId, name, fromStep) as { n: number }).n;
    const steps = new Float64Array(count);
    const values = new Float64Array(count);
    let i = 0;
    const stmt = this.db.prepare('SELECT step, value FROM run_metrics WHERE run_id = ? AND name = ? AND step >= ? ORDER BY step').raw();
    for (const row of stmt.iterate(runId, name, fromStep) as Iterable<[number, number | null]>) {
      if (i >= count) break; // rows appended by another connection since the count: they belong to the next read
      steps[i] = row[0];
      values[i] = row[1] ?? NaN;
      i++;
    }
    return { steps: steps.subarray(0, i), values: values.subarray(0, i) };
  }

  /**
   * One metric's curve for each of many runs, in one query (the run list's average speeds: a list of
   * hundreds of runs must not cost one read per run on every refresh). Runs without the metric are absent.
   */
  seriesOfRuns(runIds: readonly number[], name: string): Map<number, Series> {
    const out = new Map<number, Series>();
    if (!runIds.length) return out;
    // run_id IN a JSON list: one statement whatever the count (SQLite caps bound parameters), each run's
    // points read through the (run_id, name, step) key
    const rows = this.db
      .prepare('SELECT run_id, step, value FROM run_metrics WHERE run_id IN (SELECT value FROM json_each(?)) AND name = ? ORDER BY run_id, step')
      .raw()
      .all(JSON.stringify(runIds), name) as Array<[number, number, number | null]>;
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i][0] === rows[start][0]) continue;
      const run = rows.slice(start, i);
      out.set(rows[start][0], { steps: Float64Array.from(run, (r) => r[1]), values: Float64Array.from(run, (r) => r[2] ?? NaN) });
      start = i;
    }
    return out;
  }

  /**
   * At most `buckets` points of a curve for display: per step bucket its first step and the min, max and
   * mean value (min/max keep spikes visible). Computed inside SQLite in one scan; the stored data stays whole.
   */
  envelope(runId: number, name: string, buckets = 2000): Array<{ step: number; min: number | null; max: number | null; mean: number | null }> {
    const range = this.db.prepare('SELECT min(step) AS lo, max(step) AS hi FROM run_metrics WHERE run_id = ? AND name = ?').get(runId, name) as { lo: number | null; hi: number | null };
    if (range.lo === null || range.hi === null) return [];
    const width = Math.max(1, Math.ceil((range.hi - range.lo + 1) / buckets));
    return this.db
      .prepare(
        `SELECT min(step) AS step, min(value) AS min, max(value) AS max, avg(value) AS mean
         FROM run_metrics WHERE run_id = ? AND name = ? GROUP BY CAST((step - ?) / ? AS INTEGER) ORDER BY 1`,
      )
      .all(runId, name, range.lo, width) as Array<{ step: number; min: number | null; max: number | null; mean: number | null }>;
  }

  /** The value of `name` at its latest step, or null when it has none. */
  lastValue(runId: number, name: string): number | null {
    const row = this.db.prepare('SELECT value FROM run_metrics WHERE run_id = ? AND name = ? ORDER BY step DESC LIMIT 1').get(runId, name) as { value: number | null } | undefined;
    return row?.value ?? null;
  }

  summary(runId: number): MetricSummary[] {
    const rows = this.db
      .prepare(
        `SELECT name, count(*) AS count, min(value) AS min, max(value) AS max, max(step) AS lastStep,
           (SELECT value FROM run_metrics f WHERE f.run_id = m.run_id AND f.name = m.name ORDER BY step ASC LIMIT 1) AS first,
           (SELECT value FROM run_metrics l WHERE l.run_id = m.run_id AND l.name = m.name ORDER BY step DESC LIMIT 1) AS last
         FROM run_metrics m WHERE run_id = ? GROUP BY name ORDER BY name`,
      )
      .all(runId) as MetricSummary[];
    return rows;
  }

  /**
   * One gate statistic's points. `firstStep` null: the value at `step`; set: the mean over steps
   * firstStep..step (a training point stored before per-step recording, migrations/0007).
   */
  gateStats(runId: number, gate: string, stat: string): Array<{ step: number; firstStep: number | null; value: number | null; vector: Float32Array | null }> {
    const rows = this.db
      .prepare('SELECT step, first_step, value, vector FROM run_gate_stats WHERE run_id = ? AND gate = ? AND stat = ? ORDER BY step')
      .all(runId, gate, stat) as Array<{ step: number; first_step: number | null; value: number | null; vector: Buffer | null }>;
    return rows.map((r) => ({
      step: r.step,
      firstStep: r.first_step,
      value: r.value,
      vector: float32Of(r.vector),
    }));
  }

  /**
   * Each gate statistic's latest point (`gatelab show`, runs.get): one row per gate/stat read by the
   * (run_id, gate, stat, step) key, instead of loading every per-step point to keep the last.
   */
  lastGateStats(runId: number): Array<{ gate: string; stat: string; step: number; firstStep: number | null; value: number | null; vector: Float32Array | null }> {
    const rows = this.db
      .prepare(
        `SELECT g.gate, g.stat, g.step, g.first_step, g.value, g.vector FROM run_gate_stats g
         JOIN (SELECT gate, stat, max(step) AS step FROM run_gate_stats WHERE run_id = ? GROUP BY gate, stat) m
           ON g.gate = m.gate AND g.stat = m.stat AND g.step = m.step
         WHERE g.run_id = ? ORDER BY g.gate, g.stat`,
      )
      .all(runId, runId) as Array<{ gate: string; stat: string; step: number; first_step: number | null; value: number | null; vector: Buffer | null }>;
    return rows.map((r) => ({ gate: r.gate, stat: r.stat, step: r.step, firstStep: r.first_step, value: r.value, vector: float32Of(r.vector) }));
  }

  /** One gate statistic's row count, step range, vector width, and whether it holds vectors and old call means. */
  gateStatShape(runId: number, gate: string, stat: string): GateStatShape {
    return gateStatShape(this.db, runId, gate, stat);
  }

  /** The points of one gate statistic that `t` keeps for display, cut inside SQLite (gate-thinning.ts). */
  thinnedGateStats(runId: number, gate: string, stat: string, t: GateThinning): StoredGatePoint[] {
    return thinnedGateStats(this.db, runId, gate, stat, t);
  }

  gateNames(runId: number): Array<{ gate: string; stat: string }> {
    return this.db.prepare('SELECT DISTINCT gate, stat FROM run_gate_stats WHERE run_id = ? ORDER BY gate, stat').all(runId) as Array<{ gate: string; stat: string }>;
  }
}
