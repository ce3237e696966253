// Adapts the dataset registry (main/lab/datasets) to the Lab's DatasetsPort: records become LabApi
// summaries and details, previews are read from the column cache, errors become LabErrors.
import { openLabDatasets, type Dataset, type LabDatasets } from '../datasets/index';
import { openDatasetCache, type DatasetCache } from '../import/index';
import type { ValidationReport } from '../../../common/dataset-cache';
import { LabError, type ColumnType, type DatasetDetail, type DatasetSummary, type TypesChanged, type ValidationIssue } from '../../../common/lab-api';
import { retypeDataset } from '../datasets/retype';
import { currentIssues } from '../datasets/current-issues';
import { recordedLongFormat } from '../../../common/data/long-format-reading';
import type { LabPaths } from '../home';
import type { DatasetsPort, ImportedFile } from './datasets-port';
import type { KeyValueTable } from './settings';
import { cellOf } from './cells';
import { columnInfoOf } from './column-info';
import { watchForeignDatasets } from './foreign-datasets';

/** The dataset port and the settings table over one store connection (and the store and registry, for the run manager). */
export async function openLabStore(paths: LabPaths): Promise<{ datasets: DatasetsPort; settings: KeyValueTable; notice?: string; lab: LabDatasets }> {
  const lab = await openLabDatasets(paths);
  return { datasets: new StoreDatasets(lab), settings: lab.store.settings, notice: lab.notice, lab };
}

const summaryOf = (d: Dataset): DatasetSummary => ({
  id: String(d.id),
  name: d.name,
  rows: d.rows,
  columns: d.columns.length,
  source: d.isDemo ? 'demo' : d.sourceName,
  family: d.family,
  createdAt: d.createdAt,
  bytes: d.sourceBytes,
});

/** The import's issues as they stand under the dataset's roles (current-issues.ts), in LabApi's shape. */
function issuesOf(d: Dataset): ValidationIssue[] {
  return currentIssues(d).map((i) => ({
    kind: i.kind,
    severity: i.severity,
    count: i.count,
    message: i.message,
    column: i.column,
    examples: i.examples.map((e) => `line ${e.line}${e.column ? `, ${e.column}` : ''}: ${JSON.stringify(e.value)}`),
  }));
}

/**
 * What a failed dataset action tells the app: the lab unable to do it (its database damaged there or open
 * read-only: LabUnavailable, refusal.ts) is 'not-available', as the other handlers say a part of the lab they
 * cannot use; anything else refused the request (a taken name, a dataset in use: the message says what to change).
 */
function datasetActionError(e: unknown): LabError {
  if (e instanceof LabError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new LabError(e instanceof Error && e.name === 'LabUnavailable' ? 'not-available' : 'invalid-payload', message);
}

class StoreDatasets implements DatasetsPort {
  /** Open column caches of recently previewed datasets (scrolling asks for many pages). */
  private readonly caches = new Map<number, DatasetCache>();
  /** Stops of the watchers of other processes' dataset changes (closed with the store). */
  private readonly watchers = new Set<() => void>();

  constructor(private readonly lab: LabDatasets) {}

  watchForeign(onChange: (id: string) => void): () => void {
    const stop = watchForeignDatasets({ db: this.lab.store.db, onChange });
    this.watchers.add(stop);
    return () => { stop(); this.watchers.delete(stop); };
  }

  list(): DatasetSummary[] {
    return this.lab.registry.list().map(summaryOf).reverse();
  }

  get(id: string): DatasetDetail {
    const d = this.find(id);
    // the import's long-format reading, as the lab's own checks read it (absent for an older record: the app falls back as the lab does)
    const longFormat = recordedLongFormat(d.validation);
    return { ...summaryOf(d), columnInfo: d.columns.map(columnInfoOf), issues: issuesOf(d), ...(longFormat ? { longFormat } : {}) };
  }

  preview(id: string, offset: number, limit: number) {
    const d = this.find(id);
    let cache = this.caches.get(d.id);
    if (!cache) {
      cache = openDatasetCache(d.cachePath);
      this.caches.set(d.id, cache);
      if (this.caches.size > 3) this.caches.delete(this.caches.keys().next().value as number);
    }
    const end = Math.min(cache.rows, offset + limit);
    const rows = [];
    for (let r = offset; r < end; r++) rows.push(cache.columns.map((c) => cellOf(c, r)));
    return { offset, total: cache.rows, columns: cache.columns.map((c) => c.info.name), rows };
  }

  setRoles(id: string, roles: Record<string, DatasetDetail['columnInfo'][number]['role']>, modalities: Record<string, string | null> = {}): DatasetDetail {
    const d = this.find(id);
    try {
      const changes = new Map<string, { column: string; role?: typeof roles[string]; modality?: string | null }>();
      for (const [column, role] of Object.entries(roles)) changes.set(column, { column, role });
      for (const [column, modality] of Object.entries(modalities)) changes.set(column, { ...(changes.get(column) ?? { column }), modality });
      this.lab.registry.setColumns(d.id, [...changes.values()]);
    } catch (e) {
      throw datasetActionError(e);
    }
    return this.get(id);
  }

  /**
   * Deletes the dataset. One whose stored row is damaged cannot be opened (find refuses it), but deleting it is
   * the way out the app offers for it (DamagedRowsNote): it goes by its plain id, and the registry's delete
   * reads only its plain columns, still refusing it while a run waits for it, trains on it or is damaged itself.
   */
  remove(id: string): void {
    const datasetId = this.damagedId(id) ?? this.find(id).id;
    try {
      this.lab.registry.delete(datasetId);
    } catch (e) {
      throw datasetActionError(e); // in use by a run: the message says what to do
    }
    this.caches.delete(datasetId);
  }

  /** Column types: parsed again from the stored original (retype.ts); refusals come back as the user's message. */
  async setTypes(id: string, types: Record<string, ColumnType | null>, onInvalid?: 'reject' | 'drop' | 'impute'): Promise<TypesChanged> {
    const d = this.find(id);
    let message: string;
    try {
      message = (await retypeDataset(this.lab.registry, d.id, types, { onInvalid })).message;
    } catch (e) {
      throw datasetActionError(e);
    }
    this.caches.delete(d.id); // previews must read the new cache
    return { dataset: this.get(id), message };
  }

  rename(id: string, name: string): { dataset: DatasetSummary; message: string } {
    const d = this.find(id);
    try {
      const { dataset } = this.lab.registry.rename(d.id, name);
      return { dataset: summaryOf(dataset), message: `Dataset ${d.id} is now '${dataset.name}'` };
    } catch (e) {
      throw datasetActionError(e);
    }
  }

  async importFile(path: string, hooks: Parameters<DatasetsPort['importFile']>[1]): Promise<ImportedFile> {
    const outcome = await this.lab.registry.importDataset(path, {
      // a given name is the user's (refused when taken); a default one gives way as '<name> (2)'
      ...(hooks.name !== undefined ? { name: hooks.name } : {}),
      ...(hooks.defaultName !== undefined ? { defaultName: hooks.defaultName } : {}),
      signal: hooks.signal,
      ...(hooks.onInvalid ? { onInvalid: hooks.onInvalid } : {}),
      onProgress: (p) => hooks.onProgress({ bytes: p.bytes, totalBytes: p.totalBytes, rows: p.rows }),
    });
    return { datasetId: String(outcome.dataset.id), created: outcome.created, ...(outcome.nameNote ? { nameNote: outcome.nameNote } : {}) };
  }

  close(): void {
    for (const stop of this.watchers) stop();
    this.watchers.clear();
    this.caches.clear();
    this.lab.close();
  }

  /** The id of a dataset whose stored row (or a column's) is damaged, which find would refuse; undefined for any other. */
  private damagedId(id: string): number | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const n = Number(id);
    return this.lab.store.datasets.listChecked().damaged.some((d) => d.id === n) ? n : undefined;
  }

  /** The dataset by id; its row damaged (json.ts) is 'not-available' with the words that name the row and column. */
  private find(id: string): Dataset {
    let d: Dataset | undefined;
    try {
      d = /^\d+$/.test(id) ? this.lab.registry.get(Number(id)) : undefined;
    } catch (e) {
      throw datasetActionError(e);
    }
    if (!d) throw new LabError('not-found', `no dataset with id '${id}' (it may have been deleted); pick one from the list`);
    return d;
  }
}
