// The models table: saved model configurations (family + template + gates), the zod-validated JSON
// the model builder and `gatelab train` edit. Validation is the caller's (common/models); this stores.
import type Database from 'better-sqlite3';
import { firstDamagedColumn, parseJson, toJson } from './json';
import { checkRows, type CheckedList } from './damaged-rows';

export interface ModelRecord {
  id: number;
  name: string;
  family: string;
  template: string;
  config: unknown;
  createdAt: string;
  updatedAt: string;
}

type ModelRow = { id: number; name: string; family: string; template: string; config: string; created_at: string; updated_at: string };
const fromRow = (r: ModelRow): ModelRecord => ({
  id: r.id,
  name: r.name,
  family: r.family,
  template: r.template,
  config: parseJson(r.config, null, `models.config of model ${r.id}`),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class ModelTable {
  constructor(private readonly db: Database.Database) {}

  create(m: Pick<ModelRecord, 'name' | 'family' | 'template' | 'config'>): number {
    return Number(
      this.db.prepare('INSERT INTO models (name, family, template, config) VALUES (?, ?, ?, ?)').run(m.name, m.family, m.template, toJson(m.config)).lastInsertRowid,
    );
  }

  update(id: number, m: Partial<Pick<ModelRecord, 'name' | 'config'>>): void {
    const info = this.db
      .prepare(`UPDATE models SET name = COALESCE(?, name), config = COALESCE(?, config), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`)
      .run(m.name ?? null, m.config === undefined ? null : toJson(m.config), id);
    if (info.changes === 0) throw new Error(`No model with id ${id}`);
  }

  get(id: number): ModelRecord | undefined {
    const r = this.db.prepare('SELECT * FROM models WHERE id = ?').get(id) as ModelRow | undefined;
    return r && fromRow(r);
  }

  /** The saved models (oldest first), leaving out any whose stored config is damaged (listChecked names them). */
  list(family?: string): ModelRecord[] {
    return this.listChecked(family).records;
  }

  /** The models a listing can show, and those it left out because their config does not parse (damaged-rows.ts). */
  listChecked(family?: string): CheckedList<ModelRecord> {
    const rows = (family
      ? this.db.prepare('SELECT * FROM models WHERE family = ? ORDER BY id').all(family)
      : this.db.prepare('SELECT * FROM models ORDER BY id').all()) as ModelRow[];
    return checkRows('model', rows, (r) => firstDamagedColumn(r, ['config'])?.column ?? null, fromRow);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM models WHERE id = ?').run(id).changes > 0;
  }
}
