// A gate statistic cut for display inside SQLite: a run records gate statistics at every step, so a long
// run holds tens of thousands of rows per statistic, and loading them all to keep ~1,600 cost ~0.5–1 s per
// selection. One query groups the rows by step bucket and returns only the rows each bucket keeps (M4 as
// in Compare: its first and last row and the rows with its lowest and highest value); the per-component
// extremes of a vector come from a small aggregate function over the float32 blobs. The rule (how many
// buckets, which extremes) is the caller's (main/lab/lab/gate-stats.ts); the stored rows stay whole.
import type Database from 'better-sqlite3';

/** How a statistic is cut: `buckets` step buckets over [x0, x0 + span], bucket of a step = ⌊(step − x0)·buckets / span⌋ (the last one closed). */
export interface GateThinning {
  buckets: number;
  x0: number;
  span: number;
  /**
   * The vector extremes each bucket keeps: `each` component's lowest and highest row; for vectors too wide
   * for that (`extremes`), the rows where the bucket's lowest and highest component values occur, i.e. the
   * extremes of each row's smallest and of each row's largest component; `none` for scalar statistics.
   */
  components: 'each' | 'extremes' | 'none';
}

/** What the thinning rule needs to know about a statistic: its row count, step range and vector width. */
export interface GateStatShape {
  count: number;
  firstStep: number | null;
  lastStep: number | null;
  /** The most components any of its vectors has (0: a scalar statistic). */
  width: number;
  /** Some row has a vector (a zero-length one included). */
  hasVectors: boolean;
  /** Some row is an old run's mean over one trainer call (first_step set, migrations/0007). */
  hasMeans: boolean;
}

export interface StoredGatePoint { step: number; firstStep: number | null; value: number | null; vector: Float32Array | null }

export function gateStatShape(db: Database.Database, runId: number, gate: string, stat: string): GateStatShape {
  const r = db.prepare(
    `SELECT count(*) AS count, min(step) AS firstStep, max(step) AS lastStep, coalesce(max(length(vector)), 0) / 4 AS width,
       count(vector) AS vectors, count(first_step) AS means
     FROM run_gate_stats WHERE run_id = ? AND gate = ? AND stat = ?`,
  ).get(runId, gate, stat) as { count: number; firstStep: number | null; lastStep: number | null; width: number; vectors: number; means: number };
  return { count: r.count, firstStep: r.firstStep, lastStep: r.lastStep, width: r.width, hasVectors: r.vectors > 0, hasMeans: r.means > 0 };
}

// REAL columns hold ±Infinity as they came; the extremes are of finite values only (NaN is stored as NULL).
const FINITE = 'CASE WHEN value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN value END';

/**
 * The rows of one statistic that `t` keeps, in step order: per step bucket its first and last row, the
 * first row with its lowest and the first with its highest finite value, and the vector rows `t.components`
 * names. Integer arithmetic throughout (steps are integers), so a step's bucket is exact.
 */
export function thinnedGateStats(db: Database.Database, runId: number, gate: string, stat: string, t: GateThinning): StoredGatePoint[] {
  const vectors = t.components !== 'none';
  if (vectors) registerVectorPicks(db);
  // One GROUP BY over the statistic's rows gives each bucket's step range and extremes; the earliest step
  // holding each extreme is then an index range scan within the bucket (window functions over the rows,
  // or joining rows back to their bucket, cost as much as loading them all).
  const rows = db.prepare(
    `WITH e AS (
       SELECT min(step) AS first, max(step) AS last, min(v) AS lo, max(v) AS hi ${vectors ? ', gatelab_vector_picks(step, vector, @mode) AS picks' : ''}
       FROM (SELECT step, ${FINITE} AS v, vector,
               min(CAST(@buckets AS INTEGER) - 1, (step - CAST(@x0 AS INTEGER)) * CAST(@buckets AS INTEGER) / CAST(@span AS INTEGER)) AS b
             FROM run_gate_stats WHERE run_id = @run AND gate = @gate AND stat = @stat)
       GROUP BY b
     ), k AS MATERIALIZED (
       SELECT first, last, ${vectors ? 'picks' : 'NULL AS picks'},
         (SELECT min(step) FROM run_gate_stats WHERE run_id = @run AND gate = @gate AND stat = @stat AND step BETWEEN e.first AND e.last AND value = e.lo) AS at_lo,
         (SELECT min(step) FROM run_gate_stats WHERE run_id = @run AND gate = @gate AND stat = @stat AND step BETWEEN e.first AND e.last AND value = e.hi) AS at_hi
       FROM e
     )
     SELECT step, first_step, value, vector FROM run_gate_stats
     WHERE run_id = @run AND gate = @gate AND stat = @stat AND step IN (
       SELECT first FROM k UNION ALL SELECT last FROM k UNION ALL SELECT at_lo FROM k UNION ALL SELECT at_hi FROM k
       ${vectors ? 'UNION ALL SELECT j.value FROM k, json_each(k.picks) j' : ''})
     ORDER BY step`,
  ).all({ run: runId, gate, stat, buckets: t.buckets, x0: t.x0, span: t.span, ...(vectors ? { mode: t.components } : {}) }) as
    Array<{ step: number; first_step: number | null; value: number | null; vector: Buffer | null }>;
  return rows.map((r) => ({ step: r.step, firstStep: r.first_step, value: r.value, vector: float32Of(r.vector) }));
}

/** A stored vector blob as floats (copied out: the Buffer may share a larger pool). */
export const float32Of = (b: Buffer | null): Float32Array | null =>
  b ? new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null;

/** One track's lowest and highest finite value in a bucket, each at the earliest step it occurs. */
class Extremes {
  lo = Infinity; loStep = -1; hi = -Infinity; hiStep = -1;
  see(v: number, step: number): void {
    if (!Number.isFinite(v)) return;
    // rows arrive in no promised order: a tie goes to the earlier step, as a scan in step order keeps the first
    if (v < this.lo || (v === this.lo && step < this.loStep)) { this.lo = v; this.loStep = step; }
    if (v > this.hi || (v === this.hi && step < this.hiStep)) { this.hi = v; this.hiStep = step; }
  }
  steps(): number[] { return this.loStep < 0 ? [] : [this.loStep, this.hiStep]; }
}

const registered = new WeakSet<Database.Database>();

/**
 * `gatelab_vector_picks(step, vector, mode)`: per group, the steps of the rows holding each component's
 * extremes (`each`), or the extremes of each row's smallest and largest component (`extremes`), as a JSON
 * array. Registered once per connection.
 */
function registerVectorPicks(db: Database.Database): void {
  if (registered.has(db)) return;
  db.aggregate('gatelab_vector_picks', {
    start: () => [] as Extremes[],
    // (better-sqlite3's types declare one argument after the total; SQLite passes the call's three)
    step: (tracks: Extremes[], ...row: unknown[]) => {
      const [step, blob, mode] = row as [number, Buffer | null, string];
      if (!blob) return tracks;
      const v = floatView(blob);
      if (mode === 'each') {
        for (let c = 0; c < v.length; c++) (tracks[c] ??= new Extremes()).see(v[c], step);
        return tracks;
      }
      let lo = Infinity, hi = -Infinity;
      for (let c = 0; c < v.length; c++) if (Number.isFinite(v[c])) { if (v[c] < lo) lo = v[c]; if (v[c] > hi) hi = v[c]; }
      (tracks[0] ??= new Extremes()).see(lo, step);
      (tracks[1] ??= new Extremes()).see(hi, step);
      return tracks;
    },
    result: (tracks: Extremes[]) => JSON.stringify(tracks.flatMap((t) => (t ? t.steps() : []))),
    deterministic: true,
    varargs: true, // the row's three arguments arrive as `...row` (better-sqlite3 counts declared parameters otherwise)
  });
  registered.add(db);
}

/** The blob's floats without a copy when it is 4-byte aligned (it is read once, inside the aggregate). */
const floatView = (b: Buffer): Float32Array =>
  b.byteOffset % 4 === 0 ? new Float32Array(b.buffer, b.byteOffset, b.byteLength >> 2) : new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.byteLength & ~3)));
