// The runs table: lifecycle queued -> running -> (paused) -> completed | failed | cancelled | interrupted,
// persisted on every transition (ARCHITECTURE §6). The run manager owns the policy; this is the storage.
import type Database from 'better-sqlite3';
import { firstDamagedColumn, parseJson, toJson } from './json';
import { checkRows, type CheckedList } from './damaged-rows';
import type { RunDataSummary } from '../../../common/runs/data-summary';

export const RUN_STATUSES = ['queued', 'running', 'paused', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * What the run's trainer said about its data when it started (migration 0005): the data line and its
 * structured facts, declared once with the trainer's 'ready' and the app's run detail (common/runs/data-summary.ts).
 */
export type { RunDataSummary };

/** Why a finished run stopped training (migration 0006), as its trainer said when it finished. */
export interface RunStop {
  /** 'early-stopping', 'max-steps', 'epochs' (every epoch trained) or 'cancelled'. */
  reason: string;
  /** The step training stopped at. */
  step: number;
  /** Epochs done when it stopped. */
  epoch: number;
  /** The step of the best-on-validation weights (those the test and the export use); null: none kept. */
  bestStep: number | null;
}

export interface RunRecord {
  id: number;
  groupId: string | null;
  name: string | null;
  status: RunStatus;
  priority: number;
  seed: number | null;
  modelId: number | null;
  datasetId: number | null;
  splitId: number | null;
  config: unknown;
  providerRequested: string | null;
  provider: string | null;
  fallbackReason: string | null;
  step: number;
  /** Steps the run will train, as its trainer computed them at start (null: not started, or stored before). */
  totalSteps: number | null;
  epoch: number;
  error: string | null;
  errorStep: number | null;
  /** Null until the trainer reports its data (and for runs stored before migration 0005). */
  dataSummary?: RunDataSummary | null;
  /** Null until the run finishes (and for runs finished before migration 0006). */
  stop?: RunStop | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

export type NewRun = Pick<RunRecord, 'config'> &
  Partial<Pick<RunRecord, 'groupId' | 'name' | 'priority' | 'seed' | 'modelId' | 'datasetId' | 'splitId' | 'providerRequested'>>;

/** Fields a transition may set besides the status. */
export type RunUpdate = Partial<Pick<RunRecord, 'provider' | 'fallbackReason' | 'step' | 'totalSteps' | 'epoch' | 'error' | 'errorStep' | 'priority' | 'dataSummary' | 'stop'>>;

const COLUMN: Record<keyof RunUpdate, string> = {
  provider: 'provider', fallbackReason: 'fallback_reason', step: 'step', totalSteps: 'total_steps', epoch: 'epoch', error: 'error', errorStep: 'error_step', priority: 'priority',
  dataSummary: 'data_summary', stop: 'stop_reason',
};
const JSON_COLUMNS = new Set<keyof RunUpdate>(['dataSummary', 'stop']);

type RunRow = Record<string, unknown>;
/** The run's columns stored as JSON (fromRow parses them). */
const JSON_FIELDS = ['config', 'data_summary', 'stop_reason'] as const;
const damageOf = (r: RunRow): string | null => firstDamagedColumn(r, JSON_FIELDS)?.column ?? null;
const fromRow = (r: RunRow): RunRecord => ({
  id: r.id as number,
  groupId: r.group_id as string | null,
  name: r.name as string | null,
  status: r.status as RunStatus,
  priority: r.priority as number,
  seed: r.seed as number | null,
  modelId: r.model_id as number | null,
  datasetId: r.dataset_id as number | null,
  splitId: r.split_id as number | null,
  config: parseJson(r.config as string, null, `runs.config of run ${r.id}`, `gatelab delete ${r.id}`),
  providerRequested: r.provider_requested as string | null,
  provider: r.provider as string | null,
  fallbackReason: r.fallback_reason as string | null,
  step: r.step as number,
  totalSteps: (r.total_steps as number | null | undefined) ?? null,
  epoch: r.epoch as number,
  error: r.error as string | null,
  errorStep: r.error_step as number | null,
  dataSummary: parseJson<RunDataSummary | null>(r.data_summary as string | null | undefined, null, `runs.data_summary of run ${r.id}`, `gatelab delete ${r.id}`),
  stop: parseJson<RunStop | null>(r.stop_reason as string | null | undefined, null, `runs.stop_reason of run ${r.id}`, `gatelab delete ${r.id}`),
  createdAt: r.created_at as string,
  startedAt: r.started_at as string | null,
  finishedAt: r.finished_at as string | null,
  updatedAt: r.updated_at as string,
});

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const FINAL: RunStatus[] = ['completed', 'failed', 'cancelled'];

export class RunTable {
  constructor(private readonly db: Database.Database) {}

  create(run: NewRun): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (group_id, name, priority, seed, model_id, dataset_id, split_id, config, provider_requested)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.groupId ?? null, run.name ?? null, run.priority ?? 0, run.seed ?? null, run.modelId ?? null,
        run.datasetId ?? null, run.splitId ?? null, toJson(run.config), run.providerRequested ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  get(id: number): RunRecord | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return r && fromRow(r);
  }

  /**
   * A run's dataset and status, read from their plain columns: they answer for a run whose stored JSON is
   * damaged (get throws for it), so a caller can still tell which dataset such a run needs. Undefined: no such run.
   */
  plainColumns(id: number): Pick<RunRecord, 'id' | 'datasetId' | 'status'> | undefined {
    const r = this.db.prepare('SELECT id, dataset_id, status FROM runs WHERE id = ?').get(id) as { id: number; dataset_id: number | null; status: RunStatus } | undefined;
    return r && { id: r.id, datasetId: r.dataset_id, status: r.status };
  }

  /**
   * The first of the run's JSON columns that does not parse ('config', 'data_summary', 'stop_reason'), null when
   * every one does, undefined when there is no such run. Reads the row without parsing it: a damaged run can be
   * told apart (and deleted: `gatelab delete`) where get would throw.
   */
  damagedColumn(id: number): string | null | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return r && damageOf(r);
  }

  /** The runs (oldest first), leaving out any whose stored JSON is damaged (listChecked names them). */
  list(filter: { status?: RunStatus; groupId?: string } = {}): RunRecord[] {
    return this.listChecked(filter).records;
  }

  /** The runs a listing can show, and those it left out because a JSON column does not parse (damaged-rows.ts). */
  listChecked(filter: { status?: RunStatus; groupId?: string } = {}): CheckedList<RunRecord> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) { where.push('status = ?'); params.push(filter.status); }
    if (filter.groupId) { where.push('group_id = ?'); params.push(filter.groupId); }
    const sql = `SELECT * FROM runs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
    return checkRows('run', this.db.prepare(sql).all(...params) as RunRow[], damageOf, fromRow);
  }

  /**
   * Next queued run: highest priority first, then FIFO. A queued run whose stored JSON is damaged is passed
   * over (it cannot start; `gatelab show` names it), so it does not stop the queue behind it.
   */
  nextQueued(): RunRecord | undefined {
    const rows = this.db.prepare(`SELECT * FROM runs WHERE status = 'queued' ORDER BY priority DESC, id`).all() as RunRow[];
    const r = rows.find((row) => damageOf(row) === null);
    return r && fromRow(r);
  }

  /** Persists a transition; sets started_at on the first 'running' and finished_at on a final status. */
  setStatus(id: number, status: RunStatus, update: RunUpdate = {}): void {
    const sets = ['status = ?', `updated_at = ${NOW}`];
    const params: unknown[] = [status];
    if (status === 'running') sets.push(`started_at = COALESCE(started_at, ${NOW})`);
    if (FINAL.includes(status)) sets.push(`finished_at = ${NOW}`);
    for (const [key, value] of Object.entries(update) as Array<[keyof RunUpdate, unknown]>) {
      sets.push(`${COLUMN[key]} = ?`);
      params.push(JSON_COLUMNS.has(key) ? (value == null ? null : toJson(value)) : value);
    }
    const info = this.db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    if (info.changes === 0) throw new Error(`No run with id ${id}`);
  }

  /**
   * Deletes a run that is not training (its metrics, gate statistics, checkpoint rows and analytics jobs go
   * with it by foreign key; exports keep their files and lose the link). False when it is running.
   */
  delete(id: number): boolean {
    return this.db.prepare(`DELETE FROM runs WHERE id = ? AND status != 'running'`).run(id).changes > 0;
  }

  /** At start-up: runs left 'running' by a crash become 'interrupted'. Returns their ids. */
  markInterrupted(): number[] {
    const rows = this.db
      .prepare(`UPDATE runs SET status = 'interrupted', updated_at = ${NOW},
                  error = COALESCE(error, 'GateLab stopped while this run was training; resume it from its last checkpoint.')
                WHERE status = 'running' RETURNING id`)
      .all() as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }
}
