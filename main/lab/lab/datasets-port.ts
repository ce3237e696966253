// What the Lab needs from the dataset store, as an interface: the dataset registry is adapted to it
// in store-datasets.ts; tests may inject their own.
import type { ColumnRole, ColumnType, DatasetDetail, DatasetSummary, PreviewPage, TypesChanged } from '../../../common/lab-api';

export interface ImportHooks {
  /** A name the user chose: refused when another dataset has it (main/lab/datasets/dataset-name.ts). */
  name?: string;
  /**
   * Without `name`: the name to start from (the file's, where `path` is an upload's temp copy). Only a
   * default: taken, the dataset is named '<name> (2)'… and the import's `nameNote` says so.
   */
  defaultName?: string;
  signal: AbortSignal;
  /** Rows that do not parse: stop with a message naming the line (default), drop them, or pad short rows. */
  onInvalid?: 'reject' | 'drop' | 'impute';
  onProgress(p: { bytes: number; totalBytes: number; rows: number }): void;
}

export interface ImportedFile {
  datasetId: string;
  created: boolean;
  nameNote?: string;
}

export interface DatasetsPort {
  list(): DatasetSummary[] | Promise<DatasetSummary[]>;
  get(id: string): DatasetDetail | Promise<DatasetDetail>;
  preview(id: string, offset: number, limit: number): PreviewPage | Promise<PreviewPage>;
  setRoles(id: string, roles: Record<string, ColumnRole>, modalities?: Record<string, string | null>): DatasetDetail | Promise<DatasetDetail>;
  remove(id: string): void | Promise<void>;
  /** Parses the dataset again with these column types (null: inferred); absent in test ports without a store. */
  setTypes?(id: string, types: Record<string, ColumnType | null>, onInvalid?: 'reject' | 'drop' | 'impute'): Promise<TypesChanged>;
  rename?(id: string, name: string): { dataset: DatasetSummary; message: string };
  /**
   * Imports a file; resolves with the new (or existing, same content: created false) dataset's id, and
   * `nameNote` when the default name was taken and another was picked (what to tell the user).
   */
  importFile(path: string, hooks: ImportHooks): Promise<ImportedFile>;
  /**
   * Reports datasets other processes on the same lab home added, deleted or edited (by id), about once a
   * second, until the returned stop or close(); absent in test ports without a store.
   */
  watchForeign?(onChange: (id: string) => void): () => void;
  close(): void;
}
