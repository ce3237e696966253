// analytics_jobs: gate analytics jobs ("knock out all gates", gate reports) with their progress, so the
// job list survives a restart. The lab core runs the jobs; this table only keeps their books.
// Several lab processes can share one lab home, so each job records its owner (the pid of the lab that
// created it, and when that lab opened the database): a lab starting up interrupts only the jobs whose
// owner is gone, never those another live lab is running (migrations/0003_analytics_job_owner.sql).
import type Database from 'better-sqlite3';
import { isAlive, writtenBeforeBoot } from '../process-alive';

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
  /** The lab process that created the job and reports its progress; null for jobs from before owners were kept. */
  ownerPid: number | null;
  /** When that lab opened the database (ISO time); with the pid it names one lab connection. */
  ownerSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AnalyticsJobUpdate = Partial<Pick<AnalyticsJobRecord, 'status' | 'done' | 'total' | 'label' | 'error'>>;

const COLUMNS = `id, run_id AS runId, kind, status, done, total, label, error, owner_pid AS ownerPid, owner_since AS ownerSince, created_at AS createdAt, updated_at AS updatedAt`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * This process's database connections by the owner_since they stamp on their jobs. A job of this
 * process is still being run only while the connection that created it is open: a closed connection's
 * jobs can no longer record progress (the lab stopped using it), and an unknown stamp means an earlier
 * process that happened to get the same pid.
 */
const connectionsHere = new Map<string, Database.Database>();
let lastStamp = 0;

/** A stamp unique within this process (two connections opened in one millisecond get consecutive ones). */
function stampConnection(db: Database.Database): string {
  for (const [since, d] of connectionsHere) if (!d.open) connectionsHere.delete(since);
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  const since = new Date(lastStamp).toISOString();
  connectionsHere.set(since, db);
  return since;
}

/** Whether the lab that owns a job can still be running it. */
function ownerRuns(pid: number | null, since: string | null): boolean {
  if (pid === null) return false; // rows from before 0003: their lab is long gone, as before owners were kept
  if (pid === process.pid) return since !== null && connectionsHere.get(since)?.open === true;
  return isAlive(pid) && !(since !== null && writtenBeforeBoot(since));
}

export class AnalyticsJobTable {
  /** This connection's owner stamp, written on every job it creates. */
  private readonly since: string;

  constructor(private readonly db: Database.Database) {
    this.since = stampConnection(db);
  }

  /** A new job, owned by this process and connection. */
  create(runId: number, kind: AnalyticsJobKind, status: AnalyticsJobStatus = 'queued'): number {
    return Number(
      this.db
        .prepare('INSERT INTO analytics_jobs (run_id, kind, status, owner_pid, owner_since) VALUES (?, ?, ?, ?, ?)')
        .run(runId, kind, status, process.pid, this.since).lastInsertRowid,
    );
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
   * Start-up recovery: marks 'interrupted' with `reason` the queued or running jobs whose owner is gone
   * (its process died, the machine rebooted since, or no owner was recorded). Jobs another live lab
   * process is running, and jobs of this process's open connections, are left to them. Returns the ids.
   */
  interruptOrphaned(reason: string): number[] {
    return this.db.transaction(() => {
      const active = this.db
        .prepare(`SELECT id, owner_pid AS pid, owner_since AS since FROM analytics_jobs WHERE status IN ('queued', 'running')`)
        .all() as { id: number; pid: number | null; since: string | null }[];
      const orphans = active.filter((j) => !ownerRuns(j.pid, j.since)).map((j) => j.id);
      return orphans.length ? this.interruptUnfinished(reason, orphans) : [];
    }).immediate();
  }

  /**
   * Marks queued or running jobs 'interrupted' with `reason`: the given ones (a lab closing with its own
   * jobs in flight), or without ids every one whoever owns it. Returns their ids.
   */
  interruptUnfinished(reason: string, ids?: readonly number[]): number[] {
    const only = ids ? ` AND id IN (${ids.map(() => '?').join(',') || 'NULL'})` : '';
    const rows = this.db
      .prepare(`UPDATE analytics_jobs SET status = 'interrupted', error = ?, updated_at = ${NOW} WHERE status IN ('queued', 'running')${only} RETURNING id`)
      .all(reason, ...(ids ?? [])) as { id: number }[];
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }
}
