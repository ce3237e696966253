// Imports the user started by dropping files or picking them: in a browser the file is read here and
// uploaded in chunks over LabApi; in Electron the lab reads it by path. Progress of the parse comes
// back as `import.progress` events. Every import can be cancelled, and its outcome stays listed
// until dismissed so nothing fails silently.
import { LabError, type ImportProgress, type LabApi } from '../../common/lab-api';
import { UPLOAD_CHUNK_BYTES } from '../../common/lab-api/wire';
import { toBase64 } from '../lib/base64';

export interface ImportItem {
  key: number;
  file: string;
  phase: ImportProgress['phase'];
  bytes: number;
  totalBytes: number;
  rows: number;
  datasetId: string | null;
  error: string | null;
  uploadId: string | null;
  importId: string | null;
  /** What was imported, so a failed import can be tried again with another bad-row policy. */
  source?: { kind: 'upload'; file: DroppedFile } | { kind: 'path'; path: string; name: string };
}

/** Rows that do not parse: 'drop' them, or 'impute' (pad short rows with missing values). */
export type BadRowPolicy = 'drop' | 'impute';

/** Whether an import failed on rows that another bad-row policy would get past (the importer's message says so). */
export const failedOnBadRows = (item: ImportItem): boolean => item.phase === 'failed' && /onInvalid 'drop'/.test(item.error ?? '');

/** A dropped file as the store needs it (a DOM File satisfies it). */
export interface DroppedFile {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export class ImportsStore {
  items = $state<ImportItem[]>([]);
  active = $derived(this.items.filter((i) => i.phase === 'uploading' || i.phase === 'parsing'));
  private nextKey = 1;
  private onDone: (datasetId: string) => void = () => {};

  constructor(private readonly lab: LabApi) {
    lab.on('import.progress', (p) => {
      let item = this.items.find((i) => i.importId === p.importId);
      // An import this window did not start (File > Import in Electron, another browser tab): show it too.
      if (!item && p.phase === 'parsing') {
        // Ours, if its importId is not back yet (same file, waiting); otherwise someone else's.
        item = this.items.find((i) => i.importId === null && i.phase === 'parsing' && i.file === p.file) ?? this.add(p.file, p.totalBytes);
        item.importId = p.importId;
      }
      if (!item) return;
      item.phase = p.phase;
      if (p.phase === 'parsing') Object.assign(item, { bytes: p.bytes, totalBytes: p.totalBytes || item.totalBytes, rows: p.rows });
      if (p.phase === 'done' && p.datasetId) {
        item.datasetId = p.datasetId;
        this.onDone(p.datasetId);
      }
      if (p.error) item.error = p.error;
    });
  }

  /** Called with the new dataset's id when an import finishes (the Datasets view opens it). */
  whenImported(fn: (datasetId: string) => void): void {
    this.onDone = fn;
  }

  private add(file: string, totalBytes: number): ImportItem {
    this.items.push({ key: this.nextKey++, file, phase: 'uploading', bytes: 0, totalBytes, rows: 0, datasetId: null, error: null, uploadId: null, importId: null });
    return this.items[this.items.length - 1]; // the proxied item, so later writes are reactive
  }

  async importPath(path: string, name: string, onInvalid?: BadRowPolicy): Promise<void> {
    const item = this.add(name, 0);
    item.source = { kind: 'path', path, name };
    item.phase = 'parsing';
    try {
      item.importId = (await this.lab.invoke('datasets.import', { path, ...(onInvalid ? { onInvalid } : {}) })).importId;
    } catch (e) {
      this.fail(item, e);
    }
  }

  async upload(file: DroppedFile, onInvalid?: BadRowPolicy): Promise<void> {
    const item = this.add(file.name, file.size);
    item.source = { kind: 'upload', file };
    try {
      item.uploadId = (await this.lab.invoke('import.begin', { name: file.name, size: file.size })).uploadId;
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        if (item.phase === 'cancelled') return;
        const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)).arrayBuffer());
        item.bytes = (await this.lab.invoke('import.chunk', { uploadId: item.uploadId, offset, data: toBase64(bytes) })).received;
      }
      if (item.phase === 'cancelled') return;
      item.phase = 'parsing';
      item.bytes = 0;
      item.importId = (await this.lab.invoke('import.finish', { uploadId: item.uploadId, ...(onInvalid ? { onInvalid } : {}) })).importId;
    } catch (e) {
      if (item.phase !== 'cancelled') this.fail(item, e);
    }
  }

  async cancel(key: number): Promise<void> {
    const item = this.items.find((i) => i.key === key);
    if (!item || (item.phase !== 'uploading' && item.phase !== 'parsing')) return;
    const id = item.importId ?? item.uploadId;
    item.phase = 'cancelled';
    if (id) await this.lab.invoke('import.cancel', { importId: id }).catch(() => {});
  }

  /** Imports a failed item's file again with a bad-row policy (the failed entry is replaced by the new one). */
  async retry(key: number, onInvalid: BadRowPolicy): Promise<void> {
    const item = this.items.find((i) => i.key === key);
    if (!item?.source) return;
    const source = item.source;
    this.dismiss(key);
    if (source.kind === 'upload') await this.upload(source.file, onInvalid);
    else await this.importPath(source.path, source.name, onInvalid);
  }

  dismiss(key: number): void {
    this.items = this.items.filter((i) => i.key !== key);
  }

  private fail(item: ImportItem, e: unknown): void {
    item.phase = 'failed';
    item.error = LabError.from(e).message;
  }
}
