// Imports the user started by dropping files or picking them: in a browser the file is read here and
// uploaded in chunks over LabApi; in Electron the lab reads it by path. Progress of the parse comes
// back as `import.progress` events. Every import can be cancelled, and its outcome stays listed
// until dismissed so nothing fails silently. Uploads (every path: a drop, the Import button, a retry
// with another bad-row policy) wait here for one of this window's places in the lab, which takes at
// most UPLOADS_AT_ONCE of them at once and refuses the next.
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
  /** From the lab's final event: false when the file's content already was dataset `datasetId` (absent from older labs). */
  created?: boolean;
  /** From the lab's final event: the file's name was taken, so the dataset got another ('textonly (2)'). */
  nameNote?: string;
  uploadId: string | null;
  importId: string | null;
  /** What was imported, so a failed import can be tried again with another bad-row policy. */
  source?: { kind: 'upload'; file: DroppedFile } | { kind: 'path'; path: string; name: string };
}

/** Rows that do not parse: 'drop' them, or 'impute' (pad short rows with missing values). */
export type BadRowPolicy = 'drop' | 'impute';

/** Whether an import failed on rows that another bad-row policy would get past (the importer's message says so). */
export const failedOnBadRows = (item: ImportItem): boolean => item.phase === 'failed' && /onInvalid 'drop'/.test(item.error ?? '');

/**
 * Uploads of one window the lab accepts at once: UPLOADS_PER_CLIENT of main/serve/client-uploads.ts (per
 * browser tab in serve mode, per window in Electron). The renderer may not import main/, so it is repeated
 * here; lib/import-files.test.ts checks that the two agree.
 */
export const UPLOADS_AT_ONCE = 4;

/** A dropped file as the store needs it (a DOM File satisfies it). */
export interface DroppedFile {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** Phases after which an import reports nothing more. */
const FINAL: ReadonlySet<ImportProgress['phase']> = new Set(['done', 'failed', 'cancelled']);

/** Whether an item can still be cancelled (it is uploading, waiting for a place, or parsing). */
export const inFlight = (item: { phase: ImportProgress['phase'] }): boolean => item.phase === 'uploading' || item.phase === 'queued' || item.phase === 'parsing';

export class ImportsStore {
  items = $state<ImportItem[]>([]);
  active = $derived(this.items.filter(inFlight));
  private nextKey = 1;
  private onDone: (datasetId: string) => void = () => {};
  /**
   * Events for import ids not known here yet. The lab sends an import's first event (and, for a file that
   * fails at once, its last) before the reply that tells us the id, so they are kept until that reply comes.
   */
  private early = new Map<string, ImportProgress[]>();
  /** Requests that will answer with an importId (datasets.import, import.finish) still on their way. */
  private awaitingIds = 0;
  /** Uploads holding one of this window's places in the lab (from import.begin until they end). */
  private uploading = 0;
  /** Uploads waiting for a place, in the order they were started: each is handed a place as one ends. */
  private waiting: (() => void)[] = [];

  constructor(private readonly lab: LabApi) {
    lab.on('import.progress', (p) => {
      const item = this.items.find((i) => i.importId === p.importId);
      if (item) return this.apply(item, p);
      const kept = this.early.get(p.importId) ?? [];
      kept.push(p);
      this.early.set(p.importId, kept);
      if (this.awaitingIds === 0) this.adoptOthers();
    });
  }

  /** Applies one event; nothing changes an item once it reached a final phase (a late or repeated event). */
  private apply(item: ImportItem, p: ImportProgress): void {
    // (a Cancel clicked here is only a request: the lab's own final word on it still counts)
    if (FINAL.has(item.phase) && !(item.phase === 'cancelled' && FINAL.has(p.phase))) return;
    item.phase = p.phase;
    if (p.phase === 'parsing') Object.assign(item, { bytes: p.bytes, totalBytes: p.totalBytes || item.totalBytes, rows: p.rows });
    if (p.phase === 'done' && p.datasetId) {
      item.datasetId = p.datasetId;
      if (p.created !== undefined) item.created = p.created;
      if (p.nameNote) item.nameNote = p.nameNote;
      this.onDone(p.datasetId);
    }
    if (p.error) item.error = p.error;
  }

  /** Sends a request that answers with an importId, and gives `item` that id and the events kept for it. */
  private async claim(item: ImportItem, request: () => Promise<{ importId: string }>): Promise<void> {
    this.awaitingIds++;
    try {
      const { importId } = await request();
      item.importId = importId;
      for (const p of this.early.get(importId) ?? []) this.apply(item, p);
      this.early.delete(importId);
    } finally {
      if (--this.awaitingIds === 0) this.adoptOthers();
    }
  }

  /**
   * Kept events nobody here claimed belong to imports this window did not start (File > Import in
   * Electron, another browser tab): list those that are still in flight or just were.
   */
  private adoptOthers(): void {
    for (const [importId, events] of this.early) {
      this.early.delete(importId);
      if (!events.some((p) => p.phase === 'parsing' || p.phase === 'queued')) continue;
      const item = this.add(events[0].file, events[0].totalBytes);
      item.importId = importId;
      item.phase = 'parsing';
      for (const p of events) this.apply(item, p);
    }
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
      await this.claim(item, () => this.lab.invoke('datasets.import', { path, ...(onInvalid ? { onInvalid } : {}) }));
    } catch (e) {
      this.fail(item, e);
    }
  }

  /**
   * Uploads a file in chunks and imports it. Beyond UPLOADS_AT_ONCE uploads in flight it is listed as
   * 'queued' (Cancel there drops it before it starts) and starts, in order, when an upload ends.
   */
  async upload(file: DroppedFile, onInvalid?: BadRowPolicy): Promise<void> {
    const item = this.add(file.name, file.size);
    item.source = { kind: 'upload', file };
    if (!(await this.takePlace(item))) return;
    // a function, not `item.phase === 'cancelled'` inline: Cancel changes it between awaits, behind the type checker's back
    const cancelled = () => item.phase === 'cancelled';
    try {
      item.uploadId = (await this.lab.invoke('import.begin', { name: file.name, size: file.size })).uploadId;
      // cancelled while import.begin was on its way, so cancel() had no id to send: the lab's upload is open
      if (cancelled()) return void (await this.lab.invoke('import.cancel', { importId: item.uploadId }).catch(() => {}));
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        if (cancelled()) break;
        const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)).arrayBuffer());
        item.bytes = (await this.lab.invoke('import.chunk', { uploadId: item.uploadId, offset, data: toBase64(bytes) })).received;
      }
      if (cancelled()) return;
      item.phase = 'parsing';
      item.bytes = 0;
      const uploadId = item.uploadId;
      await this.claim(item, () => this.lab.invoke('import.finish', { uploadId, ...(onInvalid ? { onInvalid } : {}) }));
    } catch (e) {
      if (item.phase !== 'cancelled') this.fail(item, e);
      // An upload that failed part-way (a chunk the browser could not read) is still open in the lab and
      // would hold one of this window's places there until the page goes away: give it back.
      if (item.uploadId && !item.importId) await this.lab.invoke('import.cancel', { importId: item.uploadId }).catch(() => {});
    } finally {
      this.leavePlace();
    }
  }

  /** Waits for one of this window's upload places; false when the item was cancelled or dismissed meanwhile. */
  private async takePlace(item: ImportItem): Promise<boolean> {
    if (this.uploading < UPLOADS_AT_ONCE) {
      this.uploading++;
      return true;
    }
    item.phase = 'queued';
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    // the place of the upload that ended is handed over here (the count stays): pass it on if unwanted
    if (this.items.find((i) => i.key === item.key)?.phase !== 'queued') {
      this.leavePlace();
      return false;
    }
    item.phase = 'uploading';
    return true;
  }

  private leavePlace(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.uploading--;
  }

  async cancel(key: number): Promise<void> {
    const item = this.items.find((i) => i.key === key);
    if (!item || !inFlight(item)) return;
    const id = item.importId ?? item.uploadId;
    // an upload whose import.begin is still on its way has no id yet: upload() cancels it once it has one
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
