// analytics_jobs: gate analytics jobs ("knock out all gates", gate reports) with their progress, so the
// job list survives a restart. The lab core runs the jobs; this table only keeps their books.
import type Database from 'better-sqlite3';

export type AnalyticsJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
export type AnalyticsJobKind = 'knockout' | 'report';

export interface AnalyticsJobRecord {
  id: number;
  runId: number;
  kind: AnalyticsJobKind;
  status: AnalyticsJobStatus;
  done: number;
  total: number;
  label: string;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AnalyticsJobUpdate = Partial<Pick<AnalyticsJobRecord, 'status' | 'done' | 'total' | 'label' | 'error'>>;

const COLUMNS = `id, run_id AS runId, kind, status, done, total, label, error, created_at AS createdAt, updated_at AS updatedAt`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

export class AnalyticsJobTable {
  constructor(private readonly db: Database.Database) {}

  create(runId: number, kind: AnalyticsJobKind, status: AnalyticsJobStatus = 'queued'): number {
    return Number(this.db.prepare('INSERT INTO analytics_jobs (run_id, kind, status) VALUES (?, ?, ?)').run(runId, kind, status).lastInsertRowid);
  }

  /**
   * Records progress or a new status. A job already 'interrupted' stays so: the lab marked it when it
   * closed or restarted, and a late report from its dying process must not resurrect it.
   */
  update(id: number, u: AnalyticsJobUpdate): void {
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [k, v] of Object.entries(u)) {
      if (v === undefined) continue;
      sets.push(`${k} = ?`);
      values.push(v);
    }
    if (!sets.length) return;
    this.db.prepare(`UPDATE analytics_jobs SET ${sets.join(', ')}, updated_at = ${NOW} WHERE id = ? AND status != 'interrupted'`).run(...values, id);
  }

  get(id: number): AnalyticsJobRecord | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM analytics_jobs WHERE id = ?`).get(id) as AnalyticsJobRecord | undefined;
  }

  /** A run's jobs, oldest first. */
  forRun(runId: number): AnalyticsJobRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM analytics_jobs WHERE run_id = ? ORDER BY id`).all(runId) as AnalyticsJobRecord[];
  }

  /**
   * Marks every queued or running job 'interrupted' with `reason` (the lab starts after a crash, or is
   * closing with jobs in flight); returns their ids.
   */
  interruptUnfinished(reason: string, ids?: readonly number[]): number[] {
    const only = ids ? ` AND id IN (${ids.map(() => '?').join(',') || 'NULL'})` : '';
    const rows = this.db
      .prepare(`UPDATE analytics_jobs SET status = 'interrupted', error = ?, updated_at = ${NOW} WHERE status IN ('queued', 'running')${only} RETURNING id`)
      .all(reason, ...(ids ?? [])) as { id: number }[];
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }
}
