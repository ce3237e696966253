// Imports in flight: each gets an id, reports progress as `import.progress` events (at most ~10/s),
// and can be cancelled. The importer itself runs off the main thread (the store's job); this file
// only tracks and reports.
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { rmSync } from 'node:fs';
import type { ImportProgress } from '../../../common/lab-api';
import type { DatasetsPort, ImportHooks } from './datasets-port';

export class Imports {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly datasets: DatasetsPort,
    private readonly emit: (p: ImportProgress) => void,
    private readonly onImported: (datasetId: string) => void,
  ) {}

  /** Starts importing `path`; `temporary` files (uploads) are deleted when the import ends. */
  start(path: string, opts: { name?: string; displayName?: string; temporary?: boolean; onInvalid?: ImportHooks['onInvalid'] }): string {
    const importId = randomUUID();
    const controller = new AbortController();
    this.running.set(importId, controller);
    const file = opts.displayName ?? basename(path);
    const base = { importId, file, datasetId: null, error: null } as const;
    let last = 0;
    // After the reply that carries importId has gone out, so the UI knows whose progress this is.
    setImmediate(() => this.emit({ ...base, phase: 'parsing', bytes: 0, totalBytes: 0, rows: 0 }));
    this.datasets
      .importFile(path, {
        name: opts.name ?? file.replace(/\.[^.]+$/, ''),
        signal: controller.signal,
        onInvalid: opts.onInvalid,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 100) return;
          last = now;
          this.emit({ ...base, phase: 'parsing', ...p });
        },
      })
      .then(
        (datasetId) => {
          this.emit({ ...base, phase: 'done', bytes: 0, totalBytes: 0, rows: 0, datasetId });
          this.onImported(datasetId);
        },
        (e: Error) => {
          const cancelled = controller.signal.aborted;
          this.emit({ ...base, phase: cancelled ? 'cancelled' : 'failed', bytes: 0, totalBytes: 0, rows: 0, error: cancelled ? null : e.message });
        },
      )
      .finally(() => {
        this.running.delete(importId);
        if (opts.temporary) rmSync(dirname(path), { recursive: true, force: true }); // the upload's own folder
      });
    return importId;
  }

  cancel(importId: string): boolean {
    const c = this.running.get(importId);
    c?.abort();
    return !!c;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
