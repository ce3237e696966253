// checkpoints and exports: the files a run leaves behind (paths relative to the lab home).
import type Database from 'better-sqlite3';
import { parseJson, toJson } from './json';

export interface CheckpointRecord {
  id: number;
  runId: number;
  step: number;
  epoch: number | null;
  kind: 'epoch' | 'pause' | 'cancel' | 'best' | string;
  path: string;
  bytes: number | null;
  metric: number | null;
  createdAt: string;
}

export interface ExportRecord {
  id: number;
  runId: number | null;
  format: string;
  path: string;
  bytes: number | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

export class CheckpointTable {
  constructor(private readonly db: Database.Database) {}

  add(c: Omit<CheckpointRecord, 'id' | 'createdAt'>): number {
    return Number(
      this.db
        .prepare('INSERT INTO checkpoints (run_id, step, epoch, kind, path, bytes, metric) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(c.runId, c.step, c.epoch, c.kind, c.path, c.bytes, c.metric).lastInsertRowid,
    );
  }

  forRun(runId: number): CheckpointRecord[] {
    return this.db
      .prepare(`SELECT id, run_id AS runId, step, epoch, kind, path, bytes, metric, created_at AS createdAt
                FROM checkpoints WHERE run_id = ? ORDER BY step, id`)
      .all(runId) as CheckpointRecord[];
  }

  latest(runId: number): CheckpointRecord | undefined {
    return this.forRun(runId).at(-1);
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM checkpoints WHERE id = ?').run(id);
  }

  addExport(e: Omit<ExportRecord, 'id' | 'createdAt'>): number {
    return Number(
      this.db
        .prepare('INSERT INTO exports (run_id, format, path, bytes, metadata) VALUES (?, ?, ?, ?, ?)')
        .run(e.runId, e.format, e.path, e.bytes, toJson(e.metadata)).lastInsertRowid,
    );
  }

  exports(runId?: number): ExportRecord[] {
    const rows = (runId == null
      ? this.db.prepare('SELECT * FROM exports ORDER BY id').all()
      : this.db.prepare('SELECT * FROM exports WHERE run_id = ? ORDER BY id').all(runId)) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as number,
      runId: r.run_id as number | null,
      format: r.format as string,
      path: r.path as string,
      bytes: r.bytes as number | null,
      metadata: parseJson(r.metadata as string, {}, `exports.metadata of export ${r.id}`),
      createdAt: r.created_at as string,
    }));
  }
}
