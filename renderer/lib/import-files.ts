// One path for every way a file enters the lab (drop anywhere, the Import button): by local path in
// Electron, by chunked upload in a browser (or a file dropped in Electron that has no path on disk).
// Uploads go through a queue: the lab takes at most UPLOADS_AT_ONCE of one window at a time and refuses
// the next, so a sixth dropped file waits, listed as waiting, and starts when an upload ends.
import type { Stores } from '../stores';
import type { ImportItem } from '../stores/imports.svelte';

/**
 * Uploads of one window the lab accepts at once: UPLOADS_PER_CLIENT of main/serve/client-uploads.ts (per
 * browser tab in serve mode, per window in Electron). The renderer may not import main/, so it is repeated
 * here; import-files.test.ts checks that the two agree.
 */
export const UPLOADS_AT_ONCE = 4;

const queues = new WeakMap<Stores, UploadQueue>();

export function importFiles(stores: Stores, files: FileList | File[]): void {
  const list = Array.from(files);
  if (!list.length) return;
  stores.router.go('datasets');
  let uploads = queues.get(stores);
  if (!uploads) queues.set(stores, (uploads = new UploadQueue(stores)));
  for (const f of list) {
    const path = stores.pathForFile(f);
    if (path) void stores.imports.importPath(path, f.name); // the lab reads it and queues the parse itself
    else uploads.add(f);
  }
}

/** Waiting items' keys: negative, so they never meet the imports store's own keys (1, 2, …). */
let nextWaitingKey = -1;

/**
 * At most UPLOADS_AT_ONCE uploads in flight; the others wait in the import list as 'queued' items (Cancel
 * there drops one before it starts) and start in drop order as uploads end, failed ones included.
 */
class UploadQueue {
  private running = 0;
  private readonly waiting: { file: File; key: number }[] = [];

  constructor(private readonly stores: Stores) {}

  add(file: File): void {
    if (this.running < UPLOADS_AT_ONCE) return void this.run(file, null);
    const key = nextWaitingKey--;
    const item: ImportItem = { key, file: file.name, phase: 'queued', bytes: 0, totalBytes: file.size, rows: 0, datasetId: null, error: null, uploadId: null, importId: null };
    this.stores.imports.items.push(item);
    this.waiting.push({ file, key });
  }

  private async run(file: File, waitingKey: number | null): Promise<void> {
    const imports = this.stores.imports;
    this.running++;
    try {
      const before = new Set(imports.items.map((i) => i.key));
      const done = imports.upload(file);
      // upload() lists its item before its first request: it takes the waiting item's place in the list
      const item = imports.items.find((i) => !before.has(i.key));
      if (item && waitingKey !== null) imports.items = imports.items.filter((i) => i.key !== item.key).map((i) => (i.key === waitingKey ? item : i));
      await done;
      // An upload that failed part-way (a chunk the browser could not read) is still open in the lab and
      // would hold one of this window's places there until the page goes away: give it back.
      if (item?.phase === 'failed' && item.uploadId && !item.importId) await this.stores.lab.invoke('import.cancel', { importId: item.uploadId }).catch(() => {});
    } finally {
      this.running--;
      this.startWaiting();
    }
  }

  private startWaiting(): void {
    while (this.running < UPLOADS_AT_ONCE && this.waiting.length) {
      const next = this.waiting.shift()!;
      // cancelled (or gone from the list) while it waited: nothing to upload
      if (this.stores.imports.items.find((i) => i.key === next.key)?.phase !== 'queued') continue;
      void this.run(next.file, next.key);
    }
  }
}
