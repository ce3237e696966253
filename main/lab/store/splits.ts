// The splits and pipelines tables. A split stores its spec AND its row assignment (one byte per row),
// so a run months later trains on exactly the same rows; a pipeline stores the state fitted on its split.
import type Database from 'better-sqlite3';
import { parseJson, toJson } from './json';

export interface SplitRecord {
  id: number;
  datasetId: number;
  name: string;
  spec: unknown;
  /** Per row: 0 train, 1 validation, 2 test, 3 unused. */
  assignment: Uint8Array;
  ranges: Record<string, [number, number]> | null;
  counts: { train: number; val: number; test: number };
  createdAt: string;
}

export interface PipelineRecord {
  id: number;
  splitId: number;
  name: string;
  spec: unknown;
  fittedState: unknown;
  createdAt: string;
}

interface SplitRow {
  id: number; dataset_id: number; name: string; spec: string; assignment: Buffer; ranges: string | null;
  train_rows: number; val_rows: number; test_rows: number; created_at: string;
}
interface PipelineRow { id: number; split_id: number; name: string; spec: string; fitted_state: string; created_at: string }

const splitFromRow = (r: SplitRow): SplitRecord => ({
  id: r.id,
  datasetId: r.dataset_id,
  name: r.name,
  spec: parseJson(r.spec, null, `splits.spec of split ${r.id}`),
  assignment: new Uint8Array(r.assignment.buffer, r.assignment.byteOffset, r.assignment.byteLength),
  ranges: parseJson(r.ranges, null, `splits.ranges of split ${r.id}`),
  counts: { train: r.train_rows, val: r.val_rows, test: r.test_rows },
  createdAt: r.created_at,
});

const pipelineFromRow = (r: PipelineRow): PipelineRecord => ({
  id: r.id,
  splitId: r.split_id,
  name: r.name,
  spec: parseJson(r.spec, null, `pipelines.spec of pipeline ${r.id}`),
  fittedState: parseJson(r.fitted_state, null, `pipelines.fitted_state of pipeline ${r.id}`),
  createdAt: r.created_at,
});

/** A split that runs train on: deleting (or replacing) it would cut them off from their rows. */
export class SplitInUseError extends Error {
  constructor(readonly splitId: number, readonly splitName: string, readonly runIds: number[]) {
    const shown = `${runIds.slice(0, 8).join(', ')}${runIds.length > 8 ? ', …' : ''}`;
    const one = runIds.length === 1;
    super(`split '${splitName}' (id ${splitId}) is used by ${one ? 'run' : `${runIds.length} runs:`} ${shown}; deleting it would cut ${one ? 'that run' : 'them'} off from its rows (resume, Try it, analytics and export read them). Delete ${one ? 'that run' : 'those runs'} first, or keep the split`);
    this.name = 'SplitInUseError';
  }
}

export class SplitTable {
  constructor(private readonly db: Database.Database) {}

  /** Stores a split; a split of the same name on the same dataset is replaced (its pipelines go with it). */
  save(split: Omit<SplitRecord, 'id' | 'createdAt'>): number {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM splits WHERE dataset_id = ? AND name = ?').run(split.datasetId, split.name);
      const info = this.db
        .prepare(
          `INSERT INTO splits (dataset_id, name, spec, assignment, ranges, train_rows, val_rows, test_rows)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          split.datasetId, split.name, toJson(split.spec), Buffer.from(split.assignment.buffer, split.assignment.byteOffset, split.assignment.byteLength),
          split.ranges ? toJson(split.ranges) : null, split.counts.train, split.counts.val, split.counts.test,
        );
      return Number(info.lastInsertRowid);
    }).immediate();
  }

  get(id: number): SplitRecord | undefined {
    const r = this.db.prepare('SELECT * FROM splits WHERE id = ?').get(id) as SplitRow | undefined;
    return r && splitFromRow(r);
  }

  byName(datasetId: number, name: string): SplitRecord | undefined {
    const r = this.db.prepare('SELECT * FROM splits WHERE dataset_id = ? AND name = ?').get(datasetId, name) as SplitRow | undefined;
    return r && splitFromRow(r);
  }

  /** Splits of a dataset, without their (possibly large) assignment bytes. */
  list(datasetId: number): Array<Omit<SplitRecord, 'assignment'>> {
    const rows = this.db
      .prepare(`SELECT id, dataset_id, name, spec, x'' AS assignment, ranges, train_rows, val_rows, test_rows, created_at
                FROM splits WHERE dataset_id = ? ORDER BY id`)
      .all(datasetId) as SplitRow[];
    return rows.map((r) => {
      const { assignment: _unused, ...rest } = splitFromRow(r);
      return rest;
    });
  }

  /**
   * Ids of the runs that train on the split: its id in their config (data.splitId, what a resume, Try it,
   * analytics and export read) or in their split_id column. Such a split must not be deleted or replaced.
   */
  runsNaming(splitId: number): number[] {
    const rows = this.db
      .prepare(`SELECT id FROM runs WHERE split_id = @id
                OR (json_valid(config) AND CAST(json_extract(config, '$.data.splitId') AS TEXT) = CAST(CAST(@id AS INTEGER) AS TEXT)) ORDER BY id`)
      .all({ id: splitId }) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /**
   * Deletes a split and its fitted pipelines, refusing one that runs name (runsNaming): they would lose
   * their rows. Returns false when there is no such split.
   */
  delete(id: number): boolean {
    return this.db.transaction(() => {
      const split = this.db.prepare('SELECT name FROM splits WHERE id = ?').get(id) as { name: string } | undefined;
      if (!split) return false;
      const users = this.runsNaming(id);
      if (users.length) throw new SplitInUseError(id, split.name, users);
      this.db.prepare('DELETE FROM splits WHERE id = ?').run(id);
      return true;
    }).immediate();
  }

  savePipeline(p: Omit<PipelineRecord, 'id' | 'createdAt'>): number {
    const row = this.db
      .prepare(
        `INSERT INTO pipelines (split_id, name, spec, fitted_state) VALUES (?, ?, ?, ?)
         ON CONFLICT(split_id, name) DO UPDATE SET spec = excluded.spec, fitted_state = excluded.fitted_state
         RETURNING id`,
      )
      .get(p.splitId, p.name, toJson(p.spec), toJson(p.fittedState)) as { id: number };
    return row.id;
  }

  pipelineByName(splitId: number, name: string): PipelineRecord | undefined {
    const r = this.db.prepare('SELECT * FROM pipelines WHERE split_id = ? AND name = ?').get(splitId, name) as PipelineRow | undefined;
    return r && pipelineFromRow(r);
  }

  pipelines(splitId: number): PipelineRecord[] {
    return (this.db.prepare('SELECT * FROM pipelines WHERE split_id = ? ORDER BY id').all(splitId) as PipelineRow[]).map(pipelineFromRow);
  }
}
