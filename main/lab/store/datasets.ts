// The datasets and dataset_columns tables: one row per imported file, one per column (schema + role).
import type Database from 'better-sqlite3';
import type { ColumnRole, ColumnTypeName, DatasetFamily } from '../../../common/data/roles';
import { firstDamagedColumn, parseJson, toJson } from './json';
import { checkRows, type CheckedList } from './damaged-rows';
import { didYouMean } from '../../../common/text/did-you-mean';

export interface ColumnRecord {
  position: number;
  name: string;
  /** The type in effect: the user's override when set, else the inferred one. */
  type: ColumnTypeName;
  inferredType: ColumnTypeName;
  typeOverride: ColumnTypeName | null;
  role: ColumnRole;
  modality: string | null;
  stats: Record<string, unknown>;
}

export interface DatasetRecord {
  id: number;
  name: string;
  sourceHash: string;
  sourceName: string;
  /** Relative to the lab home. */
  sourcePath: string;
  sourceBytes: number;
  /** Relative to the lab home. */
  cacheDir: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean | null;
  rows: number;
  importOptions: Record<string, unknown>;
  validation: unknown;
  family: DatasetFamily | null;
  description: string | null;
  isDemo: boolean;
  createdAt: string;
}

export type NewDataset = Omit<DatasetRecord, 'id' | 'createdAt'>;
export type NewColumn = Pick<ColumnRecord, 'name' | 'inferredType' | 'stats'> &
  Partial<Pick<ColumnRecord, 'role' | 'modality' | 'typeOverride'>>;

interface DatasetRow {
  id: number; name: string; source_hash: string; source_name: string; source_path: string; source_bytes: number;
  cache_dir: string; format: string; encoding: string | null; delimiter: string | null; has_header: number | null;
  rows: number; import_options: string; validation: string; family: string | null; description: string | null;
  is_demo: number; created_at: string;
}
interface ColumnRow {
  position: number; name: string; type: string; type_override: string | null; role: string; modality: string | null; stats: string;
}

/** The dataset's columns stored as JSON (fromRow parses them). */
const DATASET_JSON_FIELDS = ['import_options', 'validation'] as const;

const fromRow = (r: DatasetRow): DatasetRecord => ({
  id: r.id,
  name: r.name,
  sourceHash: r.source_hash,
  sourceName: r.source_name,
  sourcePath: r.source_path,
  sourceBytes: r.source_bytes,
  cacheDir: r.cache_dir,
  format: r.format,
  encoding: r.encoding,
  delimiter: r.delimiter,
  hasHeader: r.has_header == null ? null : r.has_header === 1,
  rows: r.rows,
  importOptions: parseJson(r.import_options, {}, `datasets.import_options of dataset ${r.id}`),
  validation: parseJson(r.validation, {}, `datasets.validation of dataset ${r.id}`),
  family: r.family as DatasetFamily | null,
  description: r.description,
  isDemo: r.is_demo === 1,
  createdAt: r.created_at,
});

const columnFromRow = (datasetId: number) => (r: ColumnRow): ColumnRecord => ({
  position: r.position,
  name: r.name,
  type: (r.type_override ?? r.type) as ColumnTypeName,
  inferredType: r.type as ColumnTypeName,
  typeOverride: r.type_override as ColumnTypeName | null,
  role: r.role as ColumnRole,
  modality: r.modality,
  stats: parseJson(r.stats, {}, `dataset_columns.stats of column '${r.name}' of dataset ${datasetId}`),
});

export class DatasetTable {
  constructor(private readonly db: Database.Database) {}

  /** Inserts the dataset and its columns in one transaction; returns the new id. */
  insert(dataset: NewDataset, columns: NewColumn[]): number {
    const insertDataset = this.db.prepare(
      `INSERT INTO datasets (name, source_hash, source_name, source_path, source_bytes, cache_dir, format, encoding,
         delimiter, has_header, rows, import_options, validation, family, description, is_demo)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertColumn = this.db.prepare(
      `INSERT INTO dataset_columns (dataset_id, position, name, type, type_override, role, modality, stats)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const d = dataset;
      const id = Number(
        insertDataset.run(
          d.name, d.sourceHash, d.sourceName, d.sourcePath, d.sourceBytes, d.cacheDir, d.format, d.encoding,
          d.delimiter, d.hasHeader == null ? null : d.hasHeader ? 1 : 0, d.rows, toJson(d.importOptions),
          toJson(d.validation), d.family, d.description, d.isDemo ? 1 : 0,
        ).lastInsertRowid,
      );
      columns.forEach((c, i) =>
        insertColumn.run(id, i, c.name, c.inferredType, c.typeOverride ?? null, c.role ?? 'feature', c.modality ?? null, toJson(c.stats)),
      );
      return id;
    }).immediate();
  }

  get(id: number): DatasetRecord | undefined {
    const r = this.db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
    return r && fromRow(r);
  }

  /**
   * Whether a dataset row has this source hash, without reading its JSON: a folder whose row is damaged is
   * still that dataset's (the start-up sweep must keep it, and must not stop on it as byHash would).
   */
  hasHash(sourceHash: string): boolean {
    return this.db.prepare('SELECT 1 FROM datasets WHERE source_hash = ?').get(sourceHash) !== undefined;
  }

  /**
   * A dataset's name, read from its plain column: it answers for a dataset whose stored JSON is damaged (get
   * throws for it), so its name stays taken and messages can name it. Undefined: no such dataset.
   */
  nameOf(id: number): string | undefined {
    return (this.db.prepare('SELECT name FROM datasets WHERE id = ?').get(id) as { name: string } | undefined)?.name;
  }

  /**
   * A dataset's name, source hash (the name of its folder) and demo flag, read without its JSON: what deleting
   * a damaged dataset needs (its row, its folder, what to warn about). Undefined: no such dataset.
   */
  plainColumns(id: number): Pick<DatasetRecord, 'id' | 'name' | 'sourceHash' | 'isDemo'> | undefined {
    const r = this.db.prepare('SELECT id, name, source_hash, is_demo FROM datasets WHERE id = ?').get(id) as { id: number; name: string; source_hash: string; is_demo: number } | undefined;
    return r && { id: r.id, name: r.name, sourceHash: r.source_hash, isDemo: r.is_demo === 1 };
  }

  byHash(sourceHash: string): DatasetRecord | undefined {
    const r = this.db.prepare('SELECT * FROM datasets WHERE source_hash = ?').get(sourceHash) as DatasetRow | undefined;
    return r && fromRow(r);
  }

  /** The datasets (oldest first), leaving out any whose stored JSON is damaged, its columns' included (listChecked names them). */
  list(): DatasetRecord[] {
    return this.listChecked().records;
  }

  /**
   * The datasets a listing can show, and those it left out because a JSON column does not parse
   * (damaged-rows.ts): the dataset's own, or a column's stats (every reader of a dataset reads its columns).
   */
  listChecked(): CheckedList<DatasetRecord> {
    const badColumns = new Map<number, string>();
    const stats = this.db.prepare('SELECT dataset_id, name, stats FROM dataset_columns ORDER BY dataset_id, position').all() as Array<{ dataset_id: number; name: string; stats: string }>;
    for (const c of stats) {
      if (!badColumns.has(c.dataset_id) && firstDamagedColumn(c, ['stats'])) badColumns.set(c.dataset_id, `stats of column '${c.name}'`);
    }
    const damage = (r: DatasetRow): string | null => firstDamagedColumn(r as unknown as Record<string, unknown>, DATASET_JSON_FIELDS)?.column ?? badColumns.get(r.id) ?? null;
    return checkRows('dataset', this.db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[], damage, fromRow);
  }

  columns(datasetId: number): ColumnRecord[] {
    const rows = this.db
      .prepare('SELECT position, name, type, type_override, role, modality, stats FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
      .all(datasetId) as ColumnRow[];
    return rows.map(columnFromRow(datasetId));
  }

  /** Sets the role (and optionally the modality group) of the named columns; throws naming any unknown column. */
  setRoles(datasetId: number, changes: Array<{ column: string; role?: ColumnRole; modality?: string | null; typeOverride?: ColumnTypeName | null }>): void {
    const known = new Set(this.columns(datasetId).map((c) => c.name));
    for (const c of changes) {
      if (!known.has(c.column)) {
        throw new Error(`Dataset ${datasetId} has no column '${c.column}'${didYouMean(c.column, [...known])}. Its columns are: ${[...known].join(', ')}`);
      }
    }
    const role = this.db.prepare('UPDATE dataset_columns SET role = ? WHERE dataset_id = ? AND name = ?');
    const modality = this.db.prepare('UPDATE dataset_columns SET modality = ? WHERE dataset_id = ? AND name = ?');
    const override = this.db.prepare('UPDATE dataset_columns SET type_override = ? WHERE dataset_id = ? AND name = ?');
    this.db.transaction(() => {
      for (const c of changes) {
        if (c.role !== undefined) role.run(c.role, datasetId, c.column);
        if (c.modality !== undefined) modality.run(c.modality, datasetId, c.column);
        if (c.typeOverride !== undefined) override.run(c.typeOverride, datasetId, c.column);
      }
    })();
  }

  /**
   * Records a new parse of the same file (column types changed): rows, validation, import options and, per
   * column, its inferred type, override and stats, in one transaction. Names, roles and modalities stay;
   * the columns must be the ones the dataset has, in the same order.
   */
  replaceParse(datasetId: number, parse: Pick<DatasetRecord, 'rows' | 'validation' | 'importOptions'>, columns: Array<Pick<ColumnRecord, 'name' | 'inferredType' | 'typeOverride' | 'stats'>>): void {
    const known = this.columns(datasetId).map((c) => c.name);
    if (known.length !== columns.length || known.some((name, i) => columns[i].name !== name)) {
      throw new Error(`dataset ${datasetId}: the new parse has columns ${columns.map((c) => c.name).join(', ')}, but the dataset has ${known.join(', ')}`);
    }
    const dataset = this.db.prepare('UPDATE datasets SET rows = ?, validation = ?, import_options = ? WHERE id = ?');
    const column = this.db.prepare('UPDATE dataset_columns SET type = ?, type_override = ?, stats = ? WHERE dataset_id = ? AND position = ?');
    this.db.transaction(() => {
      dataset.run(parse.rows, toJson(parse.validation), toJson(parse.importOptions), datasetId);
      columns.forEach((c, i) => column.run(c.inferredType, c.typeOverride, toJson(c.stats), datasetId, i));
    }).immediate();
  }

  rename(datasetId: number, name: string): void {
    this.db.prepare('UPDATE datasets SET name = ? WHERE id = ?').run(name, datasetId);
  }

  /** Deletes the row (columns, splits and pipelines cascade). The files are the registry's business. */
  delete(datasetId: number): boolean {
    return this.db.prepare('DELETE FROM datasets WHERE id = ?').run(datasetId).changes > 0;
  }
}
